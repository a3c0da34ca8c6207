import { describe, expect, it } from 'vitest';
import { addCalendarMonths, wholeCalendarMonthsBetween } from './calendar-months.ts';
import { LocalDateRangeError, type LocalDate } from '../time/local-date.ts';

const d = (text: string) => text as LocalDate;

// Calendar months on YYYY-MM-DD: only whole months, and only to dates four-digit years can write.
describe('addCalendarMonths at the edges', () => {
  it('reaches year 0 and year 9999 and no further', () => {
    expect(addCalendarMonths(d('0000-02-15'), -1)).toBe('0000-01-15');
    expect(addCalendarMonths(d('9999-11-30'), 1)).toBe('9999-12-30');
    expect(() => addCalendarMonths(d('0000-01-15'), -1)).toThrow(LocalDateRangeError);
    expect(() => addCalendarMonths(d('0000-01-15'), -1)).toThrow('0000-01-15 + -1 months is outside 0000-01-01…9999-12-31');
    expect(() => addCalendarMonths(d('9999-12-01'), 1)).toThrow('9999-12-01 + 1 months is outside 0000-01-01…9999-12-31');
  });

  it('takes whole months only', () => {
    for (const months of [0.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => addCalendarMonths(d('2026-01-15'), months), String(months)).toThrow(new RangeError('months must be an integer'));
    expect(addCalendarMonths(d('2026-01-15'), 0)).toBe('2026-01-15');
    expect(addCalendarMonths(d('2026-01-31'), -2)).toBe('2025-11-30');
    expect(addCalendarMonths(d('2026-03-31'), 12)).toBe('2027-03-31');
  });
});

describe('wholeCalendarMonthsBetween', () => {
  it('counts a month once the same day of the month is reached, clamped at month ends', () => {
    expect(wholeCalendarMonthsBetween(d('2026-03-15'), d('2026-06-14'))).toBe(2);
    expect(wholeCalendarMonthsBetween(d('2026-03-15'), d('2026-06-15'))).toBe(3);
    expect(wholeCalendarMonthsBetween(d('2024-01-31'), d('2024-02-28'))).toBe(0);
    expect(wholeCalendarMonthsBetween(d('2024-01-31'), d('2024-02-29'))).toBe(1);
    expect(wholeCalendarMonthsBetween(d('2025-12-20'), d('2026-01-19'))).toBe(0);
    expect(wholeCalendarMonthsBetween(d('2025-12-20'), d('2026-01-20'))).toBe(1);
    expect(wholeCalendarMonthsBetween(d('2026-01-15'), d('2026-01-15'))).toBe(0);
  });

  it('is null when the end is before the start', () => {
    expect(wholeCalendarMonthsBetween(d('2026-01-15'), d('2026-01-14'))).toBeNull();
  });
});
