// Typed calls for conditions, the versioned care plan, procedures, conservative care, medication
// orders, the MME helper and taper plans. Request bodies are the contract's zod types; the
// response shapes mirror the API's presenters (api/routes/care-plan, api/routes/medications). Kept out
// of api/client.ts so this code loads only with the plan screens.
import type { z } from 'zod';
import type { CarePlanBody, ConditionBody, ConservativeCareBody, NaloxoneCheckBody, ProcedureBody } from '../../../contract/care-plan.ts';
import type { DiaryMeasure } from '../../../domain/care-plan/goal-progress.ts';
import type { AsNeededUse } from '../../../domain/medications/as-needed-use.ts';
import type { MedicationOrderBody, MmeRequestBody, TaperPlanBody } from '../../../contract/medications.ts';
import type { Cdc2022ScopeReason, Chronicity } from '../../../domain/care-plan/condition.ts';
import type { PatientFacts, RegimenResult } from '../../../domain/medications/regimen.ts';
import type { ScheduledTaperStep, TaperPauseEvent, TaperPlan } from '../../../domain/medications/taper.ts';
import { request } from '../../api/client.ts';

interface Versioned {
  id: string;
  version: number;
  updatedAt: string;
}

export type ConditionInput = z.input<typeof ConditionBody>;
export interface ConditionView extends Versioned {
  label: string;
  bodySite: string | null;
  mechanism: ConditionInput['mechanism'];
  onsetDate: string;
  cancerRelated: boolean;
  endOfLife: boolean;
  notes: string;
  chronicity: { asOf: string; value: Chronicity | null; source: string };
  cdc2022Scope: { inScope: boolean; reasons: readonly Cdc2022ScopeReason[] };
}

export type CarePlanInput = z.input<typeof CarePlanBody>;
export type GoalInput = CarePlanInput['goals'][number];
export type InterventionInput = CarePlanInput['interventions'][number];
export type Modality = InterventionInput['modality'];
export type InterventionStatus = InterventionInput['status'];
export type MeasureSource = { kind: 'diary'; measure: DiaryMeasure } | { kind: 'instrument'; instrumentId: string };
export interface GoalView {
  id: string;
  activity: string;
  measure: string;
  baseline: string;
  target: string;
  targetDate: string | null;
  measureSource?: MeasureSource | null;
}
export type PacingInput = NonNullable<CarePlanInput['pacing']>[number];
export interface PacingView {
  id: string;
  activity: string;
  unit: string;
  goal: number | null;
  startDate: string;
  sessionSource: 'diary-activity-minutes' | 'recorded';
  sessions: { date: string; amount: number }[];
  settings: NonNullable<PacingInput['settings']>;
}
export interface InterventionView {
  id: string;
  modality: Modality;
  description: string;
  startDate: string | null;
  stopDate: string | null;
  frequency: string;
  responsibleMemberId: string | null;
  status: InterventionStatus;
}
export interface CarePlanView {
  version: number;
  createdBy: string;
  createdAt: string;
  goals: GoalView[];
  interventions: InterventionView[];
  pacing?: PacingView[];
  notes: string;
}

export interface ProgressPointView {
  date: string;
  value: number;
  count: number;
}
export interface GoalProgressView {
  goalId: string;
  source: MeasureSource;
  label: string;
  unit: string;
  direction: 'lower-is-better' | 'higher-is-better';
  points: ProgressPointView[];
  latest: ProgressPointView | null;
  previous: ProgressPointView | null;
  movement: 'better' | 'worse' | 'same' | null;
  change: { absolute: number; percent: number | null; category: string | null; rule: string } | null;
}
export type PacingStatusView =
  | {
      kind: 'quota';
      quota: number;
      level: number;
      lastFlare: string | null;
      ongoingFlareSince: string | null;
      baseline: string;
      startingQuota: number;
    }
  | { kind: 'not-started'; startingQuota: number; baseline: string }
  | { kind: 'insufficient-sessions'; have: number; need: number }
  | { kind: 'no-tolerance' }
  | { kind: 'invalid'; problems: string[] };
