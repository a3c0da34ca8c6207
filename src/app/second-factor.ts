// A second factor for sign-in: time-based one-time codes from an authenticator app (RFC 6238: six
// digits, 30-second steps, HMAC-SHA1, which is what the common apps implement) and single-use
// recovery codes for when the phone is lost.
//
// The secret is made here, never chosen by the client, and shown once while enrolling; it is not
// logged. It is stored as the authenticator holds it: a code can only be checked with the secret
// itself (it cannot be hashed like a password), and the project has no key setting to encrypt it
// with that would not sit beside the database in the same environment. Recovery codes, which are
// only compared, are stored as hashes.
import crypto from 'node:crypto';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { AppError } from './errors.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { accountSecurityEvent, requireSessionUser } from './access.ts';
import { sha256 } from './system.ts';
import { checkSignInThrottle, forgetSucceededAttempt, recordSignInAttempt, type ThrottleKeys } from './sign-in-throttle.ts';
import type { StoredSecondFactor } from './second-factor-store.ts';

export const TOTP_ISSUER = 'Painwise';
export const RECOVERY_CODE_COUNT = 10;
/** One 30-second step either side of the server's clock: a phone's clock a little off, a slow typist. */
const TOLERANCE_SECONDS = 30;

/** What a person sends instead of their password's second half: a code from the app, or a recovery code. */
export interface SecondFactorProof {
  readonly code?: string | undefined;
  readonly recoveryCode?: string | undefined;
}

export function codeInvalid(pointer = '/code'): AppError {
  return new AppError(
    'second-factor-code-invalid',
    'That code is not correct, or it was already used. Wait for the next code and try again.',
    {
      errors: [{ pointer, detail: 'This code is not correct or was already used.' }],
    },
  );
}

/**
 * Wrong codes count against the account from every client alike: whoever sends them already knows the
 * password, so there is no stranger to keep out of the owner's way, and spreading guesses over
 * addresses must not multiply them.
 */
export function secondFactorThrottleKeys(userId: string): ThrottleKeys {
  return { pair: sha256(`second-factor:${userId}`), address: null };
}

function recoveryCodeHash(userId: string, normalized: string): string {
  return sha256(`recovery-code:${userId}:${normalized}`);
}

/** 80 random bits as 20 hexadecimal digits in groups of five: easy to copy, too many to guess. */
function newRecoveryCode(): string {
  const hex = crypto.randomBytes(10).toString('hex');
  return hex.match(/.{5}/g)!.join('-');
}

function newRecoveryCodes(userId: string): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, hashes: codes.map((c) => recoveryCodeHash(userId, c.replaceAll('-', ''))) };
}

/**
 * Whether `code` is the app's code now, for a step after the last one accepted; the step is then
 * marked used in the same statement that checks it was not, so a code works once even when sent twice at once.
 */
