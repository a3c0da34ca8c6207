// Pure pieces of the check-in form: the pain scale's words, a region as the form edits it, and where
// a refused entry's field errors are shown.
import type { DiaryEntryView } from '../../api/client.ts';
import { dvprsDescriptor } from '../../../domain/diary/entry.ts';

export const DESCRIPTORS = Array.from({ length: 11 }, (_, n) => dvprsDescriptor(n).text);

export type RegionDraft = { code: string; intensity: number | null; qualities: string[] };

/** An entry's regions as drafts: a region rated like the whole entry follows the new overall rating. */
export const regionDrafts = (e: DiaryEntryView): RegionDraft[] =>
  e.regions.map((r) => ({ code: r.code, intensity: r.intensity === e.intensity ? null : r.intensity, qualities: [...r.qualities] }));

/** Where the check-in shows a refused entry's field errors (the rest go in the form's alert). */
export const IN_DETAILS = ['/worstSinceLast', '/leastSinceLast', '/regions', '/interference', '/activity', '/ownTriggers', '/techniques'];
export const PLACED = [...IN_DETAILS, '/sleep/hours', '/sleep/quality', '/mood'];
export const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);
