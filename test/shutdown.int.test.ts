// SIGTERM on a real server process: /ready answers 503 at once (while the shutdown grace lets a load
// balancer notice), a request in flight is finished and answered, and only then does the process exit, with 0.
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

const GRACE_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
});
