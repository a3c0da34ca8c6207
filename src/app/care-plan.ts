// Conditions, the versioned care plan, procedures and conservative-care history. Chronicity and CDC
// 2022 scope are the domain's (domain/care-plan/condition.ts); a plan save
// always writes a new version and never overwrites one.
import { cdc2022Scope, classifyChronicity, isMinutesUnit, MINUTES_PER_DAY } from '../domain/care-plan/index.ts';
import { findInstrument } from '../domain/instruments/index.ts';
import { canAddDays, differenceInCalendarDays, LATEST_LOCAL_DATE, parseLocalDate, type LocalDate } from '../domain/time/local-date.ts';
import { authorizePatientAccess, type Granted } from './access.ts';
import type {
  CarePlanBody,
  CarePlanVersion,
  ConditionRecord,
  ConservativeCareRecord,
  GoalMeasureSource,
  PacingActivity,
  PlanGoal,
  PlanIntervention,
  ProcedureRecord,
} from './care-plan-records.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { patientToday } from './patients.ts';
import type { StoredRecord } from './record-store.ts';
import {
  conflictCopy,
  deleteRecord,
  inPatientWrite,
  saveRecord,
  type DeleteOutcome,
  type RecordKind,
  type SaveOutcome,
} from './versioned-records.ts';
import type { Stores } from './ports.ts';
import { isUniqueViolationError } from './unique.ts';
import { PACING_DIARY_BASELINE_DAYS } from './care-plan-progress.ts';
import {
  followUpDates,
  followUpInstruments,
  procedureFollowUps,
  procedureFollowUpsWithdrawn,
  PROCEDURE_FOLLOW_UP_WEEKS,
} from './procedure-follow-ups.ts';

export { PROCEDURE_FOLLOW_UP_WEEKS } from './procedure-follow-ups.ts';

type FieldErrors = { pointer: string; detail: string }[];

function checkDateRange(errors: FieldErrors, start: string | null, stop: string | null, startPointer: string, stopPointer: string): void {
  const s = start === null ? null : parseLocalDate(start);
  const e = stop === null ? null : parseLocalDate(stop);
  if (s === undefined) errors.push({ pointer: startPointer, detail: 'Must be a date YYYY-MM-DD.' });
  if (e === undefined) errors.push({ pointer: stopPointer, detail: 'Must be a date YYYY-MM-DD.' });
  if (s && e && differenceInCalendarDays(e, s) < 0) errors.push({ pointer: stopPointer, detail: 'The end is before the start.' });
}

// ── Conditions ───────────────────────────────────────────────────────────────────────────────────

export const CONDITIONS: RecordKind<ConditionRecord> = {
  resource: 'condition',
  label: 'The condition',
  writeAction: 'write-clinical',
  store: (tx) => tx.carePlan.conditions,
  sortAt: (c) => c.onsetDate,
};

export type ConditionInput = Omit<ConditionRecord, 'bodySite' | 'notes' | 'cancerRelated' | 'endOfLife'> & {
  readonly bodySite?: string | null;
  readonly notes?: string;
  readonly cancerRelated?: boolean;
  readonly endOfLife?: boolean;
};

export function saveCondition(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: ConditionInput,
  baseVersion?: number,
): Promise<SaveOutcome<ConditionRecord>> {
  const value: ConditionRecord = {
    label: input.label,
    bodySite: input.bodySite ?? null,
    mechanism: input.mechanism,
    onsetDate: input.onsetDate,
    cancerRelated: input.cancerRelated ?? false,
    endOfLife: input.endOfLife ?? false,
    notes: input.notes ?? '',
  };
  if (!parseLocalDate(value.onsetDate)) throw invalid('The condition', [{ pointer: '/onsetDate', detail: 'Must be a date YYYY-MM-DD.' }]);
  return saveRecord(CONDITIONS, deps, ctx, patientId, id, value, baseVersion);
}

