// Day summaries of a patient's diary, per local date: a full recomputation (`accumulateDay`,
// `summarizeDay`) and an incremental form (`applyToSummary`) that keeps a stored accumulator exact
// under inserts, edits and deletes.
//
// Source: the product's day summary (entries, mean and max intensity, regions, interference, sleep, medicines);
// Days are the patient's local dates, never UTC days. No clinical thresholds here.
//
// Invariants:
// - An accumulator holds only integers: NRS values as histograms (index = value 0–10), sleep as
//   quarter hours, activity as minutes, everything else as counts. Increments and decrements are
//   therefore exact and order-independent, so applying any sequence of changes gives the same
//   accumulator as `accumulateDay` of the surviving entries (property-tested).
// - Means are computed at read time (`summarizeAccumulator`) from those integers.
// - Tallies keep no zero counts and keys are sorted, so equal content is equal JSON.
// - Entries are bucketed by their own `localDate`: an entry made in Tokyo and one made in New York
//   keep the dates their own clocks showed.

import {
  INTERFERENCE_ITEMS,
  MOODS,
  PAIN_QUALITIES,
  SLEEP_QUALITIES,
  TRIGGERS,
  type DiaryEntry,
  type InterferenceItem,
  type Mood,
  type PainQuality,
  type SleepQuality,
  type TriggerId,
} from './entry.ts';
import type { LocalDate } from '../time/local-date.ts';

/** Counts per NRS value: `h[v]` = how many ratings had value v (length 11). */
export type NrsHistogram = number[];

export interface RegionTally {
  /** Entries that marked the region. */
  entries: number;
  /** Histogram of the per-region intensities that were given. */
  intensity: NrsHistogram;
}

export interface SumCount {
  sum: number;
  count: number;
}

/**
 * The stored form of a day summary: one row per (patient, localDate). Scalars can be columns;
 * the histograms and tallies are JSON. Format version 1.
 */
export interface DaySummaryAccumulator {
  format: 1;
  localDate: LocalDate;
  entryCount: number;
  intensity: NrsHistogram;
  worstSinceLast: NrsHistogram;
  leastSinceLast: NrsHistogram;
  interference: Record<InterferenceItem, NrsHistogram>;
  /** Sum of sleep hours × 4 (quarter hours, an integer) and how many entries reported sleep hours. */
  sleepQuarterHours: SumCount;
  sleepQuality: Partial<Record<SleepQuality, number>>;
  activityMinutes: SumCount;
  mood: Partial<Record<Mood, number>>;
  regions: Record<string, RegionTally>;
  qualities: Partial<Record<PainQuality, number>>;
  triggers: Partial<Record<TriggerId, number>>;
  medicines: { taken: number; scheduled: number; asNeeded: number };
}

