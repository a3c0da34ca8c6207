// Pain-diary entry: the model, its validation/normalisation, DVPRS word descriptors and
// "same as last time" carry-forward. Pure: no clock, no I/O.
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
// Invariants of a valid entry (all enforced by validateDiaryEntry):
// - every NRS value is an integer 0–10; leastSinceLast ≤ intensity ≤ worstSinceLast when given;
// - localDate/localTime/timeZone are the patient's wall clock when the pain was rated, one the zone
//   showed (not skipped when clocks went forward); a real-time entry's wall clock agrees with
//   recordedAt in timeZone (±15 min); a recalled one is not later than it (to the minute);
// - with an `asOf` given (the server's now), recordedAt is at most a day after it (DIARY_LIMITS.recordedAtAheadOfServerMinutes);
// - days are the patient's local dates — never derived from the UTC day;
// - text is trimmed; notes ≤ 10,000 UTF-16 code units (as JavaScript and zod count length);
// - lists of ids are de-duplicated and kept in their canonical order, so equal content is equal data.

import { BODY_REGIONS, isBodyRegionCode } from './body-map.ts';
import {
  canonicalTimeZone,
  differenceInWallClockMinutes,
  localDateTimeExists,
  parseInstant,
  parseLocalDate,
  parseLocalTime,
  toLocalDateTime,
  type LocalDate,
  type LocalTime,
  type TimeZone,
} from '../time/local-date.ts';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../text/storable.ts';

// ---------------------------------------------------------------------------------------------
// Vocabularies (stable kebab ids; never reuse or rename one)

export const PAIN_QUALITIES = [
  'burning',
  'electric-shooting',
  'tingling',
  'numbness',
  'itching',
  'aching',
  'throbbing',
  'stabbing',
  'cramping',
  'pressing',
  'cold-painful',
] as const;
export type PainQuality = (typeof PAIN_QUALITIES)[number];

export const PAIN_QUALITY_LABELS: Readonly<Record<PainQuality, string>> = {
  burning: 'Burning',
  'electric-shooting': 'Electric or shooting',
  tingling: 'Tingling, pins and needles',
  numbness: 'Numbness',
  itching: 'Itching',
  aching: 'Aching',
  throbbing: 'Throbbing',
  stabbing: 'Stabbing',
  cramping: 'Cramping',
  pressing: 'Pressing',
  'cold-painful': 'Painful cold',
};

export const TRIGGERS = [
  'poor-sleep',
  'stress',
  'emotional-upset',
  'weather-change',
  'cold',
  'heat',
  'overexertion',
  'inactivity',
  'prolonged-sitting',
  'prolonged-standing',
  'walking',
  'lifting',
  'bending',
  'housework',
  'work',
  'travel',
  'driving',
  'menstrual-cycle',
  'illness',
  'missed-medicine',
  'food-or-drink',
  'alcohol',
  'screen-time',
  'sexual-activity',
] as const;
export type TriggerId = (typeof TRIGGERS)[number];

export const TECHNIQUES = [
  'heat',
  'cold',
  'stretching',
  'walking',
  'exercise',
  'pacing',
  'rest',
  'position-change',
  'relaxation',
  'breathing',
  'meditation-mindfulness',
  'distraction',
  'massage',
  'tens',
  'social-contact',
  'hobby',
  'music',
  'own',
] as const;
export type TechniqueId = (typeof TECHNIQUES)[number];

export const HELP_LEVELS = ['not-at-all', 'a-little', 'somewhat', 'a-lot', 'completely'] as const;
export type HelpLevel = (typeof HELP_LEVELS)[number];

export const SLEEP_QUALITIES = ['very-poor', 'poor', 'fair', 'good', 'very-good'] as const;
export type SleepQuality = (typeof SLEEP_QUALITIES)[number];

export const MOODS = ['very-low', 'low', 'neutral', 'good', 'very-good'] as const;
export type Mood = (typeof MOODS)[number];

export const DOSE_UNITS = [
  'mg',
  'mcg',
  'g',
  'ml',
  'tablet',
  'capsule',
  'patch',
  'drop',
  'puff',
  'spray',
  'sachet',
  'suppository',
  'unit',
  'application',
] as const;
export type DoseUnit = (typeof DOSE_UNITS)[number];

