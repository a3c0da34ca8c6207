// Sign-in throttling that nobody can aim at someone else. A hard lock on an account lets anyone who
// knows an e-mail address keep its owner out, and a lock on an address locks out everyone behind
// the same NAT; instead, failures slow down only the client that made them.
// Source: OWASP Authentication Cheat Sheet, "Protect against automated attacks" (account lockout:
// exponential delays, keyed so an attacker cannot deny service to the owner):
// https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#protect-against-automated-attacks
//
// - Failures count per account × client, where the client is the browser when it holds a known-device
//   cookie for that account (it signed in to it before), and the client address otherwise.
// - After `signInFreeFailures` failures, the client waits before each further attempt: the base delay,
//   doubled per further failure, up to the longest delay. An attempt before then is refused with the
//   seconds left, and its password is never checked, so guessing during the wait gains nothing.
// - One address failing across many accounts (credential stuffing) waits the same way after a much
//   higher number of failures; a known device is exempt, so a stuffed NAT does not slow the regulars.
// - Keys hash the e-mail as typed (normalised), not the account, so an unknown address is throttled
//   exactly like a real one and a wait never tells whether an account exists.
import { AppError } from './errors.ts';
import { addMinutesIso, type AppDeps } from './context.ts';
import { sha256 } from './system.ts';

export interface ThrottleKeys {
  /** The account × client pair. */
  readonly pair: string;
  /** The client address across accounts; null for a known device. */
  readonly address: string | null;
}

export function throttleKeys(email: string, ip: string, knownDeviceHash: string | null): ThrottleKeys {
  return knownDeviceHash
    ? { pair: sha256(`account:${email}\ndevice:${knownDeviceHash}`), address: null }
    : { pair: sha256(`account:${email}\nip:${ip}`), address: sha256(`ip:${ip}`) };
}

/**
 * Milliseconds from `now` until the next attempt may be made, 0 when it may be made now. `failures`
 * counts the failures still remembered, the latest at `latestAt`; the first `freeFailures` cost
 * nothing, then the wait after the latest is base × 2^(failures − freeFailures), at most `maxSeconds`.
 */
export function computeWaitMs(
  failures: number,
  latestAt: string | null,
  now: string,
  policy: { readonly freeFailures: number; readonly baseSeconds: number; readonly maxSeconds: number },
): number {
  if (latestAt === null || failures < policy.freeFailures) return 0;
  // Capping the exponent first keeps 2 ** n finite however many failures were recorded.
  const doublings = Math.min(failures - policy.freeFailures, 40);
  const delayMs = Math.min(policy.baseSeconds * 2 ** doublings, policy.maxSeconds) * 1000;
  return Math.max(0, Date.parse(latestAt) + delayMs - Date.parse(now));
}

/** Refuses the attempt with 429 and the seconds left when this client must still wait. */
export async function checkSignInThrottle(deps: AppDeps, keys: ThrottleKeys, now: string): Promise<void> {
  const s = deps.settings;
  const since = addMinutesIso(now, -s.signInWindowMinutes);
  const delays = { baseSeconds: s.signInDelayBaseSeconds, maxSeconds: s.signInDelayMaxSeconds };
  const [pair, address] = await Promise.all([
    deps.store.signInFailures.summarizeSince(keys.pair, since),
    keys.address ? deps.store.signInFailures.summarizeSince(keys.address, since) : undefined,
  ]);
  const waitMs = Math.max(
    computeWaitMs(pair.count, pair.latestAt, now, { ...delays, freeFailures: s.signInFreeFailures }),
    address ? computeWaitMs(address.count, address.latestAt, now, { ...delays, freeFailures: s.signInFreeFailuresPerIp }) : 0,
  );
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError(
      'too-many-requests',
      `Too many failed sign-in attempts from here. Wait ${seconds} second${seconds === 1 ? '' : 's'} and try again, or reset your password.`,
      { extra: { retryAfterSeconds: seconds } },
    );
  }
}

/**
 * Counts the attempt as failed before its password is checked (the slow part), so that attempts sent
 * together mostly see each other; a success takes it back with `forgetSucceededAttempt`. Attempts that
 * arrive within the same few milliseconds can still each pass the check once.
 */
export async function recordSignInAttempt(deps: AppDeps, keys: ThrottleKeys, at: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.signInFailures.record(keys.pair, at);
    if (keys.address) await tx.signInFailures.record(keys.address, at);
  });
}

/** After a success: this client starts afresh for this account; the address keeps others' failures. */
export async function forgetSucceededAttempt(deps: AppDeps, keys: ThrottleKeys, at: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await tx.signInFailures.clear(keys.pair);
    if (keys.address) await tx.signInFailures.removeAt(keys.address, at);
  });
}

/**
 * The hash of a known-device token when the cookie names a device that signed in to this account and
 * was used within the known-device lifetime; null otherwise (no cookie, another account's, too old).
 */
export async function findKnownDevice(
  deps: AppDeps,
  token: string | undefined,
  userId: string | undefined,
  now: string,
): Promise<string | null> {
  if (!token) return null;
  const hash = sha256(token);
  // Looked up whether or not the account exists, so that the time taken does not tell.
  const found = await deps.store.knownDevices.find(hash);
  if (!found || !userId || found.userId !== userId) return null;
  if (found.lastUsedAt < addMinutesIso(now, -deps.settings.signInKnownDeviceDays * 24 * 60)) return null;
  return hash;
}

/** Marks this browser as known to the account: refreshes a known device, or issues a new token. */
export async function rememberDevice(
  deps: AppDeps,
  userId: string,
  known: { token: string; hash: string } | null,
  now: string,
): Promise<string> {
  if (known) {
    await deps.store.knownDevices.touch(known.hash, now);
    return known.token;
  }
  const token = deps.ids.newSecret(32);
  await deps.store.knownDevices.insert(sha256(token), userId, now);
  return token;
}
