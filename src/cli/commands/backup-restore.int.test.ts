// What `painwise backup` and `painwise restore` refuse, and that a refusal changes nothing: existing
// files and databases, damaged or foreign files, a backup from a newer version, a database in use, the
// wrong engine. The load test (test/backup-restore.int.test.ts) proves what a backup holds.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/dialects.ts';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from '../../../test/support/postgres-database.ts';
import { LATEST_MIGRATION } from '../../storage/migrations/index.ts';
import type { CliIo } from '../command.ts';
import { backupCommand } from './backup.ts';
import { COMMANDS } from './index.ts';
import { migrateCommand } from './migrate.ts';
import { restoreCommand } from './restore.ts';

async function run(command: typeof backupCommand, args: readonly string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { PAINWISE_LOG_LEVEL: 'warn', ...env } };
  const code = await command.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-backup-cli-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const at = (...parts: string[]) => path.join(workDir, ...parts);

describe('painwise backup and restore', () => {
  it('are listed by painwise --help', () => {
    expect(COMMANDS).toContain(backupCommand);
    expect(COMMANDS).toContain(restoreCommand);
  });

  it('refuse bad arguments with exit 2 and the usage', async () => {
    for (const [command, args] of [
      [backupCommand, []],
      [backupCommand, ['--out']],
      [backupCommand, ['--out', 'x', '--bogus']],
      [backupCommand, ['positional']],
      [restoreCommand, []],
      [restoreCommand, ['a', 'b']],
      [restoreCommand, ['--check', '--force']],
    ] as const) {
      const r = await run(command, args, { PAINWISE_DATA_DIR: at('unused') });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('Usage: painwise');
      expect(r.out).toBe('');
    }
    expect(existsSync(at('unused'))).toBe(false);
  });
});