export interface PacingProgressView {
  activityId: string;
  activity: string;
  unit: string;
  goal: number | null;
  startDate: string;
  sessionSource: PacingView['sessionSource'];
  sessionsUsed: number;
  status: PacingStatusView;
}
export interface CarePlanProgressView {
  asOf: string;
  planVersion: number;
  goals: GoalProgressView[];
  pacing: PacingProgressView[];
}
export type AsNeededUseView = AsNeededUse;
export type NaloxoneCheckInput = z.input<typeof NaloxoneCheckBody>;
export interface NaloxoneCheckView extends Versioned {
  hasNaloxone: boolean;
  location: string;
}
export interface CarePlanVersionSummary {
  version: number;
  createdBy: string;
  createdAt: string;
  goals: number;
  interventions: number;
}

export type ProcedureInput = z.input<typeof ProcedureBody>;
export interface ProcedureView extends Versioned {
  type: ProcedureInput['type'];
  label: string;
  date: string;
  levels: string[];
  side: ProcedureInput['side'];
  intent: ProcedureInput['intent'];
  imageGuidance: ProcedureInput['imageGuidance'];
  blockDiaryId: string | null;
  notes: string;
  followUpInstrument?: 'peg' | 'nrs' | 'none';
  followUps: { weeks: number; due: string; instruments: string[] }[];
}

export type ConservativeCareInput = z.input<typeof ConservativeCareBody>;
export interface ConservativeCareView extends Versioned {
  treatment: string;
  modality: Modality;
  startDate: string;
  endDate: string | null;
  sessions: number | null;
  outcome: ConservativeCareInput['outcome'];
  outcomeNotes: string;
  durationDays: number | null;
}

export type MedicationOrderInput = z.input<typeof MedicationOrderBody>;
export type MedicationRoute = MedicationOrderInput['route'];
export type StrengthUnit = NonNullable<MedicationOrderInput['strength']>['unit'];
export interface MedicationOrderView extends Versioned {
  formularyId: string;
  strength: { value: number; unit: StrengthUnit } | null;
  doseMg: number | null;
  doseMcgPerHour: number | null;
  acetaminophenMg: number | null;
  schedule: 'scheduled' | 'as-needed';
  timesPerDay: number | null;
  maxPerDay: number | null;
  route: MedicationRoute;
  startDate: string;
  stopDate: string | null;
  instructions: string;
}
export interface MedicationSummaryView {
  asOf: string;
  formularyVersion: string;
  orders: MedicationOrderView[];
  patientFacts: PatientFacts;
  regimen: RegimenResult;
}
export type MmeRequest = z.input<typeof MmeRequestBody>;
export type MmeResult = RegimenResult & { formularyVersion: string };

/** A safety flag the server asks the clinician to confirm before it saves an order. */
export type HighRiskFlag = Pick<RegimenResult['flags'][number], 'id' | 'message' | 'source' | 'severity'>;

export type TaperInput = z.input<typeof TaperPlanBody>;
export interface TaperScheduleView {
  steps: (ScheduledTaperStep & { plainLanguage: string })[];
  pausedSince: string | null;
  currentStepIndex: number | null;
}
export interface TaperPlanView extends Versioned {
  options: TaperInput;
  plan: TaperPlan;
  fromOrderIds: string[];
  events: TaperPauseEvent[];
  createdBy: string;
  asOf: string;
  schedule: TaperScheduleView;
}

const base = (pid: string) => `/api/patients/${pid}`;
/** If-Match for an edit of `version`; nothing for a new record. */
const ifMatch = (version: number | undefined): Record<string, string> => (version === undefined ? {} : { 'if-match': `"${version}"` });

