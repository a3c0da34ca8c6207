// The pieces every coverage rule set shares: a criterion's three states, the verdict, percent relief on
// one scale, rolling-12-month counts per spinal region, and the checks that read the same facts in the
// facet and ESI policies (duration since onset, baseline scales, guidance, conservative care).
//
// Invariants: a fact that is absent makes its criterion "missing", never met or not met; any "not-met"
// makes the verdict "does-not-meet", else any "missing" makes it "missing-documentation".
import { addCalendarMonths } from '../care-plan/calendar-months.ts';
import { differenceInCalendarDays, type LocalDate } from '../time/local-date.ts';
import type { HistoryItem, Measurement, Procedure, ReadinessRequest, Region } from './request.ts';

export type CriterionStatus = 'met' | 'not-met' | 'missing';
export type Verdict = 'meets' | 'does-not-meet' | 'missing-documentation';

export interface Criterion {
  readonly id: string;
  readonly status: CriterionStatus;
  readonly detail: string;
  readonly source: string;
}

export interface Readiness {
  readonly verdict: Verdict;
  readonly criteria: readonly Criterion[];
}

export const criterion = (id: string, status: CriterionStatus, detail: string, source: string): Criterion => ({
  id,
  status,
  detail,
  source,
});

export function verdictOf(criteria: readonly Criterion[]): Verdict {
  if (criteria.some((c) => c.status === 'not-met')) return 'does-not-meet';
  if (criteria.some((c) => c.status === 'missing')) return 'missing-documentation';
  return 'meets';
}

/** Combine statuses where every part must hold: not-met wins, then missing. */
export function allOf(statuses: readonly CriterionStatus[]): CriterionStatus {
  if (statuses.includes('not-met')) return 'not-met';
  if (statuses.includes('missing')) return 'missing';
  return 'met';
}

/** Combine statuses where one part is enough: met wins, then missing. */
export function anyOf(statuses: readonly CriterionStatus[]): CriterionStatus {
  if (statuses.includes('met')) return 'met';
  if (statuses.includes('missing')) return 'missing';
  return 'not-met';
}

export type Relief =
  | { readonly kind: 'computed'; readonly percent: number; readonly scale: string; readonly atLeast: (threshold: number) => boolean }
  | { readonly kind: 'different-scale'; readonly scale: string; readonly baselineScale: string }
  | { readonly kind: 'no-pain-before'; readonly scale: string }
  | { readonly kind: 'missing'; readonly what: string };

/**
 * Percent relief of the index pain, (before − after) / before × 100, from one procedure's ratings on one
 * scale. The comparison with a threshold is done on integers (values to 2 decimals, cross-multiplied) so
 * 4/5 is exactly 80 %, not 79.999…. A procedure rated on another scale than the baseline is not comparable.
 */
export function computeRelief(item: HistoryItem, baseline: Measurement | undefined): Relief {
  if (item.scale == null) return { kind: 'missing', what: 'the scale of the ratings' };
  if (item.painBefore == null) return { kind: 'missing', what: 'the pain before' };
  if (item.painAfter == null) return { kind: 'missing', what: 'the pain after' };
  if (baseline !== undefined && baseline.scale !== item.scale)
    return { kind: 'different-scale', scale: item.scale, baselineScale: baseline.scale };
  const before = Math.round(item.painBefore * 100);
  const after = Math.round(item.painAfter * 100);
  if (before === 0) return { kind: 'no-pain-before', scale: item.scale };
  const percent = Math.round(((before - after) / before) * 1000) / 10;
  return { kind: 'computed', percent, scale: item.scale, atLeast: (threshold) => (before - after) * 100 >= threshold * before };
}

export function describeRelief(item: HistoryItem, relief: Relief): string {
  const what = `${item.procedure} ${item.date}`;
  switch (relief.kind) {
    case 'computed':
      return `${what}: ${relief.scale} ${item.painBefore}→${item.painAfter} (${relief.percent}% relief)`;
    case 'different-scale':
      return `${what}: rated on ${relief.scale}, baseline on ${relief.baselineScale} (not the same scale)`;
    case 'no-pain-before':
      return `${what}: pain before was 0, no relief can be shown`;
    case 'missing':
      return `${what}: ${relief.what} not recorded`;
  }
}

/** Status of "relief of at least `threshold` %" for one procedure. */
export function reliefStatus(relief: Relief, threshold: number): CriterionStatus {
  if (relief.kind === 'missing') return 'missing';
  if (relief.kind === 'computed') return relief.atLeast(threshold) ? 'met' : 'not-met';
  return 'not-met';
}

