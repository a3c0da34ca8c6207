// A lock held elsewhere does not hold the server: a write that would wait for it gets 503
// problem+json with Retry-After once the configured timeout fires, while /ready (and, on PostgreSQL,
// writes for other patients) answer at once. The lock is taken by a separate client, as a stuck
// transaction or a maintenance script would.
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { createEmptyPostgresDatabase, waitFor, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { putDiaryEntry, signUpOverHttp } from './support/http-user.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const LOCK_TIMEOUT_MS = 400;
/** Well under the default timeouts (5 s): a write that waited for the default, or for ever, fails the test. */
const PROMPT_MS = 2500;

async function timed(request: Promise<Response>): Promise<{ res: Response; ms: number }> {
  const started = performance.now();
  const res = await request;
  await res.clone().arrayBuffer();
  return { res, ms: performance.now() - started };
}

async function expectBusy(request: Promise<{ res: Response; ms: number }>): Promise<void> {
  const { res, ms } = await request;
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await res.json()) as { code: string }).code).toBe('service-unavailable');
  expect(ms).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS * 0.9);
  expect(ms).toBeLessThan(PROMPT_MS);
}

describe.runIf(DIALECTS.includes('postgres'))('a patient row locked elsewhere (PostgreSQL)', () => {
  let database: EmptyPostgresDatabase | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it('answers that patient’s write with 503 within the lock timeout and keeps /ready and other patients prompt', async () => {
    database = await createEmptyPostgresDatabase();
    server = await startServerProcess({
      DATABASE_URL: database.url,
      PAINWISE_HTTP_THREADS: '1',
      PAINWISE_DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
    });
    const [held, other] = [await signUpOverHttp(server.baseUrl), await signUpOverHttp(server.baseUrl)];
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('select id from patient where id = $1 for update', [held.patientId]);
      const signal = AbortSignal.timeout(10_000);
      const blocked = timed(putDiaryEntry(server.baseUrl, held, { signal }));
      const [ready, otherWrite] = await Promise.all([
        timed(fetch(`${server.baseUrl}/ready`, { signal })),
        timed(putDiaryEntry(server.baseUrl, other, { signal })),
      ]);
      expect(ready.res.status).toBe(200);
      expect(ready.ms).toBeLessThan(LOCK_TIMEOUT_MS);
      expect(otherWrite.res.status).toBe(201);
      expect(otherWrite.ms).toBeLessThan(LOCK_TIMEOUT_MS);
      await expectBusy(blocked);
    } finally {
      await locker.query('rollback').catch(() => {});
      await locker.end();
    }
    // Once the lock is gone, the same write goes through.
    expect((await putDiaryEntry(server.baseUrl, held)).status).toBe(201);
    await waitFor('the server to stay up', () => server!.child.exitCode === null);
  });
});

describe.runIf(DIALECTS.includes('sqlite'))('the database file locked by another process (SQLite)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-busy-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a write with 503 within the busy timeout and keeps /ready answering', async () => {
    server = await startServerProcess({
      PAINWISE_DATA_DIR: dataDir,
      PAINWISE_HTTP_THREADS: '1',
      PAINWISE_SQLITE_BUSY_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
    });
    const user = await signUpOverHttp(server.baseUrl);
    const locker = new DatabaseSync(path.join(dataDir, 'painwise.sqlite'));
    try {
      locker.exec('begin immediate');
      await expectBusy(timed(putDiaryEntry(server.baseUrl, user, { signal: AbortSignal.timeout(10_000) })));
      const ready = await timed(fetch(`${server.baseUrl}/ready`));
      expect(ready.res.status).toBe(200);
      expect(ready.ms).toBeLessThan(LOCK_TIMEOUT_MS);
    } finally {
      locker.exec('rollback');
      locker.close();
    }
    expect((await putDiaryEntry(server.baseUrl, user)).status).toBe(201);
  });
});
