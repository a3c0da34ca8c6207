// The care plan's records as they cross the storage port: conditions and their mechanism assessments,
// the versioned care plan, medication orders, taper plans, procedures and conservative-care history. Dates are the patient's
// local dates (YYYY-MM-DD). Validation lives in the use cases (care-plan.ts, medications.ts) and the
// clinical rules in domain/care-plan and domain/medications.
import type { PainMechanism, PacingSettings } from '../domain/care-plan/index.ts';
import type { DiaryMeasure } from '../domain/care-plan/goal-progress.ts';
import type { TaperPauseEvent, TaperPlan, TaperRate } from '../domain/medications/taper.ts';
import type { NeuropathicFindings, NociplasticFindings } from '../domain/mechanism/index.ts';
import type { RecordStore } from './record-store.ts';

export interface ConditionRecord {
  readonly label: string;
  readonly bodySite: string | null;
  readonly mechanism: PainMechanism;
  readonly onsetDate: string;
  readonly cancerRelated: boolean;
  readonly endOfLife: boolean;
  readonly notes: string;
}

/**
 * A clinician's answers to the mechanism grading criteria for one condition (its id is the
 * condition's id). Every finding is stored, null where it was not assessed; a mechanism left out is
 * null (not graded). Grades are computed when read, never stored.
 */
export interface MechanismAssessmentRecord {
  /** The day the findings were made (patient-local date). */
  readonly assessedOn: string;
  readonly neuropathic: Required<NeuropathicFindings> | null;
  readonly nociplastic: Required<NociplasticFindings> | null;
  readonly notes: string;
}

