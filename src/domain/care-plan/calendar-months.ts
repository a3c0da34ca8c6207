// Calendar-month arithmetic on LocalDate (pure). A month is a calendar month, not 30 days:
// 2024-01-31 + 1 month = 2024-02-29 (clamped to the last day of the shorter month).

import { LocalDateRangeError, type LocalDate } from '../time/local-date.ts';

function daysInMonth(year: number, month1: number): number {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month1, 0);
  return d.getUTCDate();
}

/** `date` plus `months` calendar months, clamping the day to the end of the target month. */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  if (!Number.isInteger(months)) throw new RangeError('months must be an integer');
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  if (ty < 0 || ty > 9999) throw new LocalDateRangeError(`${date} + ${months} months is outside 0000-01-01…9999-12-31`);
  const tm = index - ty * 12 + 1;
  const td = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}` as LocalDate;
}

/**
 * Whole calendar months from `from` to `to` (the most months that can be added to `from` without
 * passing `to`, with the same clamping as addCalendarMonths: 2024-01-31 → 2024-02-29 is one month);
 * null when `to` is before `from`.
 */
export function wholeCalendarMonthsBetween(from: LocalDate, to: LocalDate): number | null {
  if (to < from) return null;
  const months = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
  return addCalendarMonths(from, months) <= to ? months : months - 1;
}
