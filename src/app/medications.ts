// Medication orders, the current regimen's MME and safety flags, the MME helper and taper plans.
// Every clinical number comes from domain/medications (CDC 2022 MME, cited flags, taper planner);
// this module only stores orders, picks the ones in effect today in the patient's time zone and
// hands them to the domain.
import { computeRegimen, findDrug, FORMULARY_VERSION, validateRegimenInput } from '../domain/medications/index.ts';
import type { Regimen, RegimenItem, RegimenResult } from '../domain/medications/regimen.ts';
import { applyTaperPauses, planTaper, type ScheduledTaperStep, type TaperPauseEvent } from '../domain/medications/taper.ts';
import { differenceInCalendarDays, LocalDateRangeError, parseLocalDate } from '../domain/time/local-date.ts';
import { authorizePatientAccess, requireUser } from './access.ts';
import type { MedicationOrderRecord, MedicationRoute, StrengthUnit, TaperPlanOptionsInput, TaperPlanRecord } from './care-plan-records.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError, invalid, notFound } from './errors.ts';
import { patientToday } from './patients.ts';
import type { StoredRecord } from './record-store.ts';
import { conflictCopy, inPatientWrite, type RecordKind } from './versioned-records.ts';
import type { Repositories } from './ports.ts';

export const MEDICATION_ORDERS: RecordKind<MedicationOrderRecord> = {
  resource: 'medication_order',
  label: 'The medication order',
  writeAction: 'order-medications',
  store: (tx) => tx.carePlan.medicationOrders,
  sortAt: (o) => o.startDate,
};

/** Orders a patient may have at most (an input-sanity limit, not a clinical number). */
const MAX_ORDERS = 500;

export interface MedicationOrderInput {
  readonly formularyId: string;
  readonly strength?: { readonly value: number; readonly unit: StrengthUnit } | null;
  readonly doseMg?: number | null;
  readonly doseMcgPerHour?: number | null;
  readonly acetaminophenMg?: number | null;
  readonly schedule: 'scheduled' | 'as-needed';
  readonly timesPerDay?: number | null;
  readonly maxPerDay?: number | null;
  readonly route: MedicationRoute;
  readonly startDate: string;
  readonly stopDate?: string | null;
  readonly instructions?: string;
}

/** The order as the domain's regimen item (as-needed orders at their maximum per day). */
export function regimenItemOf(order: MedicationOrderRecord): RegimenItem {
  const perDay = order.schedule === 'scheduled' ? order.timesPerDay : order.maxPerDay;
  return {
    drug: order.formularyId,
    ...(order.doseMg !== null ? { doseMg: order.doseMg } : {}),
    ...(order.doseMcgPerHour !== null ? { doseMcgPerHour: order.doseMcgPerHour } : {}),
    ...(perDay !== null ? { perDay } : {}),
    prn: order.schedule === 'as-needed',
    ...(order.acetaminophenMg !== null ? { acetaminophenMg: order.acetaminophenMg } : {}),
  };
}

/** JSON pointer of a problem text from validateRegimenInput (`items[0].doseMg …` → `/items/0/doseMg`). */
function pointerOfProblem(problem: string): string {
  const m = /^(?:items\[(\d+)\](?:\.(\w+))?|patient\.(\w+)|(\w+) )/.exec(problem);
  if (!m) return '/';
  if (m[1] !== undefined) return `/items/${m[1]}${m[2] ? `/${m[2]}` : ''}`;
  if (m[3] !== undefined) return `/patient/${m[3]}`;
  return m[4] === 'items' || m[4] === 'patient' ? `/${m[4]}` : '/';
}

