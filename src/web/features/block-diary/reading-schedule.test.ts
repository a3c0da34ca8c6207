import { describe, expect, it } from 'vitest';
import {
  findReadingReminder,
  isInProgress,
  LAST_READING_DUE_MINUTES,
  mostUrgentReminder,
  parseOffsets,
  readingStates,
  splitMinutes,
  type ScheduledReading,
} from './reading-schedule.ts';

const PROCEDURE = Date.parse('2026-05-28T09:00:00Z');
const schedule = (offsets: number[]): ScheduledReading[] =>
  offsets.map((m) => ({ offsetMinutes: m, dueAt: new Date(PROCEDURE + m * 60_000).toISOString() }));
const at = (minutesAfter: number) => new Date(PROCEDURE + minutesAfter * 60_000);
const DEFAULT = schedule([15, 30, 60, 120, 240, 360, 480]);

describe('readingStates', () => {
  it('marks a reading due from its time until the next one, earlier unrecorded ones missed', () => {
    expect(readingStates(DEFAULT, [], at(20)).map((s) => s.state)).toEqual([
      'due',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(
      readingStates(DEFAULT, [], at(35))
        .slice(0, 3)
        .map((s) => s.state),
    ).toEqual(['missed', 'due', 'upcoming']);
    expect(
      readingStates(DEFAULT, [15], at(35))
        .slice(0, 3)
        .map((s) => s.state),
    ).toEqual(['done', 'due', 'upcoming']);
  });
  it("is due exactly at its time and no longer at the next reading's time", () => {
    expect(readingStates(DEFAULT, [], at(15))[0]!.state).toBe('due');
    expect(readingStates(DEFAULT, [], at(14.99))[0]!.state).toBe('upcoming');
    expect(readingStates(DEFAULT, [], at(30))[0]!.state).toBe('missed');
  });
  it('keeps the last reading due for a while, then calls it missed', () => {
    expect(readingStates(DEFAULT, [], at(480 + LAST_READING_DUE_MINUTES - 1)).at(-1)!.state).toBe('due');
    expect(readingStates(DEFAULT, [], at(480 + LAST_READING_DUE_MINUTES)).at(-1)!.state).toBe('missed');
  });
  it('orders by due time whatever the input order', () => {
    expect(readingStates(schedule([60, 15]), [], at(0)).map((s) => s.offsetMinutes)).toEqual([15, 60]);
  });
});

describe('findReadingReminder', () => {
  it('gives the reading due now and the next one with whole minutes to go', () => {
    const r = findReadingReminder(DEFAULT, [], at(20));
    expect(r.due?.offsetMinutes).toBe(15);
    expect(r.next?.offsetMinutes).toBe(30);
    expect(r.minutesToNext).toBe(10);
  });
  it('rounds the minutes to the next reading up', () => {
    expect(findReadingReminder(DEFAULT, [15], at(20.5)).minutesToNext).toBe(10);
  });
  it('has nothing due once the due reading is recorded', () => {
    const r = findReadingReminder(DEFAULT, [15], at(20));
    expect(r.due).toBeNull();
    expect(r.next?.offsetMinutes).toBe(30);
  });
  it('before the procedure, the first reading is next', () => {
    const r = findReadingReminder(DEFAULT, [], at(-30));
    expect(r.due).toBeNull();
    expect(r.next?.offsetMinutes).toBe(15);
    expect(r.minutesToNext).toBe(45);
  });
  it('is finished when every reading is recorded or its time has passed', () => {
    expect(isInProgress(findReadingReminder(DEFAULT, [15, 30, 60, 120, 240, 360, 480], at(100)))).toBe(false);
    expect(isInProgress(findReadingReminder(DEFAULT, [], at(2000)))).toBe(false);
    expect(isInProgress(findReadingReminder(DEFAULT, [], at(100)))).toBe(true);
  });
});

describe('mostUrgentReminder', () => {
  const diary = (id: string, offsets: number[], startMinutes: number, recorded: number[] = []) => ({
    id,
    schedule: offsets.map((m) => ({ offsetMinutes: m, dueAt: new Date(PROCEDURE + (startMinutes + m) * 60_000).toISOString() })),
    readings: recorded.map((offsetMinutes) => ({ offsetMinutes })),
  });
  it('prefers a reading due now over a sooner next reading', () => {
    const due = diary('due', [15, 30], 0);
    const soon = diary('soon', [15], 10);
    expect(mostUrgentReminder([soon, due], at(20))?.diary.id).toBe('due');
  });
  it('else takes the soonest next reading, and null when nothing is in progress', () => {
    expect(mostUrgentReminder([diary('late', [60], 0), diary('early', [30], 0)], at(0))?.diary.id).toBe('early');
    expect(mostUrgentReminder([diary('old', [15], -10_000)], at(0))).toBeNull();
    expect(mostUrgentReminder([], at(0))).toBeNull();
  });
});

describe('parseOffsets', () => {
  it('reads minutes separated by commas or spaces, unique and ascending', () => {
    expect(parseOffsets('60, 15 30;15', 20160, 50)).toEqual({ ok: true, offsetsMinutes: [15, 30, 60] });
  });
  it('refuses empty text, non-numbers, zero, too long and too many', () => {
    expect(parseOffsets('  ', 20160, 50)).toEqual({ ok: false, reason: 'empty' });
    expect(parseOffsets('15, 1h', 20160, 50)).toEqual({ ok: false, reason: 'not-whole-minutes', token: '1h' });
    expect(parseOffsets('0', 20160, 50)).toEqual({ ok: false, reason: 'out-of-range', token: '0' });
    expect(parseOffsets('20161', 20160, 50)).toEqual({ ok: false, reason: 'out-of-range', token: '20161' });
    expect(parseOffsets('1 2 3', 20160, 2)).toEqual({ ok: false, reason: 'too-many' });
  });
});

describe('splitMinutes', () => {
  it('splits into days, hours and minutes', () => {
    expect(splitMinutes(225)).toEqual({ days: 0, hours: 3, minutes: 45 });
    expect(splitMinutes(1500)).toEqual({ days: 1, hours: 1, minutes: 0 });
    expect(splitMinutes(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});
