// The repositories over one executor (the plain connection or a transaction), with driver errors
// marked for the app and changes to what sessions' profiles are read from reported (session-cache.ts).
import type { Repositories } from '../app/ports.ts';
import {
  apiTokenRepository,
  knownDeviceRepository,
  sessionRepository,
  signInFailureRepository,
  userRepository,
} from './repositories/accounts.repository.ts';
import { secondFactorRepository } from './repositories/second-factor.repository.ts';
import { auditRepository } from './repositories/audit.repository.ts';
import { pendingSignUpRepository } from './repositories/pending-sign-ups.repository.ts';
import { passkeyRepository } from './repositories/passkeys.repository.ts';
import { recordFeedRepository, versionedRecordRepository } from './repositories/versioned-record.repository.ts';
import { jobRepository } from './repositories/jobs.repository.ts';
import { alertRepository } from './repositories/alerts.repository.ts';
import { triageRepository } from './repositories/triage.repository.ts';
import { instrumentResponseRepository } from './repositories/instrument-responses.repository.ts';
import { instrumentAssignmentRepository, instrumentLicenceRepository } from './repositories/instrument-assignments.repository.ts';
import { carePlanStores } from './repositories/care-plan.repository.ts';
import { organizationRepository } from './repositories/organizations.repository.ts';
import { careRelationshipRepository, delegationRepository, patientRepository } from './repositories/patients.repository.ts';
import type { Executor } from './repositories/executor.ts';
import type { Flare } from '../domain/diary/flare.ts';
import type { Visit } from '../domain/visits/visit.ts';
import type { Intake } from '../domain/intake/intake.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';
import type { BlockDiary } from '../domain/diary/block-diary.ts';
import { UNIQUE_VIOLATION } from '../app/unique.ts';
import { isUniqueViolation } from './database.ts';

/** Marks driver unique-constraint errors (by code, on either engine) so the app can recognise them. */
function translateErrors<T extends object>(repository: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repository)) {
    wrapped[name] =
      typeof fn !== 'function'
        ? fn
        : async (...args: unknown[]) => {
            try {
              return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              if (isUniqueViolation(error)) Object.defineProperty(error, UNIQUE_VIOLATION, { value: true });
              throw error;
            }
          };
  }
  return wrapped as T;
}

/**
 * The methods of the stores a session's profile is read from (see session-cache.ts) that leave what a
 * profile holds as it was. Every other method of those stores counts as a change: a method added later
 * is safe before anyone thinks of it, at the price of forgetting remembered sessions when it runs.
 */
export const PROFILE_UNCHANGED_BY = {
  users: ['findById', 'findProfile', 'findByEmail'],
  sessions: ['insert', 'findById', 'findWithProfile', 'touch'],
  organizations: [
    'findById',
    'findByShareCode',
    'updateShareCode',
    'findMembership',
    'findMembershipWithRoleSettings',
    'findMembershipById',
    'listMembers',
    'listMembershipsOfUser',
    'countAdmins',
    'lockForMembershipChange',
    'insertInvitation',
    'findInvitationByCodeHash',
    'listInvitations',
    'markInvitationAccepted',
    'revokeInvitation',
    'insertPatientInvitation',
    'findPatientInvitationByCodeHash',
    'usePatientInvitation',
  ],
  patients: ['findById', 'findByUserId', 'loadAccessFacts', 'listAsCaregiver', 'listForOrganization', 'lockForWrite'],
  secondFactors: [
    'find',
    // Only an unconfirmed authenticator or the recovery codes: the lookup asks whether a confirmed one exists.
    'saveUnconfirmed',
    'replaceRecoveryCodes',
    'useTimeStep',
    'useRecoveryCode',
    'countUnusedRecoveryCodes',
    'insertPendingSignIn',
    'findPendingSignIn',
    'deletePendingSignIn',
    'prunePendingSignInsBefore',
    'sessionAuthenticatedAt',
    'organizationsMissingSecondFactor',
  ],
  passkeys: ['findByCredentialId', 'listForUser', 'rename', 'recordUse', 'insertChallenge', 'takeChallenge', 'pruneChallengesBefore'],
} as const satisfies Partial<Record<keyof Repositories, readonly string[]>>;

/** Calls `changed` after every method of `repository` not named in `unchanging` (whether it succeeded or not). */
function reportingChanges<T extends object>(repository: T, unchanging: readonly string[], changed: () => void | Promise<void>): T {
  const wrapped: Record<string, unknown> = { ...(repository as Record<string, unknown>) };
  for (const [name, fn] of Object.entries(repository)) {
    if (typeof fn !== 'function' || unchanging.includes(name)) continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        await changed();
      }
    };
  }
  return wrapped as T;
}