export const MEDICINE_REGIMENS = ['scheduled', 'as-needed'] as const;
export type MedicineRegimen = (typeof MEDICINE_REGIMENS)[number];

export const ENTRY_MODES = ['real-time', 'recalled'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

export const ENTRY_SOURCES = ['self', 'caregiver', 'clinician', 'device'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export const INTERFERENCE_ITEMS = ['activity', 'sleep', 'mood', 'stress'] as const;
export type InterferenceItem = (typeof INTERFERENCE_ITEMS)[number];

/** Product limits (not clinical numbers). */
export const DIARY_LIMITS = {
  notesLength: 10_000,
  shortText: 200,
  idLength: 100,
  ownTriggers: 20,
  meaningfulActivities: 20,
  medicines: 50,
  techniques: 30,
  activityMinutes: 1440,
  sleepHours: 24,
  /**
   * The largest medicine amount a diary entry stores, in any unit: a bound on what the store accepts
   * (a number typed with extra digits is refused), not a clinical maximum.
   */
  medicineAmount: 1_000_000,
  /** Tolerance between a real-time entry's stated wall clock and recordedAt, in minutes. */
  realTimeSkewMinutes: 15,
  /**
   * How far recordedAt may run ahead of the server's clock, in minutes. A device's clock may be off by
   * hours (set by hand, or in the wrong zone after travel) while the person's entry is still true;
   * refusing it would lose the check-in, so only what no clock error explains is refused: more than a
   * day ahead (a made-up time, such as the year 9999).
   */
  recordedAtAheadOfServerMinutes: 24 * 60,
} as const;

// ---------------------------------------------------------------------------------------------
// Model

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

// ---------------------------------------------------------------------------------------------
// DVPRS descriptors

export type IntensityBand = 'none' | 'mild' | 'moderate' | 'severe';

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
  const band: IntensityBand = n === 0 ? 'none' : n <= 4 ? 'mild' : n <= 6 ? 'moderate' : 'severe';
  return { value: n, text: DVPRS_TEXT[n]!, band };
}

export function isNrs(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10;
}

// ---------------------------------------------------------------------------------------------
// Validation

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

class Checker {
  readonly errors: ValidationIssue[] = [];
  fail(path: readonly (string | number)[], message: string): void {
    this.errors.push({ pointer: path.map((t) => `/${escapePointerToken(t)}`).join(''), message });
  }
}

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown) => v === undefined || v === null;

function nrs(c: Checker, v: unknown, path: Path, required: boolean): number | null | undefined {
  if (absent(v)) {
    if (required) c.fail(path, 'is required (a whole number from 0 to 10)');
    return required ? undefined : null;
  }
  if (!isNrs(v)) {
    c.fail(path, 'must be a whole number from 0 to 10');
    return undefined;
  }
  return v;
}

function text(c: Checker, v: unknown, path: Path, opts: { max: number; required?: boolean }): string | null | undefined {
  if (absent(v)) {
    if (opts.required) c.fail(path, 'is required');
    return opts.required ? undefined : null;
  }
  if (typeof v !== 'string') {
    c.fail(path, 'must be text');
    return undefined;
  }
  const t = v.trim();
  if (t.length === 0) {
    if (opts.required) c.fail(path, 'must not be empty');
    return opts.required ? undefined : null;
  }
  if (t.length > opts.max) {
    c.fail(path, `must be at most ${opts.max} characters`);
    return undefined;
  }
  return t;
}

function oneOf<T extends string>(c: Checker, v: unknown, allowed: readonly T[], path: Path, required: boolean): T | null | undefined {
  if (absent(v)) {
    if (required) c.fail(path, `is required (one of: ${allowed.join(', ')})`);
    return required ? undefined : null;
  }
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
    c.fail(path, `must be one of: ${allowed.join(', ')}`);
    return undefined;
  }
  return v as T;
}

