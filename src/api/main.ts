// Composition root of the server: read configuration, open the database, migrate, build the app, listen.
// With PAINWISE_HTTP_THREADS above 1, this thread (the primary) migrates, runs the background jobs and
// serves; each further thread (server-thread.ts) serves the same app on the same port (SO_REUSEPORT,
// the kernel spreads connections). On SQLite the threads' group commits take turns by a shared lock.
import net from 'node:net';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../app/config.ts';
import { argon2idHasher, systemClock, systemIds } from '../app/system.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../storage/database.ts';
import { createKyselyStore } from '../storage/kysely-store.ts';
import { sharedWriteLock, writeLockBuffer, type WriteLock } from '../storage/write-lock.ts';
import { profileChanges, profileChangesBuffer } from '../storage/session-cache.ts';
import { listenForProfileChanges } from '../storage/profile-change-listener.ts';
import { buildApp } from './build-app.ts';
import { createServerMetrics } from './metrics.ts';
import { registerBenchCalibrationRoute } from './routes/bench/calibration.routes.ts';
import {
  createJobRunner,
  DEFAULT_JOB_RUNNER,
  ensureMaintenanceScheduled,
  MAINTENANCE_JOB,
  maintenanceHandler,
  type JobHandler,
} from '../app/jobs.ts';
import { ASSIGNMENT_JOB, assignmentDueHandler } from '../app/instrument-assignments.ts';
import {
  createTriageProjector,
  ensureTriageSweepScheduled,
  thenRefreshTriage,
  TRIAGE_SWEEP_JOB,
  triageSweepHandler,
} from '../app/triage.ts';
import type { ApiDeps } from './types.ts';
import type { Tracing } from './tracing/tracing.ts';
import { smtpMailer } from '../app/smtp-mailer.ts';
import {
  confirmMailHandler,
  existingAccountMailHandler,
  SIGN_UP_CONFIRM_MAIL_JOB,
  SIGN_UP_EXISTING_MAIL_JOB,
} from '../app/sign-up-by-mail.ts';

/** Every kind of background job and what runs it. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [MAINTENANCE_JOB]: maintenanceHandler,
  [ASSIGNMENT_JOB]: thenRefreshTriage(assignmentDueHandler),
  [TRIAGE_SWEEP_JOB]: triageSweepHandler,
  [SIGN_UP_CONFIRM_MAIL_JOB]: confirmMailHandler,
  [SIGN_UP_EXISTING_MAIL_JOB]: existingAccountMailHandler,
};

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const WEB_ROOT = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * A serving thread's connection. On PostgreSQL the process keeps PAINWISE_DB_POOL_SIZE connections in
 * all whatever the number of threads, so that several processes still fit under the server's limit.
 * `migrating`: a connection for migrations, without lock and statement timeouts (a migration may
 * rewrite a large table, and must not fail half-way because it waited for a lock).
 */
export function openConfiguredDatabase(
  config: Config,
  options: { writeLock?: WriteLock; onConnectionError?: (error: Error) => void; migrating?: boolean; tracing?: Tracing } = {},
): DatabaseHandle {
  const timeouts = config.databaseTimeouts;
  return config.databaseUrl
    ? openDatabase({
        dialect: 'postgres',
        url: config.databaseUrl,
        maxConnections: options.migrating ? 1 : Math.max(2, Math.ceil(config.databasePoolSize / config.httpThreads)),
        connectTimeoutMs: timeouts.connectMs,
        ...(options.migrating ? {} : { lockTimeoutMs: timeouts.lockMs, statementTimeoutMs: timeouts.statementMs }),
        ...(options.onConnectionError ? { onConnectionError: options.onConnectionError } : {}),
        ...(options.tracing ? { tracing: options.tracing.statements('postgresql') } : {}),
      })
    : openDatabase({
        dialect: 'sqlite',
        path: path.join(config.dataDir, 'painwise.sqlite'),
        busyTimeoutMs: timeouts.sqliteBusyMs,
        ...(options.writeLock ? { writeLock: options.writeLock } : {}),
        ...(options.tracing ? { tracing: options.tracing.statements('sqlite') } : {}),
      });
}

/** Applies pending migrations (on PostgreSQL over a connection of their own, without timeouts). */
async function migrate(config: Config, database: DatabaseHandle): Promise<void> {
  if (database.dialect === 'sqlite') {
    await migrateToLatest(database.db);
    return;
  }
  const migrating = openConfiguredDatabase(config, { migrating: true });
  try {
    await migrateToLatest(migrating.db);
  } finally {
    await migrating.close();
  }
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** /ready answers 503 from now on (everything else is still served), then the shutdown grace passes. */
  drain(): Promise<void>;
  /** Drains, stops taking connections, finishes the requests in hand and closes the database. */
  close(): Promise<void>;
}