/** Validates an order (shape is the contract's; the dose rules are the domain's) into its stored form. */
export function validateMedicationOrder(input: MedicationOrderInput): MedicationOrderRecord {
  const errors: { pointer: string; detail: string }[] = [];
  const drug = findDrug(input.formularyId);
  if (!drug)
    throw invalid('The medication order', [
      { pointer: '/formularyId', detail: `${JSON.stringify(input.formularyId)} is not in the formulary (id, generic or brand name).` },
    ]);
  const order: MedicationOrderRecord = {
    formularyId: drug.id,
    strength: input.strength ?? null,
    doseMg: input.doseMg ?? null,
    doseMcgPerHour: input.doseMcgPerHour ?? null,
    acetaminophenMg: input.acetaminophenMg ?? null,
    schedule: input.schedule,
    timesPerDay: input.timesPerDay ?? null,
    maxPerDay: input.maxPerDay ?? null,
    route: input.route,
    startDate: input.startDate,
    stopDate: input.stopDate ?? null,
    instructions: input.instructions ?? '',
  };
  const start = parseLocalDate(order.startDate);
  const stop = order.stopDate === null ? null : parseLocalDate(order.stopDate);
  if (!start) errors.push({ pointer: '/startDate', detail: 'Must be a date YYYY-MM-DD.' });
  if (stop === undefined) errors.push({ pointer: '/stopDate', detail: 'Must be a date YYYY-MM-DD.' });
  if (start && stop && differenceInCalendarDays(stop, start) < 0)
    errors.push({ pointer: '/stopDate', detail: 'The stop date is before the start date.' });
  if (order.schedule === 'scheduled' && order.maxPerDay !== null)
    errors.push({ pointer: '/maxPerDay', detail: 'Only as-needed orders have a maximum per day; give timesPerDay for a scheduled order.' });
  if (order.schedule === 'as-needed' && order.timesPerDay !== null)
    errors.push({
      pointer: '/timesPerDay',
      detail: 'As-needed orders give maxPerDay (the maximum administrations per day), not timesPerDay.',
    });
  if (drug.doseUnit === 'mcg/h' && order.route !== 'transdermal')
    errors.push({ pointer: '/route', detail: `${drug.id} is a transdermal patch; its route is transdermal.` });
  const checked = validateRegimenInput({ items: [regimenItemOf(order)] });
  if (checked.kind === 'invalid') {
    for (const problem of checked.problems) {
      let pointer = pointerOfProblem(problem).replace(/^\/items\/0/, '') || '/';
      if (pointer === '/perDay') pointer = order.schedule === 'scheduled' ? '/timesPerDay' : '/maxPerDay';
      if (pointer === '/drug') pointer = '/formularyId';
      if (pointer === '/prn') pointer = '/schedule';
      errors.push({
        pointer,
        detail: problem.replace(/^items\[0\]\./, '').replace(/\bperDay\b/, order.schedule === 'scheduled' ? 'timesPerDay' : 'maxPerDay'),
      });
    }
  }
  if (errors.length > 0) throw invalid('The medication order', errors);
  return order;
}

/** In effect on `date`: started on or before it and not yet stopped (the stop date is the first day without it). */
export function isOrderActiveOn(order: MedicationOrderRecord, date: string): boolean {
  return order.startDate <= date && (order.stopDate === null || order.stopDate > date);
}

export interface MedicationList {
  readonly asOf: string;
  readonly current: readonly StoredRecord<MedicationOrderRecord>[];
  /** Every order, current or not, newest start first. */
  readonly history: readonly StoredRecord<MedicationOrderRecord>[];
}

export async function listMedicationOrders(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<MedicationList> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today } = await patientToday(deps, deps.store, patientId);
  const history = await deps.store.carePlan.medicationOrders.list(patientId, MAX_ORDERS);
  await deps.store.audit.append([access.audit('medication_order.list', 'medication_order', null)]);
  return { asOf: today, current: history.filter((o) => isOrderActiveOn(o.body, today)), history };
}

/** The orders in effect on the patient's today, as the regimen the domain computes MME and flags for. */
export async function currentRegimen(deps: AppDeps, stores: Repositories, patientId: string) {
  const { today, ageThisYear } = await patientToday(deps, stores, patientId);
  const orders = (await stores.carePlan.medicationOrders.list(patientId, MAX_ORDERS)).filter((o) => isOrderActiveOn(o.body, today));
  const regimen: Regimen = { items: orders.map((o) => regimenItemOf(o.body)) };
  return { today, ageThisYear, orders, regimen };
}

/** MME and flags for a regimen typed by a clinician (no patient record involved): the document the MME helper answers. */
export function computeMmeForRegimen(ctx: RequestContext, input: unknown): RegimenResult & { formularyVersion: string } {
  requireUser(ctx);
  const checked = validateRegimenInput(input);
  if (checked.kind === 'invalid')
    throw invalid(
      'The regimen',
      checked.problems.map((p) => ({ pointer: pointerOfProblem(p), detail: p })),
    );
  return { ...computeRegimen(checked.regimen, checked.patient), formularyVersion: FORMULARY_VERSION };
}

// ── Taper plans ──────────────────────────────────────────────────────────────────────────────────

