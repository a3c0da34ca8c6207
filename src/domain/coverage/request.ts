// The readiness request as it arrives (CLI JSON, later an API body): the planned procedure and the facts
// of the record that the Medicare coverage criteria read. Only `procedure` and `date` are required: every
// other fact may be absent, and an absent fact makes the criteria that read it "missing", never a guess.
// `null` in a history item means the same as leaving the field out. Unknown fields are refused so a typo
// surfaces instead of silently becoming a missing fact.
import { z } from 'zod';
import { objectError, parseShape, say, type ShapeProblem } from '../shape/shape-problems.ts';
import { parseLocalDate, type LocalDate } from '../time/local-date.ts';

export const PROCEDURES = [
  'facet-mbb',
  'facet-ia',
  'facet-rfa',
  'facet-rfa-repeat',
  'esi-interlaminar',
  'esi-transforaminal',
  'esi-caudal',
  'scs-trial',
  'scs-permanent',
] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const REGIONS = ['cervical', 'thoracic', 'lumbar'] as const;
export type Region = (typeof REGIONS)[number];

export const GUIDANCE = ['fluoroscopy', 'ct', 'ultrasound', 'none'] as const;
export const PAIN_PATTERNS = ['axial', 'radicular', 'neurogenic-claudication', 'widespread'] as const;
export const INDICATIONS = [
  'facet-arthropathy',
  'disc-herniation',
  'foraminal-stenosis',
  'central-stenosis',
  'post-laminectomy',
  'herpes-zoster',
  'degenerative-disc-without-stenosis',
  'failed-back-surgery',
  'crps',
  'other',
] as const;
export type Indication = (typeof INDICATIONS)[number];
export const EXCLUSIONS = ['fracture', 'tumour', 'infection', 'deformity', 'fibromyalgia', 'centralized-pain', 'prior-alif'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];
export const CARE_KINDS = [
  'physical-therapy',
  'nsaid',
  'acetaminophen',
  'spinal-manipulation',
  'acupuncture',
  'home-exercise',
  'other',
] as const;
export const CARE_OUTCOMES = ['failed', 'not-tolerated', 'helped'] as const;

/** Upper ends of the scales whose range is fixed, so an NRS of 70 is refused rather than read as relief. */
const SCALE_MAXIMUM: Readonly<Record<string, number>> = { nrs: 10, vas: 100, odi: 100 };
const SCALE_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** Bounds on what one request may carry (not clinical numbers). */
const MAX_HISTORY = 200;
const MAX_CARE = 50;
const MAX_LEVELS = 10;

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, say(`must be one of: ${values.join(', ')}`));
const localDate = () =>
  z.string(say('must be a date YYYY-MM-DD')).refine((text) => parseLocalDate(text) !== undefined, say('must be a date YYYY-MM-DD'));
const scaleName = () =>
  z
    .string(say('must name a scale, e.g. nrs or odi'))
    .regex(SCALE_PATTERN, say('must name a scale, e.g. nrs or odi (lower-case, kebab-case)'));
const nonNegative = (message: string) => z.number(say(message)).min(0, say(message));
const optionalBoolean = () => z.boolean(say('must be true or false')).nullable().optional();
const percent = () =>
  z
    .number(say('must be a percentage from 0 to 100'))
    .min(0, say('must be a percentage from 0 to 100'))
    .max(100, say('must be a percentage from 0 to 100'));

function checkOnScale(ctx: z.RefinementCtx, scale: string, value: number, path: PropertyKey[]): void {
  const max = SCALE_MAXIMUM[scale];
  if (max !== undefined && value > max) ctx.addIssue({ code: 'custom', path, message: `must be at most ${max} on the ${scale} scale` });
}

const measurement = z
  .strictObject({ scale: scaleName(), value: nonNegative('must be a number, zero or more') }, objectError('must be an object'))
  .superRefine((m, ctx) => checkOnScale(ctx, m.scale, m.value, ['value']));

const conservativeCare = z.strictObject(
  {
    kind: oneOf(CARE_KINDS),
    weeks: nonNegative('must be a number of weeks, zero or more').nullable().optional(),
    outcome: oneOf(CARE_OUTCOMES).nullable().optional(),
  },
  objectError('must be an object'),
);

