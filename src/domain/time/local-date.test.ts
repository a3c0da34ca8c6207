import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  canAddDays,
  canonicalTimeZone,
  differenceInCalendarDays,
  instantOfLocalDateTime,
  LocalDateRangeError,
  isTimeZone,
  localDateTimeExists,
  parseInstant,
  parseLocalDate,
  parseLocalTime,
  toLocalDateTime,
  type LocalTime,
  type TimeZone,
} from './local-date.ts';

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
    expect(toLocalDateTime(new Date('2026-07-01T02:30:00Z'), 'America/Los_Angeles' as TimeZone)).toEqual({
      date: '2026-06-30',
      time: '19:30',
    });
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

describe('canonicalTimeZone', () => {
  it('takes IANA names in any case and gives the one spelling to store', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('AMERICA/NEW_YORK')).toBe('America/New_York');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('Etc/GMT+5')).toBe('Etc/GMT+5');
    expect(canonicalTimeZone('etc/gmt-14')).toBe('Etc/GMT-14');
  });
  it('refuses offsets, which Intl accepts but are not zones, and names it does not know', () => {
    for (const name of ['+01:00', '-23:59', '+0100', '+01', '-00:00', ' Europe/Berlin', 'Mars/Olympus', 'Z', '', 'x'.repeat(65)]) {
      expect(canonicalTimeZone(name), name).toBeUndefined();
      expect(isTimeZone(name), name).toBe(false);
    }
  });
  it('is stable: every zone Intl lists is its own canonical spelling', () => {
    for (const name of Intl.supportedValuesOf('timeZone')) expect(canonicalTimeZone(name)).toBe(name);
  });
});