function list(c: Checker, v: unknown, path: Path, max: number): unknown[] | undefined {
  if (absent(v)) return [];
  if (!Array.isArray(v)) {
    c.fail(path, 'must be a list');
    return undefined;
  }
  if (v.length > max) {
    c.fail(path, `must have at most ${max} items`);
    return undefined;
  }
  return v;
}

/** Ids from `vocabulary`, returned de-duplicated in vocabulary order. */
function idSet<T extends string>(c: Checker, v: unknown, vocabulary: readonly T[], path: Path): T[] | undefined {
  const items = list(c, v, path, vocabulary.length * 4);
  if (!items) return undefined;
  const seen = new Set<string>();
  let ok = true;
  items.forEach((item, i) => {
    if (typeof item !== 'string' || !(vocabulary as readonly string[]).includes(item)) {
      c.fail([...path, i], `must be one of: ${vocabulary.join(', ')}`);
      ok = false;
    } else seen.add(item);
  });
  return ok ? vocabulary.filter((id) => seen.has(id)) : undefined;
}

function texts(c: Checker, v: unknown, path: Path, maxItems: number): string[] | undefined {
  const items = list(c, v, path, maxItems);
  if (!items) return undefined;
  const out: string[] = [];
  let ok = true;
  items.forEach((item, i) => {
    const t = text(c, item, [...path, i], { max: DIARY_LIMITS.shortText, required: true });
    if (typeof t === 'string') out.push(t);
    else ok = false;
  });
  return ok ? out : undefined;
}

function numberIn(
  c: Checker,
  v: unknown,
  path: Path,
  opts: { min: number; max: number; integer?: boolean; step?: number; what: string },
): number | null | undefined {
  if (absent(v)) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < opts.min || v > opts.max) {
    c.fail(path, `must be ${opts.what}`);
    return undefined;
  }
  if (opts.integer && !Number.isInteger(v)) {
    c.fail(path, `must be ${opts.what}`);
    return undefined;
  }
  if (opts.step !== undefined && !Number.isInteger(v / opts.step)) {
    c.fail(path, `must be ${opts.what}`);
    return undefined;
  }
  return v;
}

function region(c: Checker, v: unknown, path: Path): EntryRegion | undefined {
  if (!isObj(v)) {
    c.fail(path, 'must be an object with a region code');
    return undefined;
  }
  let code: string | undefined;
  if (typeof v.code !== 'string' || !isBodyRegionCode(v.code)) c.fail([...path, 'code'], 'must be a body-map region code');
  else code = v.code;
  const intensity = nrs(c, v.intensity, [...path, 'intensity'], false);
  const qualities = idSet(c, v.qualities, PAIN_QUALITIES, [...path, 'qualities']);
  if (code === undefined || intensity === undefined || qualities === undefined) return undefined;
  return { code, intensity, qualities };
}

function medicine(c: Checker, v: unknown, path: Path): MedicineTaken | undefined {
  if (!isObj(v)) {
    c.fail(path, 'must be an object with a medicine name');
    return undefined;
  }
  const name = text(c, v.name, [...path, 'name'], { max: DIARY_LIMITS.shortText, required: true });
  const dose = numberIn(c, v.dose, [...path, 'dose'], {
    min: Number.MIN_VALUE,
    max: DIARY_LIMITS.medicineAmount,
    what: 'a positive amount',
  });
  const unit = oneOf(c, v.unit, DOSE_UNITS, [...path, 'unit'], false);
  if (dose !== undefined && unit !== undefined && (dose === null) !== (unit === null)) {
    c.fail([...path, dose === null ? 'dose' : 'unit'], 'dose and unit go together: give both or neither');
  }
  let takenAt: LocalTime | null | undefined = null;
  if (!absent(v.takenAt)) {
    takenAt = typeof v.takenAt === 'string' ? parseLocalTime(v.takenAt) : undefined;
    if (takenAt === undefined) c.fail([...path, 'takenAt'], 'must be a time HH:MM (24-hour)');
  }
  const regimen = oneOf(c, v.regimen, MEDICINE_REGIMENS, [...path, 'regimen'], true);
  const formularyId = text(c, v.formularyId, [...path, 'formularyId'], { max: DIARY_LIMITS.idLength });
  const medicationOrderId = text(c, v.medicationOrderId, [...path, 'medicationOrderId'], { max: DIARY_LIMITS.idLength });
  if (
    name == null ||
    dose === undefined ||
    unit === undefined ||
    takenAt === undefined ||
    regimen == null ||
    formularyId === undefined ||
    medicationOrderId === undefined ||
    (dose === null) !== (unit === null)
  )
    return undefined;
  return { name, dose, unit, takenAt, regimen, formularyId, medicationOrderId };
}

