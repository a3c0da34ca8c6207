// What a trend can be drawn of: the diary's own measures and every questionnaire's primary score, each
// with the rule that says whether a change of it is clinically important.
//
// Sources (every number below comes from /work/shared/clinical/instruments.md §1, §13, §16):
// - Pain now, worst and least are ratings on the 0–10 pain-intensity NRS, so their change is judged by
//   the NRS rules: IMMPACT (Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005)
//   10–20 % minimal, ≥ 30 % moderate, ≥ 50 % substantial, and Farrar 2001 (Pain 94:149,
//   https://pubmed.ncbi.nlm.nih.gov/11690728/) "a reduction of approximately two points or … 30 %".
// - The diary's interference questions are the DVPRS 2.0 supplementary items, for which the sources
//   give no important-change threshold (the BPI interference 1-point rule belongs to the BPI's own
//   seven-item mean, not to these items), so none is applied.
// - Sleep hours, active minutes and mood have no published threshold in the sources either.
// - Questionnaires carry their own rule in their definition (domain/instruments, `change`).
//
// Mood is the diary's five-step word scale; a day's value is the mean position (1 very low … 5 very
// good). That numbering is only for drawing and averaging, not a published scoring.
import type { DiaryEntry } from '../diary/entry.ts';
import { MOODS } from '../diary/entry-vocabulary.ts';

export const DIARY_TREND_MEASURES = [
  'pain-now',
  'pain-worst',
  'pain-least',
  'interference-activity',
  'interference-sleep',
  'interference-mood',
  'interference-stress',
  'sleep-hours',
  'mood',
  'activity-minutes',
] as const;
export type DiaryTrendMeasure = (typeof DIARY_TREND_MEASURES)[number];

export type TrendDirection = 'lower-is-better' | 'higher-is-better';

/** How a change of the measure is judged: the NRS rules, a questionnaire's own rule, or no published threshold. */
export type TrendRuleKind = 'nrs' | 'instrument' | 'none';

export interface DiaryMeasureInfo {
  readonly label: string;
  readonly unit: string;
  readonly direction: TrendDirection;
  /** The scale's ends, for drawing; null where the scale has no upper end worth drawing to. */
  readonly scale: { readonly min: number; readonly max: number };
  /** How one day's value is made from that day's entries. */
  readonly perDay: 'mean' | 'sum';
  readonly rule: TrendRuleKind;
}

const nrs = (label: string): DiaryMeasureInfo => ({
  label,
  unit: '0–10',
  direction: 'lower-is-better',
  scale: { min: 0, max: 10 },
  perDay: 'mean',
  rule: 'nrs',
});
const interference = (label: string): DiaryMeasureInfo => ({
  label,
  unit: '0–10',
  direction: 'lower-is-better',
  scale: { min: 0, max: 10 },
  perDay: 'mean',
  rule: 'none',
});

export const DIARY_TREND_INFO: Readonly<Record<DiaryTrendMeasure, DiaryMeasureInfo>> = {
  'pain-now': nrs('Pain now'),
  'pain-worst': nrs('Worst pain since the last check-in'),
  'pain-least': nrs('Least pain since the last check-in'),
  'interference-activity': interference('Pain getting in the way of activity'),
  'interference-sleep': interference('Pain getting in the way of sleep'),
  'interference-mood': interference('Pain affecting mood'),
  'interference-stress': interference('Pain adding to stress'),
  'sleep-hours': { label: 'Sleep', unit: 'hours', direction: 'higher-is-better', scale: { min: 0, max: 12 }, perDay: 'mean', rule: 'none' },
  mood: {
    label: 'Mood',
    unit: '1 very low – 5 very good',
    direction: 'higher-is-better',
    scale: { min: 1, max: 5 },
    perDay: 'mean',
    rule: 'none',
  },
  'activity-minutes': {
    label: 'Active minutes',
    unit: 'minutes a day',
    direction: 'higher-is-better',
    scale: { min: 0, max: 120 },
    perDay: 'sum',
    rule: 'none',
  },
};

export function isDiaryTrendMeasure(value: string): value is DiaryTrendMeasure {
  return (DIARY_TREND_MEASURES as readonly string[]).includes(value);
}

/** Where each measure sits in a diary entry's body: the field a trend reads. */
export const DIARY_TREND_FIELDS: Readonly<Record<DiaryTrendMeasure, readonly string[]>> = {
  'pain-now': ['intensity'],
  'pain-worst': ['worstSinceLast'],
  'pain-least': ['leastSinceLast'],
  'interference-activity': ['interference', 'activity'],
  'interference-sleep': ['interference', 'sleep'],
  'interference-mood': ['interference', 'mood'],
  'interference-stress': ['interference', 'stress'],
  'sleep-hours': ['sleep', 'hours'],
  mood: ['mood'],
  'activity-minutes': ['activity', 'minutes'],
};

/**
 * The value of a measure from its field as stored (a number, or a number or word as text), or null
 * when the entry did not answer it. Mood words become their place on the five-step scale.
 */
export function measureValue(measure: DiaryTrendMeasure, raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  if (measure === 'mood') {
    const i = (MOODS as readonly unknown[]).indexOf(raw);
    return i < 0 ? null : i + 1;
  }
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** One entry's value of a diary measure, or null when the entry did not answer it. */
export function entryValue(entry: DiaryEntry, measure: DiaryTrendMeasure): number | null {
  let v: unknown = entry;
  for (const key of DIARY_TREND_FIELDS[measure]) v = v === null || v === undefined ? undefined : (v as Record<string, unknown>)[key];
  return measureValue(measure, v);
}
