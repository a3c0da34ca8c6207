// What the use cases need from the outside world. storage/ implements the stores over Kysely;
// app/system.ts supplies the real clock, ids and password hasher; tests supply fixed ones.
import type { AccessFacts } from './policy.ts';
import type { ClinicRoleSettings } from './permissions.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';
import type { Flare } from '../domain/diary/flare.ts';
import type { Visit } from '../domain/visits/visit.ts';
import type { Intake } from '../domain/intake/intake.ts';
import type { BlockDiary } from '../domain/diary/block-diary.ts';
import type { CarePlanRepositories } from './care-plan-records.ts';
import type { RecordFeedStore, RecordStore } from './record-store.ts';
import type { TriageStore } from './triage-store.ts';
import type { PendingSignUpStore } from './sign-up-store.ts';
import type { SecondFactorStore } from './second-factor-store.ts';
import type { PasskeyStore } from './passkey-store.ts';
import type { JobStore } from './job-store.ts';
import type {
  ActorProfile,
  ApiToken,
  AuditEvent,
  CareRelationship,
  CareScope,
  CaregiverScope,
  Delegation,
  MemberInvitation,
  Membership,
  Organization,
  OrganizationRole,
  Patient,
  Session,
  User,
} from './model.ts';

export interface Clock {
  /** The current instant. */
  now(): Date;
}

