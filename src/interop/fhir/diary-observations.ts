// A diary entry as FHIR R4 Observations, one per measure it holds, and the Provenance that says who
// entered it and whether in the moment or recalled later. Pain now is LOINC 72514-3 (0–10 NRS,
// docs/clinical-sources/instruments.md), once overall and once per rated body region with the region's SNOMED CT body
// structure and laterality (docs/body-map.md). The entry's other measures (worst and least since the
// last entry, the DVPRS supplementary items, sleep, mood, activity, a region marked without a rating)
// have no code confirmed in a cited source, so they carry Painwise's own diary-measure codes with
// plain text rather than a guessed LOINC code.
import { findBodyRegion } from '../../domain/diary/body-map.ts';
import type { DiaryEntry } from '../../domain/diary/entry-model.ts';
import { INTERFERENCE_ITEMS, PAIN_QUALITY_LABELS } from '../../domain/diary/entry-vocabulary.ts';
import {
  EVENT_HISTORY_EXTENSION,
  LATERALITY_EXTENSION,
  LOINC,
  OBSERVATION_CATEGORY,
  PAINWISE_SYSTEM,
  PROVENANCE_PARTICIPANT_TYPE,
  UCUM,
  zonedDateTime,
} from './common.ts';

export const PAIN_SEVERITY_LOINC = {
  system: LOINC,
  code: '72514-3',
  display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
};

/** Painwise's diary-measure codes, with their display text: the whole code system. */
export const DIARY_MEASURES = {
  'pain-worst-since-last': 'Worst pain since the last entry, 0-10',
  'pain-least-since-last': 'Least pain since the last entry, 0-10',
  'pain-site': 'Pain felt at a body site (not rated)',
  'interference-activity': 'Pain interference with usual activity, 0-10 (DVPRS 2.0 supplementary item)',
  'interference-sleep': 'Pain interference with sleep, 0-10 (DVPRS 2.0 supplementary item)',
  'interference-mood': 'Effect of pain on mood, 0-10 (DVPRS 2.0 supplementary item)',
  'interference-stress': 'Contribution of pain to stress, 0-10 (DVPRS 2.0 supplementary item)',
  'sleep-hours': 'Hours slept',
  'sleep-quality': 'Sleep quality',
  mood: 'Mood',
  'activity-minutes': 'Active minutes',
  'pain-quality': 'Pain quality',
} as const;
export type DiaryMeasure = keyof typeof DIARY_MEASURES;

export interface DiaryRecordInput {
  readonly patientId: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly entry: DiaryEntry;
}

const SURVEY = { coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] };
const measure = (code: DiaryMeasure) => ({
  coding: [{ system: PAINWISE_SYSTEM.diaryMeasure, code, display: DIARY_MEASURES[code] }],
  text: DIARY_MEASURES[code],
});
const scoreOf = (value: number) => ({ valueInteger: value });

/** The Provenance of a diary entry shares the entry's id: one per entry, found from any of its Observations. */
export const diaryProvenanceId = (entryId: string) => entryId;

/** Observation ids: the entry's id and the measure (FHIR ids allow letters, digits, '-' and '.', up to 64). */
export const diaryObservationId = (entryId: string, part: string) => `${entryId}.${part}`;

export function bodySiteOf(regionCode: string): Record<string, unknown> {
  const region = findBodyRegion(regionCode);
  if (!region) return { text: regionCode };
  return {
    ...(region.laterality
      ? { extension: [{ url: LATERALITY_EXTENSION, valueCodeableConcept: { coding: [{ ...region.laterality }] } }] }
      : {}),
    // A region no source confirmed a code for keeps its words only (never a broader or guessed code).
    ...(region.snomed ? { coding: [{ ...region.snomed }] } : {}),
    text: region.label,
  };
}

