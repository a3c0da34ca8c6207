// Progress against the care plan, read from what the patient logs:
// - each goal that names a measure source gets its latest value, the one before it and which way it
//   moved — diary measures as weekly means (domain/care-plan/goal-progress.ts), questionnaires as
//   their scored responses with the instrument's own important-change rule (domain/instruments);
// - each pacing activity gets today's quota in the patient's local date (domain/care-plan/pacing.ts):
//   baseline sessions from the diary's activity minutes in the days before the start, or the
//   sessions recorded on the activity; each flare steps back from the local date it started and holds
//   the level until the local date it ended (today while it goes on), both in the flare's own zone.
import { computeTodaysQuota, planPacing, type PacingFlare, type PacingSession } from '../domain/care-plan/index.ts';
import {
  DIARY_MEASURE_INFO,
  diaryMeasureOfDay,
  movementOf,
  weeklyMeans,
  type MeasureDirection,
  type Movement,
  type ProgressPoint,
} from '../domain/care-plan/goal-progress.ts';
import { summarizeAccumulator } from '../domain/diary/day-summary.ts';
import { daySummariesBetween } from './diary.ts';
import { computeChange, findInstrument, type Change } from '../domain/instruments/index.ts';
import { addDays, canAddDays, toLocalDateTime, type LocalDate, type TimeZone } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { GoalMeasureSource, PacingActivity, PlanGoal } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { notFound } from './errors.ts';
import type { Repositories } from './ports.ts';

/** Weeks of diary shown for a diary-measured goal. */
export const GOAL_PROGRESS_WEEKS = 8;
/** Questionnaire results shown for an instrument-measured goal. */
export const GOAL_PROGRESS_RESPONSES = 12;
/** Days before a pacing activity's start whose diary activity minutes form its baseline (a product choice). */
export const PACING_DIARY_BASELINE_DAYS = 14;
/** Flares read for pacing (newest first; more than a plan's lifetime of flares). */
const FLARE_LIMIT = 500;

export interface GoalProgress {
  readonly goalId: string;
  readonly source: GoalMeasureSource;
  readonly label: string;
  readonly unit: string;
  readonly direction: MeasureDirection;
  /** Oldest first. */
  readonly points: readonly ProgressPoint[];
  readonly latest: ProgressPoint | null;
  readonly previous: ProgressPoint | null;
  readonly movement: Movement | null;
  /** The cited important-change rule between previous and latest, where one exists. */
  readonly change: Change | null;
}

export type PacingStatus =
  | {
      readonly kind: 'quota';
      readonly quota: number;
      readonly level: number;
      readonly lastFlare: string | null;
      /** A flare still going on since this local date holds the level until it ends. */
      readonly ongoingFlareSince: string | null;
      readonly baseline: string;
      readonly startingQuota: number;
    }
  | { readonly kind: 'not-started'; readonly startingQuota: number; readonly baseline: string }
  | { readonly kind: 'insufficient-sessions'; readonly have: number; readonly need: number }
  | { readonly kind: 'no-tolerance' }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export interface PacingProgress {
  readonly activityId: string;
  readonly activity: string;
  readonly unit: string;
  readonly goal: number | null;
  readonly startDate: string;
  readonly sessionSource: PacingActivity['sessionSource'];
  readonly sessionsUsed: number;
  readonly status: PacingStatus;
}

export interface CarePlanProgress {
  readonly asOf: string;
  readonly planVersion: number;
  readonly goals: readonly GoalProgress[];
  readonly pacing: readonly PacingProgress[];
}

function progressOf(
  goalId: string,
  source: GoalMeasureSource,
  label: string,
  unit: string,
  direction: MeasureDirection,
  points: ProgressPoint[],
  change: (from: number, to: number) => Change | null,
): GoalProgress {
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  return {
    goalId,
    source,
    label,
    unit,
    direction,
    points,
    latest,
    previous,
    movement: latest && previous ? movementOf(previous.value, latest.value, direction) : null,
    change: latest && previous ? change(previous.value, latest.value) : null,
  };
}

async function diaryDays(stores: Repositories, patientId: string, from: LocalDate, to: LocalDate) {
  return (await daySummariesBetween(stores, patientId, from, to)).map(summarizeAccumulator);
}