export interface NrsStats {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** The read form of a day summary (what dashboards and charts use). */
export interface DaySummary {
  localDate: LocalDate;
  entryCount: number;
  meanIntensity: number;
  maxIntensity: number;
  minIntensity: number;
  worstSinceLast: NrsStats;
  leastSinceLast: NrsStats;
  /** DVPRS supplementary items: mean of the answers given that day, null when none. */
  interference: Record<InterferenceItem, NrsStats>;
  /** Mean of the sleep hours reported that day, null when none. */
  sleepHours: number | null;
  sleepQuality: Partial<Record<SleepQuality, number>>;
  /** Total activity minutes reported that day, null when none. */
  activityMinutes: number | null;
  mood: Partial<Record<Mood, number>>;
  /** Regions marked that day, most often first (ties by code). */
  regions: { code: string; entries: number; meanIntensity: number | null; maxIntensity: number | null }[];
  qualities: Partial<Record<PainQuality, number>>;
  triggers: Partial<Record<TriggerId, number>>;
  medicinesTaken: number;
  medicinesScheduled: number;
  medicinesAsNeeded: number;
}

export interface EntryChange {
  /** The entry as stored before the write (absent for an insert). */
  before?: DiaryEntry | undefined;
  /** The entry as stored after the write (absent for a delete). */
  after?: DiaryEntry | undefined;
}

// ---------------------------------------------------------------------------------------------

// A literal: Array.from with a callback was a tenth of a year's summaries.
const emptyHistogram = (): NrsHistogram => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

export function emptyDaySummary(localDate: LocalDate): DaySummaryAccumulator {
  return {
    format: 1,
    localDate,
    entryCount: 0,
    intensity: emptyHistogram(),
    worstSinceLast: emptyHistogram(),
    leastSinceLast: emptyHistogram(),
    interference: { activity: emptyHistogram(), sleep: emptyHistogram(), mood: emptyHistogram(), stress: emptyHistogram() },
    sleepQuarterHours: { sum: 0, count: 0 },
    sleepQuality: {},
    activityMinutes: { sum: 0, count: 0 },
    mood: {},
    regions: {},
    qualities: {},
    triggers: {},
    medicines: { taken: 0, scheduled: 0, asNeeded: 0 },
  };
}

/** A deep copy by the accumulator's known shape (structuredClone was a measurable share of a diary write). */
function cloneAccumulator(a: DaySummaryAccumulator): DaySummaryAccumulator {
  const regions: Record<string, RegionTally> = {};
  for (const [code, t] of Object.entries(a.regions)) regions[code] = { entries: t.entries, intensity: [...t.intensity] };
  return {
    format: a.format,
    localDate: a.localDate,
    entryCount: a.entryCount,
    intensity: [...a.intensity],
    worstSinceLast: [...a.worstSinceLast],
    leastSinceLast: [...a.leastSinceLast],
    interference: {
      activity: [...a.interference.activity],
      sleep: [...a.interference.sleep],
      mood: [...a.interference.mood],
      stress: [...a.interference.stress],
    },
    sleepQuarterHours: { ...a.sleepQuarterHours },
    sleepQuality: { ...a.sleepQuality },
    activityMinutes: { ...a.activityMinutes },
    mood: { ...a.mood },
    regions,
    qualities: { ...a.qualities },
    triggers: { ...a.triggers },
    medicines: { ...a.medicines },
  };
}

class SummaryDrift extends Error {
  constructor(what: string) {
    super(`day summary would go negative (${what}): the stored summary does not match the stored entries`);
  }
}

function bump(h: NrsHistogram, value: number | null, sign: 1 | -1, what: string): void {
  if (value === null) return;
  const next = (h[value] ?? 0) + sign;
  if (next < 0) throw new SummaryDrift(what);
  h[value] = next;
}

function tally<K extends string>(t: Partial<Record<K, number>>, key: K, sign: 1 | -1, what: string): void {
  const next = (t[key] ?? 0) + sign;
  if (next < 0) throw new SummaryDrift(what);
  if (next === 0) delete t[key];
  else t[key] = next;
}

function addTo(sc: SumCount, value: number | null, sign: 1 | -1, what: string): void {
  if (value === null) return;
  sc.sum += sign * value;
  sc.count += sign;
  if (sc.count < 0 || sc.sum < 0) throw new SummaryDrift(what);
}

/** Apply one entry (+1) or remove it (−1). Mutates `a`. */
function applyEntry(a: DaySummaryAccumulator, e: DiaryEntry, sign: 1 | -1): void {
  a.entryCount += sign;
  if (a.entryCount < 0) throw new SummaryDrift('entryCount');
  bump(a.intensity, e.intensity, sign, 'intensity');
  bump(a.worstSinceLast, e.worstSinceLast, sign, 'worstSinceLast');
  bump(a.leastSinceLast, e.leastSinceLast, sign, 'leastSinceLast');
  for (const item of INTERFERENCE_ITEMS) bump(a.interference[item], e.interference[item], sign, `interference.${item}`);
  addTo(a.sleepQuarterHours, e.sleep.hours === null ? null : Math.round(e.sleep.hours * 4), sign, 'sleep');
  if (e.sleep.quality) tally(a.sleepQuality, e.sleep.quality, sign, 'sleepQuality');
  addTo(a.activityMinutes, e.activity.minutes, sign, 'activityMinutes');
  if (e.mood) tally(a.mood, e.mood, sign, 'mood');
  for (const r of e.regions) {
    const t = a.regions[r.code] ?? { entries: 0, intensity: emptyHistogram() };
    t.entries += sign;
    if (t.entries < 0) throw new SummaryDrift(`regions.${r.code}`);
    bump(t.intensity, r.intensity, sign, `regions.${r.code}.intensity`);
    if (t.entries === 0) delete a.regions[r.code];
    else a.regions[r.code] = t;
    for (const q of r.qualities) tally(a.qualities, q, sign, `qualities.${q}`);
  }
  for (const t of e.triggers) tally(a.triggers, t, sign, `triggers.${t}`);
  for (const m of e.medicines) {
    a.medicines.taken += sign;
    if (m.regimen === 'scheduled') a.medicines.scheduled += sign;
    else a.medicines.asNeeded += sign;
    if (a.medicines.taken < 0 || a.medicines.scheduled < 0 || a.medicines.asNeeded < 0) throw new SummaryDrift('medicines');
  }
}

function sortedKeys<T>(record: Record<string, T>, order?: readonly string[]): Record<string, T> {
  const keys = Object.keys(record);
  keys.sort(order ? (x, y) => order.indexOf(x) - order.indexOf(y) : (x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: Record<string, T> = {};
  for (const k of keys) out[k] = record[k]!;
  return out;
}

/** Canonical key order, so equal accumulators serialise to equal JSON. */
function canonical(a: DaySummaryAccumulator): DaySummaryAccumulator {
  a.sleepQuality = sortedKeys(a.sleepQuality as Record<string, number>, SLEEP_QUALITIES);
  a.mood = sortedKeys(a.mood as Record<string, number>, MOODS);
  a.regions = sortedKeys(a.regions);
  a.qualities = sortedKeys(a.qualities as Record<string, number>, PAIN_QUALITIES);
  a.triggers = sortedKeys(a.triggers as Record<string, number>, TRIGGERS);
  return a;
}

/**
 * Full recomputation of one day's accumulator. All entries must share one localDate; returns
 * undefined for no entries (no row).
 */
export function accumulateDay(entries: readonly DiaryEntry[]): DaySummaryAccumulator | undefined {
  const first = entries[0];
  if (!first) return undefined;
  const a = emptyDaySummary(first.localDate);
  for (const e of entries) {
    if (e.localDate !== first.localDate) throw new Error(`accumulateDay: entries from ${first.localDate} and ${e.localDate}`);
    applyEntry(a, e, 1);
  }
  return canonical(a);
}

/** Group entries by their own local date (never the UTC date) and accumulate each day. */
export function accumulateDays(entries: readonly DiaryEntry[]): Map<LocalDate, DaySummaryAccumulator> {
  const byDate = new Map<LocalDate, DiaryEntry[]>();
  for (const e of entries) {
    const list = byDate.get(e.localDate);
    if (list) list.push(e);
    else byDate.set(e.localDate, [e]);
  }
  const out = new Map<LocalDate, DaySummaryAccumulator>();
  for (const [date, list] of [...byDate].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) out.set(date, accumulateDay(list)!);
  return out;
}

/** The local dates whose summary rows a change touches (one, or two when an edit moves the entry's day). */
export function datesAffectedBy(change: EntryChange): LocalDate[] {
  const dates = new Set<LocalDate>();
  if (change.before) dates.add(change.before.localDate);
  if (change.after) dates.add(change.after.localDate);
  return [...dates];
}

/**
 * Incrementally update the stored summary of `localDate` for one write: subtract `before` and add
 * `after`, each only if it falls on that date. `localDate` defaults to the summary's date, else the
 * changed entry's date; call once per date from `datesAffectedBy(change)`. Returns the new
 * accumulator, or undefined when the day has no entries left (delete the row). Does not mutate its
 * input. Throws if the stored summary cannot contain `before` (it drifted from the entries).
 */
export function applyToSummary(
  summary: DaySummaryAccumulator | undefined,
  change: EntryChange,
  localDate?: LocalDate,
): DaySummaryAccumulator | undefined {
  const date = localDate ?? summary?.localDate ?? change.after?.localDate ?? change.before?.localDate;
  if (date === undefined) throw new Error('applyToSummary: a change needs a before or an after entry');
  if (summary && summary.localDate !== date) throw new Error(`applyToSummary: summary of ${summary.localDate} given for ${date}`);
  const a = summary ? cloneAccumulator(summary) : emptyDaySummary(date);
  if (change.before && change.before.localDate === date) applyEntry(a, change.before, -1);
  if (change.after && change.after.localDate === date) applyEntry(a, change.after, 1);
  return a.entryCount === 0 ? undefined : canonical(a);
}

// ---------------------------------------------------------------------------------------------
// Read side

export function nrsStats(h: NrsHistogram): NrsStats {
  let count = 0;
  let sum = 0;
  let min: number | null = null;
  let max: number | null = null;
  h.forEach((n, value) => {
    if (n <= 0) return;
    count += n;
    sum += n * value;
    if (min === null) min = value;
    max = value;
  });
  return { count, mean: count === 0 ? null : sum / count, min, max };
}

/** The read form of a stored accumulator; means computed here from exact integer sums. */
export function summarizeAccumulator(a: DaySummaryAccumulator): DaySummary {
  const intensity = nrsStats(a.intensity);
  const interference = {} as Record<InterferenceItem, NrsStats>;
  for (const item of INTERFERENCE_ITEMS) interference[item] = nrsStats(a.interference[item]);
  const regions = Object.entries(a.regions)
    .map(([code, t]) => {
      const s = nrsStats(t.intensity);
      return { code, entries: t.entries, meanIntensity: s.mean, maxIntensity: s.max };
    })
    .sort((x, y) => y.entries - x.entries || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  return {
    localDate: a.localDate,
    entryCount: a.entryCount,
    meanIntensity: intensity.mean ?? 0,
    maxIntensity: intensity.max ?? 0,
    minIntensity: intensity.min ?? 0,
    worstSinceLast: nrsStats(a.worstSinceLast),
    leastSinceLast: nrsStats(a.leastSinceLast),
    interference,
    sleepHours: a.sleepQuarterHours.count === 0 ? null : a.sleepQuarterHours.sum / 4 / a.sleepQuarterHours.count,
    sleepQuality: { ...a.sleepQuality },
    activityMinutes: a.activityMinutes.count === 0 ? null : a.activityMinutes.sum,
    mood: { ...a.mood },
    regions,
    qualities: { ...a.qualities },
    triggers: { ...a.triggers },
    medicinesTaken: a.medicines.taken,
    medicinesScheduled: a.medicines.scheduled,
    medicinesAsNeeded: a.medicines.asNeeded,
  };
}

/** Summary of one day's entries (all on one local date); undefined for none. */
export function summarizeDay(entries: readonly DiaryEntry[]): DaySummary | undefined {
  const a = accumulateDay(entries);
  return a ? summarizeAccumulator(a) : undefined;
}