/** What one serving thread needs beyond the configuration. */
export interface ThreadRole {
  /** The primary migrates and runs the background jobs; the others only serve. */
  readonly primary: boolean;
  /** Shared by every thread of the process when there are several (SQLite's one writer). */
  readonly writeLockBuffer?: SharedArrayBuffer;
  /** With several threads and metrics on: the channel on which the threads pool their figures for a scrape. */
  readonly metricsChannel?: string;
  /** Shared by every thread of the process: the count of changes to what session lookups read. */
  readonly profileChangesBuffer?: SharedArrayBuffer;
}

/** One thread's server: its own connection and app; `listen` opens its socket and starts its jobs. */
export async function prepareServerThread(
  config: Config,
  role: ThreadRole,
): Promise<{ app: FastifyInstance; listen(port: number): Promise<RunningServer>; close(): Promise<void> }> {
  let app: FastifyInstance | undefined;
  let stopping = false;
  // The pool has already discarded the connection and opens another when one is needed; this only tells the operator.
  const onConnectionError = (error: Error): void => {
    app?.log.warn({ err: { type: error.name, code: (error as { code?: unknown }).code } }, 'a database connection broke; it was discarded');
  };
  // Each thread its own provider and exporter; the SDK is loaded only when tracing is configured.
  const tracing = config.tracing ? (await import('./tracing/tracing.ts')).createTracing(config.tracing) : undefined;
  const database = openConfiguredDatabase(config, {
    ...(role.writeLockBuffer ? { writeLock: sharedWriteLock(role.writeLockBuffer) } : {}),
    onConnectionError,
    ...(tracing ? { tracing } : {}),
  });
  const changes = profileChanges(role.profileChangesBuffer);
  // PostgreSQL: other processes' changes are heard on a connection of this thread's own; until it is
  // listening, and whenever it breaks, the thread reads every session from the database.
  const listener =
    config.databaseUrl && config.sessionCacheSeconds > 0
      ? listenForProfileChanges(config.databaseUrl, changes, {
          onConnectionError: (error) =>
            app?.log.warn(
              { err: { type: error.name, code: (error as { code?: unknown }).code } },
              'the session-change listener lost its connection; sessions are read from the database until it is back',
            ),
        })
      : undefined;
  const deps: ApiDeps = {
    store: createKyselyStore(database, {
      profileChanges: changes,
      sessionCache: { ttlMs: config.sessionCacheSeconds * 1000, ...(listener ? { hearing: listener.hearing } : {}) },
    }),
    clock: systemClock,
    ids: systemIds(systemClock),
    hasher: argon2idHasher(),
    settings: config.settings,
    cookies: { secure: config.secureCookies, idleMinutes: config.settings.sessionIdleMinutes },
    // Every thread knows e-mail is on (sign-up answers differently); only the primary's job runner sends.
    ...(config.mail
      ? { mail: { mailer: smtpMailer(config.mail.smtpUrl, config.mail.from), from: config.mail.from, publicUrl: config.mail.publicUrl } }
      : {}),
  };
  // A panel half a minute behind is current enough for triage, and every write to one patient in that
  // time (a batch, a questionnaire and its alert, a device writing every minute) counts once; at 10 a
  // second the recomputation stays a small share of the database's work under any write load (measured
  // with npm run bench on PostgreSQL: 1 s and 50 a second cost a fifth of the write throughput).
  const triage = createTriageProjector(deps, {
    delayMs: 30_000,
    maxPerSecond: 10,
    onError: (error) => app?.log.warn({ err: error instanceof Error ? error.name : 'failed' }, 'a panel summary was not refreshed'),
  });
  const metrics = config.metrics.enabled
    ? createServerMetrics({
        primary: role.primary,
        ...(role.metricsChannel ? { threads: { channel: role.metricsChannel, count: config.httpThreads } } : {}),
        ...(database.poolStats ? { poolStats: database.poolStats } : {}),
        jobQueue: (now) => deps.store.jobs.queueStats(now),
        now: () => deps.clock.now(),
      })
    : undefined;
  try {
    if (role.primary) await migrate(config, database);
    app = await buildApp(deps, {
      onPatientChanged: triage.markChanged,
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
      trustProxy: config.trustProxy,
      webRoot: WEB_ROOT,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      isStopping: () => stopping,
      plugins: config.benchCalibration ? [registerBenchCalibrationRoute] : [],
      ...(metrics ? { metrics: { recorder: metrics, token: config.metrics.token } } : {}),
      ...(tracing ? { tracing } : {}),
    });
  } catch (error) {
    metrics?.close();
    await listener?.close();
    await database.close();
    await tracing?.shutdown();
    throw error;
  }
  let jobs: ReturnType<typeof createJobRunner> | undefined;
  // A load balancer polling /ready sees 503 at once and stops sending new requests; during the grace
  // those it still sends are served as usual.
  let draining: Promise<void> | undefined;
  const drain = (): Promise<void> => {
    stopping = true;
    draining ??= new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    return draining;
  };
  // Stop taking connections and finish the requests in hand, let the queued commits finish (and take
  // no new turn at the shared write lock), then close the connection.
  const close = async (): Promise<void> => {
    await drain();
    await jobs?.stop();
    await app.close();
    metrics?.close();
    await triage.stop();
    await deps.store.settle();
    await listener?.close();
    await database.close();
    deps.mail?.mailer.close();
    // Last, so that the spans of the final requests and statements are sent too.
    await tracing?.shutdown();
  };
  return {
    app,
    close,
    async listen(port) {
      // reusePort only when threads share the port: it is Linux-only, and one thread needs nothing of it.
      const address = await app.listen({ port, host: config.host, ...(config.httpThreads > 1 ? { reusePort: true } : {}) });
      // Background work: the primary thread of every process runs the job runner; claims in the database keep jobs exclusive.
      if (role.primary) {
        const handlers = tracing
          ? Object.fromEntries(Object.entries(JOB_HANDLERS).map(([kind, handler]) => [kind, tracing.job(kind, handler)]))
          : JOB_HANDLERS;
        jobs = createJobRunner(deps, handlers, {
          ...DEFAULT_JOB_RUNNER,
          intervalMs: config.jobPollMs,
          onError: (job, error) =>
            app.log.error(
              { jobId: job.id, kind: job.kind, attempts: job.attempts, err: error instanceof Error ? error.message : 'failed' },
              'job failed',
            ),
        });
        await ensureMaintenanceScheduled(deps);
        await ensureTriageSweepScheduled(deps);
        jobs.start();
      }
      return { app, url: address, drain, close };
    },
  };
}

