// Storage port of passkeys and of the challenges of WebAuthn ceremonies in progress (see passkeys.ts).

export interface Passkey {
  readonly id: string;
  /** The credential id, base64url, as the authenticator names it. */
  readonly credentialId: string;
  readonly userId: string;
  /** The COSE public key, base64url. */
  readonly publicKey: string;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

/** Adding a passkey, signing in with one, or a signed-in person proving it is them again. */
export type ChallengePurpose = 'register' | 'sign-in' | 'reauthenticate';

export interface PasskeyStore {
  insert(passkey: Passkey): Promise<void>;
  findByCredentialId(credentialId: string): Promise<Passkey | undefined>;
  listForUser(userId: string): Promise<readonly Passkey[]>;
  /** Renames one of the user's passkeys; false when the user has no passkey with this id. */
  rename(userId: string, id: string, name: string): Promise<boolean>;
  /** Removes one of the user's passkeys; false when the user has no passkey with this id. */
  remove(userId: string, id: string): Promise<boolean>;
  /**
   * Records a use: the counter moves from `from` to `to` only if it is still `from`, so two sign-ins
   * with the same assertion (or a cloned authenticator racing the real one) cannot both pass. False
   * when another use got there first or the passkey is gone.
   */
  recordUse(id: string, from: number, to: number, at: string): Promise<boolean>;

  insertChallenge(challenge: { challenge: string; purpose: ChallengePurpose; userId: string | null; expiresAt: string }): Promise<void>;
  /**
   * Takes the challenge for `purpose` if it has not expired by `now`: deleted as it is read, so a
   * challenge serves one answer, even two sent at the same moment to two processes.
   */
  takeChallenge(challenge: string, purpose: ChallengePurpose, now: string): Promise<{ userId: string | null } | undefined>;
  pruneChallengesBefore(at: string): Promise<void>;
}
