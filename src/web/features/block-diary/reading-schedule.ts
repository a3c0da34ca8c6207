// Which block-diary reading is due now and which comes next, from the server's schedule (procedure
// instant + each offset, as computed by the domain's scheduleReadings) and a clock passed in; plus the
// small parsers the block-diary forms need. Pure: `now` is an argument, nothing here reads the clock.
//
// Our rule (the protocols in guidelines.md §7.2 name time points, not how long each stays open):
// a reading is due from its time until the next scheduled reading's time; the last one stays due for
// LAST_READING_DUE_MINUTES. An unrecorded reading whose window has passed is "missed" (it can still
// be added late).

export interface ScheduledReading {
  offsetMinutes: number;
  /** ISO instant. */
  dueAt: string;
}

export type ReadingState = 'done' | 'due' | 'missed' | 'upcoming';

export interface ReadingSlot extends ScheduledReading {
  state: ReadingState;
}

/** How long the last reading of a schedule stays due, in minutes (there is no next reading to end it). */
export const LAST_READING_DUE_MINUTES = 60;

/** Each scheduled reading with its state at `now`, in time order. */
export function readingStates(schedule: readonly ScheduledReading[], recordedOffsets: readonly number[], now: Date): ReadingSlot[] {
  const at = now.getTime();
  const done = new Set(recordedOffsets);
  const sorted = [...schedule].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return sorted.map((slot, i) => {
    if (done.has(slot.offsetMinutes)) return { ...slot, state: 'done' };
    const due = Date.parse(slot.dueAt);
    if (due > at) return { ...slot, state: 'upcoming' };
    const next = sorted[i + 1];
    const closes = next ? Date.parse(next.dueAt) : due + LAST_READING_DUE_MINUTES * 60_000;
    return { ...slot, state: at < closes ? 'due' : 'missed' };
  });
}

export interface ReadingReminder {
  /** The reading to record now, if any. */
  due: ReadingSlot | null;
  /** The next reading not yet recorded whose time has not come. */
  next: ReadingSlot | null;
  /** Whole minutes until `next` (rounded up), or null. */
  minutesToNext: number | null;
}

export function findReadingReminder(schedule: readonly ScheduledReading[], recordedOffsets: readonly number[], now: Date): ReadingReminder {
  const slots = readingStates(schedule, recordedOffsets, now);
  const due = slots.find((s) => s.state === 'due') ?? null;
  const next = slots.find((s) => s.state === 'upcoming') ?? null;
  return { due, next, minutesToNext: next ? Math.ceil((Date.parse(next.dueAt) - now.getTime()) / 60_000) : null };
}

/** True while a reading is due or still to come. */
export function isInProgress(reminder: ReadingReminder): boolean {
  return reminder.due !== null || reminder.next !== null;
}

/**
 * Of several diaries, the one to remind about: a reading due now wins (the earliest due first),
 * else the soonest next reading. Null when none is in progress.
 */
export function mostUrgentReminder<D extends { schedule: readonly ScheduledReading[]; readings: readonly { offsetMinutes: number }[] }>(
  diaries: readonly D[],
  now: Date,
): { diary: D; reminder: ReadingReminder } | null {
  let best: { diary: D; reminder: ReadingReminder } | null = null;
  const key = (r: ReadingReminder) => (r.due ? [0, Date.parse(r.due.dueAt)] : [1, Date.parse(r.next!.dueAt)]) as [number, number];
  for (const diary of diaries) {
    const reminder = findReadingReminder(
      diary.schedule,
      diary.readings.map((r) => r.offsetMinutes),
      now,
    );
    if (!isInProgress(reminder)) continue;
    if (best === null) {
      best = { diary, reminder };
      continue;
    }
    const [a, b] = [key(reminder), key(best.reminder)];
    if (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) best = { diary, reminder };
  }
  return best;
}

export type OffsetsParse =
  | { ok: true; offsetsMinutes: number[] }
  | { ok: false; reason: 'empty' | 'not-whole-minutes' | 'out-of-range' | 'too-many'; token?: string };

/**
 * Reading times typed as minutes after the procedure, separated by commas, semicolons or spaces
 * ("15, 30, 60"). Returns them unique and ascending. `max` is the longest offset accepted and
 * `maxCount` how many the API takes.
 */
export function parseOffsets(text: string, max: number, maxCount: number): OffsetsParse {
  const tokens = text.split(/[\s,;]+/).filter((x) => x !== '');
  if (tokens.length === 0) return { ok: false, reason: 'empty' };
  const values: number[] = [];
  for (const token of tokens) {
    if (!/^\d+$/.test(token)) return { ok: false, reason: 'not-whole-minutes', token };
    const n = Number(token);
    if (n < 1 || n > max) return { ok: false, reason: 'out-of-range', token };
    values.push(n);
  }
  const offsetsMinutes = [...new Set(values)].sort((a, b) => a - b);
  if (offsetsMinutes.length > maxCount) return { ok: false, reason: 'too-many' };
  return { ok: true, offsetsMinutes };
}

/** Minutes split into days, hours and minutes, for putting a duration into words. */
export function splitMinutes(total: number): { days: number; hours: number; minutes: number } {
  const m = Math.max(0, Math.round(total));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}
