// Saving a flare, and what the save came to, for the timeline's "It's over now" and for the form.
import type { ApiError } from '../../api/client.ts';
import { bodyOfDraft, type DraftProblem, type FlareDraft } from './flare-draft.ts';
import { flaresApi, type SavedFlare } from './flares-api.ts';

/** What a save came to; anything but `saved` keeps (or opens) the form to show it. */
export type Outcome =
  | { kind: 'saved' }
  | { kind: 'invalid'; problems: Partial<Record<string, DraftProblem>> }
  | { kind: 'conflict'; current: SavedFlare | null; message: string }
  | { kind: 'error'; error: ApiError };

export interface Editing {
  id: string;
  /** The version edited (If-Match); undefined for a new flare. */
  version: number | undefined;
  draft: FlareDraft;
  /** The flare as the form loaded it (what "my changes" are measured against in a 409); null for a new one. */
  base: FlareDraft | null;
  /** The start in words, naming the flare being edited; null for a new one. */
  name: string | null;
  /** Shown when the form opens after a save made from the timeline ("It's over now") did not go through. */
  outcome?: Outcome;
}

export async function saveFlare(pid: string, id: string, draft: FlareDraft, version: number | undefined): Promise<Outcome> {
  const checked = bodyOfDraft(draft);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  try {
    await flaresApi.save(pid, id, checked.body, version);
    return { kind: 'saved' };
  } catch (e) {
    const error = e as ApiError;
    if (error.code === 'diary-entry-conflict' || error.status === 409)
      return { kind: 'conflict', current: (error.problem.current as SavedFlare | undefined) ?? null, message: error.message };
    return { kind: 'error', error };
  }
}
