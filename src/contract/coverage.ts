// HTTP shape of a coverage-readiness check from the stored record: the planned procedure, the facts a
// clinician states that the record does not hold (pain pattern, indication, imaging, exclusions,
// evaluations), outcomes of past procedures the record has no field for, and the clinic's settings.
// Everything else — pain onset, conservative care, baseline scales, past procedures and their block
// diaries — is read from the record.
import { z } from 'zod';
import { ESI_LCDS, MAC_JURISDICTIONS, PROCEDURES, SCS_LCDS } from '../domain/coverage/index.ts';
import { EXCLUSIONS, GUIDANCE, INDICATIONS, PAIN_PATTERNS, REGIONS } from '../domain/coverage/request.ts';
import { Id } from './common.ts';
import { LocalDateText } from './medications.ts';

const statedFacts = z.strictObject({
  pattern: z.enum(PAIN_PATTERNS).optional(),
  indication: z.enum(INDICATIONS).optional(),
  concordantImaging: z.boolean().optional(),
  untreatedRadiculopathy: z.boolean().optional(),
  /** [] when none applies; absent when not assessed. */
  exclusions: z.array(z.enum(EXCLUSIONS)).max(EXCLUSIONS.length).optional(),
  psychologicalEvaluation: z.boolean().optional(),
  multidisciplinaryEvaluation: z.boolean().optional(),
  activeSubstanceAbuse: z.boolean().optional(),
  notRfaCandidateReason: z.string().trim().min(1).max(200).optional(),
});

const procedureOutcome = z.strictObject({
  procedureId: Id,
  reliefDurationMonths: z.number().min(0).max(1200).optional(),
  functionImproved: z.boolean().optional(),
  analgesicReductionPercent: z.number().min(0).max(100).optional(),
});

export const CoverageReadinessBody = z
  .strictObject({
    procedure: z.enum(PROCEDURES),
    date: LocalDateText,
    region: z.enum(REGIONS).optional(),
    levels: z.number().int().min(1).max(10).optional(),
    bilateral: z.boolean().optional(),
    guidance: z.enum(GUIDANCE).optional(),
    contrast: z.boolean().optional(),
    /** The condition the procedure treats: its onset date is the pain's onset. */
    conditionId: Id.optional(),
    patient: statedFacts.optional(),
    /** What the record has no field for: how long a past procedure's relief lasted, function, analgesics. */
    procedureOutcomes: z.array(procedureOutcome).max(200).optional(),
    settings: z
      .strictObject({
        jurisdiction: z.enum(MAC_JURISDICTIONS).optional(),
        esiLcd: z.enum(ESI_LCDS).optional(),
        scsLcd: z.enum(SCS_LCDS).optional(),
        minimumBlockReliefHours: z.number().min(0).max(48).optional(),
      })
      .optional(),
  })
  .meta({
    id: 'CoverageReadinessRequest',
    examples: [
      {
        procedure: 'facet-rfa',
        date: '2026-06-15',
        region: 'lumbar',
        levels: 2,
        bilateral: true,
        guidance: 'fluoroscopy',
        patient: { pattern: 'axial', indication: 'facet-arthropathy', untreatedRadiculopathy: false, exclusions: [] },
        settings: { jurisdiction: 'J15' },
      },
    ],
  });
export type CoverageReadinessBody = z.infer<typeof CoverageReadinessBody>;
