// Passkeys (WebAuthn): adding one to the signed-in account, signing in with one, listing, renaming and
// removing them. The ceremonies' cryptography is @simplewebauthn/server's; what is ours is where a
// challenge lives (a database row taken once, so any process may serve either half of a ceremony),
// which account a challenge belongs to, the counter's compare-and-set, and the session that follows.
//
// Every passkey is a discoverable credential with user verification: the authenticator itself knows
// whose it is and has checked a PIN or biometric, so signing in asks for nothing else.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { AppError } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps, type RequestContext } from './context.ts';
import { accountSecurityEvent, requireSessionUser } from './access.ts';
import { issueSession, type IssuedSession } from './session-issue.ts';
import { isUniqueViolationError } from './unique.ts';
import { sha256 } from './system.ts';
import { computeWaitMs, findKnownDevice, rememberDevice } from './sign-in-throttle.ts';
import { requireSecondFactorSession } from './second-factor.ts';
import type { ChallengePurpose, Passkey } from './passkey-store.ts';

/** Where the ceremony happens: the relying party's id (a host name) and the page origin it expects. */
export interface RelyingParty {
  readonly id: string;
  readonly origin: string;
}

/**
 * The relying party for a request. With a public URL configured, it alone: a page served under another
 * name (a proxy that forwards a different Host) is not where passkeys were made. Without one, only a
 * page on localhost, for development: trusting any Host would let a look-alike site that relays to
 * this server have its own origin accepted, which is the phishing passkeys exist to stop.
 */
export function relyingPartyFor(publicUrl: string | undefined, requestOrigin: string): RelyingParty {
  if (publicUrl !== undefined) {
    const url = new URL(publicUrl);
    return { id: url.hostname, origin: url.origin };
  }
  let url: URL | undefined;
  try {
    url = new URL(requestOrigin);
  } catch {
    url = undefined;
  }
  if (url?.hostname !== 'localhost')
    throw new AppError('passkeys-unavailable', 'Passkeys need the server’s public address (PAINWISE_PUBLIC_URL) to be set.');
  return { id: 'localhost', origin: url.origin };
}

/** How long a ceremony may take, from the options to the answer (the browser's timeout and the challenge's life). */
export const CEREMONY_MINUTES = 5;
/** EdDSA, ES256, RS256: what authenticators make, named so that options and verification agree. */
const ALGORITHMS = [-8, -7, -257];
const RP_NAME = 'Painwise';

/** The user handle stored with a passkey: the account id's bytes, so the authenticator can say whose it is. */
function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(userId);
}

/** The challenge an answer carries in its client data, or undefined when that is not readable. */
function challengeOf(clientDataJSON: string): string | undefined {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 200 ? challenge : undefined;
  } catch {
    return undefined;
  }
}

function registrationRefused(): AppError {
  return new AppError('passkey-registration-failed', 'The passkey could not be added. Try again.');
}

function signInRefused(): AppError {
  return new AppError('passkey-not-accepted', 'That passkey was not accepted. Try again, or sign in with your password.');
}

export async function passkeyRegistrationOptions(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const userId = requireSessionUser(ctx);
  await requireSecondFactorSession(deps, ctx, sessionId);
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  const existing = await deps.store.passkeys.listForUser(userId);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: userHandleOf(userId),
    timeout: CEREMONY_MINUTES * 60_000,
    attestationType: 'none',
    // The same authenticator twice would be two names for one key.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: [...p.transports] })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    supportedAlgorithmIDs: ALGORITHMS,
  });
  await deps.store.passkeys.insertChallenge({
    challenge: options.challenge,
    purpose: 'register',
    userId,
    expiresAt: addMinutesIso(nowIso(deps), CEREMONY_MINUTES),
  });
  return options;
}

/**
 * Adds the passkey the browser made. Like turning on the authenticator app, proving the new passkey
 * (with its PIN or biometric) makes this session a two-step one: that is how a clinician whose clinic
 * requires a second factor gets in without signing in again.
 */