/** A condition with its chronicity as of `asOf` (the patient's today) and whether CDC 2022 applies. */
export function presentCondition(r: StoredRecord<ConditionRecord>, asOf: string, ageThisYear: number | undefined) {
  const chronicity = classifyChronicity(r.body.onsetDate as LocalDate, asOf as LocalDate);
  return {
    id: r.id,
    version: r.version,
    updatedAt: r.updatedAt,
    ...r.body,
    chronicity:
      chronicity.kind === 'classified'
        ? { asOf, value: chronicity.chronicity, source: chronicity.source }
        : { asOf, value: null, source: 'The onset date is after today.' },
    cdc2022Scope: cdc2022Scope(
      { ...r.body, bodySite: r.body.bodySite ?? undefined, onsetDate: r.body.onsetDate as LocalDate },
      ageThisYear,
    ),
  };
}

export async function listConditions(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today, ageThisYear } = await patientToday(deps, deps.store, patientId);
  const list = await deps.store.carePlan.conditions.list(patientId, 500);
  await deps.store.audit.append([access.audit('condition.list', 'condition', null)]);
  return list.map((r) => presentCondition(r, today, ageThisYear));
}

export async function getCondition(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today, ageThisYear } = await patientToday(deps, deps.store, patientId);
  const r = await deps.store.carePlan.conditions.find(id);
  if (!r || r.patientId !== patientId || r.deletedAt !== null) throw notFound('The condition');
  await deps.store.audit.append([access.audit('condition.read', 'condition', id)]);
  return presentCondition(r, today, ageThisYear);
}

// ── Care plan (versioned) ────────────────────────────────────────────────────────────────────────

export interface CarePlanInput {
  readonly goals: readonly (Omit<PlanGoal, 'id' | 'targetDate' | 'measureSource'> & {
    readonly id?: string;
    readonly targetDate?: string | null;
    readonly measureSource?: GoalMeasureSource | null;
  })[];
  readonly interventions: readonly (Omit<PlanIntervention, 'id' | 'startDate' | 'stopDate' | 'responsibleMemberId' | 'frequency'> & {
    readonly id?: string;
    readonly startDate?: string | null;
    readonly stopDate?: string | null;
    readonly responsibleMemberId?: string | null;
    readonly frequency?: string;
  })[];
  readonly pacing?: readonly (Omit<PacingActivity, 'id' | 'goal' | 'sessions' | 'settings'> & {
    readonly id?: string;
    readonly goal?: number | null;
    readonly sessions?: PacingActivity['sessions'];
    readonly settings?: PacingActivity['settings'];
  })[];
  readonly notes?: string;
}

export type CarePlanOutcome =
  | { readonly status: 'created'; readonly plan: CarePlanVersion }
  | { readonly status: 'conflict'; readonly current: CarePlanVersion | null; readonly reason: string };