function technique(c: Checker, v: unknown, path: Path): TechniqueUse | undefined {
  if (!isObj(v)) {
    c.fail(path, 'must be an object with a technique id');
    return undefined;
  }
  const id = oneOf(c, v.id, TECHNIQUES, [...path, 'id'], true);
  const label = text(c, v.label, [...path, 'label'], { max: DIARY_LIMITS.shortText });
  if (id === 'own' && label === null) c.fail([...path, 'label'], "is required for the person's own technique");
  if (id != null && id !== 'own' && label) c.fail([...path, 'label'], "is only for the person's own technique (id 'own')");
  const helped = oneOf(c, v.helped, HELP_LEVELS, [...path, 'helped'], false);
  if (id == null || label === undefined || helped === undefined) return undefined;
  if ((id === 'own') !== (label !== null)) return undefined;
  return { id, label, helped };
}

function normaliseInstant(c: Checker, v: unknown, path: Path): string | undefined {
  const instant = parseInstant(v);
  if (instant === undefined) c.fail(path, 'must be an ISO-8601 instant with a zone, e.g. 2026-03-08T14:05:00Z');
  return instant;
}

/**
 * Validate and normalise a diary entry from untrusted input (JSON body, CSV row, offline queue).
 * Returns every problem found, each with a JSON pointer into the input. `asOf` (the server's now,
 * passed in) refuses a recordedAt in the future; without it only the entry's own times are compared.
 */
