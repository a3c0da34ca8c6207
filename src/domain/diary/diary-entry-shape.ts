// The shape of a diary entry as it arrives (an API body, a CSV row, an offline queue): types, ranges,
// vocabularies, lengths, required fields, formats and no unknown fields. This is the one check of an
// entry's shape: the contract's DiaryEntryBody is built from these fields, and validateDiaryEntry
// parses with the entry schema of diaryEntrySchemas() before normalizeDiaryEntry applies what a
// schema does not say.
//
// Invariants:
// - messages are the diary's own words (diary-shape-parts.ts), so an entry read from a CSV file is
//   reported exactly as one sent to the API, each problem with a JSON pointer, in field order;
// - a length is checked on the text as sent (what the published schema's maxLength says); trimming
//   happens afterwards, in normalizeDiaryEntry;
// - rules that tie fields together and are still reported next to shape problems (least ≤ now ≤ worst,
//   dose with unit, a label only for one's own technique) run here only on fields that parsed.
import { z } from 'zod';
import { BODY_REGION_CODES } from './body-map.ts';
import {
  DIARY_LIMITS,
  DOSE_UNITS,
  ENTRY_MODES,
  ENTRY_SOURCES,
  HELP_LEVELS,
  MEDICINE_REGIMENS,
  MOODS,
  PAIN_QUALITIES,
  SLEEP_QUALITIES,
  TECHNIQUES,
  TRIGGERS,
} from './entry-vocabulary.ts';
import { canonicalTimeZone, parseInstant, parseLocalDate, parseLocalTime } from '../time/local-date.ts';
import {
  formatted,
  hasProblemAt,
  idList,
  list,
  nrs,
  objectError,
  oneOf,
  optionalNrs,
  optionalText,
  parsedFields,
  requiredText,
  say,
  UUID_PATTERN,
} from './diary-shape-parts.ts';

