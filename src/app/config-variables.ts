// The settings the server reads from the environment, with their defaults and meanings: what the
// README's table and the start-up errors describe. The values themselves are read in config.ts.
import { DEFAULT_SETTINGS } from './context.ts';
import { DEFAULT_JOB_RUNNER } from './jobs.ts';
import { TRACING_VARIABLES } from './tracing-config.ts';

/**
 * How long the server waits on the database before it answers 503 (try again) instead of holding the
 * request. A request waits for a person: a few seconds is already long for one, and a request that
 * waits longer holds a pooled connection that others need.
 */
export interface DatabaseTimeouts {
  /** PostgreSQL: opening a connection, or waiting for a free one in the pool. */
  readonly connectMs: number;
  /** PostgreSQL `lock_timeout`: waiting for a row another transaction holds (one patient's writes queue on that patient's row). */
  readonly lockMs: number;
  /** PostgreSQL `statement_timeout`: any one statement; far above what a request's queries take, it stops a runaway query. */
  readonly statementMs: number;
  /** SQLite `busy_timeout`: waiting for another process that holds the file's write lock. */
  readonly sqliteBusyMs: number;
}

/**
 * 5 s to connect covers a slow network and TLS, and is where a person gives up on a tap; 5 s for a lock
 * is far above the milliseconds a write holds a patient's row, so only a stuck holder makes it fire;
 * 30 s per statement leaves room for the largest exports and reports while still ending a runaway
 * query. SQLite's 5 s matches the lock wait on PostgreSQL.
 */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5000, lockMs: 5000, statementMs: 30_000, sqliteBusyMs: 5000 };

/** PostgreSQL connections per process (see the pool-size decision record for the measurement behind it). */
export const DEFAULT_DATABASE_POOL_SIZE = 10;
/** Long enough that a person's burst of requests reads the session once; short enough to free a quiet session soon. */
export const DEFAULT_SESSION_CACHE_SECONDS = 10;

/** A bearer token shorter than this could be guessed; 32 characters is what `openssl rand -hex 16` gives. */
export const MIN_METRICS_TOKEN_LENGTH = 32;

