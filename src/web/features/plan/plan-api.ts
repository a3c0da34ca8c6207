// Typed calls for conditions, the versioned care plan, procedures, conservative care, medication
// orders, the MME helper and taper plans (issue 6). Request bodies are the contract's zod types; the
// response shapes mirror the API's presenters (api/routes/care-plan, api/routes/medications). Kept out
// of api/client.ts so this code loads only with the plan screens.
import type { z } from 'zod';
import type { CarePlanBody, ConditionBody, ConservativeCareBody, ProcedureBody } from '../../../contract/care-plan.ts';
import type { MedicationOrderBody, MmeRequestBody, TaperPlanBody } from '../../../contract/medications.ts';
import type { Cdc2022ScopeReason, Chronicity } from '../../../domain/care-plan/condition.ts';
import type { PatientFacts, RegimenResult } from '../../../domain/medications/regimen.ts';
import type { ScheduledTaperStep, TaperPauseEvent, TaperPlan } from '../../../domain/medications/taper.ts';
import { request } from '../../api/client.ts';

interface Versioned { id: string; version: number; updatedAt: string }

export type ConditionInput = z.input<typeof ConditionBody>;
export interface ConditionView extends Versioned {
  label: string; bodySite: string | null; mechanism: ConditionInput['mechanism']; onsetDate: string;
  cancerRelated: boolean; endOfLife: boolean; notes: string;
  chronicity: { asOf: string; value: Chronicity | null; source: string };
  cdc2022Scope: { inScope: boolean; reasons: readonly Cdc2022ScopeReason[] };
}

export type CarePlanInput = z.input<typeof CarePlanBody>;
export type GoalInput = CarePlanInput['goals'][number];
export type InterventionInput = CarePlanInput['interventions'][number];
export type Modality = InterventionInput['modality'];
export type InterventionStatus = InterventionInput['status'];
export interface GoalView { id: string; activity: string; measure: string; baseline: string; target: string; targetDate: string | null }
export interface InterventionView {
  id: string; modality: Modality; description: string; startDate: string | null; stopDate: string | null;
  frequency: string; responsibleMemberId: string | null; status: InterventionStatus;
}
export interface CarePlanView { version: number; createdBy: string; createdAt: string; goals: GoalView[]; interventions: InterventionView[]; notes: string }
export interface CarePlanVersionSummary { version: number; createdBy: string; createdAt: string; goals: number; interventions: number }

export type ProcedureInput = z.input<typeof ProcedureBody>;
export interface ProcedureView extends Versioned {
  type: ProcedureInput['type']; label: string; date: string; levels: string[]; side: ProcedureInput['side']; intent: ProcedureInput['intent'];
  imageGuidance: ProcedureInput['imageGuidance']; blockDiaryId: string | null; notes: string; followUps: { weeks: number; due: string }[];
}

export type ConservativeCareInput = z.input<typeof ConservativeCareBody>;
export interface ConservativeCareView extends Versioned {
  treatment: string; modality: Modality; startDate: string; endDate: string | null; sessions: number | null;
  outcome: ConservativeCareInput['outcome']; outcomeNotes: string; durationDays: number | null;
}

export type MedicationOrderInput = z.input<typeof MedicationOrderBody>;
export type MedicationRoute = MedicationOrderInput['route'];
export type StrengthUnit = NonNullable<MedicationOrderInput['strength']>['unit'];
export interface MedicationOrderView extends Versioned {
  formularyId: string; strength: { value: number; unit: StrengthUnit } | null; doseMg: number | null; doseMcgPerHour: number | null;
  acetaminophenMg: number | null; schedule: 'scheduled' | 'as-needed'; timesPerDay: number | null; maxPerDay: number | null;
  route: MedicationRoute; startDate: string; stopDate: string | null; instructions: string;
}
export interface MedicationSummaryView { asOf: string; formularyVersion: string; orders: MedicationOrderView[]; patientFacts: PatientFacts; regimen: RegimenResult }
export type MmeRequest = z.input<typeof MmeRequestBody>;
export type MmeResult = RegimenResult & { formularyVersion: string };

export type TaperInput = z.input<typeof TaperPlanBody>;
export interface TaperScheduleView {
  steps: (ScheduledTaperStep & { plainLanguage: string })[];
  pausedSince: string | null;
  currentStepIndex: number | null;
}
export interface TaperPlanView extends Versioned {
  options: TaperInput; plan: TaperPlan; fromOrderIds: string[]; events: TaperPauseEvent[]; createdBy: string; asOf: string; schedule: TaperScheduleView;
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

  medicationOrders: (pid: string) => request<{ asOf: string; current: MedicationOrderView[]; history: MedicationOrderView[] }>('GET', `${base(pid)}/medication-orders`),
  medicationSummary: (pid: string) => request<MedicationSummaryView>('GET', `${base(pid)}/medications/summary`),
  saveMedicationOrder: (pid: string, id: string, body: MedicationOrderInput, version?: number) =>
    request<MedicationOrderView>('PUT', `${base(pid)}/medication-orders/${id}`, body, ifMatch(version)),
  mme: (body: MmeRequest) => request<MmeResult>('POST', '/api/mme', body),

  taperPlans: (pid: string) => request<{ asOf: string; items: TaperPlanView[] }>('GET', `${base(pid)}/taper-plans`),
  createTaperPlan: (pid: string, id: string, body: TaperInput) => request<TaperPlanView>('PUT', `${base(pid)}/taper-plans/${id}`, body),
  pauseTaper: (pid: string, id: string, on: string) => request<TaperPlanView>('POST', `${base(pid)}/taper-plans/${id}/pause`, { on }),
  resumeTaper: (pid: string, id: string, on: string) => request<TaperPlanView>('POST', `${base(pid)}/taper-plans/${id}/resume`, { on }),
};