describe.runIf(DIALECTS.includes('sqlite'))('painwise backup and restore on SQLite', () => {
  const live = { PAINWISE_DATA_DIR: at('live') };
  const file = at('backup.sqlite');
  beforeAll(async () => {
    expect((await run(migrateCommand, [], live)).code).toBe(0);
    expect(await run(backupCommand, ['--out', file], live)).toMatchObject({ code: 0, err: '' });
  });

  /** A copy of the backup with its migration history changed by `sql`. */
  const alteredBackup = (name: string, sql: string) => {
    const copy = at(name);
    writeFileSync(copy, readFileSync(file));
    const db = new DatabaseSync(copy);
    db.exec(sql);
    db.close();
    return copy;
  };

  it('refuses to overwrite an existing file unless --force, and refuses a data directory without a database', async () => {
    const before = readFileSync(file);
    const again = await run(backupCommand, ['--out', file], live);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect(readFileSync(file)).toEqual(before);
    expect((await run(backupCommand, ['--out', file, '--force'], live)).code).toBe(0);
    const none = await run(backupCommand, ['--out', at('none.sqlite')], { PAINWISE_DATA_DIR: at('empty') });
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toContain('no database');
    expect((await run(backupCommand, ['--out', at('missing-dir', 'b.sqlite')], live)).code).toBe(2);
    const itself = await run(backupCommand, ['--out', at('live', 'painwise.sqlite'), '--force'], live);
    expect(itself.code).toBe(2);
    expect(itself.err).toContain('the database itself');
  });

  it('writes files only their owner can read: they hold every patient record', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await run(restoreCommand, [file], { PAINWISE_DATA_DIR: at('private') })).toMatchObject({ code: 0 });
    expect(statSync(at('private', 'painwise.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('checks a backup without changing it', async () => {
    const r = await run(restoreCommand, ['--check', file], {});
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('integrity_check: ok');
    expect(r.out).toContain(`latest ${LATEST_MIGRATION}`);
  });

  it('refuses a file that is not a backup, or a damaged one, and leaves no data directory behind', async () => {
    writeFileSync(at('junk'), 'not a database');
    writeFileSync(at('cut.sqlite'), readFileSync(file).subarray(0, statSync(file).size / 2));
    for (const [bad, says] of [
      [at('junk'), 'not a Painwise backup'],
      [at('cut.sqlite'), 'damaged'],
      [at('no-such-file'), 'does not exist'],
    ] as const) {
      const check = await run(restoreCommand, ['--check', bad], {});
      expect(check.code, bad).toBe(2);
      expect(check.err).toContain(says);
      const restore = await run(restoreCommand, [bad], { PAINWISE_DATA_DIR: at('from-bad') });
      expect(restore.code, bad).toBe(2);
      expect(existsSync(at('from-bad'))).toBe(false);
    }
  });

  it('restores into a new data directory, and refuses one that has a database unless --force', async () => {
    const target = { PAINWISE_DATA_DIR: at('restored') };
    expect(await run(restoreCommand, [file], target)).toMatchObject({ code: 0, err: '' });
    const database = at('restored', 'painwise.sqlite');
    const before = readFileSync(database);
    const again = await run(restoreCommand, [file], target);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect(readFileSync(database)).toEqual(before);
    expect(await run(restoreCommand, ['--check'], target)).toMatchObject({ code: 0, err: '' });
  });

  it('with --force, refuses a database another connection has open, and replaces it once closed', async () => {
    const target = { PAINWISE_DATA_DIR: at('replaced') };
    const database = at('replaced', 'painwise.sqlite');
    mkdirSync(at('replaced'));
    const other = new DatabaseSync(database);
    other.exec("PRAGMA journal_mode = WAL; create table mine (x); insert into mine values ('before')");
    const inUse = await run(restoreCommand, [file, '--force'], target);
    expect(inUse.code).toBe(2);
    expect(inUse.err).toContain('open in another process');
    other.close();
    expect(await run(restoreCommand, [file, '--force'], target)).toMatchObject({ code: 0, err: '' });
    expect(existsSync(`${database}-wal`)).toBe(false);
    const restored = new DatabaseSync(database, { readOnly: true });
    expect(restored.prepare("select count(*) as n from sqlite_master where name = 'mine'").get()).toEqual({ n: 0 });
    restored.close();
  });

  it('refuses a backup made by a newer version, and restores one made by an older version', async () => {
    const newer = alteredBackup(
      'newer.sqlite',
      "insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')",
    );
    const refused = await run(restoreCommand, [newer], { PAINWISE_DATA_DIR: at('from-newer') });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('9999-from-the-future');
    expect(existsSync(at('from-newer'))).toBe(false);
    const older = alteredBackup('older.sqlite', `delete from kysely_migration where name = '${LATEST_MIGRATION}'`);
    const restored = await run(restoreCommand, [older], { PAINWISE_DATA_DIR: at('from-older') });
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain(`will be applied when a server starts on it (${LATEST_MIGRATION})`);
  });

  it('refuses a SQLite database that is not a Painwise one', async () => {
    const foreign = at('foreign.sqlite');
    const db = new DatabaseSync(foreign);
    db.exec('create table notes (x)');
    db.close();
    const r = await run(restoreCommand, ['--check', foreign], {});
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a Painwise database');
  });

  it('refuses a SQLite backup when DATABASE_URL names PostgreSQL', async () => {
    const r = await run(restoreCommand, [file], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('SQLite backup');
  });
});

describe.runIf(DIALECTS.includes('postgres'))('painwise backup and restore on PostgreSQL', () => {
  const databases: EmptyPostgresDatabase[] = [];
  let live: { DATABASE_URL: string };
  const file = at('backup.dump');
  beforeAll(async () => {
    const database = await createEmptyPostgresDatabase();
    databases.push(database);
    live = { DATABASE_URL: database.url };
    expect((await run(migrateCommand, [], live)).code).toBe(0);
    expect(await run(backupCommand, ['--out', file], live)).toMatchObject({ code: 0, err: '' });
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('says so, with exit 1, when the database cannot be reached', async () => {
    const url = new URL(live.DATABASE_URL);
    url.pathname = '/painwise_no_such_database';
    for (const [command, args] of [
      [restoreCommand, ['--check']],
      [restoreCommand, [file]],
    ] as const) {
      const r = await run(command, args, { DATABASE_URL: url.toString() });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain('cannot use the database');
    }
    const dump = await run(backupCommand, ['--out', at('unreachable.dump')], { DATABASE_URL: url.toString() });
    expect(dump.code).toBe(1);
    expect(dump.err).toContain('pg_dump failed');
    expect(existsSync(at('unreachable.dump'))).toBe(false);
  });

  it('checks a dump, and refuses a damaged one', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const r = await run(restoreCommand, ['--check', file], {});
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(`latest ${LATEST_MIGRATION}`);
    writeFileSync(at('cut.dump'), readFileSync(file).subarray(0, statSync(file).size / 2));
    const cut = await run(restoreCommand, ['--check', at('cut.dump')], {});
    expect(cut.code).toBe(2);
    expect(cut.err).toContain('damaged');
  });

  it('restores only into an empty database, and refuses --force and a dump aimed at SQLite', async () => {
    const notEmpty = await run(restoreCommand, [file], live);
    expect(notEmpty.code).toBe(2);
    expect(notEmpty.err).toContain('not empty');
    expect((await run(restoreCommand, [file, '--force'], live)).code).toBe(2);
    const intoSqlite = await run(restoreCommand, [file], { PAINWISE_DATA_DIR: at('pg-into-sqlite') });
    expect(intoSqlite.code).toBe(2);
    expect(intoSqlite.err).toContain('DATABASE_URL');
    const empty = await createEmptyPostgresDatabase();
    databases.push(empty);
    expect(await run(restoreCommand, [file], { DATABASE_URL: empty.url })).toMatchObject({ code: 0, err: '' });
    const check = await run(restoreCommand, ['--check'], { DATABASE_URL: empty.url });
    expect(check).toMatchObject({ code: 0, err: '' });
    expect(check.out).toContain(`latest ${LATEST_MIGRATION}`);
  });
});
