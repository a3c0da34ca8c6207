// Procedures and conservative care: the treatments a patient has had. Saving a procedure schedules its
// follow-up questionnaires (procedure-follow-ups.ts); deleting it withdraws them.
import { canAddDays, differenceInCalendarDays, LATEST_LOCAL_DATE, parseLocalDate, type LocalDate } from '../domain/time/local-date.ts';
import type { ConservativeCareRecord, ProcedureRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { invalid } from './errors.ts';
import type { StoredRecord } from './record-store.ts';
import { deleteRecord, saveRecord, type DeleteOutcome, type RecordKind, type SaveOutcome } from './versioned-records.ts';
import {
  followUpDates,
  followUpInstruments,
  procedureFollowUps,
  procedureFollowUpsWithdrawn,
  PROCEDURE_FOLLOW_UP_WEEKS,
} from './procedure-follow-ups.ts';
import { checkDateRange, type FieldErrors } from './check-date-range.ts';

export const PROCEDURES: RecordKind<ProcedureRecord> = {
  resource: 'procedure',
  label: 'The procedure',
  writeAction: 'record-procedures',
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
  writeAction: 'record-conservative-care',
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
