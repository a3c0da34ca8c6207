// The step between a right password and a right code, for an account with a second factor. The
// password step answers a random token (kept only as its SHA-256) instead of a session; the token lets
// its holder send codes for that account for a few minutes, and is spent by the first right one.
import { AppError } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps } from './context.ts';
import { sha256 } from './system.ts';
import { issueSession, type IssuedSession } from './session-issue.ts';
import { verifySecondFactor, type SecondFactorProof } from './second-factor.ts';

/** Long enough to open the app and type a code, short enough that a token left behind is soon worthless. */
export const PENDING_SIGN_IN_MINUTES = 5;

export interface PendingSignInIssued {
  readonly pendingToken: string;
  readonly expiresAt: string;
}

export async function startPendingSignIn(deps: AppDeps, userId: string): Promise<PendingSignInIssued> {
  const pendingToken = deps.ids.newSecret(32);
  const now = nowIso(deps);
  const expiresAt = addMinutesIso(now, PENDING_SIGN_IN_MINUTES);
  await deps.store.secondFactors.insertPendingSignIn(sha256(pendingToken), userId, now, expiresAt);
  return { pendingToken, expiresAt };
}

function stepExpired(): AppError {
  return new AppError('sign-in-step-expired', 'This sign-in has expired. Sign in with your password again.');
}

/** The second step: a code (or a recovery code) for a pending sign-in; a session when it is right. */
export async function completeSignIn(
  deps: AppDeps,
  input: { pendingToken: string } & SecondFactorProof,
): Promise<IssuedSession & { usedRecoveryCode: boolean }> {
  const tokenHash = sha256(input.pendingToken);
  const pending = await deps.store.secondFactors.findPendingSignIn(tokenHash);
  if (!pending) throw stepExpired();
  if (pending.expiresAt <= nowIso(deps)) {
    await deps.store.secondFactors.deletePendingSignIn(tokenHash);
    throw stepExpired();
  }
  const used = await verifySecondFactor(deps, pending.userId, input);
  const user = await deps.store.users.findById(pending.userId);
  await deps.store.secondFactors.deletePendingSignIn(tokenHash);
  if (!user) throw stepExpired();
  return { ...(await issueSession(deps, user, used)), usedRecoveryCode: used === 'recovery-code' };
}
