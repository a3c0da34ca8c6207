// The data directory's disk fills up under a running SQLite server: writes are answered 503
// problem+json with Retry-After (the client may try again; nothing is half-written), reads keep
// working, and once space returns the same process takes writes again with every acknowledged one kept.
// The full disk is a small tmpfs mounted over the data directory, so the test needs to be root (CI is);
// anywhere it cannot mount, it says so as the reason it skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { putDiaryEntry, signUpOverHttp } from '../support/http-user.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** Mounts a tmpfs of `megabytes` on `dir`; the reason it could not, or undefined when it did. */
function mountTmpfs(dir: string, megabytes: number): string | undefined {
  if (process.platform !== 'linux') return `tmpfs mounts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'mounting a small tmpfs to fill needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

/** Writes zeros into `file` until the disk refuses (ENOSPC); returns the bytes written. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    for (;;) {
      try {
        written += writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw error;
      }
    }
    // Any last partial block too, so not even a page is left.
    for (let size = 32 * 1024; size >= 512; size /= 2) {
      try {
        written += writeSync(fd, Buffer.alloc(size));
      } catch {
        /* full at this size; try smaller */
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

describe.runIf(DIALECTS.includes('sqlite'))('a full disk under SQLite', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-full-'));
  const cannotMount = mountTmpfs(dataDir, 4);
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    if (!cannotMount) execFileSync('umount', ['-l', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers writes 503 with Retry-After while the disk is full, and takes them again once there is space', async (context) => {
    if (cannotMount) {
      console.warn(`SKIPPED the full-disk test: ${cannotMount}`);
      context.skip(cannotMount);
    }
    server = await startServerProcess({ PAINWISE_DATA_DIR: dataDir, PAINWISE_HTTP_THREADS: '2' });
    const user = await signUpOverHttp(server.baseUrl);
    const acknowledged: string[] = [];
    const write = async () => {
      const res = await putDiaryEntry(server!.baseUrl, user);
      if (res.status === 201) acknowledged.push(new URL(res.url).pathname.split('/').at(-1)!);
      return res;
    };
    for (let i = 0; i < 20; i++) expect((await write()).status).toBe(201);

    const filler = path.join(dataDir, 'filler');
    expect(fillDisk(filler)).toBeGreaterThan(0);
    // Writes until one meets the full disk (the WAL may still have room for a few).
    const refused: Response[] = [];
    for (let i = 0; i < 2000 && refused.length < 5; i++) {
      const res = await write();
      if (res.status !== 201) refused.push(res);
    }
    expect(refused.length).toBe(5);
    for (const res of refused) {
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await res.json()) as { code: string }).code).toBe('service-unavailable');
    }
    expect(server.child.exitCode).toBeNull();
    // A read of patient data writes its audit event, so it is refused the same way rather than left unaudited.
    const read = await fetch(`${server.baseUrl}/api/patients/${user.patientId}/diary-entries`, { headers: user.headers });
    expect([200, 503]).toContain(read.status);
    expect(read.status === 200 || read.headers.get('content-type')!.includes('application/problem+json')).toBe(true);
    expect(server.output()).not.toContain('unhandled error');

    unlinkSync(filler);
    // Space is back: the same process takes writes again.
    for (let i = 0; i < 20; i++) expect((await write()).status).toBe(201);
    expect((await fetch(`${server.baseUrl}/ready`)).status).toBe(200);
    await server.stop('SIGKILL');
    server = undefined;

    const db = new DatabaseSync(path.join(dataDir, 'painwise.sqlite'));
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const stored = new Set(
        (db.prepare("select id from versioned_record where kind = 'diary_entry'").all() as { id: string }[]).map((r) => r.id),
      );
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
