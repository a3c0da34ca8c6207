// Trends of one measure for the patient's Insights: the diary's own measures from the diary entries
// (one range scan of the live-rows index over the dates asked for), a questionnaire's primary score
// from its responses (one range of the responses' (patient, instrument, completed_at) index), folded
// into the domain's trend (domain/insight/trends.ts). Read like any other patient read: one grant
// decision, one audit row.
import { DIARY_TREND_FIELDS, DIARY_TREND_INFO, isDiaryTrendMeasure, measureValue } from '../domain/insight/trend-measures.ts';
import {
  COMPARISON_DAYS,
  computeTrend,
  TREND_RANGE_DAYS,
  type DatedValue,
  type Trend,
  type TrendRange,
  type TrendRule,
} from '../domain/insight/trends.ts';
import { findInstrument } from '../domain/instruments/index.ts';
import { addDays, EARLIEST_LOCAL_DATE, parseLocalDate, toLocalDateTime, type LocalDate, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { diaryFieldBetween } from './diary.ts';
import { AppError, notFound } from './errors.ts';

export interface TrendQueryInput {
  readonly measure: string;
  readonly range: TrendRange;
  readonly baselineFrom?: string | undefined;
  readonly baselineTo?: string | undefined;
}

export interface MeasureTrend extends Trend {
  readonly measure: string;
  readonly label: string;
  readonly unit: string;
  readonly direction: 'lower-is-better' | 'higher-is-better';
  readonly scale: { readonly min: number; readonly max: number };
  readonly thresholdPublished: boolean;
  readonly range: TrendRange;
}

const DAY_MS = 86_400_000;

function badQuery(pointer: string, detail: string): AppError {
  return new AppError('validation-failed', detail, { errors: [{ pointer, detail }] });
}

/** The chosen baseline, checked: real dates, from ≤ to, ending before the latest 14 days begin. */
function chosenBaseline(q: TrendQueryInput, latestFrom: LocalDate): { from: LocalDate; to: LocalDate } | undefined {
  if (q.baselineFrom === undefined || q.baselineTo === undefined) return undefined;
  const from = parseLocalDate(q.baselineFrom);
  const to = parseLocalDate(q.baselineTo);
  if (!from) throw badQuery('/querystring/baselineFrom', 'Must be a calendar date YYYY-MM-DD.');
  if (!to) throw badQuery('/querystring/baselineTo', 'Must be a calendar date YYYY-MM-DD.');
  if (to < from) throw badQuery('/querystring/baselineTo', 'The baseline must end on or after the day it starts.');
  if (to >= latestFrom)
    throw badQuery('/querystring/baselineTo', `The baseline must end before the latest ${COMPARISON_DAYS} days begin (${latestFrom}).`);
  return { from, to };
}

export async function loadTrend(deps: AppDeps, ctx: RequestContext, patientId: string, q: TrendQueryInput): Promise<MeasureTrend> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const timeZone = patient.timeZone as TimeZone;
  const now = deps.clock.now();
  const today = toLocalDateTime(now, timeZone).date;
  const latestFrom = addDays(today, 1 - COMPARISON_DAYS);
  const baseline = chosenBaseline(q, latestFrom);
  const rangeFrom = q.range === 'all' ? null : addDays(today, 1 - TREND_RANGE_DAYS[q.range]);
  // What is read: the range shown, the latest 14 days and a chosen baseline, in one range.
  const readFrom = rangeFrom === null ? EARLIEST_LOCAL_DATE : [rangeFrom, latestFrom, baseline?.from ?? rangeFrom].sort()[0]!;

  let values: DatedValue[];
  let meta: Pick<MeasureTrend, 'label' | 'unit' | 'direction' | 'scale'> & { perDay: 'mean' | 'sum'; rule: TrendRule };
  if (isDiaryTrendMeasure(q.measure)) {
    const info = DIARY_TREND_INFO[q.measure];
    const measure = q.measure;
    values = [];
    // The entry's sort key starts with its own local date; the field is read by the database.
    for (const [sortKey, raw] of await diaryFieldBetween(deps.store, patientId, readFrom, today, DIARY_TREND_FIELDS[measure])) {
      const value = measureValue(measure, raw);
      if (value !== null) values.push({ date: sortKey.slice(0, 10) as LocalDate, value });
    }
    meta = {
      label: info.label,
      unit: info.unit,
      direction: info.direction,
      scale: info.scale,
      perDay: info.perDay,
      rule: info.rule === 'nrs' ? { kind: 'nrs' } : { kind: 'none' },
    };
  } else {
    const definition = findInstrument(q.measure);
    if (!definition) throw badQuery('/querystring/measure', 'Unknown measure.');
    // Instants a day either side of the local dates: any zone's date lies within them; the dates decide.
    const fromInstant = readFrom === EARLIEST_LOCAL_DATE ? '0000' : new Date(Date.parse(`${readFrom}T00:00:00Z`) - DAY_MS).toISOString();
    const toInstant = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * DAY_MS).toISOString();
    const scores = await deps.store.instrumentResponses.scoresBetween(patientId, definition.id, fromInstant, toInstant);
    values = scores.map((s) => ({ date: toLocalDateTime(new Date(s.completedAt), timeZone).date, value: s.score }));
    meta = {
      label: definition.shortTitle,
      unit: definition.scoreUnit,
      direction: definition.direction,
      scale: definition.scoreRange,
      perDay: 'mean',
      rule: { kind: 'instrument', definition },
    };
  }
  const trend = computeTrend({
    values,
    from: rangeFrom,
    to: today,
    perDay: meta.perDay,
    rule: meta.rule,
    direction: meta.direction,
    scale: meta.scale,
    ...(baseline ? { baseline } : {}),
  });
  await deps.store.audit.append([access.audit('insight.trends.read', 'insight', q.measure)]);
  const rule = meta.rule;
  const thresholdPublished =
    rule.kind === 'nrs' ||
    (rule.kind === 'instrument' && (rule.definition.change.kind === 'immpact-percent' || rule.definition.change.kind === 'threshold'));
  return {
    measure: q.measure,
    label: meta.label,
    unit: meta.unit,
    direction: meta.direction,
    scale: meta.scale,
    thresholdPublished,
    range: q.range,
    ...trend,
  };
}