function normalizePlan(deps: AppDeps, input: CarePlanInput): CarePlanBody {
  const errors: FieldErrors = [];
  const seen = new Set<string>();
  const idOf = (given: string | undefined, pointer: string) => {
    const id = given?.toLowerCase() ?? deps.ids.newId();
    if (seen.has(id)) errors.push({ pointer, detail: 'This id is used twice in the plan.' });
    seen.add(id);
    return id;
  };
  const goals = input.goals.map((g, i): PlanGoal => {
    checkDateRange(errors, null, g.targetDate ?? null, '', `/goals/${i}/targetDate`);
    const source = g.measureSource ?? null;
    if (source?.kind === 'instrument' && !findInstrument(source.instrumentId))
      errors.push({ pointer: `/goals/${i}/measureSource/instrumentId`, detail: `There is no questionnaire "${source.instrumentId}".` });
    const measureSource: GoalMeasureSource | null =
      source === null
        ? null
        : source.kind === 'diary'
          ? { kind: 'diary', measure: source.measure }
          : { kind: 'instrument', instrumentId: findInstrument(source.instrumentId)?.id ?? source.instrumentId };
    return {
      id: idOf(g.id, `/goals/${i}/id`),
      activity: g.activity,
      measure: g.measure,
      baseline: g.baseline,
      target: g.target,
      targetDate: g.targetDate ?? null,
      measureSource,
    };
  });
  const pacing = (input.pacing ?? []).map((a, i): PacingActivity => {
    checkDateRange(errors, a.startDate, null, `/pacing/${i}/startDate`, '');
    const start = parseLocalDate(a.startDate);
    // Diary-measured baselines read the days before the start: they must exist in the calendar.
    if (start && a.sessionSource === 'diary-activity-minutes' && !canAddDays(start, -PACING_DIARY_BASELINE_DAYS)) {
      errors.push({ pointer: `/pacing/${i}/startDate`, detail: `The ${PACING_DIARY_BASELINE_DAYS} days before the start must be dates.` });
    }
    const sessions = a.sessions ?? [];
    sessions.forEach((x, j) => checkDateRange(errors, x.date, null, `/pacing/${i}/sessions/${j}/date`, ''));
    if (isMinutesUnit(a.unit)) {
      sessions.forEach((x, j) => {
        if (x.amount > MINUTES_PER_DAY)
          errors.push({ pointer: `/pacing/${i}/sessions/${j}/amount`, detail: `A day has ${MINUTES_PER_DAY} minutes.` });
      });
    }
    if (a.sessionSource === 'diary-activity-minutes' && a.unit !== 'minutes') {
      errors.push({
        pointer: `/pacing/${i}/unit`,
        detail: 'The diary records activity in minutes; use the unit "minutes" or record the sessions on the activity.',
      });
    }
    if (a.sessionSource === 'diary-activity-minutes' && sessions.length > 0) {
      errors.push({
        pointer: `/pacing/${i}/sessions`,
        detail: 'Sessions come from the diary for this activity; leave them out or choose recorded sessions.',
      });
    }
    return {
      id: idOf(a.id, `/pacing/${i}/id`),
      activity: a.activity,
      unit: a.unit,
      goal: a.goal ?? null,
      startDate: a.startDate,
      sessionSource: a.sessionSource,
      sessions: sessions.map((x) => ({ date: x.date, amount: x.amount })),
      settings: { ...a.settings },
    };
  });
  const interventions = input.interventions.map((v, i): PlanIntervention => {
    checkDateRange(errors, v.startDate ?? null, v.stopDate ?? null, `/interventions/${i}/startDate`, `/interventions/${i}/stopDate`);
    return {
      id: idOf(v.id, `/interventions/${i}/id`),
      modality: v.modality,
      description: v.description,
      startDate: v.startDate ?? null,
      stopDate: v.stopDate ?? null,
      frequency: v.frequency ?? '',
      responsibleMemberId: v.responsibleMemberId?.toLowerCase() ?? null,
      status: v.status,
    };
  });
  if (errors.length > 0) throw invalid('The care plan', errors);
  return { goals, interventions, pacing, notes: input.notes ?? '' };
}

/** Responsible members must belong to a clinic the patient currently shares their record with. */
async function checkResponsibleMembers(tx: Stores, patientId: string, plan: CarePlanBody, now: string): Promise<void> {
  const wanted = plan.interventions.map((v, i) => [v.responsibleMemberId, i] as const).filter(([m]) => m !== null);
  if (wanted.length === 0) return;
  const orgs = (await tx.careRelationships.listForPatient(patientId))
    .filter((r) => r.revokedAt === null && (r.expiresAt === null || r.expiresAt > now))
    .map((r) => r.organizationId);
  const errors: FieldErrors = [];
  for (const [memberId, i] of wanted) {
    let found = false;
    for (const org of orgs)
      if (await tx.organizations.findMembershipById(org, memberId!)) {
        found = true;
        break;
      }
    if (!found)
      errors.push({
        pointer: `/interventions/${i}/responsibleMemberId`,
        detail: 'Not a member of a clinic this patient shares their record with.',
      });
  }
  if (errors.length > 0) throw invalid('The care plan', errors);
}

/**
 * Saves the plan as a new version. The first save sends no version; later saves send the version they
 * edited (If-Match) — a stale or missing one answers a conflict with the current plan.
 */
