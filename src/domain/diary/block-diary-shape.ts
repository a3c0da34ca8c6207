// The shape of a block diary as it arrives: types, ranges, lengths, required fields, formats, no
// unknown fields, and no two readings at one offset — checked once, here. The contract's BlockDiaryBody
// is built from these fields; validateBlockDiary normalises what parsed (block-diary.ts).
import { z } from 'zod';
import { formatted, list, nrs, objectError, optionalNrs, parsedFields, say, UUID_PATTERN } from './diary-shape-parts.ts';
import { canonicalTimeZone, parseInstant } from '../time/local-date.ts';

/** Longest offset accepted: 14 days (UW Health asks for daily ratings for 2 weeks; https://patient.uwhealth.org/healthfacts/5656). */
export const MAX_BLOCK_OFFSET_MINUTES = 14 * 24 * 60;
/** The most offsets a schedule, and readings a diary, may have (a bound on what is stored, not a clinical number). */
const MAX_OFFSETS = 50;

const INSTANT_MESSAGE = 'must be an ISO-8601 instant with a zone';
const OFFSET_MESSAGE = `must be whole minutes from 1 to ${MAX_BLOCK_OFFSET_MINUTES}`;
const isInstant = (text: string) => parseInstant(text) !== undefined;
const offsetMinutes = () =>
  z.number(say(OFFSET_MESSAGE)).int(say(OFFSET_MESSAGE)).min(1, say(OFFSET_MESSAGE)).max(MAX_BLOCK_OFFSET_MINUTES, say(OFFSET_MESSAGE));

function buildBlockDiarySchemas() {
  const reading = z
    .strictObject(
      {
        offsetMinutes: offsetMinutes(),
        intensity: optionalNrs(),
        patientReportedReliefPct: z
          .number(say('must be a percentage from 0 to 100'))
          .min(0, say('must be a percentage from 0 to 100'))
          .max(100, say('must be a percentage from 0 to 100'))
          .nullable()
          .optional(),
        recordedAt: formatted(40, isInstant, INSTANT_MESSAGE).nullable().optional(),
      },
      objectError('must be an object'),
    )
    .superRefine(
      (r, ctx) => {
        if (r.intensity == null && r.patientReportedReliefPct == null)
          ctx.addIssue({ code: 'custom', path: [], message: 'needs a pain rating, a percent relief, or both' });
      },
      { when: parsedFields('intensity', 'patientReportedReliefPct') },
    );

  /** One reading per offset: a later reading at an offset an earlier, well-formed one took is refused. */
  const readings = list(reading, MAX_OFFSETS).superRefine(
    (items, ctx) => {
      const taken = new Set<number>();
      items.forEach((r, i) => {
        const problemsHere = ctx.issues.filter((issue) => issue.path?.[0] === i);
        // Not a reading at all, or its offset is itself wrong: nothing to compare.
        if (typeof r !== 'object' || r === null || problemsHere.some((issue) => issue.path?.[1] === 'offsetMinutes')) return;
        if (taken.has(r.offsetMinutes)) {
          ctx.addIssue({ code: 'custom', path: [i, 'offsetMinutes'], message: 'a reading at this offset is already recorded' });
          return;
        }
        if (problemsHere.length === 0) taken.add(r.offsetMinutes);
      });
    },
    { when: (payload) => Array.isArray(payload.value) },
  );

  /** The fields a client sends; the server adds the diary's id. */
  const BLOCK_DIARY_BODY_FIELDS = {
    procedureLabel: z
      .string(say('must be text of 1 to 200 characters'))
      .max(200, say('must be text of 1 to 200 characters'))
      .refine((text) => text.trim().length > 0, say('must be text of 1 to 200 characters')),
    procedureAt: formatted(40, isInstant, INSTANT_MESSAGE),
    timeZone: formatted(
      64,
      (text) => canonicalTimeZone(text) !== undefined,
      'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)',
    ),
    /** Pain of the index (treated) pain before the procedure. */
    baselineIntensity: nrs(),
    /** When readings are asked for; the standard schedule when absent. */
    offsetsMinutes: z
      .array(offsetMinutes(), say(`must be a list of 1 to ${MAX_OFFSETS} offsets in minutes`))
      .min(1, say(`must be a list of 1 to ${MAX_OFFSETS} offsets in minutes`))
      .max(MAX_OFFSETS, say(`must be a list of 1 to ${MAX_OFFSETS} offsets in minutes`))
      .optional(),
    readings: readings.optional(),
  };

  /** A whole block diary: the body's fields with the id the server gives it. */
  const blockDiaryShape = z.strictObject(
    { id: formatted(36, (text) => UUID_PATTERN.test(text), 'must be a UUID'), ...BLOCK_DIARY_BODY_FIELDS },
    objectError('must be an object'),
  );
  return { bodyFields: BLOCK_DIARY_BODY_FIELDS, blockDiary: blockDiaryShape };
}

let built: ReturnType<typeof buildBlockDiarySchemas> | undefined;

/** The block diary's schemas: the body's fields (for the contract) and the whole diary. Built on first use, so the web app, which imports MAX_BLOCK_OFFSET_MINUTES, pulls in no zod. */
export function blockDiarySchemas(): ReturnType<typeof buildBlockDiarySchemas> {
  built ??= buildBlockDiarySchemas();
  return built;
}

export type BlockDiaryShape = z.output<ReturnType<typeof buildBlockDiarySchemas>['blockDiary']>;
