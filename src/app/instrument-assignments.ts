// Questionnaire assignments: a clinician (or the patient, for themselves) asks for an instrument once or
// on a schedule; each occurrence is materialised by a job when it falls due, and an answer completes it.

import { findInstrument } from '../domain/instruments/index.ts';
import { authorizePatientAccess, hasActiveRelationship, type Granted } from './access.ts';
import { firstDue, nextDue } from './assignment-schedule.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { AppError, forbidden, notFound } from './errors.ts';
import { isAvailable, notLicensed } from './instrument-licences.ts';
import type { JobHandler } from './jobs.ts';
import { CLINICIAN_ROLES } from './model.ts';
import { isUniqueViolationError } from './unique.ts';
import type { AssignmentSchedule, InstrumentAssignment, InstrumentDue, Repositories } from './ports.ts';

export const ASSIGNMENT_JOB = 'instrument-assignment.due';

export type DueView = InstrumentDue & { readonly status: 'due' | 'overdue' | 'completed'; readonly title: string };

function dueView(deps: AppDeps, d: InstrumentDue): DueView {
  const overdueAt = new Date(Date.parse(d.dueAt) + deps.settings.assignmentOverdueHours * 3_600_000).toISOString();
  return {
    ...d,
    title: findInstrument(d.instrumentId)?.shortTitle ?? d.instrumentId,
    status: d.completedAt !== null ? 'completed' : nowIso(deps) >= overdueAt ? 'overdue' : 'due',
  };
}

export async function listDueFor(deps: AppDeps, patientId: string): Promise<DueView[]> {
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
  const access = await authorizePatientAccess(deps, ctx, patientId, 'assign-questionnaires');
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
export async function scheduleAssignment(
  deps: AppDeps,
  tx: Repositories,
  access: Granted,
  input: AssignInput,
): Promise<InstrumentAssignment> {
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
  const access = await authorizePatientAccess(deps, ctx, patientId, 'assign-questionnaires');
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
