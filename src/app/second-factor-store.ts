// The storage port of strong sign-in: an account's authenticator secret and recovery codes, the step
// between password and code, when a session last proved its person, and clinics that demand a second factor.
import type { SessionSecondFactor } from './model.ts';

export interface StoredSecondFactor {
  /** The shared secret, base32, as the authenticator app holds it. */
  readonly secret: string;
  readonly createdAt: string;
  /** Null until a first code proved the app holds the secret; only a confirmed factor is asked at sign-in. */
  readonly confirmedAt: string | null;
  /** The time step of the last code accepted; a code of this step or an earlier one is refused. */
  readonly lastTimeStep: number | null;
}

export interface PendingSignIn {
  readonly userId: string;
  readonly expiresAt: string;
}

export interface SecondFactorStore {
  find(userId: string): Promise<StoredSecondFactor | undefined>;
  /** Starts (or restarts) an enrolment: any earlier unconfirmed secret and recovery codes are replaced. */
  saveUnconfirmed(userId: string, secret: string, at: string): Promise<void>;
  /** Marks the factor confirmed; false when it was already confirmed or is gone. */
  confirm(userId: string, at: string): Promise<boolean>;
  /**
   * Records that the code of `timeStep` was used, only if no code of that step or a later one was:
   * the one statement that decides between two requests sending the same code at once.
   */
  useTimeStep(userId: string, timeStep: number): Promise<boolean>;
  /** Removes the factor and its recovery codes. */
  remove(userId: string): Promise<void>;
  /** Replaces every recovery code of the account with these (hashes). */
  replaceRecoveryCodes(userId: string, codeHashes: readonly string[], at: string): Promise<void>;
  /** Spends an unused recovery code; false when there is none with that hash, or it was used. */
  useRecoveryCode(userId: string, codeHash: string, at: string): Promise<boolean>;
  countUnusedRecoveryCodes(userId: string): Promise<number>;
  insertPendingSignIn(tokenHash: string, userId: string, createdAt: string, expiresAt: string): Promise<void>;
  findPendingSignIn(tokenHash: string): Promise<PendingSignIn | undefined>;
  deletePendingSignIn(tokenHash: string): Promise<void>;
  prunePendingSignInsBefore(at: string): Promise<void>;
  /** When the session's person last typed their password or a code (its sign-in, unless since). */
  sessionAuthenticatedAt(sessionId: string): Promise<string | undefined>;
  /** Records a re-authentication; with a second factor, the session counts as established with it from now on. */
  markSessionAuthenticated(sessionId: string, at: string, secondFactor?: SessionSecondFactor): Promise<void>;
  setOrganizationRequirement(organizationId: string, required: boolean): Promise<void>;
  /**
   * The organizations that demand a second factor of this user (a clinician or an admin there), whose
   * account has none (no confirmed authenticator app, no passkey). For API tokens, which have no session
   * to ask; a session is asked how it began instead (see the session query).
   */
  organizationsMissingSecondFactor(userId: string): Promise<readonly string[]>;
}
