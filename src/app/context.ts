// What every use case receives: its dependencies (ports and settings) and who is asking.
import type { Actor } from './policy.ts';
import type { Clock, Ids, PasswordHasher, Database } from './ports.ts';
import type { MailDeps } from './mail-port.ts';

export interface AppSettings {
  /** A session ends after this long without a request. */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  readonly sessionAbsoluteHours: number;
  /**
   * Sign-in throttling (see sign-in-throttle.ts): failed sign-ins for one account from one client (an
   * address, or a known device) before each further attempt from that client must wait.
   */
  readonly signInFreeFailures: number;
  /** Failed sign-ins from one address across all accounts before its attempts wait (known devices excepted). */
  readonly signInFreeFailuresPerIp: number;
  /** The first wait, in seconds; each further failure doubles it, up to the longest wait. */
  readonly signInDelayBaseSeconds: number;
  readonly signInDelayMaxSeconds: number;
  /** Failed sign-ins older than this are forgotten. */
  readonly signInWindowMinutes: number;
  /** A browser that signed in stays known for this long after its last sign-in. */
  readonly signInKnownDeviceDays: number;
  /** Where the server sends e-mail: how long a sign-up's confirmation link works. */
  readonly signUpLinkHours: number;
  /**
   * Where the server sends e-mail: sign-ups for one address, and from one client address, within the
   * window before further ones are refused (each sends a message, so these bound mail to a stranger).
   */
  readonly signUpPerEmail: number;
  readonly signUpPerIp: number;
  readonly signUpWindowMinutes: number;
  /**
   * Sensitive actions (exporting everything, sharing the record, API tokens, turning off the second
   * factor) need the password or a code typed within this many minutes (product setting).
   */
  readonly reauthMinutes: number;
  /** How long an invitation code stays valid. */
  readonly invitationDays: number;
  /** Which crisis resources to show (shown when a PHQ-9 item 9 answer is above 0), e.g. en-US → 988 Suicide & Crisis Lifeline. */
  readonly crisisLocale: string;
  /** A questionnaire due item counts as overdue this many hours after it fell due (product convention, not a clinical rule). */
  readonly assignmentOverdueHours: number;
  /**
   * The clinic panel calls a rise of the 7-day mean pain over the 28 days before it worsening from this
   * many NRS points. About 2 points is a clinically important reduction (Farrar 2001, Ostelo 2008); no
   * source here gives one for a rise, so the same size is the default.
   */
  readonly panelPainWorseningPoints: number;
  /** The panel calls a diary lapsed after this many days without a check-in (product convention). */
  readonly panelLapsedDays: number;
  /** Every patient's panel summary is recomputed at least this often, whether or not anything was written. */
  readonly panelRefreshMinutes: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  signInFreeFailures: 5,
  signInFreeFailuresPerIp: 100,
  signInDelayBaseSeconds: 1,
  signInDelayMaxSeconds: 15 * 60,
  signInWindowMinutes: 24 * 60,
  signInKnownDeviceDays: 180,
  signUpLinkHours: 24,
  signUpPerEmail: 3,
  signUpPerIp: 20,
  signUpWindowMinutes: 60,
  reauthMinutes: 10,
  invitationDays: 14,
  crisisLocale: 'en-US',
  assignmentOverdueHours: 48,
  panelPainWorseningPoints: 2,
  panelLapsedDays: 7,
  panelRefreshMinutes: 60,
};

export interface AppDeps {
  readonly store: Database;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly hasher: PasswordHasher;
  readonly settings: AppSettings;
  /** Present where the server sends e-mail (SMTP configured); absent on a one-person install. */
  readonly mail?: MailDeps;
}

export interface RequestContext {
  readonly actor: Actor;
  readonly requestId: string | null;
  /** The client address, only for rate limiting; never stored. */
  readonly ip: string;
}

let lastMs = Number.NaN;
let lastIso = '';

/** The clock's time as ISO-8601 text; formatted once per millisecond (a request asks several times). */
export function nowIso(deps: Pick<AppDeps, 'clock'>): string {
  const ms = deps.clock.now().getTime();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

export function addMinutesIso(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
