// HTTP shapes of medication orders, the MME helper and taper plans. The zod schemas give
// structure (and OpenAPI); the domain's regimen validation then applies the dose rules.
import { z } from 'zod';
import { parseLocalDate } from '../domain/time/local-date.ts';
import { Id } from './common.ts';

export const LocalDateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Must be a date YYYY-MM-DD.' })
  .refine((t) => parseLocalDate(t) !== undefined, { error: 'Must be a real calendar date.' });

const ROUTES = [
  'oral',
  'sublingual',
  'buccal',
  'transdermal',
  'topical',
  'intranasal',
  'rectal',
  'subcutaneous',
  'intramuscular',
  'intravenous',
  'inhalation',
  'other',
] as const;
const STRENGTH_UNITS = ['mg', 'mcg', 'g', 'mcg/h', 'mg/mL', 'mg/5mL', 'percent'] as const;
const Dose = z.number().positive().max(1_000_000);

export const MedicationOrderBody = z
  .strictObject({
    /** Formulary id, generic or brand name; stored as the formulary id. */
    formularyId: z.string().min(1).max(100),
    strength: z
      .strictObject({ value: Dose, unit: z.enum(STRENGTH_UNITS) })
      .nullable()
      .optional(),
    /** mg per administration (not for transdermal patches). */
    doseMg: Dose.optional(),
    /** Patch strength in mcg/h (transdermal patches only). */
    doseMcgPerHour: Dose.optional(),
    /** Acetaminophen mg per administration (combination products). */
    acetaminophenMg: z.number().min(0).max(1_000_000).optional(),
    schedule: z.enum(['scheduled', 'as-needed']),
    /** Scheduled orders: administrations per day. */
    timesPerDay: z.number().positive().max(1000).optional(),
    /** As-needed orders: the maximum administrations per day (MME counts it at this maximum). */
    maxPerDay: z.number().positive().max(1000).optional(),
    route: z.enum(ROUTES),
    startDate: LocalDateText,
    /** The first day without the medicine; null or absent while it runs. */
    stopDate: LocalDateText.nullable().optional(),
    instructions: z.string().max(2000).optional(),
    /**
     * The safety flags (ids) the clinician read and confirms for this order: a save that newly raises
     * 50 or 90 MME/day or an opioid with a benzodiazepine is refused (422) until each is listed here.
     */
    confirmHighRisk: z
      .array(z.enum(['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine']))
      .max(3)
      .optional(),
  })
  .meta({
    id: 'MedicationOrder',
    examples: [
      {
        formularyId: 'oxycodone',
        strength: { value: 5, unit: 'mg' },
        doseMg: 5,
        schedule: 'as-needed',
        maxPerDay: 4,
        route: 'oral',
        startDate: '2026-05-01',
        stopDate: null,
        instructions: 'One tablet every 6 hours if needed for severe pain.',
      },
    ],
  });

export const MedicationOrderParams = z.strictObject({ patientId: Id, orderId: Id });

const RegimenItemBody = z.strictObject({
  drug: z.string().min(1).max(100),
  doseMg: z.number().optional(),
  doseMcgPerHour: z.number().optional(),
  perDay: z.number().optional(),
  prn: z.boolean().optional(),
  acetaminophenMg: z.number().optional(),
});

export const MmeRequestBody = z
  .strictObject({
    items: z.array(RegimenItemBody).max(100),
    patient: z
      .strictObject({
        age: z.number().min(0).max(150).optional(),
        kidneyDisease: z.boolean().optional(),
        creatinineClearanceMlPerMin: z.number().min(0).optional(),
        liverDisease: z.boolean().optional(),
        alcoholDrinksPerDay: z.number().min(0).optional(),
        opioidNaive: z.boolean().optional(),
        naloxoneOnList: z.boolean().optional(),
        /** The patient's own answer to "do you have naloxone?" (not the medication list). */
        patientReportsNaloxone: z.boolean().optional(),
        historyOfOverdose: z.boolean().optional(),
        substanceUseDisorder: z.boolean().optional(),
        sleepApnea: z.boolean().optional(),
        tapering: z.boolean().optional(),
        recentIncarceration: z.boolean().optional(),
        priorGiBleed: z.boolean().optional(),
        qtcMs: z.number().min(0).optional(),
      })
      .optional(),
  })
  .meta({
    id: 'MmeRequest',
    examples: [
      {
        items: [
          { drug: 'oxycodone', doseMg: 10, perDay: 6, prn: false },
          { drug: 'alprazolam', doseMg: 0.5, perDay: 2 },
        ],
        patient: { age: 70 },
      },
    ],
  });

const Percent = z.number().min(0).max(100);

export const TaperPlanBody = z
  .strictObject({
    startDate: LocalDateText,
    /** Default: 10 % of the original dose per month (CDC 2022, https://doi.org/10.15585/mmwr.rr7103a1). */
    rate: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('percent-of-original'), percent: Percent, interval: z.enum(['week', 'month']) }),
        z.strictObject({
          kind: z.literal('weekly-then-remaining'),
          percentOfOriginal: Percent,
          switchAtPercentOfOriginal: Percent,
          percentOfRemaining: Percent,
        }),
      ])
      .optional(),
    /** Percentage of each drug's original daily dose to end at; 0 (default) means discontinue. */
    targetPercentOfOriginal: Percent.optional(),
    /** Available strengths per formulary id (mg, or mcg/h for patches), replacing the formulary's list. */
    strengthsByDrug: z.record(z.string().max(100), z.array(Dose).min(1).max(20)).optional(),
  })
  .meta({
    id: 'TaperPlanRequest',
    examples: [
      { startDate: '2026-06-15', rate: { kind: 'percent-of-original', percent: 10, interval: 'month' }, targetPercentOfOriginal: 0 },
    ],
  });

export const TaperPlanParams = z.strictObject({ patientId: Id, taperPlanId: Id });

export const TaperPauseBody = z.strictObject({ on: LocalDateText }).meta({ id: 'TaperPause', examples: [{ on: '2026-07-01' }] });
export const TaperResumeBody = z.strictObject({ on: LocalDateText }).meta({ id: 'TaperResume', examples: [{ on: '2026-07-20' }] });
