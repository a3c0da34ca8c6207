// Public entry of the mechanism domain: neuropathic grading (Finnerup 2016, Pain 157:1599,
// https://pmc.ncbi.nlm.nih.gov/articles/PMC4949003), nociplastic criteria (Kosek 2021, Pain 162:2629)
// and the "mixed" summary over both.
export { ANSWERS, type Answer, type CriterionResult } from './model.ts';
export {
  gradeNeuropathic,
  NEUROPATHIC_GRADES,
  NEUROPATHIC_SOURCE,
  type NeuropathicCriterionId,
  type NeuropathicFindings,
  type NeuropathicGrade,
  type NeuropathicGrading,
} from './neuropathic.ts';
export {
  gradeNociplastic,
  DEFAULT_NOCIPLASTIC_SETTINGS,
  NOCIPLASTIC_COMORBIDITIES,
  NOCIPLASTIC_GRADES,
  NOCIPLASTIC_MIN_DURATION_MONTHS,
  NOCIPLASTIC_SOURCE,
  type NociplasticComorbidity,
  type NociplasticCriterionId,
  type NociplasticFindings,
  type NociplasticGrade,
  type NociplasticGrading,
  type NociplasticSettings,
} from './nociplastic.ts';
export { summarizeMechanisms, type GradedMechanism, type MechanismGrades, type MechanismSummary } from './mixed.ts';
export {
  validateNeuropathicFindings,
  validateNociplasticFindings,
  MAX_DURATION_MONTHS,
  NEUROPATHIC_FINDING_KEYS,
  NOCIPLASTIC_FINDING_KEYS,
  type FindingsInputResult,
} from './findings-input.ts';