/** Every Observation of one live diary entry, in a fixed order. */
export function diaryObservations(input: DiaryRecordInput): Record<string, unknown>[] {
  const { entry, patientId } = input;
  const effectiveDateTime = zonedDateTime(entry.localDate, entry.localTime, entry.timeZone);
  const base = (part: string, code: Record<string, unknown>, value: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    resourceType: 'Observation',
    id: diaryObservationId(entry.id, part),
    meta: { versionId: String(input.version), lastUpdated: input.updatedAt },
    extension: [{ url: EVENT_HISTORY_EXTENSION, valueReference: { reference: `Provenance/${diaryProvenanceId(entry.id)}` } }],
    status: input.version > 1 ? 'amended' : 'final',
    category: [SURVEY],
    code,
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime,
    issued: entry.recordedAt,
    ...value,
    ...extra,
  });
  const out: Record<string, unknown>[] = [
    base('pain', { coding: [PAIN_SEVERITY_LOINC], text: 'Pain now, 0-10' }, scoreOf(entry.intensity)),
  ];
  if (entry.worstSinceLast !== null) out.push(base('worst', measure('pain-worst-since-last'), scoreOf(entry.worstSinceLast)));
  if (entry.leastSinceLast !== null) out.push(base('least', measure('pain-least-since-last'), scoreOf(entry.leastSinceLast)));
  for (const region of entry.regions) {
    const qualities =
      region.qualities.length > 0
        ? {
            component: region.qualities.map((q) => ({
              code: measure('pain-quality'),
              valueCodeableConcept: { coding: [{ system: PAINWISE_SYSTEM.painQuality, code: q, display: PAIN_QUALITY_LABELS[q] }] },
            })),
          }
        : {};
    const extra = { bodySite: bodySiteOf(region.code), ...qualities };
    out.push(
      region.intensity === null
        ? base(`site.${region.code}`, measure('pain-site'), { valueBoolean: true }, extra)
        : base(
            `site.${region.code}`,
            { coding: [PAIN_SEVERITY_LOINC], text: 'Pain at this body site, 0-10' },
            scoreOf(region.intensity),
            extra,
          ),
    );
  }
  for (const item of INTERFERENCE_ITEMS) {
    const v = entry.interference[item];
    if (v !== null) out.push(base(`interference.${item}`, measure(`interference-${item}`), scoreOf(v)));
  }
  if (entry.sleep.hours !== null)
    out.push(
      base('sleep-hours', measure('sleep-hours'), { valueQuantity: { value: entry.sleep.hours, unit: 'h', system: UCUM, code: 'h' } }),
    );
  if (entry.sleep.quality !== null) out.push(base('sleep-quality', measure('sleep-quality'), { valueString: entry.sleep.quality }));
  if (entry.mood !== null) out.push(base('mood', measure('mood'), { valueString: entry.mood }));
  if (entry.activity.minutes !== null)
    out.push(
      base('activity', measure('activity-minutes'), {
        valueQuantity: { value: entry.activity.minutes, unit: 'min', system: UCUM, code: 'min' },
      }),
    );
  return out;
}

const AGENT_RESOURCE = { self: 'Patient', caregiver: 'RelatedPerson', clinician: 'Practitioner', device: 'Device' } as const;
const SOURCE_DISPLAY = { self: 'The patient', caregiver: 'A caregiver', clinician: 'A clinician', device: 'A device' } as const;
const MODE_DISPLAY = { 'real-time': 'Entered at the time', recalled: 'Recalled later' } as const;

/** Who entered the entry (the patient, a caregiver, a clinician), when, and whether in the moment or recalled. */
export function diaryProvenance(input: DiaryRecordInput): Record<string, unknown> {
  const { entry, patientId } = input;
  const { source, mode, enteredBy } = entry.provenance;
  const who =
    source === 'self'
      ? { reference: `Patient/${patientId}`, display: SOURCE_DISPLAY[source] }
      : { type: AGENT_RESOURCE[source], identifier: { system: PAINWISE_SYSTEM.user, value: enteredBy }, display: SOURCE_DISPLAY[source] };
  return {
    resourceType: 'Provenance',
    id: diaryProvenanceId(entry.id),
    meta: { versionId: String(input.version), lastUpdated: input.updatedAt },
    target: diaryObservations(input).map((o) => ({ reference: `Observation/${o.id as string}` })),
    occurredDateTime: zonedDateTime(entry.localDate, entry.localTime, entry.timeZone),
    recorded: entry.recordedAt,
    activity: { coding: [{ system: PAINWISE_SYSTEM.entryMode, code: mode, display: MODE_DISPLAY[mode] }], text: MODE_DISPLAY[mode] },
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_PARTICIPANT_TYPE, code: 'author', display: 'Author' }] },
        role: [{ coding: [{ system: PAINWISE_SYSTEM.entrySource, code: source, display: SOURCE_DISPLAY[source] }] }],
        who,
      },
    ],
  };
}
