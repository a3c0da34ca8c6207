// What every FHIR resource Painwise serves shares: the code systems it cites, its own code systems
// (for product vocabularies that no standard code list covers, so nothing is passed off as LOINC or
// SNOMED CT), and how a diary's wall-clock time becomes a FHIR dateTime with its zone's offset.
import { instantOfLocalDateTime, type LocalDate, type LocalTime, type TimeZone } from '../../domain/time/local-date.ts';

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const PROVENANCE_PARTICIPANT_TYPE = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/** Painwise's own code systems: product vocabularies, published with the product, never standard codes. */
export const PAINWISE_SYSTEM = {
  diaryMeasure: 'https://painwise.org/fhir/CodeSystem/diary-measure',
  painQuality: 'https://painwise.org/fhir/CodeSystem/pain-quality',
  entryMode: 'https://painwise.org/fhir/CodeSystem/entry-mode',
  entrySource: 'https://painwise.org/fhir/CodeSystem/entry-source',
  user: 'https://painwise.org/fhir/user',
  questionnaireScore: 'https://painwise.org/fhir/CodeSystem/questionnaire-score',
} as const;

/**
 * Laterality on a body site: HL7 mCODE's extension (a CodeableConcept from its LateralityVS, which
 * holds the SNOMED CT qualifiers the body map uses), as published in mCODE STU1
 * (copy: fhircat/e2c2-fsh-modeling `input/fsh/extensions/Laterality.fsh`, Id `mcode-laterality`).
 * R4 has no laterality element on a CodeableConcept body site; this published extension is the one
 * other FHIR implementations read.
 */
export const LATERALITY_EXTENSION = 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-laterality';

/** An R4 core extension: links a resource to the Provenance of how it came to be. */
export const EVENT_HISTORY_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/event-eventHistory';

/**
 * A wall-clock date and time in an IANA zone as a FHIR dateTime with the offset the zone had then
 * (`2026-05-01T08:30:00+02:00`), so a reader sees both the person's clock and the instant.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): string {
  const offsetMinutes = offsetOfHour(date, time, timeZone);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T${time}:00${sign}${hh}:${mm}`;
}

const offsetAt = (date: string, time: string, timeZone: string) =>
  Math.round(
    (Date.parse(`${date}T${time}:00Z`) - instantOfLocalDateTime(date as LocalDate, time as LocalTime, timeZone as TimeZone).getTime()) /
      60_000,
  );

/**
 * The zone's offset on that wall clock. Reading it through Intl costs tens of microseconds and a
 * search maps hundreds of entries, so an hour whose first and last minute have the same offset (every
 * hour but one with a clock change inside it) is read once and remembered; a clock change happens at
 * most once in an hour, so the minutes between share that offset.
 */
const hourOffsets = new Map<string, number>();
function offsetOfHour(date: string, time: string, timeZone: string): number {
  const key = `${timeZone} ${date}T${time.slice(0, 2)}`;
  const known = hourOffsets.get(key);
  if (known !== undefined) return known;
  const first = offsetAt(date, `${time.slice(0, 2)}:00`, timeZone);
  if (first !== offsetAt(date, `${time.slice(0, 2)}:59`, timeZone)) return offsetAt(date, time, timeZone);
  // Bounded: a long-running server forgets the hours it has seen rather than growing without end.
  if (hourOffsets.size >= 100_000) hourOffsets.clear();
  hourOffsets.set(key, first);
  return first;
}

export interface FhirMeta {
  readonly versionId?: string;
  readonly lastUpdated: string;
}
