// Configuration comes only from the environment, validated once at start with messages a person can act on.
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SETTINGS, type AppSettings } from './context.ts';
import {
  DEFAULT_DATABASE_POOL_SIZE,
  DEFAULT_DATABASE_TIMEOUTS,
  DEFAULT_SESSION_CACHE_SECONDS,
  MIN_METRICS_TOKEN_LENGTH,
  type DatabaseTimeouts,
} from './config-variables.ts';
import { DEFAULT_JOB_RUNNER } from './jobs.ts';
import { readTracingConfig, type TracingConfig } from './tracing-config.ts';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection string, or undefined for the embedded SQLite file `<dataDir>/painwise.sqlite`. */
  readonly databaseUrl: string | undefined;
  /** The URL people reach Painwise at; `https:` turns on Secure cookies and HSTS. */
  readonly publicUrl: string | undefined;
  readonly secureCookies: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  readonly bodyLimitBytes: number;
  /** How many threads serve HTTP in one process; each runs the whole app over its own connection. */
  readonly httpThreads: number;
  /** PostgreSQL: connections this process keeps in all, shared out evenly among its serving threads. */
  readonly databasePoolSize: number;
  readonly databaseTimeouts: DatabaseTimeouts;
  /**
   * After SIGTERM, how long /ready answers 503 while requests are still served, before the listener closes. 0 by
   * default: a lone process (the laptop install) should stop at once; behind a load balancer, its health-check interval or so.
   */
  readonly shutdownGraceMs: number;
  /** After the grace: how long a further serving thread may take to finish before it is stopped. */
  readonly shutdownTimeoutMs: number;
  /**
   * Where the server sends e-mail (SMTP configured): sign-up then confirms the address by e-mail and
   * answers alike for every address. Unset on a one-person install, which signs up and in at once.
   */
  readonly mail: MailConfig | undefined;
  /** How often each process looks for due background jobs. */
  readonly jobPollMs: number;
  /** How long a serving thread keeps a session lookup (0: not at all). */
  readonly sessionCacheSeconds: number;
  readonly metrics: MetricsConfig;
  readonly tracing: TracingConfig | undefined;
  /** Benchmarks only: serve the calibration write (POST /bench/calibration/:patientId, no session needed). */
  readonly benchCalibration: boolean;
  readonly settings: AppSettings;
}

export interface MailConfig {
  /** smtp://user:password@host:port or smtps://… (a secret: it holds the password). */
  readonly smtpUrl: string;
  readonly from: string;
  /** The public URL, for links in messages (required with e-mail). */
  readonly publicUrl: string;
}

/** Prometheus metrics at GET /metrics: off unless asked for; with a token, only a scraper holding it reads them. */
export interface MetricsConfig {
  readonly enabled: boolean;
  readonly token: string | undefined;
}

export {
  DEFAULT_DATABASE_POOL_SIZE,
  DEFAULT_DATABASE_TIMEOUTS,
  DEFAULT_SESSION_CACHE_SECONDS,
  ENVIRONMENT_VARIABLES,
  MIN_METRICS_TOKEN_LENGTH,
  type DatabaseTimeouts,
} from './config-variables.ts';

/** Each serving thread holds its own copy of the app (about 70 MB measured), so the default stays laptop-sized. */
export const MAX_DEFAULT_HTTP_THREADS = 4;

/**
 * Several threads need SO_REUSEPORT to share one port, which Node offers on Linux (and some BSDs)
 * but not on macOS or Windows; elsewhere one thread serves, as it always did.
 */
