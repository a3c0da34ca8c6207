// A start and stop date pair as a form sends it: each a date YYYY-MM-DD when given, the stop not before
// the start. Problems are added to `errors` at the pointers given ('' for a side not checked).
import { differenceInCalendarDays, parseLocalDate } from '../domain/time/local-date.ts';

export type FieldErrors = { pointer: string; detail: string }[];

export function checkDateRange(
  errors: FieldErrors,
  start: string | null,
  stop: string | null,
  startPointer: string,
  stopPointer: string,
): void {
  const s = start === null ? null : parseLocalDate(start);
  const e = stop === null ? null : parseLocalDate(stop);
  if (s === undefined) errors.push({ pointer: startPointer, detail: 'Must be a date YYYY-MM-DD.' });
  if (e === undefined) errors.push({ pointer: stopPointer, detail: 'Must be a date YYYY-MM-DD.' });
  if (s && e && differenceInCalendarDays(e, s) < 0) errors.push({ pointer: stopPointer, detail: 'The end is before the start.' });
}