export async function saveCarePlan(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: CarePlanInput,
  baseVersion?: number,
): Promise<CarePlanOutcome> {
  const plan = normalizePlan(deps, input);
  const at = nowIso(deps);
  const copy = (tx: Stores, access: Granted, current: CarePlanVersion) =>
    conflictCopy(tx, access, current, 'care_plan', `${patientId}/${current.version}`);
  return inPatientWrite(deps, ctx, patientId, 'write-clinical', async (tx, access): Promise<CarePlanOutcome> => {
    const latest = await tx.carePlan.plans.findLatest(patientId);
    if (!latest && baseVersion !== undefined)
      return { status: 'conflict', current: null, reason: 'This patient has no care plan yet; save without a version to create it.' };
    if (latest && baseVersion === undefined)
      return {
        status: 'conflict',
        current: await copy(tx, access, latest),
        reason: `A care plan exists (version ${latest.version}); send the version you edited.`,
      };
    if (latest && baseVersion !== latest.version)
      return {
        status: 'conflict',
        current: await copy(tx, access, latest),
        reason: `The plan changed (version ${latest.version}; you edited version ${baseVersion}).`,
      };
    await checkResponsibleMembers(tx, patientId, plan, at);
    const version: CarePlanVersion = { patientId, version: (latest?.version ?? 0) + 1, createdBy: access.userId, createdAt: at, plan };
    await tx.carePlan.plans.insert(version);
    await tx.audit.append([access.audit('care_plan.save', 'care_plan', `${patientId}/${version.version}`)]);
    return { status: 'created', plan: version };
  });
}

export async function getCarePlan(deps: AppDeps, ctx: RequestContext, patientId: string, version?: number): Promise<CarePlanVersion> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const plan =
    version === undefined
      ? await deps.store.carePlan.plans.findLatest(patientId)
      : await deps.store.carePlan.plans.find(patientId, version);
  if (!plan) throw notFound(version === undefined ? 'The care plan' : `Version ${version} of the care plan`);
  await deps.store.audit.append([access.audit('care_plan.read', 'care_plan', `${patientId}/${plan.version}`)]);
  return plan;
}

export async function listCarePlanVersions(deps: AppDeps, ctx: RequestContext, patientId: string, limit: number) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const versions = await deps.store.carePlan.plans.list(patientId, limit);
  await deps.store.audit.append([access.audit('care_plan.list', 'care_plan', null)]);
  return versions;
}

// ── Pacing sessions recorded by the patient ──────────────────────────────────────────────────────

/** The most sessions an activity keeps (the care-plan contract's limit). */
export const MAX_PACING_SESSIONS = 60;

export type PacingSessionOutcome =
  | {
      readonly status: 'created' | 'updated';
      readonly plan: CarePlanVersion;
      readonly activityId: string;
      readonly session: { readonly date: string; readonly amount: number };
    }
  | {
      readonly status: 'unchanged';
      readonly plan: CarePlanVersion;
      readonly activityId: string;
      readonly session: { readonly date: string; readonly amount: number };
    }
  | { readonly status: 'conflict'; readonly reason: string };

/**
 * Records the baseline session of one day of a `recorded` pacing activity (an idempotent upsert by
 * date: a retry changes nothing; a new amount replaces that day's session), as a new version of the
 * plan, so the plan's history shows who added it. Under `write-diary`: the patient, a caregiver with
 * diary scope, or a clinician with write scope — logging what was done is diary-like, while the plan
 * itself stays `write-clinical`. The day must be before the activity's start (sessions form the
 * baseline) and not after the patient's today.
 */
