// HTTP shapes of a condition's mechanism assessment: a clinician's answers to the neuropathic
// (Finnerup 2016) and nociplastic (Kosek 2021) grading criteria. A finding is true (yes), false (no)
// or null / left out (not assessed); a mechanism left out or null is not graded.
import { z } from 'zod';
import { MAX_DURATION_MONTHS, NOCIPLASTIC_COMORBIDITIES } from '../domain/mechanism/index.ts';
import { Id } from './common.ts';
import { LocalDateText } from './medications.ts';

const Finding = z.boolean().nullable().optional();

export const NeuropathicFindingsBody = z.strictObject({
  /** History of a relevant neurological lesion or disease, suggestive of neural origin. */
  historySuggestive: Finding,
  /** Pain distribution neuroanatomically plausible. */
  distributionPlausible: Finding,
  /** Sensory signs in the same neuroanatomically plausible distribution. */
  sensorySigns: Finding,
  /** A diagnostic test confirms a lesion or disease of the somatosensory nervous system. */
  confirmatoryTest: Finding,
});

export const NociplasticFindingsBody = z.strictObject({
  /** Months of pain (at least 3 meets the first criterion). */
  durationMonths: z.number().min(0).max(MAX_DURATION_MONTHS).nullable().optional(),
  regional: Finding,
  notEntirelyExplained: Finding,
  clinicalHypersensitivity: Finding,
  historyOfHypersensitivity: Finding,
  /** The comorbidities present; [] when assessed and none is. */
  comorbidities: z
    .array(z.enum(NOCIPLASTIC_COMORBIDITIES))
    .max(NOCIPLASTIC_COMORBIDITIES.length)
    .refine((list) => new Set(list).size === list.length, 'Name each comorbidity once.')
    .nullable()
    .optional(),
});

export const MechanismAssessmentBody = z
  .strictObject({
    assessedOn: LocalDateText,
    neuropathic: NeuropathicFindingsBody.nullable().optional(),
    nociplastic: NociplasticFindingsBody.nullable().optional(),
    notes: z.string().max(4000).optional(),
  })
  .meta({
    id: 'MechanismAssessment',
    examples: [
      {
        assessedOn: '2026-05-28',
        neuropathic: { historySuggestive: true, distributionPlausible: true, sensorySigns: false, confirmatoryTest: true },
        nociplastic: {
          durationMonths: 8,
          regional: true,
          notEntirelyExplained: true,
          clinicalHypersensitivity: true,
          historyOfHypersensitivity: true,
          comorbidities: ['sleep-disturbance'],
        },
        notes: '',
      },
    ],
  });

/** The assessment of one condition is addressed by the condition's id. */
export const MechanismAssessmentParams = z.strictObject({ patientId: Id, conditionId: Id });