export const planApi = {
  conditions: (pid: string) => request<{ items: ConditionView[] }>('GET', `${base(pid)}/conditions`),
  saveCondition: (pid: string, id: string, body: ConditionInput, version?: number) =>
    request<ConditionView>('PUT', `${base(pid)}/conditions/${id}`, body, ifMatch(version)),
  deleteCondition: (pid: string, id: string) => request<void>('DELETE', `${base(pid)}/conditions/${id}`),

  carePlan: (pid: string) => request<CarePlanView>('GET', `${base(pid)}/care-plan`),
  saveCarePlan: (pid: string, body: CarePlanInput, version: number | undefined) =>
    request<CarePlanView>('PUT', `${base(pid)}/care-plan`, body, ifMatch(version)),
  carePlanProgress: (pid: string) => request<CarePlanProgressView>('GET', `${base(pid)}/care-plan/progress`),
  carePlanVersions: (pid: string) => request<{ items: CarePlanVersionSummary[] }>('GET', `${base(pid)}/care-plan/versions`),
  carePlanVersion: (pid: string, version: number) => request<CarePlanView>('GET', `${base(pid)}/care-plan/versions/${version}`),

  procedures: (pid: string) => request<{ items: ProcedureView[] }>('GET', `${base(pid)}/procedures`),
  saveProcedure: (pid: string, id: string, body: ProcedureInput, version?: number) =>
    request<ProcedureView>('PUT', `${base(pid)}/procedures/${id}`, body, ifMatch(version)),
  deleteProcedure: (pid: string, id: string) => request<void>('DELETE', `${base(pid)}/procedures/${id}`),

  conservativeCare: (pid: string) => request<{ items: ConservativeCareView[] }>('GET', `${base(pid)}/conservative-care`),
  saveConservativeCare: (pid: string, id: string, body: ConservativeCareInput, version?: number) =>
    request<ConservativeCareView>('PUT', `${base(pid)}/conservative-care/${id}`, body, ifMatch(version)),
  deleteConservativeCare: (pid: string, id: string) => request<void>('DELETE', `${base(pid)}/conservative-care/${id}`),

  medicationOrders: (pid: string) =>
    request<{ asOf: string; current: MedicationOrderView[]; history: MedicationOrderView[] }>('GET', `${base(pid)}/medication-orders`),
  medicationSummary: (pid: string) => request<MedicationSummaryView>('GET', `${base(pid)}/medications/summary`),
  saveMedicationOrder: (pid: string, id: string, body: MedicationOrderInput, version?: number) =>
    request<MedicationOrderView>('PUT', `${base(pid)}/medication-orders/${id}`, body, ifMatch(version)),
  asNeededUse: (pid: string, days = 14) => request<AsNeededUseView>('GET', `${base(pid)}/medications/as-needed-use?days=${days}`),
  /** The check, or null while nobody has answered it (a record without `answered` is an answer too). */
  naloxoneCheck: (pid: string) =>
    request<{ answered: false } | ({ answered?: true } & NaloxoneCheckView)>('GET', `${base(pid)}/naloxone-check`).then((s) =>
      s.answered === false ? null : s,
    ),
  recordPacingSession: (pid: string, activityId: string, date: string, amount: number) =>
    request<{
      status: 'created' | 'updated' | 'unchanged';
      version: number;
      activityId: string;
      session: { date: string; amount: number };
    }>('PUT', `${base(pid)}/care-plan/pacing/${activityId}/sessions/${date}`, { amount }),
  saveNaloxoneCheck: (pid: string, body: NaloxoneCheckInput, version?: number) =>
    request<NaloxoneCheckView>('PUT', `${base(pid)}/naloxone-check`, body, ifMatch(version)),
  mme: (body: MmeRequest) => request<MmeResult>('POST', '/api/mme', body),

  taperPlans: (pid: string) => request<{ asOf: string; items: TaperPlanView[] }>('GET', `${base(pid)}/taper-plans`),
  createTaperPlan: (pid: string, id: string, body: TaperInput) => request<TaperPlanView>('PUT', `${base(pid)}/taper-plans/${id}`, body),
  pauseTaper: (pid: string, id: string, on: string) => request<TaperPlanView>('POST', `${base(pid)}/taper-plans/${id}/pause`, { on }),
  resumeTaper: (pid: string, id: string, on: string) => request<TaperPlanView>('POST', `${base(pid)}/taper-plans/${id}/resume`, { on }),
};
