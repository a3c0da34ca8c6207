// Validated questionnaires: the catalogue, organization licences, responses (scored by the domain and
// stored with their scoring version), change versus the previous result, PHQ-9 crisis handling, and
// assignments scheduled through the job table.
//
// Licence guard: a licensed instrument is presented and accepted only through an
// organization that has enabled it — the clinician's own organization, or, for a patient or caregiver,
// any organization with an active care relationship to the patient. Scoring itself is never gated.

import {
  computeChange,
  describeInstrument,
  findInstrument,
  INSTRUMENTS,
  scoreRaw,
  type Change,
  type InstrumentDefinition,
  type ScoreResult,
  type Sex,
} from '../domain/instruments/index.ts';
import { auditEvent, authorizePatientAccess, hasActiveRelationship, requireUser, type Granted } from './access.ts';
import { raiseAlert } from './alerts.ts';
import { firstDue, nextDue } from './assignment-schedule.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { crisisResourcesFor, type CrisisResource } from './crisis.ts';
import { AppError, forbidden, notFound } from './errors.ts';
import { enqueueJob, type JobHandler } from './jobs.ts';
import { CLINICIAN_ROLES } from './model.ts';
import { isUniqueViolationError } from './unique.ts';
import type { AssignmentSchedule, InstrumentAssignment, InstrumentDue, StoredInstrumentResponse, Stores } from './ports.ts';

/** The instrument definition by id (for the API, which reads the domain through the use cases). */
export { findInstrument };

export const CRISIS_ALERT_RULE = 'phq9-item9-positive';
export const ASSIGNMENT_JOB = 'instrument-assignment.due';

function requireInstrument(id: string): InstrumentDefinition {
  const d = findInstrument(id);
  if (!d) throw notFound('The questionnaire');
  return d;
}

/**
 * Licensed instruments whose item text this requester may be shown: through the
 * patient's caring organizations when a patient is named (as for answering), else through the
 * requester's own memberships and own patient record. Free instruments need nothing.
 */
export async function presentableInstruments(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string | undefined,
): Promise<ReadonlySet<string>> {
  if (patientId !== undefined) {
    // Whoever may answer for the patient may see what they answer (a caregiver may hold the
    // questionnaire scope without `read`); the definition is not patient data, the caring organizations are.
    const access = await authorizePatientAccess(deps, ctx, patientId, 'read').catch(async (error: unknown) => {
      if (error instanceof AppError && error.code === 'forbidden')
        return authorizePatientAccess(deps, ctx, patientId, 'answer-questionnaires');
      throw error;
    });
    const enabled = await deps.store.instrumentLicences.enabledFor(await licensingOrganizations(deps, deps.store, access));
    // The patient's caring organizations were read on their account: their access log shows it.
    await deps.store.audit.append([access.audit('instrument.definition.read', 'instrument', null)]);
    return enabled;
  }
  const userId = requireUser(ctx);
  const memberOf = (await deps.store.organizations.listMembershipsOfUser(userId)).map((m) => m.organizationId);
  const own =
    ctx.actor.kind === 'user' && ctx.actor.ownPatientId ? ctx.actor.ownPatientId : (await deps.store.patients.findByUserId(userId))?.id;
  const caring = own ? await activeOrganizations(deps.store, own, nowIso(deps)) : [];
  return deps.store.instrumentLicences.enabledFor([...new Set([...memberOf, ...caring])]);
}

/** A definition as the requester may see it: a licensed one without a licence here keeps everything but its item text. */
function presentedAs(d: InstrumentDefinition, presentable: ReadonlySet<string>) {
  const described = describeInstrument(d);
  if (d.licence.kind === 'free' || presentable.has(d.id)) return { ...described, itemTextWithheld: false };
  return {
    ...described,
    itemTextWithheld: true,
    items: described.items.map((i) => ({ ...i, construct: null, options: i.options.map((o) => ({ ...o, label: null })) })),
  };
}

export async function listCatalogue(deps: AppDeps, ctx: RequestContext, patientId?: string) {
  const presentable = await presentableInstruments(deps, ctx, patientId);
  return INSTRUMENTS.map((d) => presentedAs(d, presentable));
}

export async function getCatalogueEntry(deps: AppDeps, ctx: RequestContext, id: string, patientId?: string) {
  const d = requireInstrument(id);
  return presentedAs(d, d.licence.kind === 'free' ? new Set() : await presentableInstruments(deps, ctx, patientId));
}

