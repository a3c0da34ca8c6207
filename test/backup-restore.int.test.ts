// A backup taken while a real server takes diary check-ins from four writers holds every write the
// server acknowledged before the backup started, restores into a new data directory (SQLite) or a new
// empty database (PostgreSQL) with `painwise restore`, and a server started on the restored copy serves
// them all. The copy is one transaction's view: every record in it has its audit row (both are written
// in the same transaction), and on SQLite it passes integrity_check. The commands run as an operator
// runs them, as `painwise` processes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/dialects.ts';
import { signUpOverHttp } from './support/http-user.ts';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { PROJECT_ROOT, startServerProcess, type ServerProcess } from './support/server-process.ts';
import { diaryEntryIds, startWriteLoad } from './support/write-load.ts';

/** Acknowledged writes before the backup starts. */
const WRITES_BEFORE = 60;

interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

function painwise(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/main.ts'), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, PAINWISE_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const RECORDS_WITHOUT_AUDIT = `select count(*) as n from versioned_record r
  where not exists (select 1 from audit_event a where a.resource_id = r.id)`;

describe.each(DIALECTS)('backup and restore on %s', (dialect) => {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-backup-'));
  const databases: EmptyPostgresDatabase[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    for (const database of databases) await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Where an installation keeps its data: a data directory, or an empty database of its own. */
  const newInstallation = async (name: string): Promise<Record<string, string>> => {
    if (dialect === 'sqlite') return { PAINWISE_DATA_DIR: path.join(workDir, name) };
    const database = await createEmptyPostgresDatabase();
    databases.push(database);
    return { DATABASE_URL: database.url };
  };

  it('keeps every write acknowledged before the backup started, taken under four writers', { timeout: 180_000 }, async () => {
    const live = await newInstallation('live');
    const server = await startServerProcess({ PAINWISE_HTTP_THREADS: '2', ...live });
    servers.push(server);
    const user = await signUpOverHttp(server.baseUrl);
    const load = startWriteLoad(() => server.baseUrl, user);
    const file = path.join(workDir, dialect === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
    let before: readonly string[];
    let during: number;
    let backup: CliRun;
    let liveCheck: CliRun;
    try {
      await load.acknowledgedMore(WRITES_BEFORE);
      before = [...load.acknowledged];
      backup = await painwise(['backup', '--out', file], live);
      during = load.acknowledged.length - before.length;
      // The writers go on after the backup too: the server was never paused for it. And the live
      // database can be checked the same way while it is written.
      liveCheck = await painwise(['restore', '--check'], live);
      await load.acknowledgedMore(5);
    } finally {
      await load.stop();
    }
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(liveCheck).toMatchObject({ code: 0, err: '' });

    const restored = await newInstallation('restored');
    const restore = await painwise(['restore', file], restored);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/all \d+ of this version/);

    if (dialect === 'sqlite') {
      const db = new DatabaseSync(path.join(restored.PAINWISE_DATA_DIR!, 'painwise.sqlite'), { readOnly: true });
      try {
        expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
        expect(db.prepare(RECORDS_WITHOUT_AUDIT).get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    } else {
      const client = new pg.Client({ connectionString: restored.DATABASE_URL });
      await client.connect();
      try {
        expect((await client.query(RECORDS_WITHOUT_AUDIT)).rows).toEqual([{ n: 0 }]);
      } finally {
        await client.end();
      }
    }

    // The sign-up's session is in the copy too, so the same person reads the restored diary.
    const copy = await startServerProcess({ PAINWISE_HTTP_THREADS: '1', ...restored });
    servers.push(copy);
    const served = await diaryEntryIds(copy.baseUrl, user);
    const lost = before.filter((id) => !served.has(id));
    const acknowledged = new Set(load.acknowledged);
    const unacknowledged = [...served].filter((id) => !acknowledged.has(id));
    console.log(
      `backup on ${dialect}: ${before.length} acknowledged before it started, ${during} while \`painwise backup\` ran, ` +
        `${load.acknowledged.length} in all; the restored copy serves ${served.size}, ${lost.length} lost`,
    );
    expect(lost).toEqual([]);
    // And nothing appears that the live server did not acknowledge (every writer had its answer before
    // the load stopped).
    expect(unacknowledged).toEqual([]);
    const res = await fetch(`${copy.baseUrl}/ready`);
    expect(res.status).toBe(200);
  });
});
