import { describe, expect, it } from 'vitest';
import { addDays, canAddDays, differenceInCalendarDays, LocalDateRangeError, isTimeZone, parseLocalDate, toLocalDateTime, type TimeZone } from './local-date.ts';

describe('LocalDate', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(parseLocalDate('2024-02-29')).toBe('2024-02-29');
    expect(parseLocalDate('2023-02-29')).toBeUndefined();
    expect(parseLocalDate('2024-13-01')).toBeUndefined();
    expect(parseLocalDate('24-01-01')).toBeUndefined();
  });
  it('counts calendar days across a DST change', () => {
    const a = parseLocalDate('2026-03-07')!;
    const b = parseLocalDate('2026-03-09')!;
    expect(differenceInCalendarDays(b, a)).toBe(2);
    expect(addDays(a, 2)).toBe(b);
  });
  it('buckets an instant by the local day, not the UTC day', () => {
    // 2026-07-01T02:30Z is still June 30 in Los Angeles (UTC-7 in summer).
    expect(toLocalDateTime(new Date('2026-07-01T02:30:00Z'), 'America/Los_Angeles' as TimeZone)).toEqual({ date: '2026-06-30', time: '19:30' });
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
  it('adds days only within 0000-01-01…9999-12-31, failing clearly instead of writing +010000-…', () => {
    expect(addDays(parseLocalDate('9999-12-30')!, 1)).toBe('9999-12-31');
    expect(canAddDays(parseLocalDate('9999-12-31')!, 1)).toBe(false);
    expect(() => addDays(parseLocalDate('9999-12-31')!, 1)).toThrow(LocalDateRangeError);
    expect(() => addDays(parseLocalDate('9999-12-01')!, 84)).toThrow(/outside 0000-01-01…9999-12-31/);
    expect(() => addDays(parseLocalDate('0100-01-01')!, -40_000)).toThrow(LocalDateRangeError);
    expect(addDays(parseLocalDate('0100-01-05')!, -14)).toBe('0099-12-22');
    // Every date addDays can write parses back (years 0–99 are not read as 1900–1999).
    expect(parseLocalDate('0099-12-22')).toBe('0099-12-22');
    expect(parseLocalDate('0000-01-01')).toBe('0000-01-01');
    expect(parseLocalDate('0000-02-29')).toBe('0000-02-29'); // year 0 is a leap year in the proleptic calendar
    expect(parseLocalDate('0100-02-29')).toBeUndefined();
    expect(canAddDays(parseLocalDate('2026-01-01')!, 1.5)).toBe(false);
  });
});