export function defaultHttpThreads(platform: NodeJS.Platform = os.platform(), cpus: number = os.availableParallelism()): number {
  return platform === 'linux' ? Math.max(1, Math.min(cpus, MAX_DEFAULT_HTTP_THREADS)) : 1;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return false;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false (got "${raw}").`);
    return false;
  };
  const locale = (name: string, fallback: string): string => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(raw)) problems.push(`${name} must be a locale such as en-US (got "${raw}").`);
    return raw;
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must start with postgres:// or postgresql://.');
  let publicUrl = env.PAINWISE_PUBLIC_URL || undefined;
  if (publicUrl) {
    try {
      const u = new URL(publicUrl);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
      publicUrl = u.origin;
    } catch {
      problems.push(`PAINWISE_PUBLIC_URL must be an http:// or https:// URL (got "${publicUrl}").`);
    }
  }
  const smtpUrl = env.PAINWISE_SMTP_URL || undefined;
  const mailFrom = env.PAINWISE_MAIL_FROM?.trim() || undefined;
  if (smtpUrl) {
    // Parsed only to check it: the message names the variable, never its value (it holds a password).
    let parsed: URL | undefined;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname)
      problems.push(
        'PAINWISE_SMTP_URL must be smtp://host:port or smtps://host:port, with user:password@ before the host if the server needs it.',
      );
    if (!mailFrom) problems.push('PAINWISE_MAIL_FROM must be set with PAINWISE_SMTP_URL (the From address of messages).');
    if (!publicUrl) problems.push('PAINWISE_PUBLIC_URL must be set with PAINWISE_SMTP_URL (links in messages point to it).');
  } else if (mailFrom) problems.push('PAINWISE_MAIL_FROM is set but PAINWISE_SMTP_URL is not: no e-mail would be sent.');
  if (mailFrom && /[\r\n]/.test(mailFrom)) problems.push('PAINWISE_MAIL_FROM must be one line.');
  const metricsToken = env.PAINWISE_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && (metricsToken.length < MIN_METRICS_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(metricsToken)))
    problems.push(`PAINWISE_METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_LENGTH} printable characters without spaces.`);
  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
  const logLevel = (env.PAINWISE_LOG_LEVEL || 'info') as Config['logLevel'];
  if (!logLevels.includes(logLevel)) problems.push(`PAINWISE_LOG_LEVEL must be one of ${logLevels.join(', ')}.`);
  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.PAINWISE_DATA_DIR || './data'),
    databaseUrl,
    publicUrl,
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    logLevel,
    trustProxy: bool('PAINWISE_TRUST_PROXY'),
    bodyLimitBytes: int('PAINWISE_BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    httpThreads: int('PAINWISE_HTTP_THREADS', defaultHttpThreads(), 1, 64),
    databasePoolSize: int('PAINWISE_DB_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE, 2, 1000),
    databaseTimeouts: {
      connectMs: int('PAINWISE_DB_CONNECT_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.connectMs, 100, 600_000),
      lockMs: int('PAINWISE_DB_LOCK_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.lockMs, 10, 600_000),
      statementMs: int('PAINWISE_DB_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.statementMs, 100, 3_600_000),
      sqliteBusyMs: int('PAINWISE_SQLITE_BUSY_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.sqliteBusyMs, 0, 600_000),
    },
    shutdownGraceMs: int('PAINWISE_SHUTDOWN_GRACE_MS', 0, 0, 600_000),
    shutdownTimeoutMs: int('PAINWISE_SHUTDOWN_TIMEOUT_MS', 15_000, 100, 600_000),
    jobPollMs: int('PAINWISE_JOB_POLL_MS', DEFAULT_JOB_RUNNER.intervalMs, 50, 600_000),
    // At most a minute: under the shortest idle timeout, so a kept copy never outlives its session's touch.
    sessionCacheSeconds: int('PAINWISE_SESSION_CACHE_SECONDS', DEFAULT_SESSION_CACHE_SECONDS, 0, 60),
    metrics: { enabled: bool('PAINWISE_METRICS'), token: metricsToken },
    tracing: readTracingConfig(env, problems),
    benchCalibration: bool('PAINWISE_BENCH_CALIBRATION'),
    mail: smtpUrl && mailFrom && publicUrl ? { smtpUrl, from: mailFrom, publicUrl } : undefined,
    settings: {
      sessionIdleMinutes: int('PAINWISE_SESSION_IDLE_MINUTES', DEFAULT_SETTINGS.sessionIdleMinutes, 1, 7 * 24 * 60),
      sessionAbsoluteHours: int('PAINWISE_SESSION_ABSOLUTE_HOURS', DEFAULT_SETTINGS.sessionAbsoluteHours, 1, 24 * 90),
      signInFreeFailures: int('PAINWISE_SIGNIN_FREE_FAILURES', DEFAULT_SETTINGS.signInFreeFailures, 0, 1000),
      signInFreeFailuresPerIp: int('PAINWISE_SIGNIN_FREE_FAILURES_PER_IP', DEFAULT_SETTINGS.signInFreeFailuresPerIp, 0, 1_000_000),
      signInDelayBaseSeconds: int('PAINWISE_SIGNIN_DELAY_BASE_SECONDS', DEFAULT_SETTINGS.signInDelayBaseSeconds, 1, 3600),
      signInDelayMaxSeconds: int('PAINWISE_SIGNIN_DELAY_MAX_SECONDS', DEFAULT_SETTINGS.signInDelayMaxSeconds, 1, 24 * 3600),
      signInWindowMinutes: int('PAINWISE_SIGNIN_WINDOW_MINUTES', DEFAULT_SETTINGS.signInWindowMinutes, 1, 30 * 24 * 60),
      signInKnownDeviceDays: int('PAINWISE_SIGNIN_KNOWN_DEVICE_DAYS', DEFAULT_SETTINGS.signInKnownDeviceDays, 1, 3650),
      signUpLinkHours: int('PAINWISE_SIGNUP_LINK_HOURS', DEFAULT_SETTINGS.signUpLinkHours, 1, 24 * 30),
      signUpPerEmail: int('PAINWISE_SIGNUP_PER_EMAIL', DEFAULT_SETTINGS.signUpPerEmail, 1, 1000),
      signUpPerIp: int('PAINWISE_SIGNUP_PER_IP', DEFAULT_SETTINGS.signUpPerIp, 1, 1_000_000),
      signUpWindowMinutes: int('PAINWISE_SIGNUP_WINDOW_MINUTES', DEFAULT_SETTINGS.signUpWindowMinutes, 1, 30 * 24 * 60),
      reauthMinutes: int('PAINWISE_REAUTH_MINUTES', DEFAULT_SETTINGS.reauthMinutes, 1, 24 * 60),
      invitationDays: DEFAULT_SETTINGS.invitationDays,
      crisisLocale: locale('PAINWISE_CRISIS_LOCALE', DEFAULT_SETTINGS.crisisLocale),
      assignmentOverdueHours: int('PAINWISE_ASSIGNMENT_OVERDUE_HOURS', DEFAULT_SETTINGS.assignmentOverdueHours, 1, 24 * 60),
      panelPainWorseningPoints: int('PAINWISE_PANEL_PAIN_WORSENING_POINTS', DEFAULT_SETTINGS.panelPainWorseningPoints, 1, 10),
      panelLapsedDays: int('PAINWISE_PANEL_LAPSED_DAYS', DEFAULT_SETTINGS.panelLapsedDays, 1, 365),
      panelRefreshMinutes: int('PAINWISE_PANEL_REFRESH_MINUTES', DEFAULT_SETTINGS.panelRefreshMinutes, 1, 24 * 60),
    },
  };
  if (metricsToken !== undefined && !config.metrics.enabled)
    problems.push('PAINWISE_METRICS_TOKEN is set but PAINWISE_METRICS is not true: set both to serve metrics, or neither.');
  if (config.httpThreads > 1 && os.platform() !== 'linux')
    problems.push(`PAINWISE_HTTP_THREADS above 1 needs Linux (SO_REUSEPORT); this is ${os.platform()}.`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
