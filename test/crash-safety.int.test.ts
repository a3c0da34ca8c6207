// An acknowledged write survives the process being killed: a real server process takes diary writes
// from four writers and is killed with SIGKILL again and again mid-load; it is started again on the
// same database each time, and in the end every write it answered 201 is served by the diary pull
// (and, on SQLite, the file passes PRAGMA integrity_check). On PostgreSQL the database also ends the
// server's connections under the same load (pg_terminate_backend), which the process must outlive
// without losing an acknowledged write. CI kills a few times; `PAINWISE_FAULT_KILLS=20` kills more.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { signUpOverHttp } from './support/http-user.ts';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { diaryEntryIds, startWriteLoad } from './support/write-load.ts';

const KILLS = Number(process.env.PAINWISE_FAULT_KILLS || 2);
/** Acknowledged writes between one kill and the next. */
const WRITES_BETWEEN = 15;

const outcomeLine = (outcomes: ReadonlyMap<string, number>) =>
  [...outcomes]
    .sort()
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');

describe.each(DIALECTS)('crash safety on %s', (dialect) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-crash-'));
  let database: EmptyPostgresDatabase | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () =>
    startServerProcess({ PAINWISE_HTTP_THREADS: '2', ...(database ? { DATABASE_URL: database.url } : { PAINWISE_DATA_DIR: dataDir }) });

  it(`keeps every acknowledged write through ${KILLS} SIGKILLs under four writers`, { timeout: 120_000 + KILLS * 30_000 }, async () => {
    if (dialect === 'postgres') database = await createEmptyPostgresDatabase();
    server = await start();
    const user = await signUpOverHttp(server.baseUrl);
    const load = startWriteLoad(() => server!.baseUrl, user);
    const started = performance.now();
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        await load.acknowledgedMore(WRITES_BETWEEN);
        const dead = server;
        await dead.stop('SIGKILL');
        expect(dead.child.signalCode).toBe('SIGKILL');
        server = await start();
      }
      await load.acknowledgedMore(WRITES_BETWEEN);
    } finally {
      await load.stop();
    }
    const served = await diaryEntryIds(server.baseUrl, user);
    const lost = load.acknowledged.filter((id) => !served.has(id));
    console.log(
      `SIGKILL on ${dialect}: ${KILLS} kills in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `${load.acknowledged.length} acknowledged, ${lost.length} lost; answers ${outcomeLine(load.outcomes)}`,
    );
    expect(lost).toEqual([]);
    expect(load.acknowledged.length).toBeGreaterThanOrEqual((KILLS + 1) * WRITES_BETWEEN);

    if (dialect === 'sqlite') {
      await server.stop('SIGKILL');
      const db = new DatabaseSync(path.join(dataDir, 'painwise.sqlite'));
      try {
        expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      } finally {
        db.close();
      }
    }
  });

  it.runIf(dialect === 'postgres')(
    `keeps every acknowledged write and keeps serving through ${KILLS} rounds of pg_terminate_backend under four writers`,
    { timeout: 60_000 + KILLS * 10_000 },
    async () => {
      database ??= await createEmptyPostgresDatabase();
      if (!server || server.child.exitCode !== null || server.child.signalCode !== null) server = await start();
      const user = await signUpOverHttp(server.baseUrl);
      const load = startWriteLoad(() => server!.baseUrl, user);
      let ended = 0;
      try {
        for (let round = 0; round < KILLS; round++) {
          await load.acknowledgedMore(WRITES_BETWEEN);
          ended += await database.terminateBackends();
        }
        await load.acknowledgedMore(WRITES_BETWEEN);
      } finally {
        await load.stop();
      }
      expect(server.child.exitCode).toBeNull();
      expect(ended).toBeGreaterThanOrEqual(KILLS);
      const served = await diaryEntryIds(server.baseUrl, user);
      const lost = load.acknowledged.filter((id) => !served.has(id));
      console.log(
        `pg_terminate_backend: ${KILLS} rounds ended ${ended} connections, ${load.acknowledged.length} acknowledged, ` +
          `${lost.length} lost; answers ${outcomeLine(load.outcomes)}`,
      );
      expect(lost).toEqual([]);
      // Answers other than 201 are the 503s of writes whose connection was ended, never a 500.
      expect([...load.outcomes.keys()].filter((k) => k !== '201' && k !== '503')).toEqual([]);
    },
  );
});