/** Whether the requester may see a licensed instrument's item text (for the FHIR Questionnaire). */
export async function mayPresentItems(deps: AppDeps, ctx: RequestContext, d: InstrumentDefinition, patientId?: string): Promise<boolean> {
  return d.licence.kind === 'free' || (await presentableInstruments(deps, ctx, patientId)).has(d.id);
}

async function activeOrganizations(tx: Stores, patientId: string, now: string): Promise<string[]> {
  return [
    ...new Set(
      (await tx.careRelationships.listForPatient(patientId))
        .filter((r) => r.revokedAt === null && (r.expiresAt === null || r.expiresAt > now))
        .map((r) => r.organizationId),
    ),
  ];
}

/** The organizations through which this access may present a licensed instrument. */
async function licensingOrganizations(deps: AppDeps, tx: Stores, access: Granted): Promise<string[]> {
  return access.basis.kind === 'clinician' ? [access.basis.organizationId] : activeOrganizations(tx, access.patientId, nowIso(deps));
}

async function isAvailable(deps: AppDeps, tx: Stores, access: Granted, d: InstrumentDefinition): Promise<boolean> {
  if (d.licence.kind === 'free') return true;
  return (await tx.instrumentLicences.enabledAmong(await licensingOrganizations(deps, tx, access), d.id)).length > 0;
}

function notLicensed(d: InstrumentDefinition): AppError {
  return new AppError(
    'instrument-not-licensed',
    `${d.shortTitle} is a licensed instrument. An admin of the clinic must confirm the licence before it can be used here.`,
  );
}

export type ResponseView = StoredInstrumentResponse & { readonly attribution: string };

const view = (r: StoredInstrumentResponse): ResponseView => ({
  ...r,
  attribution: findInstrument(r.instrumentId)?.licence.attribution ?? '',
});

/** What the patient (or someone acting for them) can answer, with what is due. */
export async function listPatientInstruments(deps: AppDeps, ctx: RequestContext, patientId: string) {
  // What can be answered here and what is due (no answers): what someone who answers needs.
  const access = await authorizePatientAccess(deps, ctx, patientId, 'see-due-questionnaires');
  const enabled = await deps.store.instrumentLicences.enabledFor(await licensingOrganizations(deps, deps.store, access));
  const due = await listDueFor(deps, patientId);
  await deps.store.audit.append([access.audit('instrument.list', 'instrument', null)]);
  return INSTRUMENTS.map((d) => ({
    id: d.id,
    title: d.title,
    shortTitle: d.shortTitle,
    measures: d.measures,
    recallPeriod: d.recallPeriod,
    itemCount: d.items.length,
    licence: d.licence.kind,
    attribution: d.licence.attribution,
    available: d.licence.kind === 'free' || enabled.has(d.id),
    due: due.filter((x) => x.instrumentId === d.id),
  }));
}

export interface SubmitInput {
  readonly id: string | undefined;
  readonly instrumentId: string;
  readonly answers: unknown;
  readonly sex: Sex | undefined;
  readonly completedAt: string | undefined;
}

export interface SubmitOutcome {
  readonly status: 'created' | 'unchanged';
  readonly response: ResponseView;
  readonly change: (Change & { readonly previousId: string; readonly previousScore: number }) | null;
  readonly crisis: { readonly resources: readonly CrisisResource[]; readonly alertsRaised: number } | null;
  readonly completedDueId: string | null;
}

