// Questionnaires (validated instruments): request shapes shared by the API and the web app.
import { z } from 'zod';
import { canonicalInstant, Id, Instant, InstantInput } from './common.ts';

export const InstrumentId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/i, { error: 'Must be an instrument id such as phq-9.' })
  .meta({ examples: ['peg'] });

export const InstrumentParams = z.strictObject({ instrumentId: InstrumentId });
/** Whose licences decide whether a licensed instrument's item text is shown (the patient's caring organizations). */
export const InstrumentDefinitionQuery = z.strictObject({ patientId: Id.optional() });
export const PatientInstrumentResponseParams = z.strictObject({ patientId: Id, responseId: Id });
export const PatientAssignmentParams = z.strictObject({ patientId: Id, assignmentId: Id });
export const OrganizationInstrumentParams = z.strictObject({ organizationId: Id, instrumentId: InstrumentId });

/** Answers: item key → value (null = not answered). Validated against the instrument by the domain. */
export const Answers = z
  .record(z.string().min(1).max(40), z.union([z.number(), z.boolean(), z.null()]))
  .refine((a) => Object.keys(a).length <= 100, { error: 'Too many answers.' })
  .meta({ examples: [{ 1: 6, 2: 7, 3: 4 }] });

export const SubmitResponseBody = z
  .strictObject({
    id: Id.optional().meta({ description: 'Client-generated id; resubmitting the same response with the same id changes nothing' }),
    instrumentId: InstrumentId,
    answers: Answers,
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional().meta({ description: 'For sex-weighted instruments (ORT)' }),
    // The examples sit on the input side (an instant as sent), where the OpenAPI document reads them.
    completedAt: Instant.meta({
      description: 'When the patient answered; now when omitted. Never in the future.',
      examples: ['2026-05-01T09:00:00Z'],
    })
      .transform(canonicalInstant)
      .optional(),
  })
  .meta({ examples: [{ instrumentId: 'peg', answers: { 1: 6, 2: 7, 3: 4 } }] });

export const ResponseListQuery = z.strictObject({
  instrument: InstrumentId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const IsoTime = InstantInput;
export const AssignmentSchedule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once'), dueAt: IsoTime }),
  z.strictObject({
    kind: z.literal('recurring'),
    startAt: IsoTime,
    everyDays: z.number().int().min(1).max(366),
    endAt: IsoTime.nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('before-visit'), visitAt: IsoTime, daysBefore: z.number().int().min(0).max(60) }),
]);

export const AssignBody = z
  .strictObject({
    id: Id.optional(),
    instrumentId: InstrumentId,
    schedule: AssignmentSchedule,
  })
  .meta({
    examples: [{ instrumentId: 'peg', schedule: { kind: 'recurring', startAt: '2026-05-01T09:00:00Z', everyDays: 7, endAt: null } }],
  });

export const LicenceBody = z
  .strictObject({
    confirm: z.literal(true, { error: 'Confirm that the organization holds a licence for this instrument.' }),
    note: z.string().trim().max(500).nullable().default(null).meta({ description: 'e.g. the licence reference' }),
  })
  .meta({ examples: [{ confirm: true, note: 'Mapi licence 2026-123' }] });
