// The versioned care plan: goals, pacing activities and interventions, checked and normalised before a
// save, which always writes a new version and never overwrites one. Conditions, pacing sessions and
// procedures with conservative care are in conditions.ts, pacing-sessions.ts and care-history.ts.
import { isMinutesUnit, MINUTES_PER_DAY } from '../domain/care-plan/index.ts';
import { findInstrument } from '../domain/instruments/index.ts';
import { canAddDays, parseLocalDate } from '../domain/time/local-date.ts';
import { authorizePatientAccess, permissionMissing, type Granted } from './access.ts';
import type { CarePlanBody, CarePlanVersion, GoalMeasureSource, PacingActivity, PlanGoal, PlanIntervention } from './care-plan-records.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { carePlanPartOfModality, CARE_PLAN_PARTS, roleMay, type CarePlanPart } from './permissions.ts';
import { INTERVENTION_MODALITIES } from './care-plan-records.ts';
import { conflictCopy, inPatientWrite } from './versioned-records.ts';
import type { Repositories } from './ports.ts';
import { PACING_DIARY_BASELINE_DAYS } from './care-plan-progress.ts';
import { checkDateRange, type FieldErrors } from './check-date-range.ts';

// Also exported here for the storage migration tests, which import them from this module as they did
// before conditions and care history had files of their own.
export { CONSERVATIVE_CARE, PROCEDURES } from './care-history.ts';
export { CONDITIONS, saveCondition } from './conditions.ts';

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
async function checkResponsibleMembers(tx: Repositories, patientId: string, plan: CarePlanBody, now: string): Promise<void> {
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
 * The parts of the plan a save changes, each a permission of its own: goals (with the plan's notes),
 * pacing, and the interventions of each modality. Versions saved before goals named a source or the
 * plan had pacing compare as if they had none.
 */
export function carePlanPartsChanged(before: CarePlanBody | undefined, after: CarePlanBody): CarePlanPart[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const goals = (p: CarePlanBody | undefined) => ({
    goals: (p?.goals ?? []).map((g) => ({ ...g, measureSource: g.measureSource ?? null })),
    notes: p?.notes ?? '',
  });
  const changed = new Set<CarePlanPart>();
  if (!same(goals(before), goals(after))) changed.add('plan-goals');
  if (!same(before?.pacing ?? [], after.pacing ?? [])) changed.add('plan-pacing');
  for (const modality of INTERVENTION_MODALITIES) {
    const of = (p: CarePlanBody | undefined) => (p?.interventions ?? []).filter((i) => i.modality === modality);
    if (!same(of(before), of(after))) changed.add(carePlanPartOfModality(modality));
  }
  return CARE_PLAN_PARTS.filter((part) => changed.has(part));
}

/** A clinician changes only the parts of the plan their role may; the refusal names the first part missing. */
function checkPartsAllowed(access: Granted, before: CarePlanBody | undefined, after: CarePlanBody): void {
  const basis = access.basis;
  if (basis.kind !== 'clinician') return;
  const missing = carePlanPartsChanged(before, after).find((part) => !roleMay(basis.role, part, basis.roleSettings));
  if (missing) throw permissionMissing(missing);
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
  const copy = (tx: Repositories, access: Granted, current: CarePlanVersion) =>
    conflictCopy(tx, access, current, 'care_plan', `${patientId}/${current.version}`);
  return inPatientWrite(deps, ctx, patientId, 'edit-care-plan', async (tx, access): Promise<CarePlanOutcome> => {
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
    checkPartsAllowed(access, latest?.plan, plan);
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