export async function addPasskey(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  rp: RelyingParty,
  input: { name: string; response: RegistrationResponseJSON },
): Promise<Passkey> {
  const userId = requireSessionUser(ctx);
  const now = nowIso(deps);
  const challenge = challengeOf(input.response.response.clientDataJSON);
  // Taken before anything is checked: a challenge answers once, whether that answer passes or not.
  const issued = challenge === undefined ? undefined : await deps.store.passkeys.takeChallenge(challenge, 'register', now);
  if (!challenge || !issued || issued.userId !== userId) throw registrationRefused();
  await requireSecondFactorSession(deps, ctx, sessionId);
  let info;
  try {
    const verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
    info = verification.verified ? verification.registrationInfo : undefined;
  } catch {
    info = undefined;
  }
  if (!info) throw registrationRefused();
  const passkey: Passkey = {
    id: deps.ids.newId(),
    credentialId: info.credential.id,
    userId,
    publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
    transports: (input.response.response.transports ?? []).slice(0, 10),
    name: input.name.trim(),
    createdAt: now,
    lastUsedAt: null,
  };
  try {
    await deps.store.transaction(async (tx) => {
      await tx.passkeys.insert(passkey);
      if (sessionId) await tx.secondFactors.markSessionAuthenticated(sessionId, now, 'passkey');
      await tx.audit.append([accountSecurityEvent(deps, ctx, 'account.passkey.add', { type: 'passkey', id: passkey.id })]);
    });
  } catch (error) {
    if (isUniqueViolationError(error)) throw new AppError('conflict', 'This passkey has already been added to an account.');
    throw error;
  }
  return passkey;
}

/**
 * Options for navigator.credentials.get(). To sign in, no allowCredentials: the browser offers the
 * passkeys it holds for this site, and the one chosen says whose it is. To re-authenticate, the
 * challenge belongs to the signed-in account and only its passkeys are offered.
 */
export async function passkeyAssertionOptions(
  deps: AppDeps,
  rp: RelyingParty,
  forUser: { userId: string; passkeys: readonly Passkey[] } | null = null,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'required',
    timeout: CEREMONY_MINUTES * 60_000,
    ...(forUser && { allowCredentials: forUser.passkeys.map((p) => ({ id: p.credentialId, transports: [...p.transports] })) }),
  });
  await deps.store.passkeys.insertChallenge({
    challenge: options.challenge,
    purpose: forUser ? 'reauthenticate' : 'sign-in',
    userId: forUser?.userId ?? null,
    expiresAt: addMinutesIso(nowIso(deps), CEREMONY_MINUTES),
  });
  return options;
}

/**
 * Failed passkey sign-ins count against the client address, as password failures across accounts do
 * (a passkey answer names no account that could be kept out). A signature cannot be guessed, so this
 * only keeps a client that sends garbage from making the server verify it without end.
 */
export function passkeyThrottleKey(ip: string): string {
  return sha256(`passkey-ip:${ip}`);
}

export async function checkPasskeyThrottle(deps: AppDeps, ip: string, now: string): Promise<void> {
  const s = deps.settings;
  const seen = await deps.store.signInFailures.summarizeSince(passkeyThrottleKey(ip), addMinutesIso(now, -s.signInWindowMinutes));
  const waitMs = computeWaitMs(seen.count, seen.latestAt, now, {
    freeFailures: s.signInFreeFailuresPerIp,
    baseSeconds: s.signInDelayBaseSeconds,
    maxSeconds: s.signInDelayMaxSeconds,
  });
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError('too-many-requests', `Too many failed sign-in attempts from here. Wait ${seconds} seconds and try again.`, {
      extra: { retryAfterSeconds: seconds },
    });
  }
}

/**
 * The passkey that signed this answer to a challenge made for `purpose` and passed every check, or
 * undefined. With `userId`, the challenge must have been made for that account and the passkey be one of its own.
 */
