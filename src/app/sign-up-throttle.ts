// Sign-up rate limits, where sign-up sends e-mail. Each sign-up sends a message to the address typed,
// so without a limit anyone could flood a stranger's mailbox through this server, or use it to send
// mail in bulk. Two limits within a sliding window: per address typed (whatever the client), and per
// client address (across addresses typed). Attempts are counted in the same table as failed sign-ins,
// under keys of their own, and as hashes: an address is never stored in clear for this.
// A refusal is the same for an address with an account and one without, so it tells nothing either.
import { AppError } from './errors.ts';
import { addMinutesIso, type AppDeps } from './context.ts';
import { sha256 } from './system.ts';

export interface SignUpThrottleKeys {
  readonly email: string;
  readonly ip: string;
}

export function signUpThrottleKeys(email: string, ip: string): SignUpThrottleKeys {
  return { email: sha256(`sign-up:account:${email}`), ip: sha256(`sign-up:ip:${ip}`) };
}

/**
 * Refuses with 429 and the seconds until the window has passed the latest attempt when either limit is
 * reached; otherwise counts this attempt. Attempts refused are not counted, so waiting is enough.
 */
export async function takeSignUpAttempt(deps: AppDeps, keys: SignUpThrottleKeys, now: string): Promise<void> {
  const s = deps.settings;
  const since = addMinutesIso(now, -s.signUpWindowMinutes);
  const [email, ip] = await Promise.all([
    deps.store.signInFailures.summarizeSince(keys.email, since),
    deps.store.signInFailures.summarizeSince(keys.ip, since),
  ]);
  const over = [email.count >= s.signUpPerEmail ? email.latestAt : null, ip.count >= s.signUpPerIp ? ip.latestAt : null].filter(
    (at): at is string => at !== null,
  );
  if (over.length > 0) {
    // The window includes its first instant, so the latest attempt still counts at exactly window's length.
    const until = Math.max(...over.map((at) => Date.parse(addMinutesIso(at, s.signUpWindowMinutes)) + 1));
    const seconds = Math.max(1, Math.ceil((until - Date.parse(now)) / 1000));
    throw new AppError('too-many-requests', `Too many sign-ups from here or for this address. Wait ${formatWait(seconds)} and try again.`, {
      extra: { retryAfterSeconds: seconds },
    });
  }
  await deps.store.transaction(async (tx) => {
    await tx.signInFailures.record(keys.email, now);
    await tx.signInFailures.record(keys.ip, now);
  });
}

function formatWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}
