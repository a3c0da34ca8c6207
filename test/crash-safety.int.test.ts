// An acknowledged write survives the process being killed: a real server process takes a burst of
// writes, is killed with SIGKILL mid-burst, and afterwards every write it answered 2xx is present and
// the SQLite file passes PRAGMA integrity_check.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

describe.runIf(DIALECTS.includes('sqlite'))('crash safety (SQLite)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-crash-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write after SIGKILL', async () => {
    server = await startServerProcess({ PAINWISE_DATA_DIR: dataDir });
    const signUp = await fetch(`${server.baseUrl}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'crash@example.test',
        password: 'survives a crash please',
        displayName: 'Crash',
        patient: { timeZone: 'UTC' },
      }),
    });
    expect(signUp.status).toBe(201);
    const me = (await signUp.json()) as { csrfToken: string; patient: { id: string } };
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const acknowledged: string[] = [];
    let killed = false;
    const write = async (i: number) => {
      try {
        const res = await fetch(`${server!.baseUrl}/api/patients/${me.patient.id}/caregivers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ label: `helper ${i}`, scopes: ['read'] }),
        });
        if (res.ok) acknowledged.push(((await res.json()) as { delegation: { id: string } }).delegation.id);
      } catch {
        /* the connection died with the process: not acknowledged */
      }
    };
    const burst: Promise<void>[] = [];
    for (let i = 0; i < 400; i++) {
      burst.push(write(i));
      if (i % 8 === 7) await Promise.race([Promise.all(burst.slice(-8)), new Promise((r) => setTimeout(r, 50))]);
      if (!killed && acknowledged.length >= 60) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
    await Promise.allSettled(burst);
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    const db = new DatabaseSync(path.join(dataDir, 'painwise.sqlite'));
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const stored = new Set((db.prepare('select id from delegation').all() as { id: string }[]).map((r) => r.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
    // And the server starts again on the same file.
    server = await startServerProcess({ PAINWISE_DATA_DIR: dataDir });
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
  });
});
