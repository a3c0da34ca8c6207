// Enumerations shared by the API and the web app (kept in step with app/model.ts by a test).
export const ORGANIZATION_ROLES_LIST = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist', 'admin'] as const;
export const CAREGIVER_SCOPES_LIST = ['read', 'write-diary', 'answer-questionnaires'] as const;
export const CARE_SCOPES_LIST = ['read', 'write'] as const;
export const SEX_LIST = ['female', 'male', 'other', 'unknown'] as const;
export const API_TOKEN_ACCESS_LIST = ['read', 'read-write'] as const;
