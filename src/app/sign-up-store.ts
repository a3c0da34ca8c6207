// Storage port of sign-ups waiting for their e-mail address to be confirmed (see sign-up-by-mail.ts).
import type { Sex } from './model.ts';

export interface PendingSignUp {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  /** The patient record asked for with the account; null for none. */
  readonly patient: { readonly timeZone: string; readonly birthYear: number | null; readonly sex: Sex } | null;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface PendingSignUpStore {
  insert(pending: PendingSignUp): Promise<void>;
  /**
   * Gives the pending sign-up the hash of a newly sent link, valid until `expiresAt` (any earlier link
   * stops working). Returns the address to send it to, or undefined when the sign-up is gone (confirmed,
   * or expired and pruned).
   */
  setToken(id: string, tokenHash: string, expiresAt: string): Promise<string | undefined>;
  /** The pending sign-up whose link has this hash, if it has not expired by `now`. */
  findByToken(tokenHash: string, now: string): Promise<PendingSignUp | undefined>;
  /**
   * Takes the pending sign-up whose link has this hash, if it has not expired by `now`: it is deleted as
   * it is read, so a link works once, even when followed twice at the same moment.
   */
  take(tokenHash: string, now: string): Promise<PendingSignUp | undefined>;
  pruneExpiredBefore(at: string): Promise<void>;
}
