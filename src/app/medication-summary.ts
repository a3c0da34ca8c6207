// The medicines summary of a patient: the orders in effect today with MME and safety flags, and the
// facts about the patient that the flag rules were told.
import { computeRegimen, FORMULARY_VERSION } from '../domain/medications/index.ts';
import type { PatientFacts, RegimenResult } from '../domain/medications/regimen.ts';
import { authorizePatientAccess } from './access.ts';
import type { MedicationOrderRecord } from './care-plan-records.ts';
import type { AppDeps, RequestContext } from './context.ts';
import { currentRegimen, taperInProgress } from './medications.ts';
import type { Repositories } from './ports.ts';
import type { StoredRecord } from './record-store.ts';

export interface MedicationSummary {
  readonly asOf: string;
  readonly formularyVersion: string;
  readonly orders: readonly StoredRecord<MedicationOrderRecord>[];
  /** What the flag rules were told about the patient (unknown facts are left out, never guessed). */
  readonly patientFacts: PatientFacts;
  readonly regimen: RegimenResult;
}

/**
 * The orders in effect today with MME (CDC 2022) and safety flags from the domain. Patient facts: the
 * age reached this calendar year (only the birth year is recorded, so before the birthday this is one
 * year above the true age — the older-adult caution errs towards showing), whether a taper is under way and
 * the patient's answer to the naloxone check (shown in the naloxone flag; it does not clear it).
 */
export async function loadMedicationSummary(deps: AppDeps, ctx: RequestContext, patientId: string): Promise<MedicationSummary> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const { summary, naloxoneCheckId } = await medicationSummaryOf(deps, deps.store, patientId);
  await deps.store.audit.append([
    access.audit('medication_summary.read', 'medication_order', null),
    // The patient's answer was read too: their access log shows it.
    ...(naloxoneCheckId ? [access.audit('naloxone_check.read', 'naloxone_check', naloxoneCheckId)] : []),
  ]);
  return summary;
}

/** The summary without the access check and audit, for callers that do both themselves (or read for no one). */
export async function medicationSummaryOf(
  deps: AppDeps,
  stores: Repositories,
  patientId: string,
): Promise<{ summary: MedicationSummary; naloxoneCheckId: string | null }> {
  const { today, ageThisYear, orders, regimen } = await currentRegimen(deps, stores, patientId);
  const tapers = await stores.carePlan.taperPlans.list(patientId, 20);
  const tapering = tapers.some((t) => taperInProgress(t.body, today));
  // The patient's own answer to the naloxone check (opioid-safety.ts; its id is the patient's id).
  const naloxoneCheck = await stores.carePlan.naloxoneChecks.find(patientId);
  const reported =
    naloxoneCheck && naloxoneCheck.patientId === patientId && naloxoneCheck.deletedAt === null ? naloxoneCheck.body.hasNaloxone : undefined;
  const patientFacts: PatientFacts = {
    ...(ageThisYear !== undefined ? { age: ageThisYear } : {}),
    ...(tapering ? { tapering: true } : {}),
    ...(reported !== undefined ? { patientReportsNaloxone: reported } : {}),
  };
  const summary = {
    asOf: today,
    formularyVersion: FORMULARY_VERSION,
    orders,
    patientFacts,
    regimen: computeRegimen(regimen, patientFacts),
  };
  return { summary, naloxoneCheckId: naloxoneCheck && reported !== undefined ? naloxoneCheck.id : null };
}
