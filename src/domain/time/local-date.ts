// LocalDate: a calendar date in some time zone, as `YYYY-MM-DD`, branded so that it cannot be
// confused with an instant or a free string. Pure; no clock.

export type LocalDate = string & { readonly __brand: 'LocalDate' };
export type TimeZone = string & { readonly __brand: 'TimeZone' };

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(text: string): LocalDate | undefined {
  const m = LOCAL_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo - 1, d);
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return text as LocalDate;
}

/** Whole calendar days from `earlier` to `later` (negative when later < earlier). */
export function differenceInCalendarDays(later: LocalDate, earlier: LocalDate): number {
  return Math.round((Date.parse(`${later}T00:00:00Z`) - Date.parse(`${earlier}T00:00:00Z`)) / 86_400_000);
}

/** The first and last dates a LocalDate can write (four-digit years). */
export const EARLIEST_LOCAL_DATE = '0000-01-01' as LocalDate;
export const LATEST_LOCAL_DATE = '9999-12-31' as LocalDate;

/** Date arithmetic that would leave EARLIEST_LOCAL_DATE…LATEST_LOCAL_DATE (a caller failed to check its input). */
export class LocalDateRangeError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'LocalDateRangeError';
  }
}

/** True when `date` plus `days` is still a date YYYY-MM-DD can write (0000-01-01…9999-12-31). */
export function canAddDays(date: LocalDate, days: number): boolean {
  if (!Number.isSafeInteger(days)) return false;
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return t >= Date.parse(`${EARLIEST_LOCAL_DATE}T00:00:00Z`) && t <= Date.parse(`${LATEST_LOCAL_DATE}T00:00:00Z`);
}

/** `date` plus whole `days`; throws LocalDateRangeError outside 0000-01-01…9999-12-31 (check with canAddDays). */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!canAddDays(date, days))
    throw new LocalDateRangeError(`${date} + ${days} days is outside ${EARLIEST_LOCAL_DATE}…${LATEST_LOCAL_DATE}`);
  const t = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return t.toISOString().slice(0, 10) as LocalDate;
}

// Building an Intl.DateTimeFormat costs far more than using one, so one formatter per zone is kept.
// (A cache of immutable formatters is not state the results depend on: the functions stay pure.)
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const FORMATTER_CACHE_LIMIT = 1024;

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = null;
    }
    if (formatters.size >= FORMATTER_CACHE_LIMIT) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Names already resolved (as the formatters, a cache no result depends on). */
const canonicalNames = new Map<string, TimeZone | undefined>();

/**
 * The spelling to store of an IANA time zone name this runtime knows, or undefined for anything else.
 * The spelling is Intl's resolved one, so one zone is stored one way: `europe/berlin` → `Europe/Berlin`,
 * `utc` and `Etc/UTC` → `UTC`, `US/Eastern` → `America/New_York`; `Etc/GMT+5` stays. Offsets
 * (`+01:00`, `-23:59`, `+0100`), which Intl also takes, are refused: they are not zones (no DST, no
 * history), and a cell starting with `+` or `-` reads as a formula in a spreadsheet.
 */
export function canonicalTimeZone(name: string): TimeZone | undefined {
  if (name.length === 0 || name.length > 64 || !/^[A-Za-z]/.test(name)) return undefined;
  // resolvedOptions() builds a new object on every call; every entry and flare asks, so the answer is kept.
  if (canonicalNames.has(name)) return canonicalNames.get(name);
  const resolved = formatterFor(name)?.resolvedOptions().timeZone;
  const canonical = resolved !== undefined && /^[A-Za-z]/.test(resolved) ? (resolved as TimeZone) : undefined;
  if (canonicalNames.size >= FORMATTER_CACHE_LIMIT) canonicalNames.clear();
  canonicalNames.set(name, canonical);
  return canonical;
}

/** True when `name` is an IANA time zone this runtime knows, in any spelling (e.g. `Europe/Berlin`); never an offset. */
export function isTimeZone(name: string): name is TimeZone {
  return canonicalTimeZone(name) !== undefined;
}

/** The local calendar date and wall-clock time of `instant` in `timeZone`. */
export function toLocalDateTime(instant: Date, timeZone: TimeZone): { date: LocalDate; time: string } {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  // Intl writes years before 1000 without leading zeros ("999"); a LocalDate always has four digits.
  return { date: `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}` as LocalDate, time: `${get('hour')}:${get('minute')}` };
}

