// Which database engines the *.int.test.ts files run on, and a fresh migrated database per use.
// Default: SQLite. With DATABASE_URL (or PAINWISE_TEST_POSTGRES_URL) set to a PostgreSQL server: PostgreSQL.
// PAINWISE_TEST_DIALECTS=sqlite,postgres runs both in one go.
import crypto from 'node:crypto';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type Dialect } from '../../src/storage/database.ts';

const postgresUrl = process.env.PAINWISE_TEST_POSTGRES_URL || process.env.DATABASE_URL || undefined;

function chooseDialects(): Dialect[] {
  const listed = process.env.PAINWISE_TEST_DIALECTS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (listed && listed.length > 0) return listed as Dialect[];
  return postgresUrl ? ['postgres'] : ['sqlite'];
}

export const DIALECTS: readonly Dialect[] = chooseDialects();

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly dialect: Dialect;
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