export async function recordPacingSession(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  activityId: string,
  dateText: string,
  input: { readonly amount: number },
): Promise<PacingSessionOutcome> {
  const date = parseLocalDate(dateText);
  if (!date) throw invalid('The session', [{ pointer: '/date', detail: 'Must be a date YYYY-MM-DD.' }]);
  const session = { date, amount: input.amount };
  const at = nowIso(deps);
  try {
    // Sessions of different days sent at once each add to the latest plan in turn (without the turn,
    // one of them met the other's new version and was refused).
    return await inPatientWrite(deps, ctx, patientId, 'write-diary', async (tx, access): Promise<PacingSessionOutcome> => {
      const latest = await tx.carePlan.plans.findLatest(patientId);
      if (!latest) throw notFound('The care plan');
      const activities = latest.plan.pacing ?? [];
      const index = activities.findIndex((a) => a.id === activityId);
      if (index < 0) throw notFound('The pacing activity');
      const activity = activities[index]!;
      const { today } = await patientToday(deps, tx, patientId);
      const errors: FieldErrors = [];
      if (activity.sessionSource !== 'recorded')
        errors.push({
          pointer: '',
          detail: "This activity takes its sessions from the diary's active minutes; log activity in the diary instead.",
        });
      if (differenceInCalendarDays(date, today as LocalDate) > 0)
        errors.push({ pointer: '/date', detail: 'The session cannot be after today.' });
      else if (differenceInCalendarDays(date, activity.startDate as LocalDate) >= 0) {
        errors.push({
          pointer: '/date',
          detail:
            'Sessions set the starting point, so they are before the activity starts; ask your care team to move the start to add more.',
        });
      }
      if (isMinutesUnit(activity.unit) && input.amount > MINUTES_PER_DAY)
        errors.push({ pointer: '/amount', detail: `A day has ${MINUTES_PER_DAY} minutes.` });
      const others = activity.sessions.filter((x) => x.date !== date);
      const replaced = others.length < activity.sessions.length;
      if (errors.length === 0 && !replaced && activity.sessions.length >= MAX_PACING_SESSIONS)
        errors.push({ pointer: '', detail: `This activity already has ${MAX_PACING_SESSIONS} sessions.` });
      if (errors.length > 0) throw invalid('The session', errors);
      if (
        replaced &&
        others.length === activity.sessions.length - 1 &&
        activity.sessions.some((x) => x.date === date && x.amount === input.amount)
      ) {
        // A retry: nothing is written, but the plan was read to tell.
        await tx.audit.append([access.audit('care_plan.pacing_session.read', 'care_plan', `${patientId}/${latest.version}`)]);
        return { status: 'unchanged', plan: latest, activityId, session };
      }
      const sessions = [...others, session].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const pacing = activities.map((a, i) => (i === index ? { ...a, sessions } : a));
      const version: CarePlanVersion = {
        patientId,
        version: latest.version + 1,
        createdBy: access.userId,
        createdAt: at,
        plan: { ...latest.plan, pacing },
      };
      await tx.carePlan.plans.insert(version);
      await tx.audit.append([
        access.audit(`care_plan.pacing_session.${replaced ? 'update' : 'create'}`, 'care_plan', `${patientId}/${version.version}`),
      ]);
      return { status: replaced ? 'updated' : 'created', plan: version, activityId, session };
    });
  } catch (error) {
    // Someone saved the plan at the same moment (the primary key refused the second version).
    if (!isUniqueViolationError(error)) throw error;
    return { status: 'conflict', reason: 'The plan was saved by someone else at the same time; try again.' };
  }
}

// ── Procedures and conservative care ─────────────────────────────────────────────────────────────

export const PROCEDURES: RecordKind<ProcedureRecord> = {
  resource: 'procedure',
  label: 'The procedure',
  writeAction: 'write-clinical',
  store: (tx) => tx.carePlan.procedures,
  sortAt: (p) => p.date,
};

export type ProcedureInput = Omit<ProcedureRecord, 'label' | 'levels' | 'blockDiaryId' | 'notes' | 'followUpInstrument'> & {
  readonly label?: string;
  readonly levels?: readonly string[];
  readonly blockDiaryId?: string | null;
  readonly notes?: string;
  readonly followUpInstrument?: 'peg' | 'nrs' | 'none';
};

