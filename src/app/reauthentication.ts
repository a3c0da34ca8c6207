// Sensitive actions ask for a recent proof of who is at the keyboard, not only a session: a session
// left open on a shared computer, or a stolen cookie, must not be enough to export a whole record,
// share it, mint an API token or turn off the second factor. A session counts as recent for
// `reauthMinutes` after its sign-in or its last re-authentication (password, code or passkey).
import { AppError } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps, type RequestContext } from './context.ts';
import { requireSessionUser } from './access.ts';
import { findKnownDevice, checkSignInThrottle, forgetSucceededAttempt, recordSignInAttempt, throttleKeys } from './sign-in-throttle.ts';
import { hasConfirmedSecondFactor, verifySecondFactor } from './second-factor.ts';
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { checkPasskeyThrottle, passkeyAssertionOptions, passkeyThrottleKey, verifiedPasskey, type RelyingParty } from './passkeys.ts';
import type { SessionSecondFactor } from './model.ts';

function reauthenticationRequired(minutes: number): AppError {
  return new AppError(
    'reauthentication-required',
    `Confirm it is you: enter your password again (or a code from your authenticator app, or use your passkey). This is asked when you have not within ${minutes} minutes.`,
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

/** Options for navigator.credentials.get() offering only this person's passkeys, to re-authenticate with one. */
export async function reauthenticationPasskeyOptions(
  deps: AppDeps,
  ctx: RequestContext,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const userId = requireSessionUser(ctx);
  const passkeys = await deps.store.passkeys.listForUser(userId);
  if (passkeys.length === 0) throw new AppError('conflict', 'This account has no passkey; enter your password instead.');
  return passkeyAssertionOptions(deps, rp, { userId, passkeys });
}

export interface ReauthenticationInput {
  readonly password?: string | undefined;
  readonly code?: string | undefined;
  readonly passkey?: AuthenticationResponseJSON | undefined;
  readonly deviceToken?: string | undefined;
}

function chooseOne(): AppError {
  return new AppError('validation-failed', 'Enter your password, a code from your authenticator app, or use your passkey.', {
    errors: [{ pointer: '/password', detail: 'Enter your password.' }],
  });
}

/**
 * Proves the person again with one of: their password, a code when the account has an authenticator
 * app, or one of their passkeys. A code or a passkey also makes the session a two-step one from now on
 * (a clinic that requires it then lets the session in), as a sign-in with them would have.
 */
export async function reauthenticate(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  rp: RelyingParty,
  input: ReauthenticationInput,
): Promise<{ authenticatedAt: string; validUntil: string }> {
  const userId = requireSessionUser(ctx);
  if (!sessionId) throw new AppError('session-required', 'Sign in with your password to do this.');
  const given = [input.password, input.code, input.passkey].filter((v) => v !== undefined).length;
  if (given !== 1) throw chooseOne();
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  const now = nowIso(deps);
  let factor: SessionSecondFactor | undefined;
  if (input.passkey !== undefined) {
    await checkPasskeyThrottle(deps, ctx.ip, now);
    if (!(await verifiedPasskey(deps, rp, input.passkey, now, 'reauthenticate', userId))) {
      await deps.store.signInFailures.record(passkeyThrottleKey(ctx.ip), now);
      throw new AppError('passkey-not-accepted', 'That passkey was not accepted. Try again, or enter your password.');
    }
    factor = 'passkey';
  } else if (input.code !== undefined) {
    if (!(await hasConfirmedSecondFactor(deps, userId)))
      throw new AppError('validation-failed', 'Two-step sign-in is not on for this account; enter your password.', {
        errors: [{ pointer: '/password', detail: 'Enter your password.' }],
      });
    factor = await verifySecondFactor(deps, userId, { code: input.code });
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
  await deps.store.secondFactors.markSessionAuthenticated(sessionId, now, factor);
  return { authenticatedAt: now, validUntil: addMinutesIso(now, deps.settings.reauthMinutes) };
}