async function acceptTotp(deps: AppDeps, userId: string, factor: StoredSecondFactor, code: string): Promise<boolean> {
  const result = verifySync({
    secret: factor.secret,
    token: code,
    epoch: Math.floor(deps.clock.now().getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(factor.lastTimeStep === null ? {} : { afterTimeStep: factor.lastTimeStep }),
  });
  // A TOTP answer always carries its step (the union's other half is HOTP's, which has none).
  if (!result.valid || !('timeStep' in result)) return false;
  return deps.store.secondFactors.useTimeStep(userId, result.timeStep);
}

/**
 * Checks a proof for an account with a confirmed factor, throttled per account; throws
 * `second-factor-code-invalid` (or `too-many-requests`) when it fails. Returns which kind was used.
 */
export async function verifySecondFactor(deps: AppDeps, userId: string, proof: SecondFactorProof): Promise<'totp' | 'recovery-code'> {
  const factor = await deps.store.secondFactors.find(userId);
  if (!factor?.confirmedAt) throw new AppError('conflict', 'Two-step sign-in is not turned on for this account.');
  if ((proof.code === undefined) === (proof.recoveryCode === undefined))
    throw new AppError('validation-failed', 'Send either a code from your authenticator app or a recovery code.', {
      errors: [{ pointer: '/code', detail: 'Enter the code from your authenticator app, or a recovery code instead.' }],
    });
  const keys = secondFactorThrottleKeys(userId);
  const now = nowIso(deps);
  await checkSignInThrottle(deps, keys, now);
  await recordSignInAttempt(deps, keys, now);
  const ok =
    proof.code !== undefined
      ? await acceptTotp(deps, userId, factor, proof.code)
      : await deps.store.secondFactors.useRecoveryCode(userId, recoveryCodeHash(userId, proof.recoveryCode!), now);
  if (!ok) throw codeInvalid(proof.code !== undefined ? '/code' : '/recoveryCode');
  await forgetSucceededAttempt(deps, keys, now);
  return proof.code !== undefined ? 'totp' : 'recovery-code';
}

export async function hasConfirmedSecondFactor(deps: AppDeps, userId: string): Promise<boolean> {
  return Boolean((await deps.store.secondFactors.find(userId))?.confirmedAt);
}

/** Whether the account has any second factor a clinic accepts: a confirmed authenticator app or a passkey. */
export async function hasStrongSecondFactor(deps: AppDeps, userId: string): Promise<boolean> {
  if (await hasConfirmedSecondFactor(deps, userId)) return true;
  return (await deps.store.passkeys.listForUser(userId)).length > 0;
}

/**
 * Adding a second factor to an account that already has one asks that this session was established
 * (or stepped up) with a factor the account still has. Otherwise whoever holds only the password could
 * sign in with it, add their own passkey or app, and with it pass a clinic's two-step requirement.
 * A first factor needs no such proof: enrolling is how an account gets one.
 */
export async function requireSecondFactorSession(deps: AppDeps, ctx: RequestContext, sessionId: string | null): Promise<void> {
  const userId = requireSessionUser(ctx);
  const [hasApp, passkeys, session] = await Promise.all([
    hasConfirmedSecondFactor(deps, userId),
    deps.store.passkeys.listForUser(userId),
    sessionId ? deps.store.sessions.findById(sessionId) : undefined,
  ]);
  if (!hasApp && passkeys.length === 0) return;
  const held = session?.secondFactor === 'passkey' ? passkeys.length > 0 : session?.secondFactor ? hasApp : false;
  if (!held)
    throw new AppError(
      'reauthentication-required',
      'Confirm it is you with your passkey or a code from your authenticator app before adding another way to sign in.',
      // The password would not do here: the web app then offers only the factors.
      { extra: { secondFactorOnly: true } },
    );
}

export async function secondFactorStatus(deps: AppDeps, ctx: RequestContext) {
  const userId = requireSessionUser(ctx);
  const factor = await deps.store.secondFactors.find(userId);
  return {
    enabled: Boolean(factor?.confirmedAt),
    pendingConfirmation: Boolean(factor && !factor.confirmedAt),
    recoveryCodesLeft: factor?.confirmedAt ? await deps.store.secondFactors.countUnusedRecoveryCodes(userId) : 0,
  };
}

/** Starts enrolling an authenticator: a fresh secret, to be confirmed with a first code. */
export async function beginEnrolment(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
): Promise<{ secret: string; otpauthUri: string }> {
  const userId = requireSessionUser(ctx);
  await requireSecondFactorSession(deps, ctx, sessionId);
  const [factor, user] = await Promise.all([deps.store.secondFactors.find(userId), deps.store.users.findById(userId)]);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  if (factor?.confirmedAt) throw new AppError('conflict', 'Two-step sign-in is already on. Turn it off first to set up another app.');
  const secret = generateSecret();
  await deps.store.secondFactors.saveUnconfirmed(userId, secret, nowIso(deps));
  return { secret, otpauthUri: generateURI({ issuer: TOTP_ISSUER, label: user.email, secret }) };
}

/** Confirms an enrolment with the app's first code; answers the recovery codes, shown this once only. */
export async function confirmEnrolment(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  const userId = requireSessionUser(ctx);
  const factor = await deps.store.secondFactors.find(userId);
  if (!factor) throw new AppError('conflict', 'Start setting up two-step sign-in first.');
  if (factor.confirmedAt) throw new AppError('conflict', 'Two-step sign-in is already on.');
  await requireSecondFactorSession(deps, ctx, sessionId);
  const keys = secondFactorThrottleKeys(userId);
  const now = nowIso(deps);
  await checkSignInThrottle(deps, keys, now);
  await recordSignInAttempt(deps, keys, now);
  if (!(await acceptTotp(deps, userId, factor, input.code))) throw codeInvalid();
  await forgetSucceededAttempt(deps, keys, now);
  const { codes, hashes } = newRecoveryCodes(userId);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.secondFactors.confirm(userId, now))) throw new AppError('conflict', 'Two-step sign-in is already on.');
    await tx.secondFactors.replaceRecoveryCodes(userId, hashes, now);
    if (sessionId) await tx.secondFactors.markSessionAuthenticated(sessionId, now, 'totp');
    await tx.audit.append([accountSecurityEvent(deps, ctx, 'account.second-factor.enable', { type: 'user', id: userId })]);
  });
  return { recoveryCodes: codes };
}

/** Turns the second factor off: needs the password and a code (or a recovery code). */
export async function disableSecondFactor(
  deps: AppDeps,
  ctx: RequestContext,
  input: { password: string } & SecondFactorProof,
): Promise<void> {
  const userId = requireSessionUser(ctx);
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
    throw new AppError('password-incorrect', 'The password is not correct.', {
      errors: [{ pointer: '/password', detail: 'This is not your password.' }],
    });
  }
  await verifySecondFactor(deps, userId, input);
  await deps.store.transaction(async (tx) => {
    await tx.secondFactors.remove(userId);
    await tx.audit.append([accountSecurityEvent(deps, ctx, 'account.second-factor.disable', { type: 'user', id: userId })]);
  });
}

/** New recovery codes; every earlier one stops working. The caller has checked a recent authentication. */
export async function regenerateRecoveryCodes(deps: AppDeps, ctx: RequestContext): Promise<{ recoveryCodes: string[] }> {
  const userId = requireSessionUser(ctx);
  if (!(await hasConfirmedSecondFactor(deps, userId))) throw new AppError('conflict', 'Two-step sign-in is not turned on.');
  const { codes, hashes } = newRecoveryCodes(userId);
  const now = nowIso(deps);
  await deps.store.transaction(async (tx) => {
    await tx.secondFactors.replaceRecoveryCodes(userId, hashes, now);
    await tx.audit.append([accountSecurityEvent(deps, ctx, 'account.recovery-codes.regenerate', { type: 'user', id: userId })]);
  });
  return { recoveryCodes: codes };
}
