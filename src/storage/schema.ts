// Row types of the database as Kysely sees them. Instants are ISO-8601 UTC text and JSON is text on
// both engines so that one query code path serves SQLite and PostgreSQL (docs/decisions/0002).
// Columns are named in camelCase here and snake_case in the database: CamelCasePlugin (database.ts)
// translates between the two, so raw SQL text keeps the database's names. Tables keep their database
// names in both places.
import type { Generated } from 'kysely';
import type { OrganizationRole, Sex } from '../app/model.ts';

export interface UserRow {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  createdAt: string;
}
export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
  /** Null: when the session was created (its sign-in). */
  authenticatedAt: string | null;
  /** 'totp', 'recovery-code' or 'passkey'; null: established by the password alone. */
  secondFactor: string | null;
}
export interface ApiTokenRow {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  access: string;
  /** JSON array of patient ids; null: every patient the owner may reach. */
  patientIds: string | null;
  expiresAt: string | null;
}
export interface SignInFailureRow {
  key: string;
  at: string;
}
export interface PendingSignUpRow {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  patient: string | null;
  tokenHash: string | null;
  createdAt: string;
  expiresAt: string;
}
export interface KnownDeviceRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  lastUsedAt: string;
}
export interface PasskeyRow {
  id: string;
  credentialId: string;
  userId: string;
  publicKey: string;
  counter: number | string;
  transports: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
export interface WebauthnChallengeRow {
  challenge: string;
  purpose: string;
  userId: string | null;
  expiresAt: string;
}
export interface OrganizationRow {
  id: string;
  name: string;
  shareCode: string;
  createdAt: string;
  requireSecondFactor: Generated<number>;
  /** JSON of the clinic's role settings (app/permissions.ts); '{}': the matrix's defaults. */
  roleSettings: Generated<string>;
}
export interface SecondFactorRow {
  userId: string;
  secret: string;
  createdAt: string;
  confirmedAt: string | null;
  /** bigint: the driver hands PostgreSQL's back as text. */
  lastTimeStep: number | string | null;
}
export interface RecoveryCodeRow {
  userId: string;
  codeHash: string;
  createdAt: string;
  usedAt: string | null;
}
export interface PendingSignInRow {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}
export interface MembershipRow {
  id: string;
  organizationId: string;
  userId: string;
  role: OrganizationRole;
  createdAt: string;
}
export interface MemberInvitationRow {
  id: string;
  organizationId: string;
  email: string;
  role: OrganizationRole;
  codeHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}
export interface PatientRow {
  id: string;
  userId: string;
  displayName: string;
  timeZone: string;
  birthYear: number | null;
  sex: Sex;
  createdAt: string;
}
export interface DelegationRow {
  id: string;
  patientId: string;
  caregiverUserId: string | null;
  label: string;
  scopes: string;
  inviteCodeHash: string;
  createdAt: string;
  expiresAt: string | null;
  acceptedAt: string | null;
  revokedAt: string | null;
}
export interface CareRelationshipRow {
  id: string;
  patientId: string;
  organizationId: string;
  scopes: string;
  grantedByUserId: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}
export interface AuditEventRow {
  id: string;
  at: string;
  actorUserId: string | null;
  actorBasis: string;
  organizationId: string | null;
  patientId: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  requestId: string | null;
}
export interface JobRow {
  id: string;
  kind: string;
  patientId: string | null;
  payload: string;
  runAt: string;
  state: string;
  attempts: number;
  lockedUntil: string | null;
  lastError: string | null;
  createdAt: string;
}

/** A versioned record of any kind (diary entry, flare, condition …): the body beside what queries filter or order on. */
export interface VersionedRecordRow {
  kind: string;
  id: string;
  patientId: string;
  version: number;
  changeSeq: number;
  sortKey: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface AlertRow {
  id: string;
  patientId: string;
  organizationId: string;
  rule: string;
  severity: string;
  evidence: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  acknowledgedBy: string | null;
}

export interface PatientInvitationRow {
  id: string;
  organizationId: string;
  codeHash: string;
  scopes: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface CarePlanVersionRow {
  patientId: string;
  version: number;
  body: string;
  createdBy: string;
  createdAt: string;
}

export interface InstrumentResponseRow {
  id: string;
  patientId: string;
  instrumentId: string;
  instrumentVersion: string;
  scoringVersion: string;
  answers: string;
  result: string;
  score: number | null;
  band: string | null;
  flags: string;
  context: string;
  enteredBy: string;
  source: string;
  completedAt: string;
}

export interface InstrumentLicenceRow {
  organizationId: string;
  instrumentId: string;
  enabledBy: string;
  enabledAt: string;
  note: string | null;
}
export interface InstrumentAssignmentRow {
  id: string;
  patientId: string;
  organizationId: string | null;
  instrumentId: string;
  schedule: string;
  nextDueAt: string | null;
  createdBy: string;
  createdAt: string;
  cancelledAt: string | null;
}
export interface InstrumentDueRow {
  id: string;
  assignmentId: string;
  patientId: string;
  instrumentId: string;
  dueAt: string;
  completedAt: string | null;
  responseId: string | null;
}

export interface PatientTriageRow {
  patientId: string;
  computedAt: string;
  lastEntryDate: string | null;
  painRecent: number | null;
  painBaseline: number | null;
  painChange: string | null;
  pegScore: number | null;
  pegAt: string | null;
  pegChange: string | null;
  mmePerDay: number | null;
  mmeNotCalculable: number;
  flags: string;
  dueCount: number;
  overdueCount: number;
  worsening: number;
  lapsed: number;
  priority: number;
}

export interface DatabaseSchema {
  patient_triage: PatientTriageRow;
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
  known_device: KnownDeviceRow;
  pending_sign_up: PendingSignUpRow;
  second_factor: SecondFactorRow;
  recovery_code: RecoveryCodeRow;
  pending_sign_in: PendingSignInRow;
  passkey: PasskeyRow;
  webauthn_challenge: WebauthnChallengeRow;
  organization: OrganizationRow;
  membership: MembershipRow;
  member_invitation: MemberInvitationRow;
  patient: PatientRow;
  delegation: DelegationRow;
  care_relationship: CareRelationshipRow;
  audit_event: AuditEventRow;
  job: JobRow;
}
