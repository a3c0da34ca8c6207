// Sensitive actions ask for a recent proof of who is at the keyboard, not only a session: a session
// left open on a shared computer, or a stolen cookie, must not be enough to export a whole record,
// share it, mint an API token or turn off the second factor. A session counts as recent for
// `reauthMinutes` after its sign-in or its last re-authentication (password or code).
import { AppError } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps, type RequestContext } from './context.ts';
import { requireSessionUser } from './access.ts';
import { findKnownDevice, checkSignInThrottle, forgetSucceededAttempt, recordSignInAttempt, throttleKeys } from './sign-in-throttle.ts';
import { hasConfirmedSecondFactor, verifySecondFactor } from './second-factor.ts';

function reauthenticationRequired(minutes: number): AppError {
  return new AppError(
    'reauthentication-required',
    `Confirm it is you: enter your password (or a code from your authenticator app) again. This is asked when you have not within ${minutes} minutes.`,
  );
}

/**
 * Refuses unless the session proved its person within the last `reauthMinutes`. With `tokens: 'pass'`
 * an API token passes: it was made in a session that had just proved its person, and it carries its
 * own limits and expiry; otherwise a token is refused as for account management. A request with
 * neither is unauthenticated.
 */
export async function requireRecentAuthentication(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  options: { tokens: 'pass' | 'refuse' } = { tokens: 'refuse' },
): Promise<void> {
  if (options.tokens === 'pass' && ctx.actor.kind === 'user' && ctx.actor.via === 'token') return;
  requireSessionUser(ctx);
  if (!sessionId) throw reauthenticationRequired(deps.settings.reauthMinutes);
  const at = await deps.store.secondFactors.sessionAuthenticatedAt(sessionId);
  if (!at || addMinutesIso(at, deps.settings.reauthMinutes) <= nowIso(deps)) throw reauthenticationRequired(deps.settings.reauthMinutes);
}

/** Proves the person again with their password, or a code when the account has a second factor. */
export async function reauthenticate(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  input: { password?: string | undefined; code?: string | undefined; deviceToken?: string | undefined },
): Promise<{ authenticatedAt: string; validUntil: string }> {
  const userId = requireSessionUser(ctx);
  if (!sessionId) throw new AppError('session-required', 'Sign in with your password to do this.');
  if ((input.password === undefined) === (input.code === undefined))
    throw new AppError('validation-failed', 'Enter your password, or a code from your authenticator app.', {
      errors: [{ pointer: '/password', detail: 'Enter your password.' }],
    });
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  const now = nowIso(deps);
  if (input.code !== undefined) {
    if (!(await hasConfirmedSecondFactor(deps, userId)))
      throw new AppError('validation-failed', 'Two-step sign-in is not on for this account; enter your password.', {
        errors: [{ pointer: '/password', detail: 'Enter your password.' }],
      });
    await verifySecondFactor(deps, userId, { code: input.code });
  } else {
    // Throttled as a sign-in with this password would be: a session must not be a way round the waits.
    const knownHash = await findKnownDevice(deps, input.deviceToken, userId, now);
    const keys = throttleKeys(user.email, ctx.ip, knownHash);
    await checkSignInThrottle(deps, keys, now);
    await recordSignInAttempt(deps, keys, now);
    if (!(await deps.hasher.verify(user.passwordHash, input.password!)))
      throw new AppError('password-incorrect', 'The password is not correct.', {
        errors: [{ pointer: '/password', detail: 'This is not your password.' }],
      });
    await forgetSucceededAttempt(deps, keys, now);
  }
  await deps.store.secondFactors.markSessionAuthenticated(sessionId, now);
  return { authenticatedAt: now, validUntil: addMinutesIso(now, deps.settings.reauthMinutes) };
}