/**
 * The instant a wall-clock date and time shows in `timeZone` (what a person types for "when", read in
 * their zone). A time skipped by a DST change reads as the same wall-clock distance after the last time
 * before the gap (02:30 in a gap from 02:00 to 03:00 is 03:30); a repeated one as the later of the two.
 */
export function instantOfLocalDateTime(date: LocalDate, time: LocalTime, timeZone: TimeZone): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // The zone's offset (wall clock − UTC) a day before and a day after: no zone changes twice in two days.
  const offsetAt = (instant: number) => {
    const shown = toLocalDateTime(new Date(instant), timeZone);
    return Date.parse(`${shown.date}T${shown.time}:00Z`) - Math.floor(instant / 60_000) * 60_000;
  };
  const before = offsetAt(wall - 86_400_000);
  const after = offsetAt(wall + 86_400_000);
  const shows = (instant: number) => {
    const shown = toLocalDateTime(new Date(instant), timeZone);
    return `${shown.date}T${shown.time}` === `${date}T${time}`;
  };
  const candidates = [...new Set([wall - before, wall - after])].filter(shows);
  // Both read true: the hour is repeated, take the later. Neither: it is skipped, read with the offset before the gap.
  return new Date(candidates.length > 0 ? Math.max(...candidates) : wall - before);
}

// Where instantOfLocalDateTime can be asked: it reads the zone a day either side, and the formatter
// writes years before 1000 without padding and cannot write the year 10000. No zone's clocks changed
// before 1800 (the tz database begins with local mean time, first changed in the 1840s) or change in
// the last days of December 9999, so every wall clock outside this window existed.
const CLOCK_CHANGES_FROM = Date.parse('1800-01-01T00:00:00Z');
const CLOCK_CHANGES_UNTIL = Date.parse('9999-12-29T00:00:00Z');

/**
 * Whether the wall clock in `timeZone` ever showed `date` `time`: false when clocks went forward over
 * it — 02:30 on 2026-03-29 in Europe/Berlin (02:00 became 03:00), or any time of 2011-12-30 in
 * Pacific/Apia (the zone skipped that day). A repeated time (clocks went back) existed.
 */
export function localDateTimeExists(date: LocalDate, time: LocalTime, timeZone: TimeZone): boolean {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (!(wall >= CLOCK_CHANGES_FROM && wall < CLOCK_CHANGES_UNTIL)) return true;
  // instantOfLocalDateTime reads a skipped time as one after the gap, which shows another wall clock.
  const shown = toLocalDateTime(instantOfLocalDateTime(date, time, timeZone), timeZone);
  return shown.date === date && shown.time === time;
}

/** A wall-clock time `HH:MM` (24-hour) in some time zone, branded like LocalDate. */
export type LocalTime = string & { readonly __brand: 'LocalTime' };

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseLocalTime(text: string): LocalTime | undefined {
  return LOCAL_TIME.test(text) ? (text as LocalTime) : undefined;
}

/**
 * Minutes from wall clock `earlier` to wall clock `later`, both read as calendar date + time of day
 * with no zone (so a DST jump between them is not counted). Use only to compare two readings of
 * the same zone's clock, e.g. a stated local time against the local time of an instant.
 */
export function differenceInWallClockMinutes(
  later: { date: LocalDate; time: LocalTime },
  earlier: { date: LocalDate; time: LocalTime },
): number {
  return (Date.parse(`${later.date}T${later.time}:00Z`) - Date.parse(`${earlier.date}T${earlier.time}:00Z`)) / 60_000;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An ISO-8601 instant with a zone (`2026-03-08T14:05:00Z`, `…+01:00`), normalised to UTC
 * `YYYY-MM-DDTHH:MM:SS.sssZ`; undefined for anything else — a date or time that does not exist as
 * written, or an instant whose UTC form falls outside the four-digit years (`0000-01-01T00:30+01:00`
 * is in year −1).
 */
export function parseInstant(v: unknown): string | undefined {
  const m = typeof v === 'string' ? INSTANT.exec(v) : null;
  // The date as written must exist (Date.parse would roll 30 February over into March).
  if (!m || !parseLocalDate(m[1]!)) return undefined;
  const ms = Date.parse(v as string);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return /^\d{4}-/.test(iso) ? iso : undefined;
}
