// Which database engines the *.int.test.ts files run on, and a fresh migrated database per use.
// PAINWISE_TEST_DIALECTS=sqlite,postgres (or one of them) decides when set; CI always sets it.
// Otherwise: both engines when a PostgreSQL is known (PAINWISE_TEST_POSTGRES_URL or DATABASE_URL) or a
// local one answers (see chooseTestDialects, run once by the Vitest global setup before the workers
// start, which passes its answer on in those two variables); SQLite alone when none does.
import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Dialect } from '../../src/storage/database.ts';

const ENGINES: readonly Dialect[] = ['sqlite', 'postgres'];

function configuredPostgresUrl(env: NodeJS.ProcessEnv): string | undefined {
  return env.PAINWISE_TEST_POSTGRES_URL || env.DATABASE_URL || undefined;
}

function listedDialects(env: NodeJS.ProcessEnv): Dialect[] | undefined {
  const listed = env.PAINWISE_TEST_DIALECTS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!listed || listed.length === 0) return undefined;
  const unknown = listed.filter((d) => !(ENGINES as readonly string[]).includes(d));
  if (unknown.length > 0) throw new Error(`PAINWISE_TEST_DIALECTS lists ${unknown.join(', ')}; the engines are ${ENGINES.join(', ')}.`);
  return listed as Dialect[];
}

const postgresUrl = configuredPostgresUrl(process.env);

function chooseDialects(): Dialect[] {
  return listedDialects(process.env) ?? (postgresUrl ? ['sqlite', 'postgres'] : ['sqlite']);
}

export const DIALECTS: readonly Dialect[] = chooseDialects();

/** Local servers tried when no PostgreSQL is configured: as the current OS user, then as `postgres`. */
export function localPostgresCandidates(): string[] {
  const users = [...new Set([os.userInfo().username, 'postgres'])];
  return users.map((user) => `postgres://${encodeURIComponent(user)}@127.0.0.1:5432/postgres`);
}

/** Whether a server answers at `url` within `timeoutMs` with a role that may create the test databases. */
async function canCreateDatabases(url: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ ok: boolean }>(
      'select (rolcreatedb or rolsuper) as ok from pg_roles where rolname = current_user',
    );
    return rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface DialectChoice {
  readonly dialects: readonly Dialect[];
  readonly postgresUrl: string | undefined;
  /** Why these engines, for the one line printed at the start of the run. */
  readonly reason: string;
}

/**
 * The engines for a run: the explicit PAINWISE_TEST_DIALECTS; else both when a PostgreSQL URL is
 * configured; else both when a local PostgreSQL lets us create databases; else SQLite alone.
 */
export async function chooseTestDialects(env: NodeJS.ProcessEnv = process.env, timeoutMs = 1000): Promise<DialectChoice> {
  const configured = configuredPostgresUrl(env);
  const listed = listedDialects(env);
  if (listed) return { dialects: listed, postgresUrl: configured, reason: 'PAINWISE_TEST_DIALECTS' };
  if (configured) return { dialects: ['sqlite', 'postgres'], postgresUrl: configured, reason: 'a PostgreSQL URL is configured' };
  for (const url of localPostgresCandidates()) {
    if (await canCreateDatabases(url, timeoutMs))
      return { dialects: ['sqlite', 'postgres'], postgresUrl: url, reason: 'a local PostgreSQL answered' };
  }
  return { dialects: ['sqlite'], postgresUrl: undefined, reason: 'no PostgreSQL configured and none answered on 127.0.0.1:5432' };
}

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly dialect: Dialect;
  /** PostgreSQL: where the database is, for a test that opens connections of its own. */
  readonly url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect, options: { sqlitePath?: string } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dialect: 'sqlite', path: options.sqlitePath ?? ':memory:' });
    await migrateToLatest(handle.db);
    return { handle, dialect, drop: () => handle.close() };
  }
  if (!postgresUrl) throw new Error('Set DATABASE_URL or PAINWISE_TEST_POSTGRES_URL to a PostgreSQL server to run PostgreSQL tests.');
  const name = `painwise_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ dialect: 'postgres', url: url.toString(), maxConnections: 5 });
  await migrateToLatest(handle.db);
  return {
    handle,
    dialect,
    url: url.toString(),
    async drop() {
      await handle.close();
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      // The pool's clients may still be closing; FORCE would terminate them mid-close and their
      // 'terminating connection' error would surface in whatever test runs next. Wait them out first.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
        if (Number(rows[0]!.n) === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