export interface Ids {
  /** A new time-ordered id (UUIDv7). */
  newId(): string;
  /** `bytes` of cryptographically secure randomness, base64url-encoded. */
  newSecret(bytes: number): string;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface UserStore {
  insert(user: User): Promise<void>;
  findById(id: string): Promise<User | undefined>;
  /** The account with its own patient record, if any — what every page load needs, in one query. */
  findProfile(
    id: string,
  ): Promise<
    | { user: { id: string; email: string; displayName: string }; patient: { id: string; displayName: string; timeZone: string } | null }
    | undefined
  >;
  findByEmail(email: string): Promise<User | undefined>;
  updatePasswordHash(id: string, passwordHash: string): Promise<void>;
  updateDisplayName(id: string, displayName: string): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface SessionStore {
  insert(session: Session): Promise<void>;
  findById(id: string): Promise<Session | undefined>;
  /** The session with its user's profile (own patient record, memberships), in one query. */
  findWithProfile(id: string): Promise<{ session: Session; profile: ActorProfile } | undefined>;
  touch(id: string, lastSeenAt: string, idleExpiresAt: string): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string, exceptId?: string): Promise<void>;
}

export interface ApiTokenStore {
  insert(token: ApiToken, tokenHash: string): Promise<void>;
  findActiveByHash(tokenHash: string): Promise<ApiToken | undefined>;
  listForUser(userId: string): Promise<readonly ApiToken[]>;
  revoke(userId: string, id: string, at: string): Promise<boolean>;
  /** Revokes every token of the account still active. */
  /** Revokes every token of the user still in force, except those in `keepIds`. */
  revokeAllForUser(userId: string, at: string, keepIds?: readonly string[]): Promise<void>;
  touch(id: string, at: string): Promise<void>;
}

/** Sign-in attempts not known to have succeeded, per throttling key (a hash; never an address in clear). */
export interface SignInFailureStore {
  record(key: string, at: string): Promise<void>;
  /** How many were recorded since `since`, and when the latest was (null when none). */
  summarizeSince(key: string, since: string): Promise<{ count: number; latestAt: string | null }>;
  clear(key: string): Promise<void>;
  /** Removes the rows of `key` recorded at exactly `at` (an attempt that turned out to succeed). */
  removeAt(key: string, at: string): Promise<void>;
  pruneBefore(at: string): Promise<void>;
}

/** Browsers that signed in to an account before, by the SHA-256 of the token their cookie holds. */
export interface KnownDeviceStore {
  insert(tokenHash: string, userId: string, at: string): Promise<void>;
  find(tokenHash: string): Promise<{ userId: string; lastUsedAt: string } | undefined>;
  touch(tokenHash: string, at: string): Promise<void>;
  pruneUnusedBefore(at: string): Promise<void>;
}

export interface OrganizationStore {
  insert(org: Organization): Promise<void>;
  findById(id: string): Promise<Organization | undefined>;
  findByShareCode(code: string): Promise<Organization | undefined>;
  updateShareCode(id: string, code: string): Promise<void>;
  insertMembership(m: Membership): Promise<void>;
  findMembership(organizationId: string, userId: string): Promise<Membership | undefined>;
  /** The membership with what its clinic set about its roles, in one read (for every clinic route's check). */
  findMembershipWithRoleSettings(
    organizationId: string,
    userId: string,
  ): Promise<(Membership & { readonly roleSettings: ClinicRoleSettings }) | undefined>;
  setRoleSettings(organizationId: string, settings: ClinicRoleSettings): Promise<void>;
  findMembershipById(organizationId: string, membershipId: string): Promise<Membership | undefined>;
  listMembers(organizationId: string): Promise<readonly (Membership & { email: string; displayName: string })[]>;
  listMembershipsOfUser(userId: string): Promise<readonly (Membership & { organizationName: string; roleSettings: ClinicRoleSettings })[]>;
  updateRole(membershipId: string, role: OrganizationRole): Promise<void>;
  deleteMembership(membershipId: string): Promise<void>;
  countAdmins(organizationId: string): Promise<number>;
  /**
   * Inside a transaction, before counting admins: makes changes to the organization's members take
   * turns, so two at once cannot each see another admin left and together remove the last one.
   * PostgreSQL locks the organization row; SQLite's write transaction already excludes other writers.
   */
  lockForMembershipChange(organizationId: string): Promise<void>;
  insertInvitation(inv: MemberInvitation, codeHash: string): Promise<void>;
  findInvitationByCodeHash(codeHash: string): Promise<MemberInvitation | undefined>;
  listInvitations(organizationId: string): Promise<readonly MemberInvitation[]>;
  /** Marks an invitation accepted unless it already was or was revoked meanwhile; whether it did. */
  markInvitationAccepted(id: string, at: string): Promise<boolean>;
  revokeInvitation(organizationId: string, id: string, at: string): Promise<boolean>;
  insertPatientInvitation(
    inv: { id: string; organizationId: string; scopes: readonly CareScope[]; createdBy: string; createdAt: string; expiresAt: string },
    codeHash: string,
  ): Promise<void>;
  findPatientInvitationByCodeHash(
    codeHash: string,
  ): Promise<{ id: string; organizationId: string; scopes: readonly CareScope[]; expiresAt: string; usedAt: string | null } | undefined>;
  /** Marks the invitation used; false when someone else used it first. */
  usePatientInvitation(id: string, at: string): Promise<boolean>;
}

export interface PatientStore {
  insert(patient: Patient): Promise<void>;
  findById(id: string): Promise<Patient | undefined>;
  findByUserId(userId: string): Promise<Patient | undefined>;
  update(id: string, patch: Partial<Pick<Patient, 'displayName' | 'timeZone' | 'birthYear' | 'sex'>>): Promise<void>;
  /** Facts the policy needs about `actorUserId`'s access to the patient. */
  loadAccessFacts(patientId: string, actorUserId: string): Promise<AccessFacts>;
  /** Patients the user helps as an accepted caregiver (any state of expiry; the caller filters). */
  listAsCaregiver(userId: string): Promise<readonly (Patient & { delegation: Delegation })[]>;
  /** Patients with a care relationship with the organization that is active at `now`. */
  listForOrganization(organizationId: string, now: string): Promise<readonly (Patient & { relationship: CareRelationship })[]>;
  /**
   * Inside a transaction, before it reads what it will write: makes the patient's writes by client id
   * (diary entries, flares, block diaries, clinical records, taper plans, questionnaire responses and
   * assignments) take turns, so that two at once cannot both pass a version check, both create one id,
   * or both take one change sequence. PostgreSQL locks the patient row until the transaction
   * ends; SQLite's write transaction (BEGIN IMMEDIATE) already excludes every other writer.
   */
  lockForWrite(patientId: string): Promise<void>;
}

export interface DelegationStore {
  insert(d: Delegation, inviteCodeHash: string): Promise<void>;
  findByInviteCodeHash(codeHash: string): Promise<Delegation | undefined>;
  findById(patientId: string, id: string): Promise<Delegation | undefined>;
  listForPatient(patientId: string): Promise<readonly (Delegation & { caregiverEmail: string | null; caregiverName: string | null })[]>;
  /** Accepts a pending delegation for the caregiver unless it was accepted or revoked meanwhile; whether it did. */
  accept(id: string, caregiverUserId: string, at: string): Promise<boolean>;
  /** Revokes it unless already revoked; whether it did. */
  revoke(id: string, at: string): Promise<boolean>;
}

export interface CareRelationshipStore {
  insert(r: CareRelationship): Promise<void>;
  findById(patientId: string, id: string): Promise<CareRelationship | undefined>;
  listForPatient(patientId: string): Promise<readonly (CareRelationship & { organizationName: string })[]>;
  /** Revokes it unless already revoked; whether it did. */
  revoke(id: string, at: string): Promise<boolean>;
}

export interface AuditStore {
  append(events: readonly AuditEvent[]): Promise<void>;
  /**
   * Newest first. `before` is an opaque cursor from a previous page. `othersOnly` leaves out what the
   * patient did to their own record (owner basis), so what other people did is not buried under it.
   */
  listForPatient(
    patientId: string,
    limit: number,
    before?: string,
    options?: { readonly othersOnly?: boolean },
  ): Promise<Page<AuditEvent & { actorName: string | null }>>;
  listForOrganization(organizationId: string, limit: number, before?: string): Promise<Page<AuditEvent & { actorName: string | null }>>;
}

export type AlertSeverity = 'urgent' | 'high' | 'moderate';

export interface Alert {
  readonly id: string;
  readonly patientId: string;
  readonly organizationId: string;
  readonly rule: string;
  readonly severity: AlertSeverity;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly status: 'open' | 'acknowledged';
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly acknowledgedBy: string | null;
}

export interface AlertStore {
  insert(alerts: readonly Alert[]): Promise<void>;
  /** Alerts of patients with an active (unrevoked, unexpired at `now`) care relationship with the organization. */
  listForOrganization(
    organizationId: string,
    status: 'open' | 'acknowledged' | 'all',
    limit: number,
    now: string,
  ): Promise<readonly (Alert & { patientName: string })[]>;
  find(organizationId: string, id: string): Promise<Alert | undefined>;
  acknowledge(id: string, userId: string, at: string): Promise<void>;
}

export interface StoredInstrumentResponse {
  readonly id: string;
  readonly patientId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly scoringVersion: string;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly result: Readonly<Record<string, unknown>>;
  readonly score: number | null;
  readonly band: string | null;
  readonly flags: readonly string[];
  readonly context: 'routine' | 'visit' | 'assignment';
  readonly enteredBy: string;
  readonly source: string;
  readonly completedAt: string;
}

export interface InstrumentResponseStore {
  insert(response: StoredInstrumentResponse): Promise<void>;
  /**
   * Inside a transaction holding the patient's lock: inserts the response with its audit events and,
   * with `completeDue`, marks the patient's oldest open occurrence of the instrument due by the
   * response's completion as answered by it. The id of the occurrence it completed, if any.
   */
  insertAudited(response: StoredInstrumentResponse, events: readonly AuditEvent[], completeDue: boolean): Promise<string | null>;
  find(patientId: string, id: string): Promise<StoredInstrumentResponse | undefined>;
  /** By id alone: only to recognise a replayed submission (idempotency), never to show another patient's data. */
  findById(id: string): Promise<StoredInstrumentResponse | undefined>;
  /** The latest scored response of the instrument completed at or before `atOrBefore` (for change since last time). */
  previousScored(
    patientId: string,
    instrumentId: string,
    atOrBefore: string,
  ): Promise<{ readonly id: string; readonly score: number } | undefined>;
  /** Newest first; all instruments when `instrumentId` is undefined. */
  list(patientId: string, instrumentId: string | undefined, limit: number): Promise<readonly StoredInstrumentResponse[]>;
  /** The scores of one instrument completed within [from, to] (instants), oldest first, unscored ones left out. */
  scoresBetween(
    patientId: string,
    instrumentId: string,
    from: string,
    to: string,
  ): Promise<readonly { readonly completedAt: string; readonly score: number }[]>;
}

export interface InstrumentLicence {
  readonly organizationId: string;
  readonly instrumentId: string;
  readonly enabledBy: string;
  readonly enabledAt: string;
  readonly note: string | null;
}

export interface InstrumentLicenceStore {
  listForOrganization(organizationId: string): Promise<readonly (InstrumentLicence & { enabledByName: string | null })[]>;
  /** Inserts or replaces the organization's licence record for the instrument. */
  enable(licence: InstrumentLicence): Promise<void>;
  disable(organizationId: string, instrumentId: string): Promise<boolean>;
  /** Which of `organizationIds` have enabled the instrument. */
  enabledAmong(organizationIds: readonly string[], instrumentId: string): Promise<readonly string[]>;
  /** Every instrument any of `organizationIds` has enabled. */
  enabledFor(organizationIds: readonly string[]): Promise<ReadonlySet<string>>;
}

export type AssignmentSchedule =
  | { readonly kind: 'once'; readonly dueAt: string }
  | { readonly kind: 'recurring'; readonly startAt: string; readonly everyDays: number; readonly endAt: string | null }
  | { readonly kind: 'before-visit'; readonly visitAt: string; readonly daysBefore: number };

export interface InstrumentAssignment {
  readonly id: string;
  readonly patientId: string;
  /** The assigning clinician's organization; null for reminders a patient set for themselves. */
  readonly organizationId: string | null;
  readonly instrumentId: string;
  readonly schedule: AssignmentSchedule;
  /** The next occurrence the job runner will materialise; null when the schedule is exhausted. */
  readonly nextDueAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
}

export interface InstrumentDue {
  readonly id: string;
  readonly assignmentId: string;
  readonly patientId: string;
  readonly instrumentId: string;
  readonly dueAt: string;
  readonly completedAt: string | null;
  readonly responseId: string | null;
}

export interface InstrumentAssignmentStore {
  insert(assignment: InstrumentAssignment): Promise<void>;
  find(id: string): Promise<InstrumentAssignment | undefined>;
  listForPatient(patientId: string): Promise<readonly InstrumentAssignment[]>;
  cancel(id: string, at: string): Promise<void>;
  /**
   * Moves `nextDueAt` from `from` to `to` only if the assignment is still at `from` and not cancelled,
   * atomically (a row lock on PostgreSQL); false when another run or a cancel got there first.
   */
  advanceNextDue(id: string, from: string, to: string | null): Promise<boolean>;
  /** Materialises one occurrence; a second call for the same assignment and time changes nothing. */
  insertDue(due: InstrumentDue): Promise<void>;
  listDue(patientId: string, options: { readonly openOnly: boolean; readonly limit: number }): Promise<readonly InstrumentDue[]>;
  /** Completes the oldest open due item of the instrument for the patient that was due by `at` (when the response was answered), dated `at`; returns its id or null. */
  completeOldestOpen(patientId: string, instrumentId: string, responseId: string, at: string): Promise<string | null>;
  /** Drops open due items of a cancelled assignment. */
  deleteOpenDue(assignmentId: string): Promise<void>;
  /**
   * Completes the open occurrence (assignment, dueAt) with the earliest scored response to the
   * instrument completed at or after `dueAt` that completes no other occurrence: an answer given after
   * the due time but before the occurrence was materialised. Returns the response id or null.
   */
  completeWithUnclaimedResponse(assignmentId: string, dueAt: string, patientId: string, instrumentId: string): Promise<string | null>;
}

/** Every repository, over one connection or one open transaction (what a transaction's work is given). */
export interface Repositories {
  readonly instrumentLicences: InstrumentLicenceStore;
  readonly instrumentAssignments: InstrumentAssignmentStore;
  readonly instrumentResponses: InstrumentResponseStore;
  readonly carePlan: CarePlanRepositories;
  readonly jobs: JobStore;
  readonly alerts: AlertStore;
  readonly triage: TriageStore;
  readonly flares: RecordStore<Flare>;
  readonly visits: RecordStore<Visit>;
  readonly intakes: RecordStore<Intake>;
  readonly blockDiaries: RecordStore<BlockDiary>;
  readonly diaryEntries: RecordStore<DiaryEntry>;
  /** The patient's one change feed, across every kind of versioned record. */
  readonly records: RecordFeedStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly apiTokens: ApiTokenStore;
  readonly signInFailures: SignInFailureStore;
  readonly knownDevices: KnownDeviceStore;
  readonly pendingSignUps: PendingSignUpStore;
  readonly secondFactors: SecondFactorStore;
  readonly passkeys: PasskeyStore;
  readonly organizations: OrganizationStore;
  readonly patients: PatientStore;
  readonly delegations: DelegationStore;
  readonly careRelationships: CareRelationshipStore;
  readonly audit: AuditStore;
}

/** The database as the app sees it: its repositories, and transactions that run work on a set of its own. */
export interface Database extends Repositories {
  /** Runs `work` in one database transaction; everything it writes commits or nothing does. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** True when the database answers and every migration is applied. */
  isReady(): Promise<boolean>;
  /** Waits for the work queued for a commit, then refuses more: call before closing the database. */
  settle(): Promise<void>;
}

export type { CareScope, CaregiverScope };
export type { Job, JobQueueStats, JobStore, NewJob } from './job-store.ts';
