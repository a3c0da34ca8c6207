// HTTP shapes of conditions, the versioned care plan, procedures and conservative-care history.
import { z } from 'zod';
import { PAIN_MECHANISMS } from '../domain/care-plan/index.ts';
import { DIARY_MEASURES } from '../domain/care-plan/goal-progress.ts';
import { Id } from './common.ts';
import { LocalDateText } from './medications.ts';

const Text = (max: number) => z.string().max(max);
const MODALITIES = ['pharmacological', 'interventional', 'physical', 'psychological', 'complementary', 'self-management'] as const;

export const ConditionBody = z
  .strictObject({
    label: z.string().trim().min(1).max(200),
    bodySite: Text(200).nullable().optional(),
    mechanism: z.enum(PAIN_MECHANISMS),
    onsetDate: LocalDateText,
    /** Cancer-related pain (outside the CDC 2022 opioid guideline's scope). */
    cancerRelated: z.boolean().optional(),
    /** End-of-life care (outside the CDC 2022 opioid guideline's scope). */
    endOfLife: z.boolean().optional(),
    notes: Text(4000).optional(),
  })
  .meta({
    id: 'Condition',
    examples: [
      {
        label: 'Chronic low back pain with left L5 radiculopathy',
        bodySite: 'lumbar spine',
        mechanism: 'mixed',
        onsetDate: '2025-09-15',
        cancerRelated: false,
        endOfLife: false,
        notes: '',
      },
    ],
  });
export const ConditionParams = z.strictObject({ patientId: Id, conditionId: Id });

export const CarePlanBody = z
  .strictObject({
    goals: z
      .array(
        z.strictObject({
          id: Id.optional(),
          /** What the patient wants to do again, in their words. */
          activity: z.string().trim().min(1).max(300),
          /** How progress is measured (e.g. "minutes walked without stopping"). */
          measure: z.string().trim().min(1).max(300),
          baseline: Text(200),
          target: Text(200),
          targetDate: LocalDateText.nullable().optional(),
          /** Where progress is read: a diary measure, or a questionnaire by instrument id (e.g. "peg", "odi"). */
          measureSource: z
            .discriminatedUnion('kind', [
              z.strictObject({ kind: z.literal('diary'), measure: z.enum(DIARY_MEASURES) }),
              z.strictObject({ kind: z.literal('instrument'), instrumentId: z.string().min(1).max(50) }),
            ])
            .nullable()
            .optional(),
        }),
      )
      .max(50),
    interventions: z
      .array(
        z.strictObject({
          id: Id.optional(),
          modality: z.enum(MODALITIES),
          description: z.string().trim().min(1).max(500),
          startDate: LocalDateText.nullable().optional(),
          stopDate: LocalDateText.nullable().optional(),
          frequency: Text(200).optional(),
          /** A membership id of a clinic the patient shares with. */
          responsibleMemberId: Id.nullable().optional(),
          status: z.enum(['planned', 'active', 'on-hold', 'completed', 'stopped']),
        }),
      )
      .max(100),
    /** Activities paced by quota (clinical convention, unconfirmed settings; docs/clinical-sources). */
    pacing: z
      .array(
        z.strictObject({
          id: Id.optional(),
          /** The activity in the patient's words (e.g. "walking"). */
          activity: z.string().trim().min(1).max(200),
          /** Whole units counted (e.g. "minutes", "steps"). */
          unit: z.string().trim().min(1).max(50),
          goal: z.number().int().min(1).max(1_000_000).nullable().optional(),
          startDate: LocalDateText,
          /** `diary-activity-minutes`: the diary's active minutes on each day of the 14 before the start; `recorded`: the sessions below. */
          sessionSource: z.enum(['diary-activity-minutes', 'recorded']),
          sessions: z
            .array(z.strictObject({ date: LocalDateText, amount: z.number().int().min(0).max(1_000_000) }))
            .max(60)
            .optional(),
          settings: z
            .strictObject({
              startingQuotaPercentOfBaseline: z.number().int().min(0).max(100).optional(),
              weeklyIncreasePercent: z.number().int().min(0).max(100).optional(),
              flareStepBackWeeks: z.number().int().min(0).max(52).optional(),
              minimumBaselineSessions: z.number().int().min(1).max(60).optional(),
              /** Without a goal, the level at which weekly increases stop (product choice; default 12). */
              maximumLevelWithoutGoal: z.number().int().min(0).max(520).optional(),
            })
            .optional(),
        }),
      )
      .max(20)
      .optional(),
    notes: Text(4000).optional(),
  })
  .meta({
    id: 'CarePlan',
    examples: [
      {
        goals: [
          {
            activity: 'Walk to the market and back',
            measure: 'minutes walked without stopping',
            baseline: '10',
            target: '30',
            targetDate: '2026-09-01',
          },
          {
            activity: 'Less pain getting in the way',
            measure: 'PEG score',
            baseline: '7',
            target: '4',
            measureSource: { kind: 'instrument', instrumentId: 'peg' },
          },
        ],
        interventions: [
          {
            modality: 'physical',
            description: 'Graded walking programme with the physiotherapist',
            startDate: '2026-06-01',
            stopDate: null,
            frequency: '3 times a week',
            responsibleMemberId: null,
            status: 'active',
          },
          {
            modality: 'psychological',
            description: 'CBT for chronic pain, 8 sessions',
            startDate: '2026-06-08',
            frequency: 'weekly',
            status: 'planned',
          },
        ],
        pacing: [
          {
            id: '019a0000-0000-7000-8000-0000000000a1',
            activity: 'walking',
            unit: 'minutes',
            goal: 30,
            startDate: '2026-06-01',
            sessionSource: 'recorded',
            sessions: [
              { date: '2026-05-28', amount: 12 },
              { date: '2026-05-29', amount: 10 },
              { date: '2026-05-30', amount: 14 },
            ],
          },
        ],
        notes: '',
      },
    ],
  });
