import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as LocalDateModule from './local-date.ts';

// The formats (YYYY-MM-DD, HH:MM, an ISO-8601 instant) and the window in which clocks ever changed are
// made when the module loads. Each test loads the module anew, so the patterns it checks are the ones
// made in it (and a mutation run, which changes the code one test at a time, changes what it checks).
let t: typeof LocalDateModule;
beforeEach(async () => {
  vi.resetModules();
  t = await import('./local-date.ts');
});

describe('the formats, whole text only', () => {
  it('a date is YYYY-MM-DD and nothing before or after it', () => {
    expect(t.parseLocalDate('2026-01-31')).toBe('2026-01-31');
    for (const text of ['x2026-01-31', '2026-01-31x', '02026-01-31', '2026-01-311', '2026-01-31 '])
      expect(t.parseLocalDate(text), text).toBeUndefined();
  });

  it('a time is HH:MM on a 24-hour clock and nothing before or after it', () => {
    expect(t.parseLocalTime('23:59')).toBe('23:59');
    for (const text of ['x09:05', '09:05x', '009:05', '09:055', '24:00']) expect(t.parseLocalTime(text), text).toBeUndefined();
  });

  it('an instant has a zone, seconds are optional, and the offset is at most ±23:59', () => {
    expect(t.parseInstant('2026-03-08T14:05Z')).toBe('2026-03-08T14:05:00.000Z');
    expect(t.parseInstant('2026-03-08T14:05:07Z')).toBe('2026-03-08T14:05:07.000Z');
    expect(t.parseInstant('2026-03-08T14:05+23:59')).toBe('2026-03-07T14:06:00.000Z');
    expect(t.parseInstant('2026-03-08T14:05-23:00')).toBe('2026-03-09T13:05:00.000Z');
    for (const text of [
      'x2026-03-08T14:05Z',
      '2026-03-08T14:05Zx',
      '2026-03-08T14:05+24:00',
      '2026-03-08T14:05+01:00x',
      '2026-03-08T14:05:07.Z',
    ])
      expect(t.parseInstant(text), text).toBeUndefined();
  });
});

describe('the window in which clocks changed', () => {
  it('finds the spring-forward gap in 2026 and treats every time near the ends of the range as existing', () => {
    const exists = (date: string, time: string, zone: string) =>
      t.localDateTimeExists(date as LocalDateModule.LocalDate, time as LocalDateModule.LocalTime, zone as LocalDateModule.TimeZone);
    expect(exists('2026-03-29', '02:30', 'Europe/Berlin')).toBe(false);
    expect(exists('2026-03-29', '03:30', 'Europe/Berlin')).toBe(true);
    expect(exists('0000-01-01', '00:00', 'Europe/Berlin')).toBe(true);
    expect(exists('9999-12-31', '23:59', 'Pacific/Kiritimati')).toBe(true);
  });
});
