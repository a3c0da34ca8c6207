// What the FHIR API reads of one patient, behind the same door as every other read: the policy
// decides (the patient, a caregiver with read scope, a clinician of a clinic the patient shares with
// and that may read), and the read is written to the patient's access log, once per request, naming
// the FHIR interaction and resource type. The mapping to FHIR is interop/fhir's; this only loads.
import type { DiaryEntry } from '../domain/diary/entry-model.ts';
import { authorizePatientAccess } from './access.ts';
import type { AppDeps, RequestContext } from './context.ts';
import type { ConditionRecord, MedicationOrderRecord, ProcedureRecord } from './care-plan-records.ts';
import { notFound } from './errors.ts';
import type { Patient } from './model.ts';
import type { StoredInstrumentResponse } from './ports.ts';
import type { StoredRecord } from './record-store.ts';

/** How many of each kind to read: a number is the newest that many, `all` every one; absent, none. */
export interface FhirWant {
  readonly diary?: number | 'all';
  readonly responses?: boolean;
  readonly clinical?: boolean;
}

export interface FhirSources {
  readonly patient: Patient;
  /** Live diary entries, newest first by their wall clock. */
  readonly diary: readonly StoredRecord<DiaryEntry>[];
  /** True when `diary` holds every live entry (not only the newest asked for). */
  readonly diaryComplete: boolean;
  readonly responses: readonly StoredInstrumentResponse[];
  readonly conditions: readonly StoredRecord<ConditionRecord>[];
  readonly medicationOrders: readonly StoredRecord<MedicationOrderRecord>[];
  readonly procedures: readonly StoredRecord<ProcedureRecord>[];
}

/** Far above any one patient's records; a list without a limit would read unbounded. */
const EVERY = 1_000_000;

/**
 * Reads what `want` names of one patient, after the policy allows `read`, and logs the read as
 * `fhir.<interaction>` on `resourceType` (and the id read, if one).
 */
export async function readFhirSources(
  deps: AppDeps,
  ctx: RequestContext,
  patientId: string,
  want: FhirWant,
  /** `null` for a further read within a request already logged (a search reading more entries). */
  audit: { readonly interaction: 'read' | 'search' | 'everything'; readonly resourceType: string; readonly resourceId?: string } | null,
): Promise<FhirSources> {
  const access = await authorizePatientAccess(deps, ctx, patientId, 'read');
  const store = deps.store;
  const diaryLimit = want.diary === 'all' ? EVERY : (want.diary ?? 0);
  const [patient, diary, responses, conditions, medicationOrders, procedures] = await Promise.all([
    store.patients.findById(patientId),
    diaryLimit > 0 ? store.diaryEntries.list(patientId, diaryLimit) : [],
    want.responses ? store.instrumentResponses.list(patientId, undefined, EVERY) : [],
    want.clinical ? store.carePlan.conditions.list(patientId, EVERY) : [],
    want.clinical ? store.carePlan.medicationOrders.list(patientId, EVERY) : [],
    want.clinical ? store.carePlan.procedures.list(patientId, EVERY) : [],
  ]);
  if (!patient) throw notFound('The patient');
  if (audit) await store.audit.append([access.audit(`fhir.${audit.interaction}`, audit.resourceType, audit.resourceId ?? null)]);
  return {
    patient,
    diary,
    diaryComplete: diary.length < diaryLimit || want.diary === 'all',
    responses,
    conditions,
    medicationOrders,
    procedures,
  };
}

export type FhirRecord =
  | { readonly kind: 'diary'; readonly record: StoredRecord<DiaryEntry> }
  | { readonly kind: 'response'; readonly response: StoredInstrumentResponse };

export type FhirClinicalRecord =
  | { readonly kind: 'condition'; readonly record: StoredRecord<ConditionRecord>; readonly patient: Patient }
  | { readonly kind: 'procedure'; readonly record: StoredRecord<ProcedureRecord>; readonly patient: Patient }
  | { readonly kind: 'medication-order'; readonly record: StoredRecord<MedicationOrderRecord>; readonly patient: Patient };

const CLINICAL_KINDS = {
  Condition: 'condition',
  Procedure: 'procedure',
  MedicationRequest: 'medication-order',
} as const;
export type ClinicalResourceType = keyof typeof CLINICAL_KINDS;

/** A condition, procedure or medication order by its id, with its patient, for the FHIR read of it (404 as for any record). */
export async function readFhirClinicalRecord(
  deps: AppDeps,
  ctx: RequestContext,
  resourceType: ClinicalResourceType,
  id: string,
): Promise<FhirClinicalRecord> {
  const stores = deps.store.carePlan;
  const record =
    resourceType === 'Condition'
      ? await stores.conditions.find(id)
      : resourceType === 'Procedure'
        ? await stores.procedures.find(id)
        : await stores.medicationOrders.find(id);
  if (!record || record.deletedAt !== null) throw notFound(`The ${resourceType}`);
  const s = await readFhirSources(deps, ctx, record.patientId, {}, { interaction: 'read', resourceType, resourceId: id });
  return { kind: CLINICAL_KINDS[resourceType], record, patient: s.patient } as FhirClinicalRecord;
}

/**
 * One diary entry or questionnaire response by its id, for a read of a resource made from it. The
 * patient comes from the record; the policy then decides as for any read of that patient, and
 * someone it refuses learns no more than from an id that names nothing (both are 404).
 */
export async function readFhirRecord(
  deps: AppDeps,
  ctx: RequestContext,
  recordId: string,
  resourceType: string,
  resourceId: string,
): Promise<FhirRecord> {
  const entry = await deps.store.diaryEntries.find(recordId);
  const found: FhirRecord | undefined =
    entry && entry.deletedAt === null
      ? { kind: 'diary', record: entry }
      : await deps.store.instrumentResponses.findById(recordId).then((response) => (response ? { kind: 'response', response } : undefined));
  if (!found) throw notFound(`The ${resourceType}`);
  const patientId = found.kind === 'diary' ? found.record.patientId : found.response.patientId;
  await readFhirSources(deps, ctx, patientId, {}, { interaction: 'read', resourceType, resourceId });
  return found;
}
