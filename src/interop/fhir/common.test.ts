// The offset written with a diary's wall clock, checked against the zone database through Intl for
// every quarter hour around clock changes, where remembering an hour's offset could go wrong.
import { describe, expect, it } from 'vitest';
import { instantOfLocalDateTime, type LocalDate, type LocalTime, type TimeZone } from '../../domain/time/local-date.ts';
import { zonedDateTime } from './common.ts';

const expected = (date: string, time: string, zone: string) => {
  const minutes = Math.round(
    (Date.parse(`${date}T${time}:00Z`) - instantOfLocalDateTime(date as LocalDate, time as LocalTime, zone as TimeZone).getTime()) / 60_000,
  );
  const abs = Math.abs(minutes);
  return `${date}T${time}:00${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

describe('zonedDateTime', () => {
  // Berlin springs forward at 02:00 and falls back at 03:00; Lord Howe moves by half an hour at 02:00.
  const days: [string, string][] = [
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['Australia/Lord_Howe', '2026-04-05'],
    ['Australia/Lord_Howe', '2026-10-04'],
    ['America/St_Johns', '2026-03-08'],
    ['Asia/Kolkata', '2026-06-01'],
  ];
  it.each(days)('writes the offset Intl gives, every quarter hour of a clock change in %s on %s', (zone, date) => {
    for (let m = 0; m < 24 * 60; m += 15) {
      const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      // Asked twice: the second answer comes from what the first remembered.
      expect(zonedDateTime(date, time, zone), time).toBe(expected(date, time, zone));
      expect(zonedDateTime(date, time, zone), time).toBe(expected(date, time, zone));
    }
  });
});
