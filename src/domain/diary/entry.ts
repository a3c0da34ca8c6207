// Pain-diary entry: its validation and normalisation, DVPRS word descriptors and "same as last time"
// carry-forward; the entry's vocabularies (entry-vocabulary.ts) and model (entry-model.ts) are
// exported from here too. Pure: no clock, no I/O.
//
// Sources:
// - Intensity 0–10 NRS (0 = no pain, 10 = worst imaginable): Farrar 2001, Pain 94:149 (https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005).
// - DVPRS 2.0 word descriptors, colour bands (mild 1–4, moderate 5–6, severe 7–10) and the four
//   supplementary items (interference with usual activity and sleep; effect on mood; contribution to
//   stress; each 0–10): Buckenmaier 2013 Pain Med; DVPRS 2.0 validation doi 10.1093/pm/pnw105;
//   https://doi.org/10.1111/j.1526-4637.2012.01516.x. The descriptors are PARAPHRASES (the English
//   wording was not retrieved directly; they follow a published German translation citing
//   https://www.va.gov/PAINMANAGEMENT/docs/DVPRS_2slides_and_references.pdf). The DVPRS recall period
//   is UNCONFIRMED, so the diary asks about "now" and "since the last entry" and says so.
// - Pain qualities, triggers, techniques, sleep quality, mood and help levels are product vocabularies,
//   not scored instruments: no clinical number depends on them.
//
// Invariants of a valid entry (all enforced by validateDiaryEntry: its shape by diaryEntrySchemas(), the rest
// by normalizeDiaryEntry):
// - every NRS value is an integer 0–10; leastSinceLast ≤ intensity ≤ worstSinceLast when given;
// - localDate/localTime/timeZone are the patient's wall clock when the pain was rated, one the zone
//   showed (not skipped when clocks went forward); a real-time entry's wall clock agrees with
//   recordedAt in timeZone (±15 min); a recalled one is not later than it (to the minute);
// - with an `asOf` given (the server's now), recordedAt is at most a day after it (DIARY_LIMITS.recordedAtAheadOfServerMinutes);
// - days are the patient's local dates — never derived from the UTC day;
// - text is trimmed; no text is longer as sent than its limit (notes ≤ 10,000 UTF-16 code units, as
//   JavaScript and zod count length); no field the entry does not have;
// - lists of ids are de-duplicated and kept in their canonical order, so equal content is equal data.

import { diaryEntrySchemas } from './diary-entry-shape.ts';
import { parseShape } from './diary-shape-parts.ts';
import type { DiaryEntry, DiaryEntryValidation, EntryRegion, MedicineTaken } from './entry-model.ts';
import { normalizeDiaryEntry } from './normalize-diary-entry.ts';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../text/storable.ts';
import { painBandOf, type IntensityBand } from './pain-band.ts';

export {
  DIARY_LIMITS,
  DOSE_UNITS,
  ENTRY_MODES,
  ENTRY_SOURCES,
  HELP_LEVELS,
  INTERFERENCE_ITEMS,
  MEDICINE_REGIMENS,
  MOODS,
  PAIN_QUALITIES,
  PAIN_QUALITY_LABELS,
  SLEEP_QUALITIES,
  TECHNIQUES,
  TRIGGERS,
  type DoseUnit,
  type EntryMode,
  type EntrySource,
  type HelpLevel,
  type InterferenceItem,
  type MedicineRegimen,
  type Mood,
  type PainQuality,
  type SleepQuality,
  type TechniqueId,
  type TriggerId,
} from './entry-vocabulary.ts';
export type {
  DiaryEntry,
  DiaryEntryValidation,
  EntryRegion,
  Interference,
  MedicineTaken,
  Provenance,
  TechniqueUse,
  ValidationIssue,
} from './entry-model.ts';

// ---------------------------------------------------------------------------------------------
// DVPRS descriptors

export type { IntensityBand } from './pain-band.ts';

export interface DvprsDescriptor {
  value: number;
  /** Plain-language paraphrase of the DVPRS 2.0 descriptor (not the licensed wording). */
  text: string;
  band: IntensityBand;
}

const DVPRS_TEXT = [
  'No pain',
  'Hardly notice pain',
  'Notice pain, does not interfere with activities',
  'Sometimes distracts me',
  'Distracts me, can do usual activities',
  'Interrupts some activities',
  'Hard to ignore, avoid usual activities',
  'Focus of attention, prevents doing daily activities',
  'Awful, hard to do anything',
  "Can't bear the pain, unable to do anything",
  'As bad as it could be, nothing else matters',
] as const;

/** DVPRS 2.0 word descriptor and colour band for an NRS value 0–10 (integer). Throws on other input. */
export function dvprsDescriptor(n: number): DvprsDescriptor {
  if (!isNrs(n)) throw new RangeError(`DVPRS value must be an integer 0–10, got ${n}`);
  return { value: n, text: DVPRS_TEXT[n]!, band: painBandOf(n) };
}

export function isNrs(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * Validate and normalise a diary entry from untrusted input (JSON body, CSV row, offline queue).
 * Returns every problem found, each with a JSON pointer into the input: first the shape's
 * (diaryEntrySchemas), then, once the shape is right, the rules of normalizeDiaryEntry. `asOf` (the
 * server's now, passed in) refuses a recordedAt in the future; without it only the entry's own times are compared.
 */
export function validateDiaryEntry(input: unknown, opts: { asOf?: Date } = {}): DiaryEntryValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ pointer: '', message: 'must be an object' }] };
  // Text no store keeps (NUL, an unpaired surrogate), anywhere in the entry: a CSV row or a batch item
  // arrives here without the API's JSON check.
  const unstorable = findUnstorableText(input);
  if (unstorable !== null)
    return { ok: false, errors: [{ pointer: unstorable === '/' ? '' : unstorable, message: UNSTORABLE_TEXT_MESSAGE }] };
  const parsed = parseShape(diaryEntrySchemas().entry, input);
  return parsed.ok ? normalizeDiaryEntry(parsed.value, opts) : parsed;
}

// ---------------------------------------------------------------------------------------------
// Carry-forward

/** What "same as last time" pre-fills: regions (with their intensity and qualities) and medicines. */
export interface DiaryEntryDraft {
  regions: EntryRegion[];
  /** As last time, without the time taken (the person confirms when they took it). */
  medicines: MedicineTaken[];
}

/**
 * Pre-fill a new entry from the previous one: regions, their qualities and intensities, and the
 * medicines taken. Not notes, not times, not the intensity now — the person rates those afresh.
 */
export function carryForward(previous: DiaryEntry): DiaryEntryDraft {
  return {
    regions: previous.regions.map((r) => ({ code: r.code, intensity: r.intensity, qualities: [...r.qualities] })),
    medicines: previous.medicines.map((m) => ({ ...m, takenAt: null })),
  };
}