export const TAPER_PLANS: RecordKind<TaperPlanRecord> = {
  resource: 'taper_plan',
  label: 'The taper plan',
  writeAction: 'plan-tapers',
  store: (tx) => tx.carePlan.taperPlans,
  sortAt: (t) => t.plan.startDate,
};

export function taperInProgress(record: TaperPlanRecord, today: string): boolean {
  const scheduled = applyTaperPauses(record.plan, record.events);
  if (scheduled.kind !== 'scheduled') return false;
  if (scheduled.pausedSince !== null) return true;
  const last = scheduled.steps.at(-1)?.scheduledStart;
  return record.plan.startDate <= today && (last === null || last === undefined || last >= today);
}

export type TaperOutcome =
  | { readonly status: 'created' | 'unchanged'; readonly record: StoredRecord<TaperPlanRecord> }
  | { readonly status: 'conflict'; readonly current: StoredRecord<TaperPlanRecord> | null; readonly reason: string };

/**
 * Runs date arithmetic on a date the client chose; a schedule that would leave the four-digit calendar
 * (LocalDateRangeError) is the client's input at fault: 400 at `pointer`, not a 500.
 */
function withinCalendar<T>(pointer: string, detail: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof LocalDateRangeError) throw invalid('The taper plan', [{ pointer, detail }]);
    throw error;
  }
}

/** A taper plan from the orders in effect today (the domain's planner); stored with the options asked for. */
export async function createTaperPlan(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  options: TaperPlanOptionsInput,
): Promise<TaperOutcome> {
  const startDate = parseLocalDate(options.startDate);
  if (!startDate) throw invalid('The taper plan', [{ pointer: '/startDate', detail: 'Must be a date YYYY-MM-DD.' }]);
  const at = nowIso(deps);
  return inPatientWrite(deps, ctx, patientId, TAPER_PLANS.writeAction, async (tx, access): Promise<TaperOutcome> => {
    const existing = await tx.carePlan.taperPlans.find(id);
    if (existing) {
      if (existing.patientId !== patientId)
        return { status: 'conflict', current: null, reason: 'This id is already used. Create the plan with a new id.' };
      return JSON.stringify(existing.body.options) === JSON.stringify(options)
        ? { status: 'unchanged', record: existing }
        : {
            status: 'conflict',
            current: await conflictCopy(tx, access, existing, 'taper_plan', id),
            reason: 'A taper plan with this id exists with other options; a plan is not edited — pause it, or create a new one.',
          };
    }
    const { orders, regimen } = await currentRegimen(deps, tx, patientId);
    const result = withinCalendar('/startDate', 'The taper would run past 9999-12-31.', () =>
      planTaper(regimen, startDate, {
        ...(options.rate ? { rate: options.rate } : {}),
        ...(options.targetPercentOfOriginal !== undefined ? { targetPercentOfOriginal: options.targetPercentOfOriginal } : {}),
        ...(options.strengthsByDrug ? { strengthsByDrug: options.strengthsByDrug } : {}),
      }),
    );
    if (result.kind === 'nothing-to-taper')
      throw new AppError('nothing-to-taper', 'None of the medicines in effect today is an opioid with a dose to taper.');
    if (result.kind === 'needs-strengths') {
      throw invalid(
        'The taper plan',
        result.drugs.map((d) => ({
          pointer: `/strengthsByDrug/${d}`,
          detail: `This rate needs the available strengths of ${d}; none are on file.`,
        })),
      );
    }
    if (result.kind === 'invalid-options')
      throw invalid(
        'The taper plan',
        result.problems.map((p) => ({ pointer: `/${p.split(/[ .]/)[0]}`, detail: p })),
      );
    const body: TaperPlanRecord = {
      options,
      plan: result.plan,
      fromOrderIds: orders.map((o) => o.id),
      events: [],
      createdBy: access.userId,
    };
    const created = await tx.carePlan.taperPlans.create(
      patientId,
      id,
      body,
      body.plan.startDate,
      at,
      access.audit('taper_plan.create', 'taper_plan', id),
    );
    // Taken by another patient's plan a moment ago (only this patient's writes take turns).
    if (!created) return { status: 'conflict', current: null, reason: 'This id is already used. Create the plan with a new id.' };
    return { status: 'created', record: { id, patientId, version: 1, changeSeq: created.changeSeq, updatedAt: at, deletedAt: null, body } };
  });
}

