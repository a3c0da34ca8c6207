// The pain-diary entry as the domain keeps it, once checked and normalised (validateDiaryEntry), and
// the problems reported about an entry that is not.
import type {
  DoseUnit,
  EntryMode,
  EntrySource,
  HelpLevel,
  InterferenceItem,
  MedicineRegimen,
  Mood,
  PainQuality,
  SleepQuality,
  TechniqueId,
  TriggerId,
} from './entry-vocabulary.ts';
import type { LocalDate, LocalTime, TimeZone } from '../time/local-date.ts';

export interface EntryRegion {
  /** A body-map region code (body-map.ts). */
  code: string;
  /** NRS 0–10 for this region, or null when the person marked the region without rating it. */
  intensity: number | null;
  /** In PAIN_QUALITIES order, no duplicates. */
  qualities: PainQuality[];
}

/** DVPRS 2.0 supplementary items, each 0–10 or null when not answered. */
export type Interference = Record<InterferenceItem, number | null>;

export interface MedicineTaken {
  name: string;
  /** Amount taken, > 0; given together with `unit` or not at all. */
  dose: number | null;
  unit: DoseUnit | null;
  /** Wall-clock time taken on the entry's local date, or null when not stated. */
  takenAt: LocalTime | null;
  regimen: MedicineRegimen;
  /** Formulary drug id (medications domain), when picked from the formulary. */
  formularyId: string | null;
  /** The patient's medication-list item (medication_order), when picked from their list. */
  medicationOrderId: string | null;
}

export interface TechniqueUse {
  id: TechniqueId;
  /** The person's own name for it; required when id is 'own', otherwise null. */
  label: string | null;
  helped: HelpLevel | null;
}

export interface Provenance {
  /** User id of whoever typed the entry (the patient, a caregiver, a clinician) or a device id. */
  enteredBy: string;
  mode: EntryMode;
  source: EntrySource;
}

export interface DiaryEntry {
  /** Client-generated UUID (v7 recommended), lower case. */
  id: string;
  localDate: LocalDate;
  localTime: LocalTime;
  /** IANA time zone the local date and time are read in, in its canonical spelling (canonicalTimeZone). */
  timeZone: TimeZone;
  /** ISO-8601 UTC instant the entry was recorded, normalised to `YYYY-MM-DDTHH:MM:SS.sssZ`. */
  recordedAt: string;
  /** Pain now, NRS 0–10. */
  intensity: number;
  worstSinceLast: number | null;
  leastSinceLast: number | null;
  regions: EntryRegion[];
  interference: Interference;
  sleep: { hours: number | null; quality: SleepQuality | null };
  activity: { minutes: number | null; meaningful: string[] };
  mood: Mood | null;
  /** In TRIGGERS order, no duplicates. */
  triggers: TriggerId[];
  ownTriggers: string[];
  medicines: MedicineTaken[];
  techniques: TechniqueUse[];
  /** '' when none. */
  notes: string;
  provenance: Provenance;
}

export interface ValidationIssue {
  /** RFC 6901 JSON pointer into the input, e.g. `/regions/0/intensity`. */
  pointer: string;
  message: string;
}

export type DiaryEntryValidation = { ok: true; entry: DiaryEntry } | { ok: false; errors: ValidationIssue[] };
