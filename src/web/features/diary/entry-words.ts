// How a check-in reads in a diary list: its note shortened, its medicines in words, and who entered it,
// taken from the provenance the server records (a role, never a name the API does not give).
import type { DiaryEntryView } from '../../api/client.ts';
import { formatNumber } from '../../i18n/index.ts';

/**
 * How much of a note a list shows before "Show the whole note": about two lines on a phone. A display
 * choice, not a clinical one; the whole note is always a tap away.
 */
export const NOTE_PREVIEW_CHARS = 120;

/**
 * The start of a note, cut at a word boundary when there is one in its second half, with "…" when
 * anything was left out. Counts characters, not UTF-16 units, so no emoji is cut in two.
 */
export function notePreview(notes: string, maxChars: number = NOTE_PREVIEW_CHARS): { text: string; truncated: boolean } {
  const chars = Array.from(notes.trim());
  if (chars.length <= maxChars) return { text: chars.join(''), truncated: false };
  const head = chars.slice(0, maxChars).join('');
  const space = head.search(/\s\S*$/);
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return { text: `${cut.trimEnd()}…`, truncated: true };
}

/** A medicine taken, as "Naproxen 250 mg", or its name alone when no dose was given. */
export function medicineInWords(m: DiaryEntryView['medicines'][number]): string {
  return m.dose !== null && m.unit !== null ? `${m.name} ${formatNumber(m.dose)} ${m.unit}` : m.name;
}

/** Who entered a check-in, as the person looking at it should read it. */
export type EnteredBy = 'you' | 'patient' | 'caregiver' | 'clinic' | 'device';

const BY_SOURCE: Readonly<Record<string, EnteredBy>> = { self: 'patient', caregiver: 'caregiver', clinician: 'clinic', device: 'device' };

/**
 * "You" when the viewer typed it (their user id is the entry's `enteredBy`), otherwise the role the
 * entry was written in. An unknown source reads as a device's rather than as the patient's own.
 */
export function enteredByOf(provenance: DiaryEntryView['provenance'], viewerUserId: string): EnteredBy {
  if (provenance.enteredBy === viewerUserId) return 'you';
  return BY_SOURCE[provenance.source] ?? 'device';
}