export async function startServer(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<RunningServer> {
  const config = loadConfig(env, cwd);
  if (config.httpThreads === 1) {
    const single = await prepareServerThread(config, { primary: true });
    try {
      return await single.listen(config.port);
    } catch (error) {
      await single.close();
      throw error;
    }
  }
  // SO_REUSEPORT would also let an unrelated process on the same port share it without an error, so
  // first make sure the port is free (or choose one: a port of 0 would give each thread its own).
  const port = await claimPort(config.host, config.port);
  const buffer = writeLockBuffer();
  const changesBuffer = profileChangesBuffer();
  // One name per process, so that two servers in one process (tests) never answer each other's scrapes.
  const metricsChannel = config.metrics.enabled ? `painwise-metrics-${crypto.randomUUID()}` : undefined;
  const threadShared = { writeLockBuffer: buffer, profileChangesBuffer: changesBuffer, ...(metricsChannel ? { metricsChannel } : {}) };
  const prepared = await prepareServerThread(config, { primary: true, ...threadShared });
  const workers: Worker[] = [];
  let closing = false;
  const fatal = (what: string) => {
    if (closing) return;
    // A thread that died may have held its turn at the write lock: every other write would wait for
    // ever. Stop the process, so that its supervisor starts a whole one (every acknowledged write is on disk).
    prepared.app.log.fatal({ err: what }, 'a server thread stopped; exiting');
    process.exit(1);
  };
  let primary: RunningServer;
  try {
    // The further threads listen first and the primary last, so that once startServer returns every
    // thread takes connections.
    for (let i = 1; i < config.httpThreads; i++) {
      const worker = new Worker(new URL('./server-thread.ts', import.meta.url), {
        workerData: { env: { ...env }, cwd, port, ...threadShared },
      });
      workers.push(worker);
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (m: { ready?: boolean; error?: string }) =>
          m.ready ? resolve() : reject(new Error(`A server thread failed to start: ${m.error}`)),
        );
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`A server thread exited with code ${code} while starting.`)));
      });
      worker.removeAllListeners();
      worker.on('error', (error) => fatal(error.message));
      worker.on('exit', (code) => fatal(`exited with code ${code}`));
    }
    primary = await prepared.listen(port);
  } catch (error) {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
    await prepared.close();
    throw error;
  }
  return {
    app: primary.app,
    url: primary.url,
    drain: primary.drain,
    async close() {
      closing = true;
      // Every thread drains at once; each stops taking connections, finishes what it holds and closes
      // its connection; the primary closes last. A thread that has not finished by the end of the grace
      // and the finishing time after it is stopped. The clock starts with the grace, which each thread
      // spends serving on purpose: a timer shorter than the grace would stop a thread that is doing its job.
      await Promise.all([
        primary.drain(),
        ...workers.map(
          (w, i) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                prepared.app.log.warn({ thread: i + 1 }, 'a server thread did not finish in time after the shutdown grace; stopping it');
                void w.terminate();
              }, config.shutdownGraceMs + config.shutdownTimeoutMs);
              w.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              w.postMessage('close');
            }),
        ),
      ]);
      await primary.close();
    },
  };
}

/** Checks that `port` is free on `host` (0: picks a free one) and returns it, leaving it unbound. */
function claimPort(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use.`) : error);
    });
    probe.listen({ port, host, exclusive: true }, () => {
      const chosen = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(chosen));
    });
  });
}
