// Typed calls for a patient's flares (api/routes/diary/diary-documents.routes.ts). The body is the
// contract's FlareBody; the timeline items mirror presentFlares (the flare, its version, duration and
// whether it goes on). Kept out of api/client.ts so this code loads only with the Flares page.
import type { z } from 'zod';
import type { FlareBody } from '../../../contract/diary.ts';
import type { Flare } from '../../../domain/diary/flare.ts';
import { request } from '../../api/client.ts';

export type FlareInput = z.input<typeof FlareBody>;
export interface FlareView extends Flare {
  version: number;
  durationMinutes: number | null;
  ongoing: boolean;
}
/** What a save answers, and the `current` of a 409: the flare and its version, without the timeline fields. */
export type SavedFlare = Flare & { version: number };

const base = (pid: string) => `/api/patients/${pid}/flares`;

export const flaresApi = {
  list: (pid: string) => request<{ items: FlareView[] }>('GET', `${base(pid)}?limit=1000`),
  /** Create (no version) or edit `version` (sent as If-Match). */
  save: (pid: string, id: string, body: FlareInput, version: number | undefined) =>
    request<SavedFlare>('PUT', `${base(pid)}/${id}`, body, version === undefined ? {} : { 'if-match': `"${version}"` }),
  /** Deletes `version` (If-Match): a flare changed on another device since is not deleted (409). */
  remove: (pid: string, id: string, version: number) =>
    request<void>('DELETE', `${base(pid)}/${id}`, undefined, { 'if-match': `"${version}"` }),
};
