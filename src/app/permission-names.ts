// The names of the role matrix's permissions (the table itself is permissions.ts), in a module that
// imports nothing, so that the records (model.ts) can name them without a cycle.

/**
 * What can be done to one patient's record. Each patient route declares one of these; the policy
 * decides it from the relationship (owner, caregiver scopes, the clinic's care scopes) and, for a
 * clinician, from the role's row of the matrix (permissions.ts).
 */
export const PATIENT_ACTIONS = [
  'read',
  'see-due-questionnaires',
  'write-diary',
  'record-pacing-sessions',
  'answer-questionnaires',
  'assign-questionnaires',
  'edit-care-plan',
  'record-conditions',
  'record-procedures',
  'record-conservative-care',
  'order-medications',
  'plan-tapers',
  'manage-access',
  'read-access-log',
] as const;
export type PatientAction = (typeof PATIENT_ACTIONS)[number];

/** What can be done in a clinic itself, on no one patient's record. */
export const CLINIC_ACTIONS = [
  'view-clinic',
  'invite-patients',
  'view-panel',
  'review-alerts',
  'manage-members',
  'manage-settings',
  'manage-licences',
  'read-audit',
] as const;
export type ClinicAction = (typeof CLINIC_ACTIONS)[number];

/**
 * The parts of a care plan, each its own permission: a save that changes a part needs it on top of
 * `edit-care-plan` (a psychologist edits the psychological interventions, not the pacing).
 */
export const CARE_PLAN_PARTS = [
  'plan-goals',
  'plan-pacing',
  'plan-pharmacological',
  'plan-interventional',
  'plan-physical',
  'plan-psychological',
  'plan-complementary',
  'plan-self-management',
] as const;
export type CarePlanPart = (typeof CARE_PLAN_PARTS)[number];

export type Permission = PatientAction | ClinicAction | CarePlanPart;
export const PERMISSIONS: readonly Permission[] = [...PATIENT_ACTIONS, ...CLINIC_ACTIONS, ...CARE_PLAN_PARTS];