/** The session of one day of a paced activity whose baseline is recorded (sessionSource `recorded`). */
export const PacingSessionBody = z
  .strictObject({
    /** Whole units of the activity (its plan unit: minutes, steps …). */
    amount: z.number().int().min(0).max(1_000_000),
  })
  .meta({ id: 'PacingSession', examples: [{ amount: 12 }] });
/** `date`: the patient's local date of the session — before the activity's start (a baseline session), not after today. */
export const PacingSessionParams = z.strictObject({ patientId: Id, activityId: Id, date: LocalDateText });

export const CarePlanVersionParams = z.strictObject({ patientId: Id, version: z.coerce.number().int().min(1).max(1_000_000_000) });
export const VersionListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

const PROCEDURE_TYPES = [
  'epidural-steroid-injection-interlaminar',
  'epidural-steroid-injection-transforaminal',
  'epidural-steroid-injection-caudal',
  'facet-joint-injection',
  'medial-branch-block',
  'radiofrequency-ablation',
  'si-joint-injection',
  'trigger-point-injection',
  'peripheral-nerve-block',
  'sympathetic-block',
  'spinal-cord-stimulator-trial',
  'spinal-cord-stimulator-implant',
  'other',
] as const;

export const ProcedureBody = z
  .strictObject({
    type: z.enum(PROCEDURE_TYPES),
    /** The procedure's name when type is `other` (optional otherwise). */
    label: Text(200).optional(),
    date: LocalDateText,
    /** Spinal levels, e.g. "L4-L5", "L5-S1". */
    levels: z
      .array(z.string().regex(/^[CTLS]\d{1,2}(-[CTLS]\d{1,2})?$/, { error: 'A spinal level such as L4 or L4-L5.' }))
      .max(10)
      .optional(),
    side: z.enum(['left', 'right', 'bilateral', 'midline', 'not-applicable']),
    intent: z.enum(['diagnostic', 'therapeutic']),
    imageGuidance: z.enum(['fluoroscopy', 'ultrasound', 'ct', 'none', 'other']),
    /** A block diary of this patient recording the response. */
    blockDiaryId: Id.nullable().optional(),
    notes: Text(4000).optional(),
    /** Follow-ups at 2, 6 and 12 weeks assign this questionnaire and PGIC (default "peg"; "none" assigns nothing). */
    followUpInstrument: z.enum(['peg', 'nrs', 'none']).optional(),
  })
  .meta({
    id: 'Procedure',
    examples: [
      {
        type: 'medial-branch-block',
        date: '2026-05-28',
        levels: ['L4-L5', 'L5-S1'],
        side: 'right',
        intent: 'diagnostic',
        imageGuidance: 'fluoroscopy',
        blockDiaryId: null,
        notes: '',
      },
    ],
  });
export const ProcedureParams = z.strictObject({ patientId: Id, procedureId: Id });

export const ConservativeCareBody = z
  .strictObject({
    treatment: z.string().trim().min(1).max(300),
    modality: z.enum(MODALITIES),
    startDate: LocalDateText,
    endDate: LocalDateText.nullable().optional(),
    sessions: z.number().int().min(0).max(10_000).optional(),
    outcome: z.enum(['improved', 'partly-improved', 'no-change', 'worse', 'not-tolerated', 'unknown']),
    outcomeNotes: Text(4000).optional(),
  })
  .meta({
    id: 'ConservativeCare',
    examples: [
      {
        treatment: 'Physical therapy: core stabilisation',
        modality: 'physical',
        startDate: '2025-10-01',
        endDate: '2025-12-15',
        sessions: 12,
        outcome: 'partly-improved',
        outcomeNotes: 'Walking tolerance 10 → 20 minutes; pain unchanged.',
      },
    ],
  });
export const ConservativeCareParams = z.strictObject({ patientId: Id, conservativeCareId: Id });
export const RecordListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** The patient's naloxone check: do they have naloxone, and where is it kept. */
export const NaloxoneCheckBody = z
  .strictObject({
    hasNaloxone: z.boolean(),
    location: Text(300).optional(),
  })
  .meta({ id: 'NaloxoneCheck', examples: [{ hasNaloxone: true, location: 'Kitchen drawer by the fridge' }] });

/**
 * The naloxone check as read: `answered: false` until someone answers it (not having asked is a state,
 * not a missing resource), otherwise the answer with the version to send in If-Match when changing it.
 */
export const NaloxoneCheckState = z
  .discriminatedUnion('answered', [
    z.object({ answered: z.literal(false) }),
    z.object({
      answered: z.literal(true),
      id: z.string(),
      version: z.number().int(),
      updatedAt: z.string(),
      hasNaloxone: z.boolean(),
      location: z.string(),
    }),
  ])
  .meta({
    id: 'NaloxoneCheckState',
    examples: [
      { answered: false },
      {
        answered: true,
        id: '019a0000-0000-7000-8000-000000000001',
        version: 1,
        updatedAt: '2026-06-01T08:00:00.000Z',
        hasNaloxone: true,
        location: 'Kitchen drawer by the fridge',
      },
    ],
  });

export const AsNeededUseQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(90).default(14) });
