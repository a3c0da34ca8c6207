// Pure helpers on a block diary: readings done, and a diary's body with one reading set or removed.
import { toInput, type BlockDiaryInput, type BlockDiaryView } from './block-diary-api.ts';
import type { ReadingValue } from './reading-form.tsx';

/** A change to a diary, kept as a function so that after a 409 it can be applied to the server's copy. */
export type Change = (diary: BlockDiaryView) => BlockDiaryInput;

/** Readings done out of those scheduled. */
export function doneCount(diary: BlockDiaryView): number {
  const recorded = new Set(diary.readings.map((r) => r.offsetMinutes));
  return diary.schedule.filter((s) => recorded.has(s.offsetMinutes)).length;
}

/** The diary's body with one reading set (value) or removed (null), readings in offset order. */
export function withReading(diary: BlockDiaryView, offsetMinutes: number, value: ReadingValue | null, recordedAt: string): BlockDiaryInput {
  const input = toInput(diary);
  const others = (input.readings ?? []).filter((r) => r.offsetMinutes !== offsetMinutes);
  const previous = diary.readings.find((r) => r.offsetMinutes === offsetMinutes);
  const readings = value === null ? others : [...others, { offsetMinutes, ...value, recordedAt: previous?.recordedAt ?? recordedAt }];
  return { ...input, readings: readings.sort((a, b) => a.offsetMinutes - b.offsetMinutes) };
}