function buildDiaryEntrySchemas() {
  const textList = (maxItems: number) => list(requiredText(DIARY_LIMITS.shortText), maxItems).optional();

  const region = z.strictObject(
    {
      code: z.enum(BODY_REGION_CODES as [string, ...string[]], say('must be a body-map region code')),
      intensity: optionalNrs(),
      qualities: idList(PAIN_QUALITIES),
    },
    objectError('must be an object with a region code'),
  );

  const medicine = z
    .strictObject(
      {
        name: requiredText(DIARY_LIMITS.shortText),
        dose: z
          .number(say('must be a positive amount'))
          .positive(say('must be a positive amount'))
          .max(DIARY_LIMITS.medicineAmount, say('must be a positive amount'))
          .nullable()
          .optional(),
        unit: oneOf(DOSE_UNITS).nullable().optional(),
        takenAt: formatted(5, (text) => parseLocalTime(text) !== undefined, 'must be a time HH:MM (24-hour)')
          .nullable()
          .optional(),
        regimen: oneOf(MEDICINE_REGIMENS, true),
        formularyId: optionalText(DIARY_LIMITS.idLength),
        /** The patient's medication-list item it was taken from. */
        medicationOrderId: z.uuid(say('must be a UUID')).nullable().optional(),
      },
      objectError('must be an object with a medicine name'),
    )
    .superRefine(
      (m, ctx) => {
        const dose = m.dose ?? null;
        if ((dose === null) !== ((m.unit ?? null) === null))
          ctx.addIssue({
            code: 'custom',
            path: [dose === null ? 'dose' : 'unit'],
            message: 'dose and unit go together: give both or neither',
          });
      },
      { when: parsedFields('dose', 'unit') },
    );

  const technique = z
    .strictObject(
      {
        id: oneOf(TECHNIQUES, true),
        /** The person's own name for it: required for 'own', otherwise absent, null or blank. */
        label: optionalText(DIARY_LIMITS.shortText),
        helped: oneOf(HELP_LEVELS).nullable().optional(),
      },
      objectError('must be an object with a technique id'),
    )
    .superRefine(
      (t, ctx) => {
        const labelled = (t.label ?? '').trim() !== '';
        if (t.id === 'own' && !labelled)
          ctx.addIssue({ code: 'custom', path: ['label'], message: "is required for the person's own technique" });
        if (t.id !== 'own' && labelled)
          ctx.addIssue({ code: 'custom', path: ['label'], message: "is only for the person's own technique (id 'own')" });
      },
      { when: parsedFields('id', 'label') },
    );

  /** The fields a client sends; the server adds the entry's id and its provenance. */
  const DIARY_ENTRY_BODY_FIELDS = {
    localDate: formatted(10, (text) => parseLocalDate(text) !== undefined, 'must be a calendar date YYYY-MM-DD'),
    localTime: formatted(5, (text) => parseLocalTime(text) !== undefined, 'must be a time HH:MM (24-hour)'),
    timeZone: formatted(
      64,
      (text) => canonicalTimeZone(text) !== undefined,
      'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)',
    ),
    recordedAt: formatted(
      40,
      (text) => parseInstant(text) !== undefined,
      'must be an ISO-8601 instant with a zone, e.g. 2026-03-08T14:05:00Z',
    ),
    /** Pain now. */
    intensity: nrs('is required (a whole number from 0 to 10)'),
    worstSinceLast: optionalNrs(),
    leastSinceLast: optionalNrs(),
    regions: list(region, BODY_REGION_CODES.length).optional(),
    interference: z
      .strictObject(
        { activity: optionalNrs(), sleep: optionalNrs(), mood: optionalNrs(), stress: optionalNrs() },
        objectError('must be an object'),
      )
      .optional(),
    sleep: z
      .strictObject(
        {
          hours: z
            .number(say('must be hours from 0 to 24 in quarter hours (e.g. 6.75)'))
            .min(0, say('must be hours from 0 to 24 in quarter hours (e.g. 6.75)'))
            .max(DIARY_LIMITS.sleepHours, say('must be hours from 0 to 24 in quarter hours (e.g. 6.75)'))
            .multipleOf(0.25, say('must be hours from 0 to 24 in quarter hours (e.g. 6.75)'))
            .nullable()
            .optional(),
          quality: oneOf(SLEEP_QUALITIES).nullable().optional(),
        },
        objectError('must be an object'),
      )
      .optional(),
    activity: z
      .strictObject(
        {
          minutes: z
            .number(say('must be whole minutes from 0 to 1440'))
            .int(say('must be whole minutes from 0 to 1440'))
            .min(0, say('must be whole minutes from 0 to 1440'))
            .max(DIARY_LIMITS.activityMinutes, say('must be whole minutes from 0 to 1440'))
            .nullable()
            .optional(),
          meaningful: textList(DIARY_LIMITS.meaningfulActivities),
        },
        objectError('must be an object'),
      )
      .optional(),
    mood: oneOf(MOODS).nullable().optional(),
    triggers: idList(TRIGGERS),
    ownTriggers: textList(DIARY_LIMITS.ownTriggers),
    medicines: list(medicine, DIARY_LIMITS.medicines).optional(),
    techniques: list(technique, DIARY_LIMITS.techniques).optional(),
    notes: z
      .string(say('must be text'))
      .max(DIARY_LIMITS.notesLength, say(`must be at most ${DIARY_LIMITS.notesLength} characters`))
      .optional(),
  };

  /**
   * The worst pain since the last entry is not lower than the pain now, the least not higher. Checked
   * with the shape (once the intensity parsed) so that a body breaking it and the shape hears of both.
   */
  const PAIN_RANGE_CHECK = z.superRefine(
    (v: { intensity: number; worstSinceLast?: number | null; leastSinceLast?: number | null }, ctx) => {
      const { intensity, worstSinceLast, leastSinceLast } = v;
      if (typeof worstSinceLast === 'number' && !hasProblemAt(ctx, 'worstSinceLast') && worstSinceLast < intensity)
        ctx.addIssue({
          code: 'custom',
          path: ['worstSinceLast'],
          message: 'the worst pain since the last entry cannot be lower than the pain now',
        });
      if (typeof leastSinceLast === 'number' && !hasProblemAt(ctx, 'leastSinceLast') && leastSinceLast > intensity)
        ctx.addIssue({
          code: 'custom',
          path: ['leastSinceLast'],
          message: 'the least pain since the last entry cannot be higher than the pain now',
        });
    },
    { when: parsedFields('intensity') },
  );

  /** A whole entry: the body's fields with the id and provenance the server (or an export) gives it. */
  const diaryEntryShape = z
    .strictObject(
      {
        /** Client-generated UUID, any case. */
        id: formatted(36, (text) => UUID_PATTERN.test(text), 'must be a UUID'),
        ...DIARY_ENTRY_BODY_FIELDS,
        provenance: z.strictObject(
          {
            enteredBy: requiredText(DIARY_LIMITS.idLength),
            mode: oneOf(ENTRY_MODES, true),
            source: oneOf(ENTRY_SOURCES, true),
          },
          objectError('is required (enteredBy, mode, source)'),
        ),
      },
      objectError('must be an object'),
    )
    .check(PAIN_RANGE_CHECK);
  return { bodyFields: DIARY_ENTRY_BODY_FIELDS, painRangeCheck: PAIN_RANGE_CHECK, entry: diaryEntryShape };
}

let built: ReturnType<typeof buildDiaryEntrySchemas> | undefined;

/**
 * The diary entry's schemas: the body's fields (for the contract), the pain-range rule and the whole
 * entry. Built on first use, so a module that imports only the diary's vocabularies (the web app) pulls
 * in no zod.
 */
export function diaryEntrySchemas(): ReturnType<typeof buildDiaryEntrySchemas> {
  built ??= buildDiaryEntrySchemas();
  return built;
}

/** An entry whose shape is right: every field typed, not yet trimmed, ordered or checked against its clock. */
export type DiaryEntryShape = z.output<ReturnType<typeof buildDiaryEntrySchemas>['entry']>;
