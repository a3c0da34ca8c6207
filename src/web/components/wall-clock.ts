// Wall-clock date-times as a datetime-local input holds them, read in a named time zone (the
// patient's, a flare's) rather than the browser's, and back.
import { instantOfLocalDateTime, parseLocalDate, parseLocalTime, toLocalDateTime, type TimeZone } from '../../domain/time/local-date.ts';

/** What a datetime-local input holds: `YYYY-MM-DDTHH:MM`, wall clock in some time zone. */
export type WallClock = string;

/** The wall-clock date-time of `instant` in `timeZone`, as a datetime-local input wants it. */
export function wallClockOf(instant: string | Date, timeZone: TimeZone): WallClock {
  const local = toLocalDateTime(new Date(instant), timeZone);
  return `${local.date}T${local.time}`;
}

/** The UTC instant (ISO-8601) of a wall-clock date-time in `timeZone`, or undefined if it is not one. */
export function instantOfWallClock(wallClock: WallClock, timeZone: TimeZone): string | undefined {
  const [dateText = '', timeText = ''] = wallClock.split('T');
  const date = parseLocalDate(dateText);
  const time = parseLocalTime(timeText);
  return date && time && wallClock === `${date}T${time}` ? instantOfLocalDateTime(date, time, timeZone).toISOString() : undefined;
}
