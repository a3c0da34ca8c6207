// Goal progress: a goal may name where its measure is read — a diary field or an instrument — and
// progress is the latest value, the one before it, and which way it moved.
//
// Source: the product's rule that progress is read from the diary and the questionnaires. Diary measures are weekly means
// of the day values the diary already keeps (domain/diary/day-summary.ts); whether a change is
// clinically important is decided only where a cited rule exists: instruments through their own MCID
// (domain/instruments/change.ts) and the diary's pain intensity through the NRS rule (IMMPACT percent,
// Dworkin 2008, Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; https://doi.org/10.1016/j.jpain.2007.09.005). Other diary measures say "better", "worse" or "same" and nothing more.
//
// Invariants: weeks end on `asOf` and never cross it; a week with no day values has no point (never a
// zero); reordering the day values leaves the result unchanged; direction follows the measure
// (lower pain is better, more activity is better).
import { addDays, differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';
import type { DaySummary } from '../diary/day-summary.ts';

export const DIARY_MEASURES = ['pain-intensity', 'activity-minutes', 'sleep-hours', 'interference-activity'] as const;
export type DiaryMeasure = (typeof DIARY_MEASURES)[number];

export type MeasureDirection = 'lower-is-better' | 'higher-is-better';

export const DIARY_MEASURE_INFO: Readonly<
  Record<
    DiaryMeasure,
    {
      readonly label: string;
      readonly unit: string;
      readonly direction: MeasureDirection;
      readonly perDay: string;
      readonly instrumentId?: string;
    }
  >
> = {
  'pain-intensity': {
    label: 'Pain intensity (diary)',
    unit: '0–10',
    direction: 'lower-is-better',
    perDay: "mean of the day's ratings",
    instrumentId: 'nrs',
  },
  'activity-minutes': {
    label: 'Active minutes (diary)',
    unit: 'minutes a day',
    direction: 'higher-is-better',
    perDay: 'total minutes reported that day',
  },
  'sleep-hours': {
    label: 'Sleep (diary)',
    unit: 'hours a night',
    direction: 'higher-is-better',
    perDay: 'mean of the hours reported that day',
  },
  'interference-activity': {
    label: 'Pain getting in the way of activity (diary)',
    unit: '0–10',
    direction: 'lower-is-better',
    perDay: "mean of the day's answers",
  },
};

export function isDiaryMeasure(value: string): value is DiaryMeasure {
  return (DIARY_MEASURES as readonly string[]).includes(value);
}

/** The day's value of a diary measure, or null when nothing was reported for it. */
export function diaryMeasureOfDay(day: DaySummary, measure: DiaryMeasure): number | null {
  switch (measure) {
    case 'pain-intensity':
      return day.entryCount > 0 ? day.meanIntensity : null;
    case 'activity-minutes':
      return day.activityMinutes;
    case 'sleep-hours':
      return day.sleepHours;
    case 'interference-activity':
      return day.interference.activity.mean;
  }
}

export interface ProgressPoint {
  /** The last local date of the period (a week ending on `asOf`, or the response's date). */
  readonly date: LocalDate;
  readonly value: number;
  /** Days (diary) or responses (instrument) behind the value. */
  readonly count: number;
}

/**
 * Weekly means of day values for the `weeks` weeks ending on `asOf` (week 0 is asOf − 6 … asOf),
 * oldest first; weeks without a value are left out.
 */
export function weeklyMeans(
  days: readonly { readonly date: LocalDate; readonly value: number }[],
  asOf: LocalDate,
  weeks: number,
): ProgressPoint[] {
  const sums = new Map<number, { sum: number; count: number }>();
  for (const d of days) {
    const back = differenceInCalendarDays(asOf, d.date);
    if (back < 0) continue;
    const week = Math.floor(back / 7);
    if (week >= weeks) continue;
    const s = sums.get(week) ?? { sum: 0, count: 0 };
    s.sum += d.value;
    s.count += 1;
    sums.set(week, s);
  }
  return [...sums.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([week, s]) => ({ date: addDays(asOf, -7 * week), value: s.sum / s.count, count: s.count }));
}

export type Movement = 'better' | 'worse' | 'same';

/** Which way `to` moved from `from`, for a measure with this direction. */
export function movementOf(from: number, to: number, direction: MeasureDirection): Movement {
  const diff = to - from;
  // Means of whole numbers differ by far more than binary noise when they really differ.
  if (Math.abs(diff) < 1e-9) return 'same';
  return diff < 0 === (direction === 'lower-is-better') ? 'better' : 'worse';
}