const patient = z.strictObject(
  {
    painOnset: localDate().optional(),
    pattern: oneOf(PAIN_PATTERNS).optional(),
    indication: oneOf(INDICATIONS).optional(),
    concordantImaging: optionalBoolean(),
    untreatedRadiculopathy: optionalBoolean(),
    exclusions: z.array(oneOf(EXCLUSIONS), say('must be a list')).max(EXCLUSIONS.length, say('has too many items')).optional(),
    baselinePain: measurement.optional(),
    baselineDisability: measurement.optional(),
    conservativeCare: z
      .array(conservativeCare, say('must be a list'))
      .max(MAX_CARE, say(`must have at most ${MAX_CARE} items`))
      .optional(),
    psychologicalEvaluation: optionalBoolean(),
    multidisciplinaryEvaluation: optionalBoolean(),
    activeSubstanceAbuse: optionalBoolean(),
    /** Why ablation is not an option (pseudarthrosis, an implanted electrical device…); therapeutic intra-articular injections need it. */
    notRfaCandidateReason: z
      .string(say('must be text'))
      .max(200, say('must be at most 200 characters'))
      .refine((t) => t.trim().length > 0, say('must not be empty'))
      .nullable()
      .optional(),
  },
  objectError('must be an object'),
);

const historyItem = z
  .strictObject(
    {
      procedure: oneOf(PROCEDURES),
      date: localDate(),
      region: oneOf(REGIONS),
      levels: z.number(say('must be a whole number')).int(say('must be a whole number')).min(1).max(MAX_LEVELS).nullable().optional(),
      scale: scaleName().nullable().optional(),
      painBefore: nonNegative('must be a number, zero or more').nullable().optional(),
      painAfter: nonNegative('must be a number, zero or more').nullable().optional(),
      reliefDurationHours: nonNegative('must be a number of hours, zero or more').nullable().optional(),
      reliefDurationMonths: nonNegative('must be a number of months, zero or more').nullable().optional(),
      functionImproved: optionalBoolean(),
      analgesicReductionPercent: percent().nullable().optional(),
    },
    objectError('must be an object'),
  )
  .superRefine((h, ctx) => {
    if (h.scale == null) return;
    if (h.painBefore != null) checkOnScale(ctx, h.scale, h.painBefore, ['painBefore']);
    if (h.painAfter != null) checkOnScale(ctx, h.scale, h.painAfter, ['painAfter']);
  });

export const READINESS_REQUEST_SCHEMA = z
  .strictObject(
    {
      procedure: z.enum(PROCEDURES, say(`must be one of: ${PROCEDURES.join(', ')}`, `is required (one of: ${PROCEDURES.join(', ')})`)),
      date: z
        .string(say('must be a date YYYY-MM-DD', 'is required (the planned date, YYYY-MM-DD)'))
        .refine((text) => parseLocalDate(text) !== undefined, say('must be a date YYYY-MM-DD')),
      region: oneOf(REGIONS).optional(),
      levels: z
        .number(say('must be a whole number of levels'))
        .int(say('must be a whole number of levels'))
        .min(1, say('must be at least 1'))
        .max(MAX_LEVELS, say(`must be at most ${MAX_LEVELS}`))
        .optional(),
      bilateral: z.boolean(say('must be true or false')).optional(),
      guidance: oneOf(GUIDANCE).optional(),
      contrast: z.boolean(say('must be true or false')).optional(),
      patient: patient.optional(),
      history: z
        .array(historyItem, say('must be a list'))
        .max(MAX_HISTORY, say(`must have at most ${MAX_HISTORY} items`))
        .optional(),
    },
    objectError('must be a JSON object'),
  )
  .superRefine((r, ctx) => {
    // A past procedure dated after the planned one cannot be history; refusing it keeps the counts honest.
    if (typeof r.date !== 'string') return;
    r.history?.forEach((h, i) => {
      if (typeof h?.date === 'string' && h.date > r.date)
        ctx.addIssue({ code: 'custom', path: ['history', i, 'date'], message: 'is after the planned date' });
    });
    if (typeof r.patient?.painOnset === 'string' && r.patient.painOnset > r.date)
      ctx.addIssue({ code: 'custom', path: ['patient', 'painOnset'], message: 'is after the planned date' });
  });

type Parsed = z.output<typeof READINESS_REQUEST_SCHEMA>;
export type HistoryItem = Omit<NonNullable<Parsed['history']>[number], 'date'> & { readonly date: LocalDate };
export type ReadinessRequest = Omit<Parsed, 'date' | 'history'> & { readonly date: LocalDate; readonly history?: readonly HistoryItem[] };
export type PatientFacts = NonNullable<Parsed['patient']>;
export type Measurement = NonNullable<PatientFacts['baselinePain']>;

export type ReadinessRequestResult =
  | { readonly kind: 'valid'; readonly request: ReadinessRequest }
  | { readonly kind: 'invalid'; readonly problems: readonly ShapeProblem[] };

/** Check an untrusted request; never throws on bad input. */
export function validateReadinessRequest(input: unknown): ReadinessRequestResult {
  const parsed = parseShape(READINESS_REQUEST_SCHEMA, input);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  return { kind: 'valid', request: parsed.value as ReadinessRequest };
}
