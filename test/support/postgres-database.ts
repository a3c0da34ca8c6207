// An empty PostgreSQL database of its own for a test that starts a real server on it (the server
// migrates it), and an admin connection to end or inspect that server's backends.
import crypto from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL = process.env.PAINWISE_TEST_POSTGRES_URL || process.env.DATABASE_URL || undefined;

export interface EmptyPostgresDatabase {
  readonly name: string;
  readonly url: string;
  /** Ends every connection to this database except those listed, and returns how many were ended. */
  terminateBackends(except?: readonly number[]): Promise<number>;
  drop(): Promise<void>;
}

export async function createEmptyPostgresDatabase(): Promise<EmptyPostgresDatabase> {
  if (!POSTGRES_URL) throw new Error('Set DATABASE_URL or PAINWISE_TEST_POSTGRES_URL to a PostgreSQL server.');
  const name = `painwise_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async terminateBackends(except = []) {
      const { rows } = await admin.query<{ ended: boolean }>(
        'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> all($2::int[])',
        [name, [...except]],
      );
      return rows.filter((r) => r.ended).length;
    },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Waits until `check` is true, polling every 20 ms, or fails after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