export const INTERVENTION_MODALITIES = [
  'pharmacological',
  'interventional',
  'physical',
  'psychological',
  'complementary',
  'self-management',
] as const;
export type InterventionModality = (typeof INTERVENTION_MODALITIES)[number];
export const INTERVENTION_STATUSES = ['planned', 'active', 'on-hold', 'completed', 'stopped'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** Where a goal's progress is read: a diary measure or a questionnaire (instrument id). */
export type GoalMeasureSource =
  | { readonly kind: 'diary'; readonly measure: DiaryMeasure }
  | { readonly kind: 'instrument'; readonly instrumentId: string };

export interface PlanGoal {
  readonly id: string;
  readonly activity: string;
  readonly measure: string;
  readonly baseline: string;
  readonly target: string;
  readonly targetDate: string | null;
  /** Absent in versions saved before goals could name a source; null when none is named. */
  readonly measureSource?: GoalMeasureSource | null;
}

/**
 * An activity paced by quota (domain/care-plan/pacing.ts). The baseline sessions are either the
 * diary's activity minutes in the days before the start (`diary-activity-minutes`, unit minutes) or
 * the sessions recorded on the activity itself (`recorded`, e.g. timed with the physiotherapist).
 */
export interface PacingActivity {
  readonly id: string;
  readonly activity: string;
  readonly unit: string;
  readonly goal: number | null;
  readonly startDate: string;
  readonly sessionSource: 'diary-activity-minutes' | 'recorded';
  readonly sessions: readonly { readonly date: string; readonly amount: number }[];
  /** Overrides of the documented pacing settings for this activity. */
  readonly settings: Partial<PacingSettings>;
}

export interface PlanIntervention {
  readonly id: string;
  readonly modality: InterventionModality;
  readonly description: string;
  readonly startDate: string | null;
  readonly stopDate: string | null;
  readonly frequency: string;
  /** A membership of a clinic the patient shares with, or null. */
  readonly responsibleMemberId: string | null;
  readonly status: InterventionStatus;
}

export interface CarePlanBody {
  readonly goals: readonly PlanGoal[];
  readonly interventions: readonly PlanIntervention[];
  /** Absent in versions saved before pacing was part of the plan. */
  readonly pacing?: readonly PacingActivity[];
  readonly notes: string;
}

/** The patient's own answer to "do you have naloxone, and where is it?". */
export interface NaloxoneCheckRecord {
  readonly hasNaloxone: boolean;
  /** Where it is kept ('' when not said or when they have none). */
  readonly location: string;
}

export interface CarePlanVersion {
  readonly patientId: string;
  readonly version: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly plan: CarePlanBody;
}

export const MEDICATION_ROUTES = [
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
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];
export const STRENGTH_UNITS = ['mg', 'mcg', 'g', 'mcg/h', 'mg/mL', 'mg/5mL', 'percent'] as const;
export type StrengthUnit = (typeof STRENGTH_UNITS)[number];

export interface MedicationOrderRecord {
  /** Formulary id (resolved from an id, generic or brand name when saved). */
  readonly formularyId: string;
  readonly strength: { readonly value: number; readonly unit: StrengthUnit } | null;
  /** mg per administration (every drug except transdermal patches). */
  readonly doseMg: number | null;
  /** Patch strength in mcg/h (transdermal patches). */
  readonly doseMcgPerHour: number | null;
  /** Acetaminophen mg per administration (combination products). */
  readonly acetaminophenMg: number | null;
  readonly schedule: 'scheduled' | 'as-needed';
  /** Scheduled: administrations per day. */
  readonly timesPerDay: number | null;
  /** As-needed: the maximum administrations per day. */
  readonly maxPerDay: number | null;
  readonly route: MedicationRoute;
  readonly startDate: string;
  /** The first day the order is no longer taken; null while it runs. */
  readonly stopDate: string | null;
  readonly instructions: string;
}

export interface TaperPlanOptionsInput {
  readonly startDate: string;
  readonly rate?: TaperRate;
  readonly targetPercentOfOriginal?: number;
  readonly strengthsByDrug?: Readonly<Record<string, readonly number[]>>;
}

export interface TaperPlanRecord {
  /** What the clinician asked for (kept so a retried create is recognised). */
  readonly options: TaperPlanOptionsInput;
  readonly plan: TaperPlan;
  /** The medication orders the plan was made from. */
  readonly fromOrderIds: readonly string[];
  readonly events: readonly TaperPauseEvent[];
  readonly createdBy: string;
}

export const PROCEDURE_TYPES = [
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
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];
export const PROCEDURE_SIDES = ['left', 'right', 'bilateral', 'midline', 'not-applicable'] as const;
export const IMAGE_GUIDANCE = ['fluoroscopy', 'ultrasound', 'ct', 'none', 'other'] as const;

export interface ProcedureRecord {
  readonly type: ProcedureType;
  /** Free text when type is `other`. */
  readonly label: string;
  readonly date: string;
  readonly levels: readonly string[];
  readonly side: (typeof PROCEDURE_SIDES)[number];
  readonly intent: 'diagnostic' | 'therapeutic';
  readonly imageGuidance: (typeof IMAGE_GUIDANCE)[number];
  readonly blockDiaryId: string | null;
  readonly notes: string;
  /**
   * Which pain questionnaire the 2-, 6- and 12-week follow-ups assign beside PGIC ('none': no
   * follow-up questionnaires). Absent in records saved before follow-ups were assigned.
   */
  readonly followUpInstrument?: 'peg' | 'nrs' | 'none';
}

export const CONSERVATIVE_OUTCOMES = ['improved', 'partly-improved', 'no-change', 'worse', 'not-tolerated', 'unknown'] as const;

export interface ConservativeCareRecord {
  readonly treatment: string;
  readonly modality: InterventionModality;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly sessions: number | null;
  readonly outcome: (typeof CONSERVATIVE_OUTCOMES)[number];
  readonly outcomeNotes: string;
}

export interface CarePlanVersionStore {
  /** The newest version, if any. */
  findLatest(patientId: string): Promise<CarePlanVersion | undefined>;
  find(patientId: string, version: number): Promise<CarePlanVersion | undefined>;
  /** Inserts a version; a concurrent save of the same version fails with a unique violation. */
  insert(version: CarePlanVersion): Promise<void>;
  /** Newest first, without the plan bodies' details beyond counts. */
  list(
    patientId: string,
    limit: number,
  ): Promise<readonly { version: number; createdBy: string; createdAt: string; goals: number; interventions: number }[]>;
}

/** Everything the care plan stores, as one member of Repositories. */
export interface CarePlanRepositories {
  readonly conditions: RecordStore<ConditionRecord>;
  readonly medicationOrders: RecordStore<MedicationOrderRecord>;
  readonly procedures: RecordStore<ProcedureRecord>;
  readonly conservativeCare: RecordStore<ConservativeCareRecord>;
  readonly taperPlans: RecordStore<TaperPlanRecord>;
  readonly naloxoneChecks: RecordStore<NaloxoneCheckRecord>;
  readonly mechanismAssessments: RecordStore<MechanismAssessmentRecord>;
  readonly plans: CarePlanVersionStore;
}
