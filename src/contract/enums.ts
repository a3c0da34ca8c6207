// Enumerations shared by the API and the web app (kept in step with app/model.ts by a test).
export const ORGANIZATION_ROLES_LIST = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist', 'admin'] as const;
export const CAREGIVER_SCOPES_LIST = ['read', 'write-diary', 'answer-questionnaires'] as const;
export const CARE_SCOPES_LIST = ['read', 'write'] as const;
export const SEX_LIST = ['female', 'male', 'other', 'unknown'] as const;
export const API_TOKEN_ACCESS_LIST = ['read', 'read-write'] as const;
/** The names of the role matrix's permissions (app/permissions.ts), in the table's order. */
export const PERMISSIONS_LIST = [
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
  'view-clinic',
  'invite-patients',
  'view-panel',
  'review-alerts',
  'manage-members',
  'manage-settings',
  'manage-licences',
  'read-audit',
  'plan-goals',
  'plan-pacing',
  'plan-pharmacological',
  'plan-interventional',
  'plan-physical',
  'plan-psychological',
  'plan-complementary',
  'plan-self-management',
] as const;