export async function submitInstrumentResponse(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: SubmitInput,
): Promise<SubmitOutcome> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'answer-questionnaires');
  // The change is against the previous result, which someone answering without `read` (a caregiver
  // with only the questionnaire scope, a clinic granted only `write`) may not see.
  const reveal = access.mayRead;
  const d = findInstrument(input.instrumentId);
  if (!d)
    throw new AppError('validation-failed', 'There is no such questionnaire.', {
      errors: [{ pointer: '/instrumentId', detail: `unknown instrument "${input.instrumentId}"` }],
    });
  // Sex-weighted instruments (ORT) use the sex given with the answers, else the patient record's.
  const sex = input.sex ?? (d.usesSex ? (await deps.store.patients.findById(patientId))?.sex : undefined);
  const scored = scoreRaw(d, input.answers, sex ? { sex: sex as Sex } : {});
  if (!scored.ok) {
    throw new AppError('validation-failed', `Some answers are not valid for ${d.shortTitle}.`, {
      errors: scored.errors.map((e) => ({
        pointer: e.item === '' ? '/answers' : `/answers/${e.item.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        detail: e.message,
      })),
    });
  }
  if (scored.answers.size === 0) {
    throw new AppError('validation-failed', 'Answer at least one question before sending.', {
      errors: [{ pointer: '/answers', detail: 'no question is answered' }],
    });
  }
  const now = nowIso(deps);
  const completedAt = input.completedAt ?? now;
  if (completedAt > now)
    throw new AppError('validation-failed', 'A questionnaire cannot be completed in the future.', {
      errors: [{ pointer: '/completedAt', detail: 'must not be in the future' }],
    });
  const result: ScoreResult = scored.result;
  const answers = Object.fromEntries(scored.answers);
  const id = input.id ?? deps.ids.newId();
  try {
    return await deps.store.transaction(async (tx): Promise<SubmitOutcome> => {
      // A retry sent while the first attempt is still being written waits for it, and then finds it.
      await tx.patients.lockForWrite(patientId);
      if (!(await isAvailable(deps, tx, access, d))) throw notLicensed(d);
      if (input.id !== undefined) {
        const existing = await tx.instrumentResponses.findById(input.id);
        if (existing) {
          if (
            existing.patientId !== patientId ||
            existing.instrumentId !== d.id ||
            JSON.stringify(existing.answers) !== JSON.stringify(answers)
          ) {
            throw responseIdTaken();
          }
          // A retry whose first answer was lost must still show crisis resources; the alert was raised the first time.
          const crisis = existing.flags.includes('crisis')
            ? { resources: crisisResourcesFor(deps.settings.crisisLocale), alertsRaised: 0 }
            : null;
          return { status: 'unchanged', response: view(existing), change: null, crisis, completedDueId: null };
        }
      }
      const previous = await tx.instrumentResponses.previousScored(patientId, d.id, completedAt);
      const score = result.kind === 'scored' ? result.score : null;
      const response: StoredInstrumentResponse = {
        id,
        patientId,
        instrumentId: d.id,
        instrumentVersion: d.version,
        scoringVersion: d.scoringVersion,
        answers,
        result: { ...result },
        score,
        band: result.kind === 'scored' ? result.band : null,
        flags: [...result.flags],
        context: 'routine',
        enteredBy: access.userId,
        source: access.basis.kind === 'owner' ? 'self' : access.basis.kind,
        completedAt,
      };
      await tx.instrumentResponses.insert(response);
      // Only a scored response completes what was assigned; an incomplete one stays visible as such.
      // It completes an occurrence due by when it was answered (as the job does, completed_at ≥ due_at):
      // an older result entered late is not an answer to what fell due since.
      const completedDueId =
        result.kind === 'scored' ? await tx.instrumentAssignments.completeOldestOpen(patientId, d.id, id, completedAt) : null;
      const showChange = previous !== undefined && score !== null && reveal;
      const events = [
        access.audit('instrument-response.create', 'instrument_response', id),
        ...(showChange ? [access.audit('instrument-response.read', 'instrument_response', previous.id)] : []),
      ];
      let crisis: SubmitOutcome['crisis'] = null;
      if (result.flags.includes('crisis')) {
        const alertsRaised = await raiseAlert(deps, tx, patientId, CRISIS_ALERT_RULE, 'urgent', {
          responseId: id,
          instrumentId: d.id,
          item: '9',
          answer: scored.answers.get('9') ?? null,
        });
        crisis = { resources: crisisResourcesFor(deps.settings.crisisLocale), alertsRaised };
      }
      await tx.audit.append(events);
      const change = showChange
        ? { ...computeChange(d, previous.score, score), previousId: previous.id, previousScore: previous.score }
        : null;
      return { status: 'created', response: view(response), change, crisis, completedDueId };
    });
  } catch (error) {
    // The same id sent at the same moment for another patient (one patient's submissions take turns).
    if (isUniqueViolationError(error)) throw responseIdTaken();
    throw error;
  }
}

const responseIdTaken = () => new AppError('conflict', 'A different response already has this id. Submit it with a new id.');

export async function listInstrumentResponses(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  instrumentId: string | undefined,
  limit: number,
) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  if (instrumentId !== undefined) requireInstrument(instrumentId);
  const items = await deps.store.instrumentResponses.list(patientId, instrumentId, limit);
  await deps.store.audit.append([access.audit('instrument-response.list', 'instrument_response', null)]);
  return items.map(view);
}

export async function getInstrumentResponse(deps: AppDeps, ctx: RequestContext, patientId: string, id: string): Promise<ResponseView> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const r = await deps.store.instrumentResponses.find(patientId, id);
  if (!r) throw notFound('The response');
  await deps.store.audit.append([access.audit('instrument-response.read', 'instrument_response', id)]);
  return view(r);
}

// ── Licences ────────────────────────────────────────────────────────────────────────────────────────

async function requireMember(deps: AppDeps, organizationId: string, userId: string, admin: boolean) {
  const m = await deps.store.organizations.findMembership(organizationId, userId);
  if (!m) throw notFound('The organization');
  if (admin && m.role !== 'admin') throw forbidden('Only an admin of this organization can change instrument licences.');
  return m;
}

export async function listOrganizationInstruments(deps: AppDeps, ctx: RequestContext, organizationId: string) {
  await requireMember(deps, organizationId, requireUser(ctx), false);
  const licences = new Map((await deps.store.instrumentLicences.listForOrganization(organizationId)).map((l) => [l.instrumentId, l]));
  return INSTRUMENTS.map((d) => {
    const l = licences.get(d.id);
    return {
      id: d.id,
      title: d.title,
      shortTitle: d.shortTitle,
      licence: d.licence.kind,
      holder: d.licence.holder,
      attribution: d.licence.attribution,
      note: d.licence.note,
      enabled: d.licence.kind === 'free' || l !== undefined,
      confirmation: l ? { by: l.enabledBy, byName: l.enabledByName, at: l.enabledAt, note: l.note } : null,
    };
  });
}

export async function enableInstrumentLicence(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  instrumentId: string,
  input: { confirm: boolean; note: string | null },
): Promise<void> {
  const userId = requireUser(ctx);
  await requireMember(deps, organizationId, userId, true);
  const d = requireInstrument(instrumentId);
  if (d.licence.kind === 'free')
    throw new AppError('validation-failed', `${d.shortTitle} needs no licence.`, {
      errors: [{ pointer: '/instrumentId', detail: 'free instruments are always enabled' }],
    });
  if (!input.confirm)
    throw new AppError('validation-failed', 'Confirm that the organization holds a licence.', {
      errors: [{ pointer: '/confirm', detail: 'must be true' }],
    });
  await deps.store.transaction(async (tx) => {
    await tx.instrumentLicences.enable({
      organizationId,
      instrumentId: d.id,
      enabledBy: userId,
      enabledAt: nowIso(deps),
      note: input.note,
    });
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'instrument-licence.enable',
        resourceType: 'instrument',
        resourceId: d.id,
      }),
    ]);
  });
}

export async function disableInstrumentLicence(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  instrumentId: string,
): Promise<void> {
  const userId = requireUser(ctx);
  await requireMember(deps, organizationId, userId, true);
  const d = requireInstrument(instrumentId);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.instrumentLicences.disable(organizationId, d.id))) throw notFound('The licence');
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'admin',
        organizationId,
        patientId: null,
        action: 'instrument-licence.disable',
        resourceType: 'instrument',
        resourceId: d.id,
      }),
    ]);
  });
}

// ── Assignments ─────────────────────────────────────────────────────────────────────────────────────

export type DueView = InstrumentDue & { readonly status: 'due' | 'overdue' | 'completed'; readonly title: string };

function dueView(deps: AppDeps, d: InstrumentDue): DueView {
  const overdueAt = new Date(Date.parse(d.dueAt) + deps.settings.assignmentOverdueHours * 3_600_000).toISOString();
  return {
    ...d,
    title: findInstrument(d.instrumentId)?.shortTitle ?? d.instrumentId,
    status: d.completedAt !== null ? 'completed' : nowIso(deps) >= overdueAt ? 'overdue' : 'due',
  };
}

async function listDueFor(deps: AppDeps, patientId: string): Promise<DueView[]> {
  return (await deps.store.instrumentAssignments.listDue(patientId, { openOnly: true, limit: 100 })).map((d) => dueView(deps, d));
}

/** Open questionnaire items for the patient, oldest first: what is due and overdue now. */
export async function listDueInstruments(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<DueView[]> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'see-due-questionnaires');
  const items = (await listDueFor(deps, patientId)).reverse();
  await deps.store.audit.append([access.audit('instrument-due.list', 'instrument_assignment', null)]);
  return items;
}

export interface AssignInput {
  readonly id: string | undefined;
  readonly instrumentId: string;
  readonly schedule: AssignmentSchedule;
}

export async function assignInstrument(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: AssignInput,
): Promise<InstrumentAssignment> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-clinical');
  try {
    return await deps.store.transaction(async (tx) => {
      // A retry sent while the first attempt is still being written waits for it, and is then refused as a duplicate.
      await tx.patients.lockForWrite(patientId);
      return scheduleAssignment(deps, tx, access, input);
    });
  } catch (error) {
    // The same id sent at the same moment for another patient.
    if (isUniqueViolationError(error)) throw assignmentIdTaken();
    throw error;
  }
}

const assignmentIdTaken = () => new AppError('conflict', 'An assignment with this id already exists.');

/**
 * The body of `assignInstrument` inside a caller's transaction, for use cases that assign as part of
 * a larger write (a procedure's follow-ups): who may assign, the licence guard, the assignment, its
 * first job and the audit event.
 */
export async function scheduleAssignment(deps: AppDeps, tx: Stores, access: Granted, input: AssignInput): Promise<InstrumentAssignment> {
  // Clinicians assign; a patient may also set reminders for themselves (self-managed use).
  if (access.basis.kind === 'caregiver' || (access.basis.kind === 'clinician' && !CLINICIAN_ROLES.includes(access.basis.role))) {
    throw forbidden('Only the patient or the clinicians caring for them can assign questionnaires.');
  }
  const organizationId = access.basis.kind === 'clinician' ? access.basis.organizationId : null;
  const d = findInstrument(input.instrumentId);
  if (!d)
    throw new AppError('validation-failed', 'There is no such questionnaire.', {
      errors: [{ pointer: '/instrumentId', detail: `unknown instrument "${input.instrumentId}"` }],
    });
  const s = input.schedule;
  if (s.kind === 'recurring' && s.endAt !== null && s.endAt < s.startAt) {
    throw new AppError('validation-failed', 'The schedule ends before it starts.', {
      errors: [{ pointer: '/schedule/endAt', detail: 'must not be before startAt' }],
    });
  }
  const now = nowIso(deps);
  // Every past occurrence is materialised as soon as the runner sees it: a start years back would
  // flood the patient (and the job table) with a backlog no one can answer.
  if (s.kind === 'recurring' && Date.parse(s.startAt) < Date.parse(now) - s.everyDays * 24 * 3_600_000) {
    throw new AppError('validation-failed', 'The schedule starts too far in the past.', {
      errors: [{ pointer: '/schedule/startAt', detail: `must not be more than ${s.everyDays} day(s) (one period) before now` }],
    });
  }
  const first = firstDue(s);
  const assignment: InstrumentAssignment = {
    id: input.id ?? deps.ids.newId(),
    patientId: access.patientId,
    organizationId,
    instrumentId: d.id,
    schedule: s,
    nextDueAt: first,
    createdBy: access.userId,
    createdAt: now,
    cancelledAt: null,
  };
  if (!(await isAvailable(deps, tx, access, d))) throw notLicensed(d);
  if (await tx.instrumentAssignments.find(assignment.id)) throw assignmentIdTaken();
  await tx.instrumentAssignments.insert(assignment);
  await tx.jobs.enqueue({
    id: deps.ids.newId(),
    kind: ASSIGNMENT_JOB,
    patientId: access.patientId,
    payload: { assignmentId: assignment.id, dueAt: first },
    runAt: first,
    createdAt: now,
  });
  await tx.audit.append([access.audit('instrument-assignment.create', 'instrument_assignment', assignment.id)]);
  return assignment;
}

export async function listAssignments(deps: AppDeps, ctx: RequestContext, patientId: string) {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const [assignments, due] = await Promise.all([
    deps.store.instrumentAssignments.listForPatient(patientId),
    deps.store.instrumentAssignments.listDue(patientId, { openOnly: false, limit: 500 }),
  ]);
  await deps.store.audit.append([access.audit('instrument-assignment.list', 'instrument_assignment', null)]);
  return assignments.map((a) => {
    const items = due.filter((x) => x.assignmentId === a.id).map((x) => dueView(deps, x));
    return {
      ...a,
      title: findInstrument(a.instrumentId)?.shortTitle ?? a.instrumentId,
      due: items,
      completed: items.filter((x) => x.status === 'completed').length,
    };
  });
}

export async function cancelAssignment(deps: AppDeps, ctx: RequestContext, patientId: string, assignmentId: string): Promise<void> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'write-clinical');
  if (access.basis.kind === 'caregiver') throw forbidden('Only the patient or the clinicians caring for them can cancel assignments.');
  await deps.store.transaction(async (tx) => {
    await tx.patients.lockForWrite(patientId);
    const a = await tx.instrumentAssignments.find(assignmentId);
    if (!a || a.patientId !== patientId) throw notFound('The assignment');
    if (a.cancelledAt !== null) return;
    await tx.instrumentAssignments.cancel(a.id, nowIso(deps));
    await tx.instrumentAssignments.deleteOpenDue(a.id);
    await tx.audit.append([access.audit('instrument-assignment.cancel', 'instrument_assignment', a.id)]);
  });
}

/**
 * Job: materialise one occurrence of an assignment and schedule the next, in one transaction. A job
 * that runs twice (its process died after committing, before the runner marked it done) finds that
 * `nextDueAt` has moved on and does nothing, so occurrences are never duplicated or skipped. The move
 * is a compare-and-set done first: on PostgreSQL (READ COMMITTED) a concurrent run or cancel may have
 * committed after this transaction read the assignment, and only the conditional update sees that.
 */
export const assignmentDueHandler: JobHandler = async (deps, job) => {
  const assignmentId = String(job.payload.assignmentId);
  const dueAt = String(job.payload.dueAt);
  await deps.store.transaction(async (tx) => {
    const a = await tx.instrumentAssignments.find(assignmentId);
    if (!a || a.cancelledAt !== null || a.nextDueAt !== dueAt) return;
    // Take turns with the patient's submissions, revokes and cancels (they lock the patient row too): a
    // submission committed meanwhile is seen by completeWithUnclaimedResponse below, and a revoke that
    // cancelled this assignment meanwhile is seen by advanceNextDue's compare-and-set.
    await tx.patients.lockForWrite(a.patientId);
    // A clinic's assignment ends with the clinic's access: revoking cancels it at once (sharing.ts); an
    // access that simply expired is noticed here, at the next occurrence, which then never falls due.
    if (a.organizationId !== null) {
      const now = nowIso(deps);
      const shared = await hasActiveRelationship(tx, a.patientId, a.organizationId, now);
      if (!shared) {
        await tx.instrumentAssignments.cancel(a.id, now);
        await tx.instrumentAssignments.deleteOpenDue(a.id);
        await tx.audit.append([
          {
            id: deps.ids.newId(),
            at: now,
            actorUserId: null,
            requestId: null,
            actorBasis: 'system',
            organizationId: a.organizationId,
            patientId: a.patientId,
            action: 'instrument-assignment.cancel',
            resourceType: 'instrument_assignment',
            resourceId: a.id,
          },
        ]);
        return;
      }
    }
    const next = nextDue(a.schedule, dueAt);
    if (!(await tx.instrumentAssignments.advanceNextDue(a.id, dueAt, next))) return;
    await tx.instrumentAssignments.insertDue({
      id: deps.ids.newId(),
      assignmentId: a.id,
      patientId: a.patientId,
      instrumentId: a.instrumentId,
      dueAt,
      completedAt: null,
      responseId: null,
    });
    // Answered after the due time but before this job ran (it runs every few seconds, or later after a
    // restart): that answer completes the occurrence, as it would have had the occurrence existed.
    const completedBy = await tx.instrumentAssignments.completeWithUnclaimedResponse(a.id, dueAt, a.patientId, a.instrumentId);
    const systemEvent = (action: string, resourceType: string, resourceId: string) => ({
      id: deps.ids.newId(),
      at: nowIso(deps),
      actorUserId: null,
      requestId: null,
      actorBasis: 'system',
      organizationId: a.organizationId,
      patientId: a.patientId,
      action,
      resourceType,
      resourceId,
    });
    await tx.audit.append([
      systemEvent('instrument-assignment.due', 'instrument_assignment', a.id),
      ...(completedBy ? [systemEvent('instrument-assignment.complete', 'instrument_response', completedBy)] : []),
    ]);
    if (next !== null)
      await tx.jobs.enqueue({
        id: deps.ids.newId(),
        kind: ASSIGNMENT_JOB,
        patientId: a.patientId,
        payload: { assignmentId: a.id, dueAt: next },
        runAt: next,
        createdAt: nowIso(deps),
      });
  });
};

export { enqueueJob };