export async function verifiedPasskey(
  deps: AppDeps,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  now: string,
  purpose: Exclude<ChallengePurpose, 'register'> = 'sign-in',
  userId: string | null = null,
): Promise<Passkey | undefined> {
  const challenge = challengeOf(response.response.clientDataJSON);
  const issued = challenge === undefined ? undefined : await deps.store.passkeys.takeChallenge(challenge, purpose, now);
  if (!challenge || !issued || issued.userId !== userId) return undefined;
  const passkey = await deps.store.passkeys.findByCredentialId(response.id);
  if (!passkey || (userId !== null && passkey.userId !== userId)) return undefined;
  // The authenticator says whose passkey it is; it must be the account the key was added to.
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== Buffer.from(userHandleOf(passkey.userId)).toString('base64url')) return undefined;
  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
        counter: passkey.counter,
        transports: [...passkey.transports],
      },
      requireUserVerification: true,
    });
    if (!verification.verified) return undefined;
    newCounter = verification.authenticationInfo.newCounter;
  } catch {
    // A bad signature, origin, RP id, flags or a counter that went back (a cloned authenticator).
    return undefined;
  }
  // Compare-and-set: of two sign-ins that read the same counter, one moves it and the other is refused.
  return (await deps.store.passkeys.recordUse(passkey.id, passkey.counter, newCounter, now)) ? passkey : undefined;
}

/** Signs in with a passkey: a session exactly as a password sign-in makes, and the known-device cookie's token. */
export async function signInWithPasskey(
  deps: AppDeps,
  ctx: RequestContext,
  rp: RelyingParty,
  input: { response: AuthenticationResponseJSON; deviceToken?: string | undefined },
): Promise<IssuedSession & { deviceToken: string }> {
  const now = nowIso(deps);
  await checkPasskeyThrottle(deps, ctx.ip, now);
  const passkey = await verifiedPasskey(deps, rp, input.response, now);
  const user = passkey && (await deps.store.users.findById(passkey.userId));
  if (!user) {
    await deps.store.signInFailures.record(passkeyThrottleKey(ctx.ip), now);
    throw signInRefused();
  }
  const knownHash = await findKnownDevice(deps, input.deviceToken, user.id, now);
  const known = knownHash && input.deviceToken ? { token: input.deviceToken, hash: knownHash } : null;
  const deviceToken = await rememberDevice(deps, user.id, known, now);
  return { ...(await issueSession(deps, user, 'passkey')), deviceToken };
}

export async function listPasskeys(deps: AppDeps, ctx: RequestContext): Promise<readonly Passkey[]> {
  return deps.store.passkeys.listForUser(requireSessionUser(ctx));
}

export async function renamePasskey(deps: AppDeps, ctx: RequestContext, passkeyId: string, name: string): Promise<void> {
  const userId = requireSessionUser(ctx);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.passkeys.rename(userId, passkeyId, name.trim()))) throw new AppError('not-found', 'No such passkey.');
    await tx.audit.append([accountSecurityEvent(deps, ctx, 'account.passkey.rename', { type: 'passkey', id: passkeyId })]);
  });
}

/** Removing a way to sign in asks for the password: a session left open on a shared computer must not be enough. */
export async function removePasskey(deps: AppDeps, ctx: RequestContext, passkeyId: string, input: { password: string }): Promise<void> {
  const userId = requireSessionUser(ctx);
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
    throw new AppError('password-incorrect', 'The password is not correct.', {
      errors: [{ pointer: '/password', detail: 'This is not your password.' }],
    });
  }
  await deps.store.transaction(async (tx) => {
    if (!(await tx.passkeys.remove(userId, passkeyId))) throw new AppError('not-found', 'No such passkey.');
    await tx.audit.append([accountSecurityEvent(deps, ctx, 'account.passkey.remove', { type: 'passkey', id: passkeyId })]);
  });
}