/** Pauses (or resumes) a taper from `on`: later steps move by the length of the pause; doses never change. */
export async function pauseOrResumeTaper(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  id: string,
  kind: TaperPauseEvent['kind'],
  on: string,
): Promise<StoredRecord<TaperPlanRecord>> {
  const date = parseLocalDate(on);
  if (!date) throw invalid('The request', [{ pointer: '/on', detail: 'Must be a date YYYY-MM-DD.' }]);
  const at = nowIso(deps);
  return inPatientWrite(deps, ctx, patientId, TAPER_PLANS.writeAction, async (tx, access) => {
    const existing = await tx.carePlan.taperPlans.find(id);
    if (!existing || existing.patientId !== patientId || existing.deletedAt !== null) throw notFound('The taper plan');
    const events = [...existing.body.events, { kind, on: date }];
    const scheduled = withinCalendar('/on', 'Resuming then would move the later steps past 9999-12-31.', () =>
      applyTaperPauses(existing.body.plan, events),
    );
    if (scheduled.kind === 'invalid-events') {
      const paused = existing.body.events.at(-1)?.kind === 'pause';
      throw new AppError(
        'taper-pause-invalid',
        kind === 'pause' && paused
          ? 'The taper is already paused.'
          : kind === 'resume' && !paused
            ? 'The taper is not paused.'
            : `The ${kind} date is before the last pause or resume.`,
      );
    }
    const body: TaperPlanRecord = { ...existing.body, events };
    const edited = await tx.carePlan.taperPlans.edit(
      patientId,
      id,
      body,
      body.plan.startDate,
      existing.version,
      at,
      access.audit(`taper_plan.${kind}`, 'taper_plan', id),
    );
    if (!edited) throw new AppError('clinical-record-conflict', 'The taper plan changed while you saved; reload and try again.');
    return { ...existing, version: edited.version, changeSeq: edited.changeSeq, updatedAt: at, body };
  });
}

export interface TaperSchedule {
  readonly steps: readonly (ScheduledTaperStep & { readonly plainLanguage: string })[];
  readonly pausedSince: string | null;
  /** The step in effect on `asOf` (null before the start or while no step has started). */
  readonly currentStepIndex: number | null;
}

function doseText(step: ScheduledTaperStep): string {
  const parts = step.items.map((i) =>
    i.dailyDose === 0 ? `stop ${i.drug}` : `${i.drug} ${i.dailyDose} ${i.unit === 'mcg/h' ? 'mcg/h patch' : 'mg a day in total'}`,
  );
  return parts.join('; ');
}

/** The plan's schedule after pauses, with one plain-language line per step for the patient. */
export function scheduleOf(record: TaperPlanRecord, asOf: string): TaperSchedule {
  const scheduled = applyTaperPauses(record.plan, record.events);
  if (scheduled.kind !== 'scheduled') return { steps: [], pausedSince: null, currentStepIndex: null };
  let currentStepIndex: number | null = null;
  for (const s of scheduled.steps) if (s.scheduledStart !== null && s.scheduledStart <= asOf) currentStepIndex = s.index;
  const steps = scheduled.steps.map((s) => ({
    ...s,
    plainLanguage:
      s.index === 0
        ? `Now: ${doseText(s)}.`
        : s.scheduledStart === null
          ? `On hold while the taper is paused: ${doseText(s)}.`
          : `From ${s.scheduledStart}: ${doseText(s)}.`,
  }));
  return { steps, pausedSince: scheduled.pausedSince, currentStepIndex };
}

export async function listTaperPlans(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today } = await patientToday(deps, deps.store, patientId);
  const list = await deps.store.carePlan.taperPlans.list(patientId, 100);
  await deps.store.audit.append([access.audit('taper_plan.list', 'taper_plan', null)]);
  return { asOf: today, items: list.map((r) => ({ record: r, schedule: scheduleOf(r.body, today) })) };
}

export async function getTaperPlan(deps: AppDeps, ctx: RequestContext, patientId: string, id: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today } = await patientToday(deps, deps.store, patientId);
  const record = await deps.store.carePlan.taperPlans.find(id);
  if (!record || record.patientId !== patientId || record.deletedAt !== null) throw notFound('The taper plan');
  await deps.store.audit.append([access.audit('taper_plan.read', 'taper_plan', id)]);
  return { asOf: today, record, schedule: scheduleOf(record.body, today) };
}
