// PostgreSQL ends the server's connections (pg_terminate_backend, as an operator or a failover does):
// the process keeps serving, the request whose connection broke gets a 503 problem+json with
// Retry-After, and later requests run on fresh connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { DIALECTS } from './support/dialects.ts';
import { createEmptyPostgresDatabase, waitFor, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { putDiaryEntry, signUpOverHttp } from './support/http-user.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

describe.runIf(DIALECTS.includes('postgres'))('PostgreSQL ending the server’s connections', () => {
  let database: EmptyPostgresDatabase;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createEmptyPostgresDatabase();
    server = await startServerProcess({ DATABASE_URL: database.url, PAINWISE_HTTP_THREADS: '1' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  const brokenConnections = () =>
    server
      .output()
      .split('\n')
      .filter((l) => l.includes('a database connection broke')).length;

  it('keeps serving when its idle connections are ended', async () => {
    const user = await signUpOverHttp(server.baseUrl);
    expect((await putDiaryEntry(server.baseUrl, user)).status).toBe(201);
    const before = brokenConnections();
    expect(await database.terminateBackends()).toBeGreaterThan(0);
    // The server hears of it (the log says so) and is still alive.
    await waitFor('the server to notice', () => brokenConnections() > before);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
    expect((await putDiaryEntry(server.baseUrl, user)).status).toBe(201);
    expect((await fetch(`${server.baseUrl}/api/patients/${user.patientId}/diary-entries`, { headers: user.headers })).status).toBe(200);
  });

  it('answers 503 with Retry-After when the connection of a request in flight is ended, and serves the next', async () => {
    const user = await signUpOverHttp(server.baseUrl);
    // Hold the patient row so that the write waits inside its transaction.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await locker.query('begin');
      await locker.query('select id from patient where id = $1 for update', [user.patientId]);
      const inFlight = putDiaryEntry(server.baseUrl, user);
      await waitFor('the write to wait on the row lock', async () => {
        const { rows } = await locker.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'",
          [database.name],
        );
        return rows[0]!.n > 0;
      });
      expect(await database.terminateBackends([lockerPid])).toBeGreaterThan(0);
      const res = await inFlight;
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { code: string }).code).toBe('service-unavailable');
      await locker.query('rollback');
    } finally {
      await locker.end();
    }
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
    expect((await putDiaryEntry(server.baseUrl, user)).status).toBe(201);
  });
});