export function validateDiaryEntry(input: unknown, opts: { asOf?: Date } = {}): DiaryEntryValidation {
  const c = new Checker();
  if (!isObj(input)) return { ok: false, errors: [{ pointer: '', message: 'must be an object' }] };
  const v = input;
  // Text no store keeps (NUL, an unpaired surrogate), anywhere in the entry: a CSV row or a batch item
  // arrives here without the API's JSON check.
  const unstorable = findUnstorableText(v);
  if (unstorable !== null)
    return { ok: false, errors: [{ pointer: unstorable === '/' ? '' : unstorable, message: UNSTORABLE_TEXT_MESSAGE }] };

  let id: string | undefined;
  if (typeof v.id !== 'string' || !UUID.test(v.id.toLowerCase())) c.fail(['id'], 'must be a UUID');
  else id = v.id.toLowerCase();

  const localDate = typeof v.localDate === 'string' ? parseLocalDate(v.localDate) : undefined;
  if (!localDate) c.fail(['localDate'], 'must be a calendar date YYYY-MM-DD');
  const localTime = typeof v.localTime === 'string' ? parseLocalTime(v.localTime) : undefined;
  if (!localTime) c.fail(['localTime'], 'must be a time HH:MM (24-hour)');
  // Stored in its canonical spelling, so one zone is written one way (and never as an offset).
  const timeZone = typeof v.timeZone === 'string' ? canonicalTimeZone(v.timeZone) : undefined;
  if (!timeZone) c.fail(['timeZone'], 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)');
  const recordedAt = normaliseInstant(c, v.recordedAt, ['recordedAt']);
  if (recordedAt && opts.asOf) {
    const latest = opts.asOf.getTime() + DIARY_LIMITS.recordedAtAheadOfServerMinutes * 60_000;
    if (Date.parse(recordedAt) > latest) {
      c.fail(
        ['recordedAt'],
        `cannot be in the future (more than ${DIARY_LIMITS.recordedAtAheadOfServerMinutes} minutes after the server's time, ${opts.asOf.toISOString()}); check the device's clock`,
      );
    }
  }

  const intensity = nrs(c, v.intensity, ['intensity'], true);
  const worstSinceLast = nrs(c, v.worstSinceLast, ['worstSinceLast'], false);
  const leastSinceLast = nrs(c, v.leastSinceLast, ['leastSinceLast'], false);
  if (typeof intensity === 'number') {
    if (typeof worstSinceLast === 'number' && worstSinceLast < intensity) {
      c.fail(['worstSinceLast'], 'the worst pain since the last entry cannot be lower than the pain now');
    }
    if (typeof leastSinceLast === 'number' && leastSinceLast > intensity) {
      c.fail(['leastSinceLast'], 'the least pain since the last entry cannot be higher than the pain now');
    }
  }

  const regions: EntryRegion[] = [];
  let regionsOk = true;
  const regionItems = list(c, v.regions, ['regions'], BODY_REGIONS.length);
  if (!regionItems) regionsOk = false;
  const seenRegions = new Map<string, number>();
  regionItems?.forEach((item, i) => {
    const r = region(c, item, ['regions', i]);
    if (!r) {
      regionsOk = false;
      return;
    }
    const first = seenRegions.get(r.code);
    if (first !== undefined) {
      c.fail(['regions', i, 'code'], `region ${r.code} is already listed at position ${first}`);
      regionsOk = false;
      return;
    }
    seenRegions.set(r.code, i);
    regions.push(r);
  });

  const interference = { activity: null, sleep: null, mood: null, stress: null } as Interference;
  if (!absent(v.interference) && !isObj(v.interference)) c.fail(['interference'], 'must be an object');
  const intf = isObj(v.interference) ? v.interference : {};
  for (const item of INTERFERENCE_ITEMS) {
    const n = nrs(c, intf[item], ['interference', item], false);
    if (n !== undefined) interference[item] = n;
  }

  if (!absent(v.sleep) && !isObj(v.sleep)) c.fail(['sleep'], 'must be an object');
  const sl = isObj(v.sleep) ? v.sleep : {};
  const sleepHours = numberIn(c, sl.hours, ['sleep', 'hours'], {
    min: 0,
    max: DIARY_LIMITS.sleepHours,
    step: 0.25,
    what: 'hours from 0 to 24 in quarter hours (e.g. 6.75)',
  });
  const sleepQuality = oneOf(c, sl.quality, SLEEP_QUALITIES, ['sleep', 'quality'], false);

  if (!absent(v.activity) && !isObj(v.activity)) c.fail(['activity'], 'must be an object');
  const ac = isObj(v.activity) ? v.activity : {};
  const activityMinutes = numberIn(c, ac.minutes, ['activity', 'minutes'], {
    min: 0,
    max: DIARY_LIMITS.activityMinutes,
    integer: true,
    what: 'whole minutes from 0 to 1440',
  });
  const meaningful = texts(c, ac.meaningful, ['activity', 'meaningful'], DIARY_LIMITS.meaningfulActivities);

  const mood = oneOf(c, v.mood, MOODS, ['mood'], false);
  const triggers = idSet(c, v.triggers, TRIGGERS, ['triggers']);
  const ownTriggers = texts(c, v.ownTriggers, ['ownTriggers'], DIARY_LIMITS.ownTriggers);

  const medicines: MedicineTaken[] = [];
  let medicinesOk = true;
  const medItems = list(c, v.medicines, ['medicines'], DIARY_LIMITS.medicines);
  if (!medItems) medicinesOk = false;
  medItems?.forEach((item, i) => {
    const m = medicine(c, item, ['medicines', i]);
    if (m) medicines.push(m);
    else medicinesOk = false;
  });

  const techniques: TechniqueUse[] = [];
  let techniquesOk = true;
  const techItems = list(c, v.techniques, ['techniques'], DIARY_LIMITS.techniques);
  if (!techItems) techniquesOk = false;
  const seenTech = new Set<string>();
  techItems?.forEach((item, i) => {
    const t = technique(c, item, ['techniques', i]);
    if (!t) {
      techniquesOk = false;
      return;
    }
    const key = t.id === 'own' ? `own:${(t.label ?? '').toLowerCase()}` : t.id;
    if (seenTech.has(key)) {
      c.fail(['techniques', i], 'this technique is already listed');
      techniquesOk = false;
      return;
    }
    seenTech.add(key);
    techniques.push(t);
  });

  let notes: string | undefined = '';
  if (!absent(v.notes)) {
    if (typeof v.notes !== 'string') {
      c.fail(['notes'], 'must be text');
      notes = undefined;
    } else if (v.notes.trim().length > DIARY_LIMITS.notesLength) {
      c.fail(['notes'], `must be at most ${DIARY_LIMITS.notesLength} characters`);
      notes = undefined;
    } else notes = v.notes.trim();
  }

  let provenance: Provenance | undefined;
  if (!isObj(v.provenance)) c.fail(['provenance'], 'is required (enteredBy, mode, source)');
  else {
    const p = v.provenance;
    const enteredBy = text(c, p.enteredBy, ['provenance', 'enteredBy'], { max: DIARY_LIMITS.idLength, required: true });
    const mode = oneOf(c, p.mode, ENTRY_MODES, ['provenance', 'mode'], true);
    const source = oneOf(c, p.source, ENTRY_SOURCES, ['provenance', 'source'], true);
    if (enteredBy != null && mode != null && source != null) provenance = { enteredBy, mode, source };
  }

  // A wall clock the zone skipped (clocks went forward over it) names no moment: refused, not moved.
  let wallClockExists = true;
  if (localDate && localTime && timeZone && !localDateTimeExists(localDate, localTime, timeZone)) {
    wallClockExists = false;
    const wholeDay =
      !localDateTimeExists(localDate, '00:00' as LocalTime, timeZone) && !localDateTimeExists(localDate, '23:59' as LocalTime, timeZone);
    if (wholeDay) c.fail(['localDate'], `${localDate} did not exist in ${timeZone}: clocks went forward over the whole day`);
    else c.fail(['localTime'], `${localTime} did not exist on ${localDate} in ${timeZone}: clocks went forward`);
  }

  // The stated wall clock against the instant of recording, read in the entry's own zone.
  if (localDate && localTime && timeZone && wallClockExists && recordedAt && provenance) {
    const atRecording = toLocalDateTime(new Date(recordedAt), timeZone);
    const skew = differenceInWallClockMinutes(
      { date: localDate, time: localTime },
      { date: atRecording.date, time: atRecording.time as LocalTime },
    );
    const tolerance = DIARY_LIMITS.realTimeSkewMinutes;
    if (provenance.mode === 'real-time' && Math.abs(skew) > tolerance) {
      c.fail(
        ['localTime'],
        `a real-time entry must match when it was recorded (${atRecording.date} ${atRecording.time} in ${timeZone}); mark it as recalled otherwise`,
      );
    } else if (provenance.mode === 'recalled' && skew > 0) {
      // Recalled pain was felt before it was written down: its minute may be the minute of recording, not later.
      c.fail(
        ['localTime'],
        `a recalled entry cannot be later than when it was recorded (${atRecording.date} ${atRecording.time} in ${timeZone})`,
      );
    }
  }

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  // Every field is defined when no error was recorded; the checks below only narrow the types.
  if (
    id === undefined ||
    !localDate ||
    !localTime ||
    !timeZone ||
    recordedAt === undefined ||
    intensity == null ||
    worstSinceLast === undefined ||
    leastSinceLast === undefined ||
    !regionsOk ||
    sleepHours === undefined ||
    sleepQuality === undefined ||
    activityMinutes === undefined ||
    meaningful === undefined ||
    mood === undefined ||
    triggers === undefined ||
    ownTriggers === undefined ||
    !medicinesOk ||
    !techniquesOk ||
    notes === undefined ||
    !provenance
  )
    throw new Error('validateDiaryEntry: inconsistent checker state');

  return {
    ok: true,
    entry: {
      id,
      localDate,
      localTime,
      timeZone,
      recordedAt,
      intensity,
      worstSinceLast,
      leastSinceLast,
      regions,
      interference,
      sleep: { hours: sleepHours, quality: sleepQuality },
      activity: { minutes: activityMinutes, meaningful },
      mood,
      triggers,
      ownTriggers,
      medicines,
      techniques,
      notes,
      provenance,
    },
  };
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
