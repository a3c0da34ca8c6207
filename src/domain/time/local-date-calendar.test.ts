import { describe, expect, it } from 'vitest';
import {
  addDays,
  canAddDays,
  canonicalTimeZone,
  differenceInCalendarDays,
  differenceInWallClockMinutes,
  EARLIEST_LOCAL_DATE,
  LATEST_LOCAL_DATE,
  LocalDateRangeError,
  parseInstant,
  parseLocalDate,
  parseLocalTime,
  toLocalDateTime,
  type LocalDate,
  type LocalTime,
  type TimeZone,
} from './local-date.ts';

// Calendar facts (Gregorian, proleptic before 1582): month lengths, the leap-year rule (every 4th year,
// not every 100th, but every 400th), and the edges of what YYYY-MM-DD can write.
const d = (text: string) => {
  const parsed = parseLocalDate(text);
  if (parsed === undefined) throw new Error(`not a date: ${text}`);
  return parsed;
};

describe('parseLocalDate: the calendar', () => {
  it('takes the last day of every month and refuses the day after', () => {
    const lengths2026 = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths2026.forEach((days, i) => {
      const mm = String(i + 1).padStart(2, '0');
      expect(parseLocalDate(`2026-${mm}-${days}`)).toBe(`2026-${mm}-${days}`);
      expect(parseLocalDate(`2026-${mm}-${days + 1}`)).toBeUndefined();
      expect(parseLocalDate(`2026-${mm}-01`)).toBe(`2026-${mm}-01`);
    });
  });

  it('has 29 February in leap years only: every 4th year, not every 100th, but every 400th', () => {
    for (const year of ['2024', '2000', '1600', '0400', '0004']) expect(parseLocalDate(`${year}-02-29`)).toBe(`${year}-02-29`);
    for (const year of ['2026', '1900', '2100', '1700', '0001']) expect(parseLocalDate(`${year}-02-29`)).toBeUndefined();
  });

  it('refuses day 0, month 0 and month 13, and anything not written YYYY-MM-DD', () => {
    for (const text of [
      '2026-01-00',
      '2026-00-10',
      '2026-13-10',
      '2026-1-10',
      '2026-01-1',
      '12026-01-01',
      '2026/01/10',
      ' 2026-01-10',
      '2026-01-10T00:00',
      '',
    ])
      expect(parseLocalDate(text), text).toBeUndefined();
  });
});

describe('differenceInCalendarDays', () => {
  it('counts whole days, negative backwards, over month ends, leap days and years', () => {
    expect(differenceInCalendarDays(d('2026-03-01'), d('2026-02-28'))).toBe(1);
    expect(differenceInCalendarDays(d('2024-03-01'), d('2024-02-28'))).toBe(2);
    expect(differenceInCalendarDays(d('2026-02-28'), d('2026-03-01'))).toBe(-1);
    expect(differenceInCalendarDays(d('2027-01-01'), d('2026-01-01'))).toBe(365);
    expect(differenceInCalendarDays(d('2025-01-01'), d('2024-01-01'))).toBe(366);
    expect(differenceInCalendarDays(d('2026-05-05'), d('2026-05-05'))).toBe(0);
  });
});

describe('addDays and canAddDays at the edges of YYYY-MM-DD', () => {
  it('writes the day after a month end, a leap day and a year end', () => {
    expect(addDays(d('2026-01-31'), 1)).toBe('2026-02-01');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2026-02-28'), 1)).toBe('2026-03-01');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(d('2026-01-01'), -1)).toBe('2025-12-31');
    expect(addDays(d('2026-03-29'), 0)).toBe('2026-03-29');
  });

  it('reaches the first and last dates exactly, and no further', () => {
    expect(EARLIEST_LOCAL_DATE).toBe('0000-01-01');
    expect(LATEST_LOCAL_DATE).toBe('9999-12-31');
    expect(canAddDays(d('0000-01-02'), -1)).toBe(true);
    expect(addDays(d('0000-01-02'), -1)).toBe('0000-01-01');
    expect(canAddDays(d('0000-01-01'), -1)).toBe(false);
    expect(canAddDays(d('9999-12-30'), 1)).toBe(true);
    expect(canAddDays(d('9999-12-31'), 0)).toBe(true);
    expect(canAddDays(d('0000-01-01'), 0)).toBe(true);
    expect(canAddDays(d('0000-01-01'), 3_652_424)).toBe(true); // 0000-01-01 to 9999-12-31
    expect(canAddDays(d('0000-01-01'), 3_652_425)).toBe(false);
  });

  it('refuses a number of days that is not a safe whole number', () => {
    for (const days of [Number.NaN, Number.POSITIVE_INFINITY, 0.5, -0.5, 2 ** 53])
      expect(canAddDays(d('2026-01-01'), days), String(days)).toBe(false);
    expect(canAddDays(d('2026-01-01'), -1)).toBe(true);
  });

  it('says which date and days were out of range', () => {
    const attempt = () => addDays(d('0000-01-01') as LocalDate, -1);
    expect(attempt).toThrow(LocalDateRangeError);
    expect(attempt).toThrow(RangeError);
    expect(attempt).toThrow('0000-01-01 + -1 days is outside 0000-01-01…9999-12-31');
    try {
      attempt();
    } catch (error) {
      expect((error as Error).name).toBe('LocalDateRangeError');
    }
  });
});

