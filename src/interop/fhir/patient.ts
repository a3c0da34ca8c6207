// A Painwise patient record as a FHIR R4 Patient: the name the person gave, administrative gender and
// the birth year (FHIR's date allows a year alone, which is all Painwise keeps).
export interface PatientInput {
  readonly id: string;
  readonly displayName: string;
  readonly birthYear: number | null;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  readonly createdAt: string;
}

export function toFhirPatient(p: PatientInput): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { lastUpdated: p.createdAt },
    active: true,
    name: [{ text: p.displayName }],
    // Painwise's sex values are FHIR's administrative-gender codes, one for one.
    gender: p.sex,
    ...(p.birthYear !== null ? { birthDate: String(p.birthYear).padStart(4, '0') } : {}),
  };
}