describe('instantOfLocalDateTime', () => {
  const at = (date: string, time: string, zone: string) =>
    instantOfLocalDateTime(parseLocalDate(date)!, parseLocalTime(time)!, zone as TimeZone).toISOString();
  it('reads a wall clock in its zone, summer and winter', () => {
    expect(at('2026-01-15', '09:30', 'Europe/Berlin')).toBe('2026-01-15T08:30:00.000Z');
    expect(at('2026-07-15', '09:30', 'Europe/Berlin')).toBe('2026-07-15T07:30:00.000Z');
    expect(at('2026-07-15', '09:30', 'America/New_York')).toBe('2026-07-15T13:30:00.000Z');
    expect(at('2026-07-15', '09:30', 'Asia/Kolkata')).toBe('2026-07-15T04:00:00.000Z');
  });
  it('reads a time a DST change skips as after the gap, and a repeated one as the later', () => {
    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist: it reads as 03:30 CEST.
    expect(at('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    // Berlin, 25 October 2026: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET): the later.
    expect(at('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T01:30:00.000Z');
    // West of UTC the same rules: New York, 8 March 2026, 02:00 EST jumps to 03:00 EDT (02:30 → 03:30 EDT);
    // 1 November 2026, 01:30 happens at 05:30Z (EDT) and 06:30Z (EST): the later.
    expect(at('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    expect(at('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z');
    // A half-hour change: Lord Howe, 4 October 2026, 02:00 +10:30 jumps to 02:30 +11 (02:15 → 02:45);
    // 5 April 2026, 01:45 happens at 14:45Z (+11) and 15:15Z (+10:30): the later.
    expect(at('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z');
    expect(at('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T15:15:00.000Z');
  });
  it('gives back the wall clock of any minute in several zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as TimeZone[];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const local = toLocalDateTime(new Date(minute * 60_000), zone);
          const back = toLocalDateTime(instantOfLocalDateTime(local.date, local.time as LocalTime, zone), zone);
          expect(back).toEqual(local);
        },
      ),
    );
  });
});

describe('localDateTimeExists', () => {
  const exists = (date: string, time: string, zone: string) =>
    localDateTimeExists(parseLocalDate(date)!, parseLocalTime(time)!, zone as TimeZone);
  it('is false for a wall clock skipped when clocks went forward, true on either side and in a repeated hour', () => {
    expect(exists('2026-03-29', '01:59', 'Europe/Berlin')).toBe(true);
    expect(exists('2026-03-29', '02:00', 'Europe/Berlin')).toBe(false);
    expect(exists('2026-03-29', '02:30', 'Europe/Berlin')).toBe(false);
    expect(exists('2026-03-29', '02:59', 'Europe/Berlin')).toBe(false);
    expect(exists('2026-03-29', '03:00', 'Europe/Berlin')).toBe(true);
    expect(exists('2026-10-25', '02:30', 'Europe/Berlin')).toBe(true);
    expect(exists('2026-03-08', '02:30', 'America/New_York')).toBe(false);
    expect(exists('2026-11-01', '01:30', 'America/New_York')).toBe(true);
    expect(exists('2026-10-04', '02:15', 'Australia/Lord_Howe')).toBe(false);
    expect(exists('2026-03-29', '02:30', 'UTC')).toBe(true);
  });
  it('is false for every time of a day a zone skipped (Pacific/Apia went from 29 to 31 December 2011)', () => {
    for (const time of ['00:00', '12:00', '23:59']) expect(exists('2011-12-30', time, 'Pacific/Apia')).toBe(false);
    expect(exists('2011-12-29', '23:59', 'Pacific/Apia')).toBe(true);
    expect(exists('2011-12-31', '00:00', 'Pacific/Apia')).toBe(true);
  });
  it('answers for every date a LocalDate can write, without throwing at the ends of the range', () => {
    for (const [date, time] of [
      ['0000-01-01', '00:00'],
      ['0500-06-01', '12:00'],
      ['9999-12-31', '23:59'],
      ['9999-12-28', '23:59'],
    ] as const) {
      for (const zone of ['UTC', 'Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) expect(exists(date, time, zone)).toBe(true);
    }
  });
  it('property: the wall clock of any minute existed', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Apia', 'UTC'] as TimeZone[];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const local = toLocalDateTime(new Date(minute * 60_000), zone);
          expect(localDateTimeExists(local.date, local.time as LocalTime, zone)).toBe(true);
        },
      ),
    );
  });
});

describe('parseInstant', () => {
  it('normalises an instant with a zone to UTC', () => {
    expect(parseInstant('2026-03-08T14:05+01:00')).toBe('2026-03-08T13:05:00.000Z');
    expect(parseInstant('2026-03-08T14:05:00.123456Z')).toBe('2026-03-08T14:05:00.123Z');
  });
  it('refuses what is not one, or falls outside the four-digit years once in UTC', () => {
    for (const v of [
      '2026-03-08T14:05',
      '2026-03-08',
      'yesterday',
      42,
      null,
      '2026-02-30T10:00:00Z',
      '2026-03-08T24:00:00Z',
      '2026-03-08T14:60Z',
      '2026-03-08T14:05+24:00',
    ]) {
      expect(parseInstant(v), String(v)).toBeUndefined();
    }
    expect(parseInstant('0000-01-01T00:30:00+01:00')).toBeUndefined(); // year −1 in UTC
    expect(parseInstant('9999-12-31T23:30:00-01:00')).toBeUndefined(); // year 10000 in UTC
    expect(parseInstant('0000-01-01T00:00:00Z')).toBe('0000-01-01T00:00:00.000Z');
  });
});

describe('toLocalDateTime before the year 1000', () => {
  it('writes the year with four digits, as every LocalDate is', () => {
    expect(toLocalDateTime(new Date(Date.UTC(999, 11, 31, 12, 0)), 'UTC' as TimeZone)).toEqual({ date: '0999-12-31', time: '12:00' });
    const year42 = new Date(0);
    year42.setUTCFullYear(42, 0, 1);
    expect(toLocalDateTime(year42, 'UTC' as TimeZone).date).toBe('0042-01-01');
  });
});