describe('differenceInWallClockMinutes', () => {
  const w = (date: string, time: string) => ({ date: d(date), time: parseLocalTime(time) as LocalTime });
  it('counts wall-clock minutes, not elapsed ones, across a DST change and midnight', () => {
    // Berlin, 29 March 2026: 01:59 to 03:00 is one elapsed minute, but 61 on the wall clock.
    expect(differenceInWallClockMinutes(w('2026-03-29', '03:00'), w('2026-03-29', '01:59'))).toBe(61);
    expect(differenceInWallClockMinutes(w('2026-03-01', '00:10'), w('2026-02-28', '23:50'))).toBe(20);
    expect(differenceInWallClockMinutes(w('2026-02-28', '23:50'), w('2026-03-01', '00:10'))).toBe(-20);
    expect(differenceInWallClockMinutes(w('2026-03-01', '12:00'), w('2026-03-01', '12:00'))).toBe(0);
  });
});

describe('parseLocalTime', () => {
  it('takes 00:00 to 23:59 written HH:MM and nothing else', () => {
    for (const t of ['00:00', '09:05', '19:59', '23:59']) expect(parseLocalTime(t)).toBe(t);
    for (const t of ['24:00', '23:60', '9:05', '09:5', '09:05:00', '', 'noon']) expect(parseLocalTime(t), t).toBeUndefined();
  });
});

describe('toLocalDateTime', () => {
  it('refuses a zone it does not know, naming it', () => {
    expect(() => toLocalDateTime(new Date(0), 'Mars/Olympus' as TimeZone)).toThrow(new RangeError('Unknown time zone: Mars/Olympus'));
  });

  it('writes midnight as 00:00 (a 24-hour clock) and the date it begins', () => {
    expect(toLocalDateTime(new Date('2026-03-08T23:00:00Z'), 'Europe/Berlin' as TimeZone)).toEqual({ date: '2026-03-09', time: '00:00' });
  });
});

describe('canonicalTimeZone', () => {
  it('gives the same answer when asked again', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('+02:00')).toBeUndefined();
    expect(canonicalTimeZone('+02:00')).toBeUndefined();
    expect(canonicalTimeZone('Nowhere/Land')).toBeUndefined();
    expect(canonicalTimeZone('Nowhere/Land')).toBeUndefined();
  });
});

describe('parseInstant', () => {
  it('reads the offset in the right direction and keeps milliseconds', () => {
    expect(parseInstant('2026-03-08T00:30:00+01:00')).toBe('2026-03-07T23:30:00.000Z');
    expect(parseInstant('2026-03-08T23:30:00-01:30')).toBe('2026-03-09T01:00:00.000Z');
    expect(parseInstant('2026-03-08T14:05:09.5Z')).toBe('2026-03-08T14:05:09.500Z');
  });

  it('takes only text: a list or an object that would print as an instant is not one', () => {
    expect(parseInstant(['2026-03-08T14:05Z'])).toBeUndefined();
    expect(parseInstant({ toString: () => '2026-03-08T14:05Z' })).toBeUndefined();
    expect(parseInstant(new Date('2026-03-08T14:05Z'))).toBeUndefined();
  });

  it('takes the last instant of year 9999 and the first of year 0 in UTC, and refuses the day that does not exist', () => {
    expect(parseInstant('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(parseInstant('2024-02-29T12:00:00Z')).toBe('2024-02-29T12:00:00.000Z');
    expect(parseInstant('2026-02-29T12:00:00Z')).toBeUndefined();
    expect(parseInstant('2026-04-31T12:00:00Z')).toBeUndefined();
  });
});
