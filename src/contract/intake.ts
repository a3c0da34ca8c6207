// HTTP shapes of the intake for a first consultation. Every part may be left empty so that a half-filled
// intake can be saved and continued (with `finished: false`); a red flag not answered yet is null.
import { z } from 'zod';
import { BODY_REGION_CODES } from '../domain/diary/body-map.ts';
import { PAIN_QUALITIES } from '../domain/diary/entry-vocabulary.ts';
import { PAIN_COURSES, RED_FLAG_ANSWERS, RED_FLAGS, TREATMENT_EFFECTS, TREATMENT_KINDS, type RedFlag } from '../domain/intake/intake.ts';
import { Id } from './common.ts';
import { LocalDateText } from './medications.ts';

const Line = z.string().trim().min(1).max(300);
const Lines = z.array(Line).max(30).default([]);

const RedFlagAnswer = z.enum(RED_FLAG_ANSWERS).nullable().default(null);

export const IntakeBody = z
  .strictObject({
    visitId: Id.nullable().default(null),
    onsetDate: LocalDateText.nullable().default(null),
    onsetAbout: z.string().trim().max(200).default(''),
    course: z.enum(PAIN_COURSES).nullable().default(null),
    locations: z
      .array(
        z.strictObject({
          region: z.enum(BODY_REGION_CODES as [string, ...string[]], { error: 'Must be a body-map region code.' }),
          qualities: z.array(z.enum(PAIN_QUALITIES)).max(PAIN_QUALITIES.length).default([]),
        }),
      )
      .max(BODY_REGION_CODES.length)
      .default([]),
    betterWith: Lines,
    worseWith: Lines,
    treatmentsTried: z
      .array(
        z.strictObject({
          /** Also the id of the conservative-care record the treatment is kept as. */
          id: Id,
          treatment: Line,
          kind: z.enum(TREATMENT_KINDS),
          startDate: LocalDateText,
          endDate: LocalDateText.nullable().default(null),
          sessions: z.number().int().min(0).max(10_000).nullable().default(null),
          effect: z.enum(TREATMENT_EFFECTS),
          notes: z.string().trim().max(2000).default(''),
        }),
      )
      .max(30)
      .default([]),
    imagingAndTests: z
      .array(z.strictObject({ what: Line, date: LocalDateText.nullable().default(null) }))
      .max(30)
      .default([]),
    otherConditions: Lines,
    medicines: Lines,
    allergies: Lines,
    redFlags: z
      .strictObject(Object.fromEntries(RED_FLAGS.map((f) => [f, RedFlagAnswer])) as Record<RedFlag, typeof RedFlagAnswer>)
      .default(Object.fromEntries(RED_FLAGS.map((f) => [f, null])) as Record<RedFlag, null>),
    /** Required, so that an empty body is refused: a draft says so with false. */
    finished: z.boolean(),
  })
  .meta({
    id: 'Intake',
    examples: [
      {
        visitId: null,
        onsetDate: null,
        onsetAbout: 'Winter 2024, after moving house',
        course: 'comes-and-goes',
        locations: [{ region: 'lumbar-spine', qualities: ['aching'] }],
        betterWith: ['Walking', 'Warm shower'],
        worseWith: ['Sitting for long'],
        treatmentsTried: [],
        imagingAndTests: [{ what: 'Lumbar X-ray', date: '2025-02-10' }],
        otherConditions: [],
        medicines: ['Ibuprofen 400 mg when needed'],
        allergies: [],
        redFlags: Object.fromEntries(RED_FLAGS.map((f) => [f, 'no'])),
        finished: false,
      },
    ],
  });
export type IntakeInput = z.output<typeof IntakeBody>;

export const IntakeParams = z.strictObject({ patientId: Id, intakeId: Id });
