// The values of the contract's enumerations the plan screens offer. The contract's zod schemas stay out
// of the browser bundle, so the lists are repeated here and checked complete against its types.
import type { ConservativeCareInput, MedicationRoute, Modality, InterventionStatus, ProcedureInput, StrengthUnit } from './plan-api.ts';

/** `values`, failing to compile when a member of T is missing. */
function allOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : 'a value is missing')): A => values;
}

export const MODALITIES = allOf<Modality>()([
  'pharmacological',
  'interventional',
  'physical',
  'psychological',
  'complementary',
  'self-management',
]);
export const INTERVENTION_STATUSES = allOf<InterventionStatus>()(['planned', 'active', 'on-hold', 'completed', 'stopped']);
export const PROCEDURE_TYPES = allOf<ProcedureInput['type']>()([
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
]);
export const PROCEDURE_SIDES = allOf<ProcedureInput['side']>()(['left', 'right', 'bilateral', 'midline', 'not-applicable']);
export const PROCEDURE_INTENTS = allOf<ProcedureInput['intent']>()(['diagnostic', 'therapeutic']);
export const IMAGE_GUIDANCE = allOf<ProcedureInput['imageGuidance']>()(['fluoroscopy', 'ultrasound', 'ct', 'none', 'other']);
export const CONSERVATIVE_OUTCOMES = allOf<ConservativeCareInput['outcome']>()([
  'improved',
  'partly-improved',
  'no-change',
  'worse',
  'not-tolerated',
  'unknown',
]);
export const ROUTES = allOf<MedicationRoute>()([
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
]);
export const STRENGTH_UNITS = allOf<StrengthUnit>()(['mg', 'mcg', 'g', 'mcg/h', 'mg/mL', 'mg/5mL', 'percent']);
