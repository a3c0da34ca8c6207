// A diary turned into day-by-day series for "what works for me": per local date of the period, the
// outcomes (mean pain of the day's check-ins, mean interference) and, per factor, whether the day had
// it (1), did not (0) or says nothing either way (−1).
//
// Product rules (not clinical numbers):
// - a technique, medicine or trigger counts on a day when any check-in of that day names it; a day
//   with check-ins that do not name it is a day without; a day with no check-in is unknown;
// - a medicine is the name as written, compared without case, so a medicine logged from the medicine
//   list and one typed by hand under the same name count as one; the person's own techniques and
//   triggers are compared by their own words the same way;
// - sleep compares nights under 6 hours with nights of 7 hours or more (the day's mean of the hours
//   stated); nights from 6 to under 7 hours sit in neither group;
// - activity compares the most active third of the period's days (by the day's largest minutes
//   stated) with the least active third; the middle third sits in neither;
// - mood: a day's mood is the mean of its check-ins' moods on the 5-step scale; low (very low or low)
//   and good (good or very good) are each compared with every other day that states a mood.
import { MOODS, TECHNIQUES, TRIGGERS } from '../diary/entry-vocabulary.ts';
import type { DiaryEntry } from '../diary/entry-model.ts';
import { differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';

export const FACTOR_KINDS = ['technique', 'medicine', 'trigger', 'sleep', 'activity', 'mood'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];

export const WHAT_WORKS_OUTCOMES = ['intensity', 'interference'] as const;
export type WhatWorksOutcome = (typeof WHAT_WORKS_OUTCOMES)[number];

export interface FactorSeries {
  readonly kind: FactorKind;
  readonly id: string;
  /** The words for the factor in a sentence ("heat", "ibuprofen"), as the person wrote them where theirs. */
  readonly label: string;
  /** Per day of the period: 1 with, 0 without, −1 unknown. */
  readonly values: Int8Array;
}

export interface DailySeries {
  readonly days: number;
  /** Per outcome, per day of the period: the day's value, NaN when the day has none. */
  readonly outcomes: Readonly<Record<WhatWorksOutcome, Float64Array>>;
  readonly factors: readonly FactorSeries[];
}

/** The diary fields this reads (a whole DiaryEntry fits). */
export type FactorEntry = Pick<
  DiaryEntry,
  'localDate' | 'intensity' | 'interference' | 'sleep' | 'activity' | 'mood' | 'triggers' | 'ownTriggers' | 'medicines' | 'techniques'
>;

export const SHORT_SLEEP_HOURS = 6;
export const LONG_SLEEP_HOURS = 7;

class FactorTable {
  readonly byKey = new Map<string, { kind: FactorKind; id: string; label: string; days: number[] }>();
  add(kind: FactorKind, id: string, label: string, day: number) {
    const key = `${kind}\u0000${id}`;
    let f = this.byKey.get(key);
    if (!f) this.byKey.set(key, (f = { kind, id, label, days: [] }));
    if (f.days[f.days.length - 1] !== day) f.days.push(day);
  }
}

const folded = (text: string) => text.trim().toLowerCase();

/**
 * Day-by-day series of the `days` local dates starting at `from`, from the entries of those dates
 * (others are ignored). Factors appear in FACTOR_KINDS order, then by id.
 */
export function dailySeries(entries: readonly FactorEntry[], from: LocalDate, days: number): DailySeries {
  const painSum = new Float64Array(days);
  const painCount = new Uint16Array(days);
  const interferenceSum = new Float64Array(days);
  const interferenceCount = new Uint16Array(days);
  const sleepSum = new Float64Array(days);
  const sleepCount = new Uint16Array(days);
  const activity = new Float64Array(days).fill(Number.NaN);
  const moodSum = new Float64Array(days);
  const moodCount = new Uint16Array(days);
  const table = new FactorTable();
  let lastDate = '';
  let day = -1;
  for (const e of entries) {
    if (e.localDate !== lastDate) {
      lastDate = e.localDate;
      day = differenceInCalendarDays(e.localDate, from);
    }
    if (day < 0 || day >= days) continue;
    painSum[day]! += e.intensity;
    painCount[day]!++;
    let itemSum = 0;
    let items = 0;
    for (const v of Object.values(e.interference ?? {})) {
      if (typeof v === 'number') {
        itemSum += v;
        items++;
      }
    }
    if (items > 0) {
      interferenceSum[day]! += itemSum / items;
      interferenceCount[day]!++;
    }
    if (e.sleep?.hours != null) {
      sleepSum[day]! += e.sleep.hours;
      sleepCount[day]!++;
    }
    const minutes = e.activity?.minutes;
    if (minutes != null && !(activity[day]! >= minutes)) activity[day] = minutes;
    if (e.mood != null) {
      moodSum[day]! += MOODS.indexOf(e.mood);
      moodCount[day]!++;
    }
    for (const t of e.techniques ?? []) {
      if (t.id === 'own') {
        if (t.label) table.add('technique', `own:${folded(t.label)}`, t.label.trim(), day);
      } else table.add('technique', t.id, t.id, day);
    }
    for (const m of e.medicines ?? []) table.add('medicine', folded(m.name), m.name.trim(), day);
    for (const t of e.triggers ?? []) table.add('trigger', t, t, day);
    for (const t of e.ownTriggers ?? []) table.add('trigger', `own:${folded(t)}`, t.trim(), day);
  }

  const intensity = new Float64Array(days);
  const interference = new Float64Array(days);
  const recorded = new Int8Array(days).fill(-1);
  for (let d = 0; d < days; d++) {
    intensity[d] = painCount[d]! > 0 ? painSum[d]! / painCount[d]! : Number.NaN;
    interference[d] = interferenceCount[d]! > 0 ? interferenceSum[d]! / interferenceCount[d]! : Number.NaN;
    if (painCount[d]! > 0) recorded[d] = 0;
  }

  const factors: FactorSeries[] = [];
  const named = [...table.byKey.values()].sort(
    (a, b) =>
      FACTOR_KINDS.indexOf(a.kind) - FACTOR_KINDS.indexOf(b.kind) || vocabularyOrder(a) - vocabularyOrder(b) || (a.id < b.id ? -1 : 1),
  );
  for (const f of named) {
    const values = recorded.slice();
    for (const d of f.days) values[d] = 1;
    factors.push({ kind: f.kind, id: f.id, label: f.label, values });
  }

  const sleep = new Int8Array(days).fill(-1);
  for (let d = 0; d < days; d++) {
    if (sleepCount[d] === 0) continue;
    const hours = sleepSum[d]! / sleepCount[d]!;
    if (hours < SHORT_SLEEP_HOURS) sleep[d] = 1;
    else if (hours >= LONG_SLEEP_HOURS) sleep[d] = 0;
  }
  if (sleep.some((v) => v >= 0)) factors.push({ kind: 'sleep', id: 'under-6-hours', label: 'under-6-hours', values: sleep });

  const active = activityThirds(activity);
  if (active) factors.push({ kind: 'activity', id: 'most-active-third', label: 'most-active-third', values: active });

  const low = new Int8Array(days).fill(-1);
  const good = new Int8Array(days).fill(-1);
  for (let d = 0; d < days; d++) {
    if (moodCount[d] === 0) continue;
    const mood = moodSum[d]! / moodCount[d]!;
    // Indices on the 5-step scale: 0 very low, 1 low, 2 neutral, 3 good, 4 very good.
    low[d] = mood <= 1 ? 1 : 0;
    good[d] = mood >= 3 ? 1 : 0;
  }
  if (low.some((v) => v >= 0)) {
    factors.push({ kind: 'mood', id: 'low', label: 'low', values: low });
    factors.push({ kind: 'mood', id: 'good', label: 'good', values: good });
  }
  return { days, outcomes: { intensity, interference }, factors };
}

function vocabularyOrder(f: { kind: FactorKind; id: string }): number {
  const list: readonly string[] = f.kind === 'technique' ? TECHNIQUES : f.kind === 'trigger' ? TRIGGERS : [];
  const i = list.indexOf(f.id);
  return i < 0 ? list.length : i;
}

/** 1 for the most active third of the days that state minutes, 0 for the least active third, −1 otherwise. */
function activityThirds(minutes: Float64Array): Int8Array | undefined {
  const stated = [...minutes].filter((m) => !Number.isNaN(m)).sort((a, b) => a - b);
  if (stated.length === 0) return undefined;
  const lowCut = stated[Math.floor((stated.length - 1) / 3)]!;
  const highCut = stated[Math.floor((2 * (stated.length - 1)) / 3)]!;
  const values = new Int8Array(minutes.length).fill(-1);
  for (let d = 0; d < minutes.length; d++) {
    const m = minutes[d]!;
    if (Number.isNaN(m)) continue;
    // Ties at a cut go to the lower group, so a period of mostly equal minutes leaves the top group
    // small (and then "not enough data") rather than calling ordinary days "most active".
    if (m <= lowCut) values[d] = 0;
    else if (m > highCut) values[d] = 1;
  }
  return values;
}
