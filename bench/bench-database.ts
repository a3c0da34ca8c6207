// The database a benchmark runs against: a fresh SQLite file or a fresh PostgreSQL database created
// beside the one it is given, migrated, with the app's dependencies over it for seeding. Every benchmark
// starts from an empty database so that one run's rows never slow the next.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { DEFAULT_SETTINGS } from '../src/app/context.ts';
import { argon2idHasher, systemClock, systemIds } from '../src/app/system.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../src/storage/database.ts';
import { createKyselyStore } from '../src/storage/kysely-store.ts';

export interface BenchDatabase {
  readonly handle: DatabaseHandle;
  /** What the server process is started with to use the same database. */
  readonly env: Record<string, string>;
  readonly deps: {
    store: ReturnType<typeof createKyselyStore>;
    clock: typeof systemClock;
    ids: ReturnType<typeof systemIds>;
    hasher: ReturnType<typeof argon2idHasher>;
    settings: typeof DEFAULT_SETTINGS;
  };
  /** Drops the PostgreSQL database (a SQLite file stays in the temporary folder). */
  readonly drop: () => Promise<void>;
}

export async function createBenchDatabase(
  engine: 'sqlite' | 'postgres',
  postgresUrl: string | undefined,
  prefix: string,
): Promise<BenchDatabase> {
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let drop = async () => {};
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    handle = openDatabase({ dialect: 'sqlite', path: path.join(dir, 'painwise.sqlite') });
    env = { PAINWISE_DATA_DIR: dir, DATABASE_URL: '' };
  } else {
    if (!postgresUrl) throw new Error('PAINWISE_BENCH_POSTGRES_URL is not set');
    const name = `${prefix.replaceAll('-', '_')}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    handle = openDatabase({ dialect: 'postgres', url: url.toString() });
    env = { DATABASE_URL: url.toString() };
    drop = async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  await migrateToLatest(handle.db);
  const deps = {
    store: createKyselyStore(handle),
    clock: systemClock,
    ids: systemIds(),
    hasher: argon2idHasher(),
    settings: DEFAULT_SETTINGS,
  };
  return { handle, env, deps, drop };
}

/** Signs in over HTTP and returns the session cookie with the body the sign-in answered. */
export async function signInOverHttp<T = unknown>(
  baseUrl: string,
  credentials: unknown,
): Promise<{ status: number; cookie: string; body: T }> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { status: res.status, cookie, body: (await res.json()) as T };
}
