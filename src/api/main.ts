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
import { buildApp } from './build-app.ts';
import { createJobRunner, DEFAULT_JOB_RUNNER, ensureMaintenanceScheduled, MAINTENANCE_JOB, maintenanceHandler, type JobHandler } from '../app/jobs.ts';
import { ASSIGNMENT_JOB, assignmentDueHandler } from '../app/instruments.ts';
import type { ApiDeps } from './types.ts';

/** Every kind of background job and what runs it. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [MAINTENANCE_JOB]: maintenanceHandler,
  [ASSIGNMENT_JOB]: assignmentDueHandler,
};

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const WEB_ROOT = path.join(PROJECT_ROOT, 'dist', 'web');

export function openConfiguredDatabase(config: Config, writeLock?: WriteLock): DatabaseHandle {
  return config.databaseUrl
    ? openDatabase({ dialect: 'postgres', url: config.databaseUrl })
    : openDatabase({ dialect: 'sqlite', path: path.join(config.dataDir, 'painwise.sqlite'), ...(writeLock ? { writeLock } : {}) });
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** What one serving thread needs beyond the configuration. */
export interface ThreadRole {
  /** The primary migrates and runs the background jobs; the others only serve. */
  readonly primary: boolean;
  /** Shared by every thread of the process when there are several (SQLite's one writer). */
  readonly writeLockBuffer?: SharedArrayBuffer;
  /** The port to share; the configured one unless that was 0 and the primary was given another. */
  readonly port?: number;
}

/** One thread's server: its own connection and app; `listen` opens its socket and starts its jobs. */
export async function prepareServerThread(config: Config, role: ThreadRole): Promise<{ app: FastifyInstance; listen(): Promise<RunningServer> }> {
  const database = openConfiguredDatabase(config, role.writeLockBuffer ? sharedWriteLock(role.writeLockBuffer) : undefined);
  if (role.primary) await migrateToLatest(database.db);
  const deps: ApiDeps = {
    store: createKyselyStore(database),
    clock: systemClock,
    ids: systemIds(systemClock),
    hasher: argon2idHasher(),
    settings: config.settings,
    cookies: { secure: config.secureCookies, idleMinutes: config.settings.sessionIdleMinutes },
  };
  const app = await buildApp(deps, { logLevel: config.logLevel, bodyLimitBytes: config.bodyLimitBytes, trustProxy: config.trustProxy, webRoot: WEB_ROOT });
  return {
    app,
    async listen() {
      // reusePort only when threads share the port: it is Linux-only, and one thread needs nothing of it.
      const address = await app.listen({ port: role.port ?? config.port, host: config.host, ...(config.httpThreads > 1 ? { reusePort: true } : {}) });
      // Background work: the primary thread of every process runs the job runner; claims in the database keep jobs exclusive.
      const jobs = role.primary
        ? createJobRunner(deps, JOB_HANDLERS, {
          ...DEFAULT_JOB_RUNNER,
          onError: (job, error) => app.log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error instanceof Error ? error.message : 'failed' }, 'job failed'),
        })
        : undefined;
      if (jobs) {
        await ensureMaintenanceScheduled(deps);
        jobs.start();
      }
      return {
        app,
        url: address,
        async close() {
          await jobs?.stop();
          await app.close();
          await database.close();
        },
      };
    },
  };
}

export async function startServer(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<RunningServer> {
  const config = loadConfig(env, cwd);
  if (config.httpThreads === 1) return (await prepareServerThread(config, { primary: true })).listen();
  // The further threads listen first, so that once the primary answers /ready every thread takes connections.
  // A configured port of 0 would give each thread its own port, so the primary chooses one first.
  const buffer = writeLockBuffer();
  const prepared = await prepareServerThread(config, { primary: true, writeLockBuffer: buffer });
  const port = config.port === 0 ? await freePortOn(config.host) : config.port;
  const workers: Worker[] = [];
  let primary: RunningServer;
  try {
    for (let i = 1; i < config.httpThreads; i++) {
      const worker = new Worker(new URL('./server-thread.ts', import.meta.url), { workerData: { env: { ...env }, cwd, port, writeLockBuffer: buffer } });
      workers.push(worker);
      await new Promise<void>((resolve, reject) => {
        worker.once('message', (m: { ready?: boolean; error?: string }) => (m.ready ? resolve() : reject(new Error(`a server thread failed to start: ${m.error}`))));
        worker.once('error', reject);
      });
      worker.removeAllListeners('error');
      worker.on('error', (error) => prepared.app.log.error({ err: error.message }, 'server thread failed'));
    }
    primary = await prepared.listen();
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    await prepared.app.close();
    throw error;
  }
  return {
    app: primary.app,
    url: primary.url,
    async close() {
      // Each thread stops taking connections and finishes what it holds; the primary closes last.
      await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage('close');
      })));
      await primary.close();
    },
  };
}

function freePortOn(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
