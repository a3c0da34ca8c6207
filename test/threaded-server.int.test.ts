// `painwise serve` with several threads (PAINWISE_HTTP_THREADS): every thread takes connections on the
// one port, their writes to the one SQLite file take turns without loss or SQLITE_BUSY, the diary's
// change sequence and day summary stay exact, and SIGTERM stops every thread cleanly.
import crypto from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { uuidv7 } from '../src/app/system.ts';
import { startServer } from '../src/api/main.ts';
import { DIALECTS } from './support/dialects.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const WRITES = 240;

describe.runIf(DIALECTS.includes('sqlite') && os.platform() === 'linux')('several serving threads (SQLite)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-threads-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('spreads concurrent writes over both threads and keeps every one exactly once', async () => {
    server = await startServerProcess({ PAINWISE_DATA_DIR: dataDir, PAINWISE_HTTP_THREADS: '2', PAINWISE_LOG_LEVEL: 'info' });
    const signUp = await fetch(`${server.baseUrl}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'threads@example.test',
        password: 'two threads one file',
        displayName: 'Threads',
        patient: { timeZone: 'UTC' },
      }),
    });
    expect(signUp.status).toBe(201);
    const me = (await signUp.json()) as { csrfToken: string; patient: { id: string } };
    const headers = {
      'content-type': 'application/json',
      cookie: signUp.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
      'x-csrf-token': me.csrfToken,
    };
    const base = `${server.baseUrl}/api/patients/${me.patient.id}/diary-entries`;

    // All at once: fetch opens a connection per request in flight, and the kernel spreads them over the threads.
    const ids = Array.from({ length: WRITES }, () => uuidv7(Date.now(), crypto.randomInt(4096)));
    // Reads are audited by a write outside any transaction: mixed in, they meet the batches of both threads.
    const reads = Array.from({ length: 40 }, async () => (await fetch(`${base}?limit=10`, { headers })).status);
    const statuses = await Promise.all(
      ids.map(async (id, i) => {
        const res = await fetch(`${base}/${id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({
            localDate: '2026-11-20',
            localTime: '09:00',
            timeZone: 'UTC',
            recordedAt: '2026-11-20T09:00:00.000Z',
            intensity: i % 11,
            regions: [{ code: 'lumbar-spine', intensity: 5, qualities: ['aching'] }],
          }),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect((await Promise.all(reads)).filter((s) => s !== 200)).toEqual([]);

    const pulled = (await (await fetch(`${base}?limit=1000`, { headers })).json()) as { items: { id: string; changeSeq: number }[] };
    expect(pulled.items.map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(pulled.items.map((x) => x.changeSeq)).toEqual(Array.from({ length: WRITES }, (_, i) => i + 1));
    const days = (await (
      await fetch(`${server.baseUrl}/api/patients/${me.patient.id}/day-summaries?from=2026-11-20&to=2026-11-20`, { headers })
    ).json()) as { entryCount: number }[];
    expect(days[0]?.entryCount).toBe(WRITES);

    // Both threads listened and both answered some of the writes.
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; thread?: number; req?: { method?: string } });
    expect(new Set(lines.filter((l) => l.msg?.startsWith('Server listening')).map((l) => l.thread)).size).toBe(2);
    expect(new Set(lines.filter((l) => l.msg === 'incoming request' && l.req?.method === 'PUT').map((l) => l.thread)).size).toBe(2);

    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('shares a chosen port when PORT is 0, and refuses a port another process holds', async () => {
    const env = { PAINWISE_DATA_DIR: dataDir, PAINWISE_HTTP_THREADS: '2', PAINWISE_LOG_LEVEL: 'silent', HOST: '127.0.0.1' };
    const running = await startServer({ ...env, PORT: '0' }, process.cwd());
    try {
      const port = Number(new URL(running.url).port);
      expect(port).toBeGreaterThan(0);
      // Many connections at once: every one is answered on that port, whichever thread takes it.
      const answers = await Promise.all(Array.from({ length: 40 }, async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status));
      expect(answers.every((s) => s === 200)).toBe(true);
    } finally {
      await running.close();
    }
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen({ port: 0, host: '127.0.0.1' }, resolve));
    try {
      const taken = (other.address() as net.AddressInfo).port;
      await expect(startServer({ ...env, PORT: String(taken) }, process.cwd())).rejects.toThrow(
        `Port ${taken} on 127.0.0.1 is already in use.`,
      );
    } finally {
      other.close();
    }
  });
});