export function saveProcedure(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: ProcedureInput,
  baseVersion?: number,
): Promise<SaveOutcome<ProcedureRecord>> {
  const value: ProcedureRecord = {
    type: input.type,
    label: input.label ?? '',
    date: input.date,
    levels: input.levels ?? [],
    side: input.side,
    intent: input.intent,
    imageGuidance: input.imageGuidance,
    blockDiaryId: input.blockDiaryId?.toLowerCase() ?? null,
    notes: input.notes ?? '',
    followUpInstrument: input.followUpInstrument ?? 'peg',
  };
  const date = parseLocalDate(value.date);
  if (!date) throw invalid('The procedure', [{ pointer: '/date', detail: 'Must be a date YYYY-MM-DD.' }]);
  const lastFollowUpDays = 7 * Math.max(...PROCEDURE_FOLLOW_UP_WEEKS);
  if (!canAddDays(date, lastFollowUpDays)) {
    throw invalid('The procedure', [
      { pointer: '/date', detail: `Its follow-ups (${lastFollowUpDays} days later) would fall after ${LATEST_LOCAL_DATE}.` },
    ]);
  }
  if (value.type === 'other' && value.label.trim() === '')
    throw invalid('The procedure', [{ pointer: '/label', detail: 'Name the procedure when its type is "other".' }]);
  return saveRecord(PROCEDURES, deps, ctx, patientId, id, value, baseVersion, {
    async check(tx) {
      if (value.blockDiaryId === null) return;
      const diary = await tx.blockDiaries.find(value.blockDiaryId);
      if (!diary || diary.patientId !== patientId || diary.deletedAt !== null)
        throw invalid('The procedure', [{ pointer: '/blockDiaryId', detail: 'No block diary of this patient has this id.' }]);
    },
    afterWrite: procedureFollowUps(deps, id),
  });
}

/** Soft-deletes a procedure and cancels the follow-up questionnaires it assigned, in one transaction. */
export function deleteProcedure(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  baseVersion?: number,
): Promise<DeleteOutcome<ProcedureRecord>> {
  return deleteRecord(PROCEDURES, deps, ctx, patientId, id, baseVersion, procedureFollowUpsWithdrawn(deps, id));
}

export function presentProcedure(r: StoredRecord<ProcedureRecord>) {
  return {
    id: r.id,
    version: r.version,
    updatedAt: r.updatedAt,
    ...r.body,
    followUps: followUpDates(r.body.date).map((f) => ({ ...f, instruments: followUpInstruments(r.body.followUpInstrument) })),
  };
}

export const CONSERVATIVE_CARE: RecordKind<ConservativeCareRecord> = {
  resource: 'conservative_care',
  label: 'The conservative-care record',
  writeAction: 'write-clinical',
  store: (tx) => tx.carePlan.conservativeCare,
  sortAt: (c) => c.startDate,
};

export type ConservativeCareInput = Omit<ConservativeCareRecord, 'endDate' | 'sessions' | 'outcomeNotes'> & {
  readonly endDate?: string | null;
  readonly sessions?: number | null;
  readonly outcomeNotes?: string;
};

export function saveConservativeCare(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  input: ConservativeCareInput,
  baseVersion?: number,
) {
  const value: ConservativeCareRecord = {
    treatment: input.treatment,
    modality: input.modality,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    sessions: input.sessions ?? null,
    outcome: input.outcome,
    outcomeNotes: input.outcomeNotes ?? '',
  };
  const errors: FieldErrors = [];
  checkDateRange(errors, value.startDate, value.endDate, '/startDate', '/endDate');
  if (errors.length > 0) throw invalid('The conservative-care record', errors);
  return saveRecord(CONSERVATIVE_CARE, deps, ctx, patientId, id, value, baseVersion);
}

/** With its duration in days (start and end inclusive) once it has ended. */
export function presentConservativeCare(r: StoredRecord<ConservativeCareRecord>) {
  const { startDate, endDate } = r.body;
  const durationDays = endDate === null ? null : differenceInCalendarDays(endDate as LocalDate, startDate as LocalDate) + 1;
  return { id: r.id, version: r.version, updatedAt: r.updatedAt, ...r.body, durationDays };
}
