// Row types of the database as Kysely sees them. Instants are ISO-8601 UTC text and JSON is text on
// both engines so that one query code path serves SQLite and PostgreSQL (docs/decisions/0002).

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}
export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
}
export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface SignInFailureRow {
  key: string;
  at: string;
}
export interface OrganizationRow {
  id: string;
  name: string;
  share_code: string;
  created_at: string;
}
export interface MembershipRow {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  created_at: string;
}
export interface MemberInvitationRow {
  id: string;
  organization_id: string;
  email: string;
  role: string;
  code_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}
export interface PatientRow {
  id: string;
  user_id: string;
  display_name: string;
  time_zone: string;
  birth_year: number | null;
  sex: string;
  created_at: string;
}
export interface DelegationRow {
  id: string;
  patient_id: string;
  caregiver_user_id: string | null;
  label: string;
  scopes: string;
  invite_code_hash: string;
  created_at: string;
  expires_at: string | null;
  accepted_at: string | null;
  revoked_at: string | null;
}
export interface CareRelationshipRow {
  id: string;
  patient_id: string;
  organization_id: string;
  scopes: string;
  granted_by_user_id: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}
export interface AuditEventRow {
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_basis: string;
  organization_id: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  request_id: string | null;
}
export interface JobRow {
  id: string;
  kind: string;
  patient_id: string | null;
  payload: string;
  run_at: string;
  state: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
}

// A diary entry is its validated body (JSON) beside only the columns that queries filter or order on.
/** A versioned record of any kind (diary entry, flare, condition …): the body beside what queries filter or order on. */
export interface VersionedRecordRow {
  kind: string;
  id: string;
  patient_id: string;
  version: number;
  change_seq: number;
  sort_key: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AlertRow {
  id: string;
  patient_id: string;
  organization_id: string;
  rule: string;
  severity: string;
  evidence: string;
  status: string;
  created_at: string;
  updated_at: string;
  acknowledged_by: string | null;
}

export interface PatientInvitationRow {
  id: string;
  organization_id: string;
  code_hash: string;
  scopes: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CarePlanVersionRow {
  patient_id: string;
  version: number;
  body: string;
  created_by: string;
  created_at: string;
}

export interface InstrumentResponseRow {
  id: string;
  patient_id: string;
  instrument_id: string;
  instrument_version: string;
  scoring_version: string;
  answers: string;
  result: string;
  score: number | null;
  band: string | null;
  flags: string;
  context: string;
  entered_by: string;
  source: string;
  completed_at: string;
}

export interface InstrumentLicenceRow {
  organization_id: string;
  instrument_id: string;
  enabled_by: string;
  enabled_at: string;
  note: string | null;
}
export interface InstrumentAssignmentRow {
  id: string;
  patient_id: string;
  organization_id: string | null;
  instrument_id: string;
  schedule: string;
  next_due_at: string | null;
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
}
export interface InstrumentDueRow {
  id: string;
  assignment_id: string;
  patient_id: string;
  instrument_id: string;
  due_at: string;
  completed_at: string | null;
  response_id: string | null;
}

export interface DatabaseSchema {
  instrument_licence: InstrumentLicenceRow;
  instrument_assignment: InstrumentAssignmentRow;
  instrument_due: InstrumentDueRow;
  instrument_response: InstrumentResponseRow;
  care_plan_version: CarePlanVersionRow;
  patient_invitation: PatientInvitationRow;
  alert: AlertRow;
  versioned_record: VersionedRecordRow;
  user_account: UserRow;
  session: SessionRow;
  api_token: ApiTokenRow;
  sign_in_failure: SignInFailureRow;
  organization: OrganizationRow;
  membership: MembershipRow;
  member_invitation: MemberInvitationRow;
  patient: PatientRow;
  delegation: DelegationRow;
  care_relationship: CareRelationshipRow;
  audit_event: AuditEventRow;
  job: JobRow;
}
