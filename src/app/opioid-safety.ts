// What a patient on opioids sees of their own safety: their as-needed opioid use
// from the diary against the allowance of the orders in effect each day
// (domain/medications/as-needed-use.ts), and their naloxone check — their own answer to "do you have
// naloxone, and where is it?", a versioned record written under `write-diary` (the patient, a
// caregiver with that scope, or a clinician with write scope recording what they were told), audited
// like every clinical record and shown to the care team.
import {
  summarizeAsNeededOpioidUse,
  type AsNeededOrder,
  type AsNeededUse,
  type LoggedMedicine,
} from '../domain/medications/as-needed-use.ts';
import { addDays, type LocalDate } from '../domain/time/local-date.ts';
import { authorizePatientAccess } from './access.ts';
import type { NaloxoneCheckRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { diaryEntriesBetween } from './diary.ts';
import { patientToday } from './patients.ts';
import type { StoredRecord } from './record-store.ts';
import { findRecord, saveRecord, type RecordKind, type SaveOutcome } from './versioned-records.ts';

/** Orders read (the same input-sanity limit as the medicines list). */
const MAX_ORDERS = 500;

export async function loadAsNeededUse(deps: AppDeps, ctx: RequestContext, patientId: string, days: number): Promise<AsNeededUse> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { today } = await patientToday(deps, deps.store, patientId);
  const to = today as LocalDate;
  const from = addDays(to, -(days - 1));
  const orders: AsNeededOrder[] = (await deps.store.carePlan.medicationOrders.list(patientId, MAX_ORDERS)).flatMap((o) =>
    o.body.schedule === 'as-needed'
      ? [
          {
            id: o.id,
            drug: o.body.formularyId,
            maxPerDay: o.body.maxPerDay,
            startDate: o.body.startDate as LocalDate,
            stopDate: o.body.stopDate as LocalDate | null,
          },
        ]
      : [],
  );
  const logged: LoggedMedicine[] = (await diaryEntriesBetween(deps.store, patientId, from, to)).flatMap((e) =>
    e.medicines.map((m) => ({
      date: e.localDate,
      regimen: m.regimen,
      formularyId: m.formularyId,
      medicationOrderId: m.medicationOrderId,
    })),
  );
  await deps.store.audit.append([access.audit('as_needed_use.read', 'diary_entry', null)]);
  return summarizeAsNeededOpioidUse(orders, logged, from, to);
}

/** One naloxone check per patient: its id is the patient's id. */
export const NALOXONE_CHECKS: RecordKind<NaloxoneCheckRecord> = {
  resource: 'naloxone_check',
  label: 'The naloxone check',
  store: (tx) => tx.carePlan.naloxoneChecks,
  sortAt: () => 'naloxone',
  writeAction: 'write-diary',
};

export function saveNaloxoneCheck(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  input: { hasNaloxone: boolean; location?: string | undefined },
  baseVersion?: number,
): Promise<SaveOutcome<NaloxoneCheckRecord>> {
  const value: NaloxoneCheckRecord = { hasNaloxone: input.hasNaloxone, location: input.hasNaloxone ? (input.location ?? '').trim() : '' };
  return saveRecord(NALOXONE_CHECKS, deps, ctx, patientId, patientId, value, baseVersion);
}

/** The patient's naloxone check, or `undefined` while nobody has answered it. */
export function findNaloxoneCheck(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
): Promise<StoredRecord<NaloxoneCheckRecord> | undefined> {
  return findRecord(NALOXONE_CHECKS, deps, ctx, patientId, patientId);
}