export const ENVIRONMENT_VARIABLES: readonly { name: string; default: string; meaning: string }[] = [
  { name: 'PORT', default: '3000', meaning: 'TCP port to listen on' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'Address to listen on (0.0.0.0 to accept connections from other machines)' },
  { name: 'PAINWISE_DATA_DIR', default: './data', meaning: 'Folder for the embedded SQLite database' },
  { name: 'DATABASE_URL', default: '(unset: SQLite)', meaning: 'postgres://… to use PostgreSQL instead of SQLite' },
  {
    name: 'PAINWISE_PUBLIC_URL',
    default: '(unset)',
    meaning: 'Public URL; https:// enables Secure cookies and HSTS; passkeys belong to its host name (unset: only on localhost)',
  },
  { name: 'PAINWISE_TRUST_PROXY', default: 'false', meaning: 'true when behind a reverse proxy that sets X-Forwarded-For' },
  { name: 'PAINWISE_LOG_LEVEL', default: 'info', meaning: 'fatal, error, warn, info, debug, trace or silent' },
  { name: 'PAINWISE_BODY_LIMIT_BYTES', default: '1048576', meaning: 'Largest request body accepted' },
  {
    name: 'PAINWISE_HTTP_THREADS',
    default: 'CPUs (at most 4) on Linux, else 1',
    meaning: 'Threads serving HTTP in one process (Linux only above 1: they share the port with SO_REUSEPORT)',
  },
  {
    name: 'PAINWISE_DB_POOL_SIZE',
    default: String(DEFAULT_DATABASE_POOL_SIZE),
    meaning:
      "PostgreSQL: connections one process keeps in all, shared out among its HTTP threads (keep processes × size under the server's max_connections)",
  },
  {
    name: 'PAINWISE_DB_CONNECT_TIMEOUT_MS',
    default: String(DEFAULT_DATABASE_TIMEOUTS.connectMs),
    meaning: 'PostgreSQL: longest wait to open a connection or get one from the pool, then 503',
  },
  {
    name: 'PAINWISE_DB_LOCK_TIMEOUT_MS',
    default: String(DEFAULT_DATABASE_TIMEOUTS.lockMs),
    meaning: 'PostgreSQL: longest wait for a row lock (lock_timeout), then 503',
  },
  {
    name: 'PAINWISE_DB_STATEMENT_TIMEOUT_MS',
    default: String(DEFAULT_DATABASE_TIMEOUTS.statementMs),
    meaning: 'PostgreSQL: longest any statement may run (statement_timeout), then 503; migrations are exempt',
  },
  {
    name: 'PAINWISE_SQLITE_BUSY_TIMEOUT_MS',
    default: String(DEFAULT_DATABASE_TIMEOUTS.sqliteBusyMs),
    meaning: 'SQLite: longest wait for another process holding the write lock (busy_timeout), then 503',
  },
  {
    name: 'PAINWISE_SHUTDOWN_GRACE_MS',
    default: '0',
    meaning:
      'After SIGTERM, how long /ready answers 503 while requests are still served (time for a load balancer to notice), before in-flight requests finish and the process exits',
  },
  {
    name: 'PAINWISE_SHUTDOWN_TIMEOUT_MS',
    default: '15000',
    meaning:
      'After the shutdown grace, how long a further serving thread (PAINWISE_HTTP_THREADS > 1) may take to finish its requests in flight before it is stopped',
  },
  {
    name: 'PAINWISE_SESSION_CACHE_SECONDS',
    default: String(DEFAULT_SESSION_CACHE_SECONDS),
    meaning:
      'How long a serving thread may answer a session lookup from memory; any change to sessions, accounts, memberships or second factors (in any process) ends it at once; 0 turns it off',
  },
  {
    name: 'PAINWISE_JOB_POLL_MS',
    default: String(DEFAULT_JOB_RUNNER.intervalMs),
    meaning: 'How often each process looks for due background jobs (questionnaires falling due, housekeeping)',
  },
  {
    name: 'PAINWISE_SESSION_IDLE_MINUTES',
    default: String(DEFAULT_SETTINGS.sessionIdleMinutes),
    meaning: 'Sign out after this long without activity',
  },
  {
    name: 'PAINWISE_SESSION_ABSOLUTE_HOURS',
    default: String(DEFAULT_SETTINGS.sessionAbsoluteHours),
    meaning: 'Sign out this long after sign-in, however active',
  },
  // Throttling rather than lockout, so that nobody can lock a named account or everyone behind one
  // address; after OWASP's Authentication Cheat Sheet, "Protect against automated attacks":
  // https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#protect-against-automated-attacks
  {
    name: 'PAINWISE_SIGNIN_FREE_FAILURES',
    default: String(DEFAULT_SETTINGS.signInFreeFailures),
    meaning:
      'Failed sign-ins for one account from one client (an address, or a browser that signed in to it before) before each further attempt from that client must wait',
  },
  {
    name: 'PAINWISE_SIGNIN_FREE_FAILURES_PER_IP',
    default: String(DEFAULT_SETTINGS.signInFreeFailuresPerIp),
    meaning:
      'Failed sign-ins from one client address, across all accounts, before its attempts must wait (browsers known to the account excepted)',
  },
  {
    name: 'PAINWISE_SIGNIN_DELAY_BASE_SECONDS',
    default: String(DEFAULT_SETTINGS.signInDelayBaseSeconds),
    meaning: 'The first wait after the free failures; each further failure doubles it',
  },
  {
    name: 'PAINWISE_SIGNIN_DELAY_MAX_SECONDS',
    default: String(DEFAULT_SETTINGS.signInDelayMaxSeconds),
    meaning: 'The longest wait between sign-in attempts, however many have failed',
  },
  {
    name: 'PAINWISE_SIGNIN_WINDOW_MINUTES',
    default: String(DEFAULT_SETTINGS.signInWindowMinutes),
    meaning: 'Failed sign-ins older than this are forgotten',
  },
  {
    name: 'PAINWISE_SIGNIN_KNOWN_DEVICE_DAYS',
    default: String(DEFAULT_SETTINGS.signInKnownDeviceDays),
    meaning: "A browser that signed in stays known (not slowed by strangers' failures) this long after its last sign-in",
  },
  {
    name: 'PAINWISE_SMTP_URL',
    default: '(unset: no e-mail)',
    meaning:
      'smtp://user:password@host:587 (STARTTLS) or smtps://user:password@host:465 (user and password percent-encoded); set, sign-up confirms the address by e-mail and needs PAINWISE_MAIL_FROM and PAINWISE_PUBLIC_URL',
  },
  { name: 'PAINWISE_MAIL_FROM', default: '(unset)', meaning: 'From address of e-mail sent, e.g. "Painwise <no-reply@clinic.example>"' },
  {
    name: 'PAINWISE_SIGNUP_LINK_HOURS',
    default: String(DEFAULT_SETTINGS.signUpLinkHours),
    meaning: "With e-mail: how long a sign-up's confirmation link works",
  },
  {
    name: 'PAINWISE_SIGNUP_PER_EMAIL',
    default: String(DEFAULT_SETTINGS.signUpPerEmail),
    meaning: 'With e-mail: sign-ups for one address within the window before further ones are refused (429)',
  },
  {
    name: 'PAINWISE_SIGNUP_PER_IP',
    default: String(DEFAULT_SETTINGS.signUpPerIp),
    meaning: 'With e-mail: sign-ups from one client address within the window before further ones are refused (429)',
  },
  {
    name: 'PAINWISE_SIGNUP_WINDOW_MINUTES',
    default: String(DEFAULT_SETTINGS.signUpWindowMinutes),
    meaning: 'With e-mail: the sliding window of the sign-up limits',
  },
  {
    name: 'PAINWISE_REAUTH_MINUTES',
    default: String(DEFAULT_SETTINGS.reauthMinutes),
    meaning:
      'Sensitive actions (exporting everything, sharing a record, creating an API token, turning off two-step sign-in) ask for the password or a code again when none was typed within this many minutes',
  },
  {
    name: 'PAINWISE_CRISIS_LOCALE',
    default: DEFAULT_SETTINGS.crisisLocale,
    meaning: 'Which crisis resources to show when a PHQ-9 item 9 answer is above 0 (en-US: 988)',
  },
  {
    name: 'PAINWISE_ASSIGNMENT_OVERDUE_HOURS',
    default: String(DEFAULT_SETTINGS.assignmentOverdueHours),
    meaning: 'Hours after which an assigned questionnaire shows as overdue',
  },
  {
    name: 'PAINWISE_PANEL_PAIN_WORSENING_POINTS',
    default: String(DEFAULT_SETTINGS.panelPainWorseningPoints),
    meaning:
      "NRS points by which a patient's 7-day mean pain must exceed the 28 days before it for the clinic panel to call it worsening (the size of a clinically important reduction; no source gives one for a rise)",
  },
  {
    name: 'PAINWISE_PANEL_LAPSED_DAYS',
    default: String(DEFAULT_SETTINGS.panelLapsedDays),
    meaning: 'Days without a check-in after which the clinic panel calls a diary lapsed',
  },
  {
    name: 'PAINWISE_PANEL_REFRESH_MINUTES',
    default: String(DEFAULT_SETTINGS.panelRefreshMinutes),
    meaning: "Longest time a patient's clinic-panel summary goes without being recomputed (a write recomputes it within a minute)",
  },
  {
    name: 'PAINWISE_METRICS',
    default: 'false',
    meaning:
      'true serves Prometheus metrics at GET /metrics (requests by route template, database pool, job queue, process); see docs/operations.md',
  },
  {
    name: 'PAINWISE_METRICS_TOKEN',
    default: '(unset)',
    meaning: `When set (at least ${MIN_METRICS_TOKEN_LENGTH} characters), /metrics answers only requests with Authorization: Bearer <token>`,
  },
  ...TRACING_VARIABLES,
  {
    name: 'PAINWISE_BENCH_CALIBRATION',
    default: 'false',
    meaning: 'Benchmarks only, never in service: true serves an unauthenticated calibration write route',
  },
];
