// The body the check-in form sends. An edit replaces the whole entry on the server (PUT), so it starts
// from the stored entry and overwrites only what the form shows: fields the form has no control for
// (interference, mood, activity, techniques, the patient's own triggers, worst and least since last…)
// are kept as they were, never reset to empty.
import type { DiaryEntryView } from '../../api/client.ts';

export interface CheckInFields {
  readonly local: { readonly date: string; readonly time: string };
  readonly timeZone: string;
  readonly recordedAt: string;
  readonly mode: string;
  readonly intensity: number;
  readonly regions: readonly { readonly code: string; readonly intensity: number | null; readonly qualities: readonly string[] }[];
  readonly medicines: DiaryEntryView['medicines'];
  readonly triggers: readonly string[];
  readonly notes: string;
  /** Hours slept as typed, rounded to the quarter hour; null when left empty. */
  readonly sleepHours: number | null;
}

export function checkInBody(original: DiaryEntryView | null, form: CheckInFields): Record<string, unknown> {
  // The stored entry's id and provenance are the server's: the body names neither.
  const { id: _id, provenance: _provenance, ...kept } = (original ?? {}) as Partial<DiaryEntryView> & Record<string, unknown>;
  const sleep = original
    ? { sleep: { ...original.sleep, hours: form.sleepHours } }
    : form.sleepHours !== null ? { sleep: { hours: form.sleepHours, quality: null } } : {};
  return {
    ...kept,
    localDate: form.local.date, localTime: form.local.time, timeZone: form.timeZone, recordedAt: form.recordedAt, intensity: form.intensity, mode: form.mode,
    // A region without its own rating takes the entry's.
    regions: form.regions.map((r) => ({ code: r.code, intensity: r.intensity ?? form.intensity, qualities: [...r.qualities] })),
    medicines: form.medicines, triggers: [...form.triggers], notes: form.notes, ...sleep,
  };
}