export type ProfileChanged = () => void | Promise<void>;
type Builder<K extends keyof Repositories> = (db: Executor, dialect: 'sqlite' | 'postgres', changed: ProfileChanged) => Repositories[K];

const reporting =
  <K extends keyof typeof PROFILE_UNCHANGED_BY>(
    key: K,
    build: (db: Executor, dialect: 'sqlite' | 'postgres') => Repositories[K],
  ): Builder<K> =>
  (db, dialect, changed) =>
    reportingChanges(translateErrors(build(db, dialect)), PROFILE_UNCHANGED_BY[key], changed);

const REPOSITORY_BUILDERS: { readonly [K in keyof Repositories]: Builder<K> } = {
  carePlan: (db, dialect) => carePlanStores(db, dialect, translateErrors),
  users: reporting('users', (db) => userRepository(db)),
  sessions: reporting('sessions', (db) => sessionRepository(db)),
  apiTokens: (db) => translateErrors(apiTokenRepository(db)),
  signInFailures: (db) => translateErrors(signInFailureRepository(db)),
  knownDevices: (db) => translateErrors(knownDeviceRepository(db)),
  pendingSignUps: (db) => translateErrors(pendingSignUpRepository(db)),
  secondFactors: reporting('secondFactors', (db) => secondFactorRepository(db)),
  passkeys: reporting('passkeys', (db) => passkeyRepository(db)),
  organizations: reporting('organizations', (db, dialect) => organizationRepository(db, dialect)),
  patients: reporting('patients', (db, dialect) => patientRepository(db, dialect)),
  delegations: (db) => translateErrors(delegationRepository(db)),
  careRelationships: (db) => translateErrors(careRelationshipRepository(db)),
  audit: (db) => translateErrors(auditRepository(db)),
  diaryEntries: (db, dialect) => translateErrors(versionedRecordRepository<DiaryEntry>(db, dialect, 'diary_entry')),
  records: (db) => translateErrors(recordFeedRepository(db)),
  flares: (db, dialect) => translateErrors(versionedRecordRepository<Flare>(db, dialect, 'flare')),
  visits: (db, dialect) => translateErrors(versionedRecordRepository<Visit>(db, dialect, 'visit')),
  intakes: (db, dialect) => translateErrors(versionedRecordRepository<Intake>(db, dialect, 'intake')),
  jobs: (db, dialect) => translateErrors(jobRepository(db, dialect)),
  alerts: (db) => translateErrors(alertRepository(db)),
  triage: (db) => translateErrors(triageRepository(db)),
  instrumentResponses: (db, dialect) => translateErrors(instrumentResponseRepository(db, dialect)),
  instrumentLicences: (db) => translateErrors(instrumentLicenceRepository(db)),
  instrumentAssignments: (db) => translateErrors(instrumentAssignmentRepository(db)),
  blockDiaries: (db, dialect) => translateErrors(versionedRecordRepository<BlockDiary>(db, dialect, 'block_diary')),
};

/**
 * A transaction's repositories, each built when first used: a write uses three or four of the two dozen,
 * and building them all (each method wrapped) was a measurable share of a small write's CPU time.
 */
interface Source {
  readonly db: Executor;
  readonly dialect: 'sqlite' | 'postgres';
  readonly changed: ProfileChanged;
}
const sources = new WeakMap<object, Source>();

// One set of accessors for every transaction: each builds its repository from the object's source on
// first use and stays as a plain property after. Own and enumerable, so a spread copy ({ ...tx }) has them all.
const LAZY_PROPERTIES: PropertyDescriptorMap = Object.fromEntries(
  (Object.keys(REPOSITORY_BUILDERS) as (keyof Repositories)[]).map((key) => [
    key,
    {
      enumerable: true,
      configurable: true,
      get(this: object) {
        const { db, dialect, changed } = sources.get(this)!;
        const value = REPOSITORY_BUILDERS[key](db, dialect, changed);
        Object.defineProperty(this, key, { value, enumerable: true });
        return value;
      },
    },
  ]),
);

export function repositoriesOver(db: Executor, dialect: 'sqlite' | 'postgres', profileChanged: ProfileChanged): Repositories {
  const repositories = {};
  sources.set(repositories, { db, dialect, changed: profileChanged });
  return Object.defineProperties(repositories, LAZY_PROPERTIES) as Repositories;
}

/** Every repository built at once, as own properties (the store outside transactions is spread). */
export function allRepositoriesOver(db: Executor, dialect: 'sqlite' | 'postgres', profileChanged: ProfileChanged): Repositories {
  const lazy = repositoriesOver(db, dialect, profileChanged);
  const all: Partial<Record<keyof Repositories, unknown>> = {};
  for (const key of Object.keys(REPOSITORY_BUILDERS) as (keyof Repositories)[]) all[key] = lazy[key];
  return all as Repositories;
}
