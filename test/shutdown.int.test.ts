// SIGTERM on a real server process: /ready answers 503 at once (while the shutdown grace lets a load
// balancer notice), a request in flight is finished and answered, and only then does the process exit, with 0.
// Under load from four writers: writes keep being answered through the grace, none fails, and every
// one acknowledged is there when the server starts again.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/app/system.ts';
import { DIALECTS } from './support/dialects.ts';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { signUpOverHttp } from './support/http-user.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { diaryEntryIds, startWriteLoad } from './support/write-load.ts';

const GRACE_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** GET /ready on a connection of its own (no keep-alive), so the kernel may hand it to any thread. */
const readyOnNewConnection = (baseUrl: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get(`${baseUrl}/ready`, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      })
      .on('error', reject);
  });

describe.each(DIALECTS)('shutdown on %s', (dialect) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-shutdown-'));
  let database: EmptyPostgresDatabase | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /ready with 503 at once, finishes the request in flight, then exits 0', async () => {
    if (dialect === 'postgres') database = await createEmptyPostgresDatabase();
    server = await startServerProcess({
      PAINWISE_HTTP_THREADS: '1',
      PAINWISE_SHUTDOWN_GRACE_MS: String(GRACE_MS),
      ...(database ? { DATABASE_URL: database.url } : { PAINWISE_DATA_DIR: dataDir }),
    });
    const user = await signUpOverHttp(server.baseUrl);
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server!.child.once('exit', (code) => resolve({ code, at: performance.now() })),
    );

    // A write whose body is still arriving when SIGTERM comes: the server holds it in flight.
    const body = JSON.stringify({
      localDate: '2026-11-20',
      localTime: '09:00',
      timeZone: 'UTC',
      recordedAt: '2026-11-20T09:00:00.000Z',
      intensity: 3,
      regions: [],
    });
    const id = uuidv7(Date.now(), crypto.randomInt(4096));
    const answered = new Promise<{ status: number; at: number }>((resolve, reject) => {
      const req = http.request(
        `${server!.baseUrl}/api/patients/${user.patientId}/diary-entries/${id}`,
        { method: 'PUT', headers: user.headers },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, at: performance.now() }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 20));
      // The rest only after the grace, when the listener has closed.
      setTimeout(() => req.end(body.slice(20)), GRACE_MS + 700);
    });
    await sleep(200);
    server.child.kill('SIGTERM');
    await sleep(100);

    const ready = await fetch(`${server.baseUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'stopping' });

    const write = await answered;
    expect(write.status).toBe(201);
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(exit.at).toBeGreaterThanOrEqual(write.at);
  });

  it('under four writers: /ready answers 503 first, writes are answered through the grace, none is lost', { timeout: 90_000 }, async () => {
    await server?.stop('SIGKILL');
    // A longer grace than above: a loaded machine takes a while for each new connection.
    const grace = 4000;
    const env = {
      PAINWISE_HTTP_THREADS: '2',
      PAINWISE_SHUTDOWN_GRACE_MS: String(grace),
      ...(database ? { DATABASE_URL: database.url } : { PAINWISE_DATA_DIR: dataDir }),
    };
    server = await startServerProcess(env);
    const user = await signUpOverHttp(server.baseUrl);
    const load = startWriteLoad(() => server!.baseUrl, user);
    await load.acknowledgedMore(20);
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server!.child.once('exit', (code) => resolve({ code, at: performance.now() })),
    );
    server.child.kill('SIGTERM');
    const signalled = performance.now();
    // A load balancer polling /ready, each time on a new connection (so every thread answers in
    // turn): within moments of the signal it answers 503.
    const polls: number[] = [];
    while (polls.at(-1) !== 503 && performance.now() - signalled < grace / 2) polls.push(await readyOnNewConnection(server.baseUrl));
    const noticed = performance.now() - signalled;
    expect(polls.at(-1)).toBe(503);
    const beforeGrace = load.acknowledged.length;
    // The writers go on inside the grace (as they would until the balancer takes the server out).
    await sleep(300);
    await load.stop();
    const stoppedAt = performance.now() - signalled;
    const duringGrace = load.acknowledged.length - beforeGrace;
    // Still within the grace: /ready answers only 503 now, whichever thread takes the connection.
    for (let i = 0; i < 6; i++) polls.push(await readyOnNewConnection(server.baseUrl));
    const outcomes = Object.fromEntries(load.outcomes);
    expect(polls.slice(polls.indexOf(503))).toEqual(Array(polls.length - polls.indexOf(503)).fill(503));
    expect(outcomes).toEqual({ '201': load.acknowledged.length });
    expect(duringGrace).toBeGreaterThan(0);
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeGreaterThanOrEqual(stoppedAt);

    server = await startServerProcess(env);
    const served = await diaryEntryIds(server.baseUrl, user);
    expect(load.acknowledged.filter((id) => !served.has(id))).toEqual([]);
    console.log(
      `SIGTERM under load on ${dialect}: /ready answered 503 after ${noticed.toFixed(0)} ms (polls ${polls.join(',')}); ` +
        `${load.acknowledged.length} acknowledged (${duringGrace} after that), none failed, none lost`,
    );
  });

  it('stops no serving thread inside the grace: the finishing time starts after it', { timeout: 60_000 }, async () => {
    await server?.stop('SIGKILL');
    // A finishing time far shorter than the grace: a timer counted from SIGTERM would stop the second
    // thread in the middle of the grace, while it is still meant to serve.
    const grace = 3000;
    server = await startServerProcess({
      PAINWISE_HTTP_THREADS: '2',
      PAINWISE_SHUTDOWN_GRACE_MS: String(grace),
      PAINWISE_SHUTDOWN_TIMEOUT_MS: '200',
      ...(database ? { DATABASE_URL: database.url } : { PAINWISE_DATA_DIR: dataDir }),
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server!.child.once('exit', (code) => resolve({ code, at: performance.now() })),
    );
    server.child.kill('SIGTERM');
    const signalled = performance.now();
    // Well inside the grace (a loaded machine may accept a connection late, and one still waiting when
    // the listeners close at its end is reset), every new connection, to either thread, is answered.
    const polls: number[] = [];
    while (performance.now() - signalled < grace / 2) {
      polls.push(await readyOnNewConnection(server.baseUrl));
      await sleep(50);
    }
    expect(polls.length).toBeGreaterThan(3);
    expect(new Set(polls.slice(1))).toEqual(new Set([503]));
    const exit = await exited;
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeGreaterThanOrEqual(grace);
    expect(server.output()).not.toContain('did not finish in time');
  });
});
