// Composition root of the server: read configuration, open the database, migrate, build the app, listen.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../app/config.ts';
import { argon2idHasher, systemClock, systemIds } from '../app/system.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../storage/database.ts';
import { createKyselyStore } from '../storage/kysely-store.ts';
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

export function openConfiguredDatabase(config: Config): DatabaseHandle {
  return config.databaseUrl
    ? openDatabase({ dialect: 'postgres', url: config.databaseUrl })
    : openDatabase({ dialect: 'sqlite', path: path.join(config.dataDir, 'painwise.sqlite') });
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(env: Readonly<Record<string, string | undefined>>, cwd: string): Promise<RunningServer> {
  const config = loadConfig(env, cwd);
  const database = openConfiguredDatabase(config);
  await migrateToLatest(database.db);
  const deps: ApiDeps = {
    store: createKyselyStore(database),
    clock: systemClock,
    ids: systemIds(systemClock),
    hasher: argon2idHasher(),
    settings: config.settings,
    cookies: { secure: config.secureCookies, idleMinutes: config.settings.sessionIdleMinutes },
  };
  const app = await buildApp(deps, { logLevel: config.logLevel, bodyLimitBytes: config.bodyLimitBytes, trustProxy: config.trustProxy, webRoot: WEB_ROOT });
  const address = await app.listen({ port: config.port, host: config.host });
  // Background work: every process runs the job runner; claims in the database keep jobs exclusive.
  const jobs = createJobRunner(deps, JOB_HANDLERS, {
    ...DEFAULT_JOB_RUNNER,
    onError: (job, error) => app.log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: error instanceof Error ? error.message : 'failed' }, 'job failed'),
  });
  await ensureMaintenanceScheduled(deps);
  jobs.start();
  return {
    app,
    url: address,
    async close() {
      await jobs.stop();
      await app.close();
      await database.close();
    },
  };
}
