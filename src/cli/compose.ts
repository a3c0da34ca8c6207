// Opens the configured database and builds the use-case dependencies for CLI commands.
import path from 'node:path';
import { loadConfig } from '../app/config.ts';
import type { AppDeps } from '../app/context.ts';
import { argon2idHasher, systemClock, systemIds } from '../app/system.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../storage/database.ts';
import { createKyselyStore } from '../storage/kysely-store.ts';

/** The embedded database's file in PAINWISE_DATA_DIR. */
export const SQLITE_FILE_NAME = 'painwise.sqlite';

export function openConfiguredDatabase(env: Readonly<Record<string, string | undefined>>): DatabaseHandle {
  const config = loadConfig(env, process.cwd());
  return config.databaseUrl
    ? openDatabase({ dialect: 'postgres', url: config.databaseUrl })
    : openDatabase({ dialect: 'sqlite', path: path.join(config.dataDir, SQLITE_FILE_NAME) });
}

export async function withDeps<T>(env: Readonly<Record<string, string | undefined>>, work: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = loadConfig(env, process.cwd());
  const database = openConfiguredDatabase(env);
  try {
    await migrateToLatest(database.db);
    const deps: AppDeps = {
      store: createKyselyStore(database),
      clock: systemClock,
      ids: systemIds(systemClock),
      hasher: argon2idHasher(),
      settings: config.settings,
    };
    return await work(deps);
  } finally {
    await database.close();
  }
}