async function goalProgress(
  stores: Repositories,
  patientId: string,
  goal: PlanGoal,
  today: LocalDate,
  timeZone: TimeZone,
): Promise<GoalProgress | null> {
  const source = goal.measureSource ?? null;
  if (source === null) return null;
  if (source.kind === 'diary') {
    const info = DIARY_MEASURE_INFO[source.measure];
    const days = await diaryDays(stores, patientId, addDays(today, -7 * GOAL_PROGRESS_WEEKS + 1), today);
    const values = days.flatMap((d) => {
      const value = diaryMeasureOfDay(d, source.measure);
      return value === null ? [] : [{ date: d.localDate, value }];
    });
    const instrument = info.instrumentId ? findInstrument(info.instrumentId) : undefined;
    return progressOf(
      goal.id,
      source,
      info.label,
      info.unit,
      info.direction,
      weeklyMeans(values, today, GOAL_PROGRESS_WEEKS),
      (from, to) => (instrument ? computeChange(instrument, from, to) : null),
    );
  }
  const d = findInstrument(source.instrumentId);
  if (!d) return null;
  const responses = (await stores.instrumentResponses.list(patientId, d.id, GOAL_PROGRESS_RESPONSES)).filter((r) => r.score !== null);
  const points = responses
    .reverse()
    .map((r) => ({ date: toLocalDateTime(new Date(r.completedAt), timeZone).date, value: r.score!, count: 1 }));
  return progressOf(goal.id, source, d.shortTitle, d.measures, d.direction, points, (from, to) => computeChange(d, from, to));
}

async function pacingSessions(stores: Repositories, patientId: string, a: PacingActivity): Promise<PacingSession[]> {
  if (a.sessionSource === 'recorded') return a.sessions.map((s) => ({ date: s.date as LocalDate, amount: s.amount }));
  const start = a.startDate as LocalDate;
  // A start too early to have days before it in the calendar (refused on save since) has no baseline.
  if (!canAddDays(start, -PACING_DIARY_BASELINE_DAYS)) return [];
  const days = await diaryDays(stores, patientId, addDays(start, -PACING_DIARY_BASELINE_DAYS), addDays(start, -1));
  return days.flatMap((d) => (d.activityMinutes === null ? [] : [{ date: d.localDate, amount: d.activityMinutes }]));
}

function pacingStatus(
  a: PacingActivity,
  sessions: readonly PacingSession[],
  flares: readonly PacingFlare[],
  today: LocalDate,
): PacingStatus {
  const planned = planPacing(
    { activity: a.activity, unit: a.unit, sessions, startDate: a.startDate as LocalDate, ...(a.goal !== null ? { goal: a.goal } : {}) },
    a.settings,
  );
  if (planned.kind !== 'planned') return planned;
  const { plan } = planned;
  const q = computeTodaysQuota(plan, flares, today);
  if (q.kind === 'not-started') return { kind: 'not-started', startingQuota: plan.startingQuota, baseline: plan.baselineText };
  return {
    kind: 'quota',
    quota: q.quota,
    level: q.level,
    lastFlare: q.lastFlare,
    ongoingFlareSince: q.ongoingFlareSince,
    baseline: plan.baselineText,
    startingQuota: plan.startingQuota,
  };
}

export async function loadCarePlanProgress(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<CarePlanProgress> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const patient = await deps.store.patients.findById(patientId);
  if (!patient) throw notFound('The patient');
  const timeZone = patient.timeZone as TimeZone;
  const today = toLocalDateTime(deps.clock.now(), timeZone).date;
  const plan = await deps.store.carePlan.plans.findLatest(patientId);
  if (!plan) throw notFound('The care plan');
  const goals: GoalProgress[] = [];
  for (const g of plan.plan.goals) {
    const p = await goalProgress(deps.store, patientId, g, today, timeZone);
    if (p) goals.push(p);
  }
  const activities = plan.plan.pacing ?? [];
  const flares =
    activities.length === 0
      ? []
      : (await deps.store.flares.list(patientId, FLARE_LIMIT)).map(
          (f): PacingFlare => ({
            start: toLocalDateTime(new Date(f.body.startedAt), f.body.timeZone).date,
            end: f.body.endedAt === null ? null : toLocalDateTime(new Date(f.body.endedAt), f.body.timeZone).date,
          }),
        );
  const pacing: PacingProgress[] = [];
  for (const a of activities) {
    const sessions = await pacingSessions(deps.store, patientId, a);
    pacing.push({
      activityId: a.id,
      activity: a.activity,
      unit: a.unit,
      goal: a.goal,
      startDate: a.startDate,
      sessionSource: a.sessionSource,
      sessionsUsed: sessions.length,
      status: pacingStatus(a, sessions, flares, today),
    });
  }
  await deps.store.audit.append([access.audit('care_plan.progress.read', 'care_plan', `${patientId}/${plan.version}`)]);
  return { asOf: today, planVersion: plan.version, goals, pacing };
}
