// A patient's clinical records as FHIR R4: conditions as Condition, procedures as Procedure and
// medication orders as MedicationRequest. None of these records carries a standard code: a condition
// is the clinician's own words, a procedure one of Painwise's procedure types, an order a formulary
// drug. No cited source here gives their SNOMED CT or RxNorm codes, so they carry text and Painwise's
// own code systems, never a guessed standard code. Chronicity (CDC 2022) is computed as of the
// patient's today, as the JSON API shows it.
import { classifyChronicity } from '../../domain/care-plan/condition.ts';
import { findDrug } from '../../domain/medications/formulary.ts';
import { type LocalDate, type TimeZone, toLocalDateTime } from '../../domain/time/local-date.ts';
import { bodySiteOf } from './diary-observations.ts';
import { UCUM } from './common.ts';

export const CLINICAL_SYSTEM = {
  painMechanism: 'https://painwise.org/fhir/CodeSystem/pain-mechanism',
  chronicity: 'https://painwise.org/fhir/StructureDefinition/chronicity',
  procedureType: 'https://painwise.org/fhir/CodeSystem/procedure-type',
  formulary: 'https://painwise.org/fhir/CodeSystem/formulary',
} as const;

const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';

export interface StoredInput<T> {
  readonly id: string;
  readonly patientId: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly body: T;
}

const metaOf = (r: StoredInput<unknown>) => ({ versionId: String(r.version), lastUpdated: r.updatedAt });

export interface ConditionInput {
  readonly label: string;
  readonly bodySite: string | null;
  readonly mechanism: string;
  readonly onsetDate: string;
  readonly notes: string;
}

export function toFhirCondition(r: StoredInput<ConditionInput>, today: string): Record<string, unknown> {
  const c = r.body;
  const chronicity = classifyChronicity(c.onsetDate as LocalDate, today as LocalDate);
  return {
    resourceType: 'Condition',
    id: r.id,
    meta: metaOf(r),
    ...(chronicity.kind === 'classified' ? { extension: [{ url: CLINICAL_SYSTEM.chronicity, valueCode: chronicity.chronicity }] } : {}),
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: { text: c.label },
    ...(c.bodySite ? { bodySite: [bodySiteOf(c.bodySite)] } : {}),
    subject: { reference: `Patient/${r.patientId}` },
    onsetDateTime: c.onsetDate,
    evidence: [
      { code: [{ coding: [{ system: CLINICAL_SYSTEM.painMechanism, code: c.mechanism }], text: `Pain mechanism: ${c.mechanism}` }] },
    ],
    ...(c.notes ? { note: [{ text: c.notes }] } : {}),
  };
}

export interface ProcedureInput {
  readonly type: string;
  readonly label: string;
  readonly date: string;
  readonly side: string;
  readonly notes: string;
}

export function toFhirProcedure(r: StoredInput<ProcedureInput>, today: string): Record<string, unknown> {
  const p = r.body;
  const words = p.label || p.type.replaceAll('-', ' ');
  return {
    resourceType: 'Procedure',
    id: r.id,
    meta: metaOf(r),
    // A procedure dated after today is planned, not done.
    status: p.date <= today ? 'completed' : 'preparation',
    code: {
      coding: [{ system: CLINICAL_SYSTEM.procedureType, code: p.type }],
      text: p.side === 'not-applicable' ? words : `${words}, ${p.side}`,
    },
    subject: { reference: `Patient/${r.patientId}` },
    performedDateTime: p.date,
    ...(p.notes ? { note: [{ text: p.notes }] } : {}),
  };
}

export interface MedicationOrderInput {
  readonly formularyId: string;
  readonly doseMg: number | null;
  readonly doseMcgPerHour: number | null;
  readonly schedule: 'scheduled' | 'as-needed';
  readonly timesPerDay: number | null;
  readonly maxPerDay: number | null;
  readonly route: string;
  readonly startDate: string;
  readonly stopDate: string | null;
  readonly instructions: string;
}

export function toFhirMedicationRequest(r: StoredInput<MedicationOrderInput>, today: string): Record<string, unknown> {
  const o = r.body;
  const drug = findDrug(o.formularyId);
  const name = drug?.generic ?? o.formularyId;
  const perDay = o.schedule === 'scheduled' ? o.timesPerDay : o.maxPerDay;
  const dose =
    o.doseMg !== null
      ? { value: o.doseMg, unit: 'mg', system: UCUM, code: 'mg' }
      : o.doseMcgPerHour !== null
        ? { value: o.doseMcgPerHour, unit: 'mcg/h', system: UCUM, code: 'ug/h' }
        : undefined;
  return {
    resourceType: 'MedicationRequest',
    id: r.id,
    meta: metaOf(r),
    // Stopped by a stop date on or before today (the first day it is no longer taken).
    status: o.stopDate !== null && o.stopDate <= today ? 'completed' : 'active',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: CLINICAL_SYSTEM.formulary, code: o.formularyId, display: name }], text: name },
    subject: { reference: `Patient/${r.patientId}` },
    authoredOn: o.startDate,
    dosageInstruction: [
      {
        ...(o.instructions ? { text: o.instructions } : {}),
        // Scheduled: so many times a day; as needed: at most so many.
        ...(perDay !== null
          ? { timing: { repeat: { [o.schedule === 'scheduled' ? 'frequency' : 'frequencyMax']: perDay, period: 1, periodUnit: 'd' } } }
          : {}),
        asNeededBoolean: o.schedule === 'as-needed',
        route: { text: o.route },
        ...(dose ? { doseAndRate: [{ doseQuantity: dose }] } : {}),
      },
    ],
    dispenseRequest: { validityPeriod: { start: o.startDate, ...(o.stopDate ? { end: o.stopDate } : {}) } },
  };
}

/** The patient's local date now: what "today" is for chronicity and whether an order has stopped. */
export function patientToday(now: Date, timeZone: string): string {
  return toLocalDateTime(now, timeZone as TimeZone).date;
}
