// Follow-up questionnaires after a procedure: 2, 6 and 12 weeks after its date the
// patient is asked a pain questionnaire (PEG by default, or the NRS) and PGIC, as ordinary
// questionnaire assignments (`scheduleAssignment`, the body of assignInstrument) in the same
// transaction as the procedure, so they fall due through the job table like any other assignment.
//
// - Each follow-up is a `once` assignment due at 09:00 in the patient's time zone on the follow-up day;
//   follow-ups whose day has already passed (a procedure recorded late) are not assigned, since they
//   would ask about "now" weeks too late.
// - Assignment ids are derived from (procedure id, record version, weeks, instrument), so a retried
//   save cannot assign twice and an edit can find what earlier versions assigned: when the date or the
//   questionnaire changes, the earlier follow-ups are cancelled and new ones assigned.
// - Deleting the procedure cancels the follow-ups it assigned, like an edit of its date does.
// - Recording a procedure needs `record-procedures` (the patient or a clinician with write scope whose role records them); the
//   assignment belongs to the clinician's organization, or to nobody when the patient recorded it.
import { createHash } from 'node:crypto';
import { addDays, canAddDays, toLocalDateTime, type LocalDate, type TimeZone } from '../domain/time/local-date.ts';
import type { Granted } from './access.ts';
import type { ProcedureRecord } from './care-plan-records.ts';
import type { RecordAfterDelete, RecordAfterWrite } from './versioned-records.ts';
import { nowIso, type AppDeps } from './context.ts';
import { notFound } from './errors.ts';
import { scheduleAssignment } from './instrument-assignments.ts';
import type { Repositories } from './ports.ts';

/** Follow-ups after a procedure, in weeks. */
export const PROCEDURE_FOLLOW_UP_WEEKS = [2, 6, 12] as const;
/** Wall-clock time, in the patient's zone, at which a follow-up falls due (a product choice). */
export const FOLLOW_UP_LOCAL_TIME = '09:00';

const ALL_FOLLOW_UP_INSTRUMENTS = ['peg', 'nrs', 'pgic'] as const;

/** The questionnaires each follow-up assigns. */
export function followUpInstruments(choice: ProcedureRecord['followUpInstrument']): readonly string[] {
  const pain = choice ?? 'peg';
  return pain === 'none' ? [] : [pain, 'pgic'];
}

/** A UUID (version 8, name-based) for the follow-up, stable for the same inputs. */
export function followUpAssignmentId(procedureId: string, version: number, weeks: number, instrumentId: string): string {
  const h = createHash('sha256').update(`procedure-follow-up|${procedureId}|${version}|${weeks}|${instrumentId}`).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The UTC instant of a wall-clock time on a local date in `timeZone`. */
export function instantOfLocal(date: LocalDate, time: string, timeZone: TimeZone): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const shown = toLocalDateTime(new Date(guess), timeZone);
    const diff = wall - Date.parse(`${shown.date}T${shown.time}:00Z`);
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess).toISOString();
}

/** The follow-up days of a procedure on `date` (saves refuse dates whose follow-ups pass 9999-12-31; any such older record shows none). */
export function followUpDates(date: string): { weeks: number; due: LocalDate }[] {
  return PROCEDURE_FOLLOW_UP_WEEKS.filter((weeks) => canAddDays(date as LocalDate, weeks * 7)).map((weeks) => ({
    weeks,
    due: addDays(date as LocalDate, weeks * 7),
  }));
}

async function cancelEarlierFollowUps(
  deps: AppDeps,
  tx: Repositories,
  access: Granted,
  procedureId: string,
  upToVersion: number,
): Promise<void> {
  const ids = new Set<string>();
  for (let v = 1; v <= upToVersion; v++) {
    for (const weeks of PROCEDURE_FOLLOW_UP_WEEKS)
      for (const i of ALL_FOLLOW_UP_INSTRUMENTS) ids.add(followUpAssignmentId(procedureId, v, weeks, i));
  }
  const at = nowIso(deps);
  for (const a of await tx.instrumentAssignments.listForPatient(access.patientId)) {
    if (!ids.has(a.id) || a.cancelledAt !== null) continue;
    await tx.instrumentAssignments.cancel(a.id, at);
    await tx.instrumentAssignments.deleteOpenDue(a.id);
    await tx.audit.append([access.audit('instrument-assignment.cancel', 'instrument_assignment', a.id)]);
  }
}

/** `afterWrite` of a procedure save: assigns (or re-assigns after an edit of date or questionnaire) the follow-ups. */
export function procedureFollowUps(deps: AppDeps, procedureId: string): RecordAfterWrite<ProcedureRecord> {
  return async (tx, access, { value, previous, version }) => {
    if (previous) {
      const was = previous.body;
      if (
        previous.deletedAt === null &&
        was.date === value.date &&
        (was.followUpInstrument ?? 'peg') === (value.followUpInstrument ?? 'peg')
      )
        return;
      await cancelEarlierFollowUps(deps, tx, access, procedureId, previous.version);
    }
    const instruments = followUpInstruments(value.followUpInstrument);
    if (instruments.length === 0) return;
    const patient = await tx.patients.findById(access.patientId);
    if (!patient) throw notFound('The patient');
    const timeZone = patient.timeZone as TimeZone;
    const today = toLocalDateTime(deps.clock.now(), timeZone).date;
    for (const { weeks, due } of followUpDates(value.date)) {
      if (due < today) continue;
      const dueAt = instantOfLocal(due, FOLLOW_UP_LOCAL_TIME, timeZone);
      for (const instrumentId of instruments) {
        await scheduleAssignment(deps, tx, access, {
          id: followUpAssignmentId(procedureId, version, weeks, instrumentId),
          instrumentId,
          schedule: { kind: 'once', dueAt },
        });
      }
    }
  };
}

/** `afterDelete` of a procedure: a deleted procedure (e.g. recorded in error) asks no more follow-ups. */
export function procedureFollowUpsWithdrawn(deps: AppDeps, procedureId: string): RecordAfterDelete<ProcedureRecord> {
  return (tx, access, deleted) => cancelEarlierFollowUps(deps, tx, access, procedureId, deleted.version);
}
