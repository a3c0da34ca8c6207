// Composition root of the server: read configuration, open the database, migrate, build the app, listen.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../app/config.ts';
import { argon2idHasher, systemClock, systemIds } from '../app/system.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../storage/database.ts';
import { createKyselyStore } from '../storage/kysely-store.ts';
import { buildApp } from './build-app.ts';
import type { ApiDeps } from './types.ts';

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
  return {
    app,
    url: address,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