/** Prior procedures of these kinds in the region, oldest first. */
export function priorInRegion(history: readonly HistoryItem[], kinds: readonly Procedure[], region: Region): HistoryItem[] {
  return history
    .filter((h) => kinds.includes(h.procedure) && h.region === region)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Sessions in the rolling 12 months before `date`: those after the same calendar day a year earlier.
 * The policies say "rolling 12 months" without naming the first day; a session exactly 12 calendar
 * months earlier is taken to have left the window.
 */
export function inRollingYear(items: readonly HistoryItem[], date: LocalDate): HistoryItem[] {
  const start = addCalendarMonths(date, -12);
  return items.filter((h) => h.date > start && h.date <= date);
}

/** The limit of `max` sessions per region per rolling 12 months, counting the planned one. */
export function sessionLimit(
  request: ReadinessRequest,
  kinds: readonly Procedure[],
  max: number,
  what: string,
  id: string,
  source: string,
): Criterion {
  if (request.region === undefined) return criterion(id, 'missing', 'spinal region not recorded', source);
  if (request.history === undefined)
    return criterion(id, 'missing', `prior ${what} not recorded (send an empty history if there were none)`, source);
  const prior = inRollingYear(priorInRegion(request.history, kinds, request.region), request.date).length;
  const nth = prior + 1;
  const detail = `this would be ${what} ${nth} of at most ${max} in the ${request.region} region in the rolling 12 months`;
  return criterion(id, nth <= max ? 'met' : 'not-met', detail, source);
}

/** Pain duration from onset to the planned date, at least `minDays`. */
export function painDuration(request: ReadinessRequest, minDays: number, label: string, source: string): Criterion {
  const onset = request.patient?.painOnset;
  if (onset === undefined) return criterion('pain-duration', 'missing', 'pain onset date not recorded', source);
  const days = differenceInCalendarDays(request.date, onset as LocalDate);
  return criterion('pain-duration', days >= minDays ? 'met' : 'not-met', `${days} days since onset ${onset}; ${label} needed`, source);
}

export function baselinePainScale(request: ReadinessRequest, source: string): Criterion {
  const b = request.patient?.baselinePain;
  return b === undefined
    ? criterion('baseline-pain-scale', 'missing', 'baseline pain on a named scale not recorded', source)
    : criterion('baseline-pain-scale', 'met', `baseline pain ${b.value} on ${b.scale}`, source);
}

export function baselineDisabilityScale(request: ReadinessRequest, source: string): Criterion {
  const b = request.patient?.baselineDisability;
  return b === undefined
    ? criterion('baseline-disability-scale', 'missing', 'baseline disability on a named scale not recorded', source)
    : criterion('baseline-disability-scale', 'met', `baseline disability ${b.value} on ${b.scale}`, source);
}

export function imageGuidance(request: ReadinessRequest, source: string): Criterion {
  const g = request.guidance;
  if (g === undefined) return criterion('image-guidance', 'missing', 'guidance not recorded', source);
  const ok = g === 'fluoroscopy' || g === 'ct';
  return criterion('image-guidance', ok ? 'met' : 'not-met', `${g} guidance; CT or fluoroscopy required`, source);
}

export function regionRecorded(request: ReadinessRequest, source: string): Criterion {
  return request.region === undefined
    ? criterion('one-region-per-session', 'missing', 'spinal region not recorded', source)
    : criterion('one-region-per-session', 'met', `one spinal region (${request.region}) in the session`, source);
}

export function levelsPerSession(request: ReadinessRequest, max: number, source: string): Criterion {
  if (request.levels === undefined) return criterion('levels-per-session', 'missing', 'number of levels not recorded', source);
  return criterion(
    'levels-per-session',
    request.levels <= max ? 'met' : 'not-met',
    `${request.levels} level${request.levels === 1 ? '' : 's'}; at most ${max} per session`,
    source,
  );
}

export const failedOrNotTolerated = (outcome: string | null | undefined) => outcome === 'failed' || outcome === 'not-tolerated';

export function describeCare(request: ReadinessRequest): string {
  const care = request.patient?.conservativeCare ?? [];
  return care.map((c) => `${c.kind}${c.weeks == null ? '' : ` ${c.weeks} weeks`} ${c.outcome ?? '(outcome not recorded)'}`).join(', ');
}

export function exclusionsOf(request: ReadinessRequest): readonly string[] | undefined {
  return request.patient?.exclusions;
}

export function daysBetween(later: HistoryItem | LocalDate, earlier: HistoryItem | LocalDate): number {
  const l = typeof later === 'string' ? later : later.date;
  const e = typeof earlier === 'string' ? earlier : earlier.date;
  return differenceInCalendarDays(l, e);
}
