// Trends of one measure over a range of the patient's local dates: daily values with missing days as
// gaps, weekly means, and a baseline period against the latest 14 days, judged by the published
// threshold of that measure.
//
// Sources: the NRS rules are IMMPACT (Dworkin 2008, J Pain 9:105,
// https://doi.org/10.1016/j.jpain.2007.09.005: 10–20 % minimal, ≥ 30 % moderate, ≥ 50 % substantial)
// and Farrar 2001 (Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/: "a reduction of
// approximately two points or … approximately 30 %" was clinically important); a questionnaire's
// rule is its own (domain/instruments/change.ts, with the source in each definition). Numbers as
// tabulated in /work/shared/clinical/instruments.md §1 and §16.
//
// Invariants:
// - A day without an observation has the value null, never 0; a week without any day value is null.
// - Days are the local dates the observations carry (a diary entry's own date; a questionnaire's
//   completion in the patient's zone), never UTC days.
// - The comparison uses means of day values, so a day with many check-ins weighs as much as a day
//   with one.
// - Where the sources publish no threshold the change is still measured but never classified.
import { computeChange, IMMPACT_PERCENT_CATEGORIES, type ChangeCategory } from '../instruments/change.ts';
import type { InstrumentDefinition } from '../instruments/model.ts';
import { nrs } from '../instruments/nrs/definition.ts';
import { addDays, differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';
import type { TrendDirection } from './trend-measures.ts';

export const TREND_RANGES = ['30d', '90d', '365d', 'all'] as const;
export type TrendRange = (typeof TREND_RANGES)[number];
export const TREND_RANGE_DAYS: Readonly<Record<Exclude<TrendRange, 'all'>, number>> = { '30d': 30, '90d': 90, '365d': 365 };

/** Days in the baseline and in the latest period (the product's comparison windows). */
export const COMPARISON_DAYS = 14;

/** Farrar 2001: a reduction of approximately two points on the 0–10 NRS was clinically important. */
export const FARRAR_POINTS = 2;
/** Farrar 2001: … or of approximately 30 %. */
export const FARRAR_PERCENT = 30;

const FARRAR_SOURCE = 'Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/';
const IMMPACT_SOURCE = 'IMMPACT, Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005';
const EPSILON = 1e-9;

export type TrendRule =
  | { readonly kind: 'nrs' }
  | { readonly kind: 'instrument'; readonly definition: InstrumentDefinition }
  | { readonly kind: 'none' };

export interface DatedValue {
  readonly date: LocalDate;
  readonly value: number;
}

export interface TrendDay {
  readonly date: LocalDate;
  /** The day's mean (or total, for a measure summed per day); null when nothing was recorded. */
  readonly value: number | null;
  /** Observations behind the value. */
  readonly count: number;
}

export interface TrendWeek {
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** Mean of the week's day values; null when no day had one. */
  readonly value: number | null;
  readonly days: number;
}

export interface TrendPeriod {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly mean: number | null;
  /** Days in the period with a value. */
  readonly days: number;
}

export interface TrendChange {
  /** latest − baseline, in the measure's units. */
  readonly absolute: number;
  /** Reduction from baseline in percent, (baseline − latest) / baseline × 100; null at baseline 0. */
  readonly percent: number | null;
  readonly direction: 'better' | 'worse' | 'same';
  /** The published category; null where no threshold is published or it is undefined (baseline 0). */
  readonly category: ChangeCategory | null;
  readonly thresholdPublished: boolean;
  /** The rule applied, with its source, or why none is. */
  readonly rule: string;
  readonly note?: string;
  /** NRS measures only: Farrar's two clinically important-difference readings, each on its own. */
  readonly farrar?: { readonly twoPoints: boolean; readonly thirtyPercent: boolean; readonly source: string };
}

/** The values that would be a clinically important improvement on the baseline, for drawing. */
export interface ImportantBand {
  readonly from: number;
  readonly to: number;
  /** The threshold's edge next to the baseline. */
  readonly threshold: number;
  readonly rule: string;
}

/** Every date from `from` to `to`, each with the day's value or null. */
export function dailyValues(values: readonly DatedValue[], from: LocalDate, to: LocalDate, perDay: 'mean' | 'sum'): TrendDay[] {
  const byDate = new Map<string, { sum: number; count: number }>();
  for (const v of values) {
    if (v.date < from || v.date > to) continue;
    const s = byDate.get(v.date);
    if (s) {
      s.sum += v.value;
      s.count += 1;
    } else byDate.set(v.date, { sum: v.value, count: 1 });
  }
  const length = differenceInCalendarDays(to, from) + 1;
  const days: TrendDay[] = [];
  // One Date stepped a day at a time: a range of years is thousands of dates.
  const cursor = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < length; i++) {
    const date = cursor.toISOString().slice(0, 10) as LocalDate;
    const s = byDate.get(date);
    days.push(s ? { date, value: perDay === 'sum' ? s.sum : s.sum / s.count, count: s.count } : { date, value: null, count: 0 });
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/** Weeks of seven days ending on the last day, oldest first; the oldest may be shorter (it starts on the first day). */
export function weeklyMeans(days: readonly TrendDay[]): TrendWeek[] {
  const weeks: TrendWeek[] = [];
  for (let end = days.length - 1; end >= 0; end -= 7) {
    const start = Math.max(0, end - 6);
    let sum = 0;
    let n = 0;
    for (let i = start; i <= end; i++) {
      const v = days[i]!.value;
      if (v !== null) {
        sum += v;
        n += 1;
      }
    }
    weeks.push({ from: days[start]!.date, to: days[end]!.date, value: n === 0 ? null : sum / n, days: n });
  }
  return weeks.reverse();
}

/** Mean of the day values within [from, to]. */
export function periodMean(days: readonly TrendDay[], from: LocalDate, to: LocalDate): TrendPeriod {
  let sum = 0;
  let n = 0;
  for (const d of days) {
    if (d.date < from || d.date > to || d.value === null) continue;
    sum += d.value;
    n += 1;
  }
  return { from, to, mean: n === 0 ? null : sum / n, days: n };
}

/**
 * The baseline period: the chosen one, or the first 14 days from the first day with a value —
 * ending before the latest period begins, so the two never share a day. Null when no day before the
 * latest period has a value.
 */
export function baselinePeriod(
  days: readonly TrendDay[],
  latestFrom: LocalDate,
  chosen?: { readonly from: LocalDate; readonly to: LocalDate },
): { from: LocalDate; to: LocalDate } | null {
  if (chosen) return chosen;
  const first = days.find((d) => d.value !== null && d.date < latestFrom);
  if (!first) return null;
  const end = addDays(first.date, COMPARISON_DAYS - 1);
  return { from: first.date, to: end < latestFrom ? end : addDays(latestFrom, -1) };
}

function movement(absolute: number, direction: TrendDirection): TrendChange['direction'] {
  if (Math.abs(absolute) < EPSILON) return 'same';
  return absolute < 0 === (direction === 'lower-is-better') ? 'better' : 'worse';
}

/** How the latest mean compares with the baseline mean, judged by the measure's published rule. */
export function classifyTrendChange(rule: TrendRule, direction: TrendDirection, baseline: number, latest: number): TrendChange {
  if (rule.kind === 'none') {
    const absolute = roundNoise(latest - baseline);
    return {
      absolute,
      percent: baseline === 0 ? null : roundNoise(((baseline - latest) / baseline) * 100),
      direction: movement(absolute, direction),
      category: null,
      thresholdPublished: false,
      rule: 'no threshold published',
      note: 'The sources give no clinically important change for this measure, so the change is shown but not judged.',
    };
  }
  const definition = rule.kind === 'nrs' ? nrs : rule.definition;
  const c = computeChange(definition, baseline, latest);
  const published = definition.change.kind === 'immpact-percent' || definition.change.kind === 'threshold';
  const base: TrendChange = {
    absolute: c.absolute,
    percent: c.percent,
    direction: movement(c.absolute, direction),
    category: c.category,
    thresholdPublished: published,
    rule: rule.kind === 'nrs' ? `${IMMPACT_SOURCE}; ${FARRAR_SOURCE}` : published ? c.rule : 'no threshold published',
    ...(c.note ? { note: c.note } : {}),
  };
  if (rule.kind !== 'nrs') return base;
  return {
    ...base,
    farrar: {
      twoPoints: baseline - latest >= FARRAR_POINTS - EPSILON,
      thirtyPercent: c.percent !== null && c.percent >= FARRAR_PERCENT - EPSILON,
      source: FARRAR_SOURCE,
    },
  };
}

/**
 * The band of values that would be a clinically important improvement on the baseline: for the NRS
 * a reduction of 30 % or more (IMMPACT's moderate category, Farrar's percent reading); for a
 * questionnaire its own threshold (points, or the percent clause where that is the easier to reach).
 * Null where no threshold is published, the baseline is 0 on a percent rule, or the band would lie
 * outside the scale.
 */
export function importantBand(
  rule: TrendRule,
  direction: TrendDirection,
  baseline: number,
  scale: { readonly min: number; readonly max: number },
): ImportantBand | null {
  const definition = rule.kind === 'nrs' ? nrs : rule.kind === 'instrument' ? rule.definition : null;
  if (!definition) return null;
  const change = definition.change;
  if (change.kind === 'immpact-percent') {
    if (baseline <= 0) return null;
    const moderate = IMMPACT_PERCENT_CATEGORIES.find((c) => c.category === 'moderate')!.fromPercent;
    const threshold = roundNoise(baseline * (1 - moderate / 100));
    const label = `${moderate} % or more below the baseline (${IMMPACT_SOURCE}; ${FARRAR_SOURCE})`;
    return direction === 'lower-is-better'
      ? { from: scale.min, to: threshold, threshold, rule: label }
      : {
          from: roundNoise(baseline * (1 + moderate / 100)),
          to: scale.max,
          threshold: roundNoise(baseline * (1 + moderate / 100)),
          rule: label,
        };
  }
  if (change.kind !== 'threshold') return null;
  const parts = [`${change.points} point${change.points === 1 ? '' : 's'}`];
  if (change.percent !== undefined) parts.push(`${change.percent} %`);
  const label = `an improvement of ${parts.join(' or ')} (${change.source})`;
  if (direction === 'lower-is-better') {
    let threshold = baseline - change.points;
    if (change.percent !== undefined) threshold = Math.max(threshold, baseline * (1 - change.percent / 100));
    threshold = roundNoise(threshold);
    return threshold < scale.min ? null : { from: scale.min, to: threshold, threshold, rule: label };
  }
  let threshold = baseline + change.points;
  if (change.percent !== undefined) threshold = Math.min(threshold, baseline * (1 + change.percent / 100));
  threshold = roundNoise(threshold);
  return threshold > scale.max ? null : { from: threshold, to: scale.max, threshold, rule: label };
}

export interface TrendInput {
  readonly values: readonly DatedValue[];
  /** The first date shown; null for "all": the first date with a value. */
  readonly from: LocalDate | null;
  /** The last date shown (the patient's today). */
  readonly to: LocalDate;
  readonly perDay: 'mean' | 'sum';
  readonly rule: TrendRule;
  readonly direction: TrendDirection;
  readonly scale: { readonly min: number; readonly max: number };
  readonly baseline?: { readonly from: LocalDate; readonly to: LocalDate };
}

export interface Trend {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly days: readonly TrendDay[];
  readonly weeks: readonly TrendWeek[];
  readonly baseline: TrendPeriod | null;
  readonly latest: TrendPeriod;
  readonly change: TrendChange | null;
  readonly band: ImportantBand | null;
}

export function computeTrend(input: TrendInput): Trend {
  const firstWithValue = input.values.reduce<LocalDate | null>(
    (m, v) => (v.date <= input.to && (m === null || v.date < m) ? v.date : m),
    null,
  );
  const from = input.from ?? firstWithValue ?? input.to;
  const latestFrom = addDays(input.to, 1 - COMPARISON_DAYS);
  // The comparison reads its own windows, which may reach before the range shown (a chosen baseline).
  const earliest = [from, latestFrom, input.baseline?.from].reduce<LocalDate>((m, d) => (d !== undefined && d < m ? d : m), from);
  const allDays = dailyValues(input.values, earliest, input.to, input.perDay);
  const days = allDays.filter((d) => d.date >= from);
  const latest = periodMean(allDays, latestFrom, input.to);
  // The default baseline is the first 14 days of data of the range shown, so it moves with the range.
  const basePeriod = baselinePeriod(days, latestFrom, input.baseline);
  const baseline = basePeriod ? periodMean(allDays, basePeriod.from, basePeriod.to) : null;
  const change =
    baseline?.mean != null && latest.mean !== null ? classifyTrendChange(input.rule, input.direction, baseline.mean, latest.mean) : null;
  const band = baseline?.mean != null ? importantBand(input.rule, input.direction, baseline.mean, input.scale) : null;
  return { from, to: input.to, days, weeks: weeklyMeans(days), baseline, latest, change, band };
}

/** Removes binary floating-point noise without rounding real digits. */
function roundNoise(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
