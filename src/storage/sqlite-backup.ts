// Backup and restore of the embedded SQLite database with SQLite's online backup API (node:sqlite's
// `backup`, https://www.sqlite.org/backup.html), safe while a server serves and writes the file.
//
// The copy is made in ONE backup step. A step is one read transaction on the source: in WAL mode it sees
// the database as of the last commit before it began and never blocks the server's writers, so the copy
// is that commit, whole. Copied in several steps (SQLite's default), a write by another connection
// between two steps makes SQLite start the copy over, and a server that keeps writing could keep it from
// ever finishing.
//
// A backup file stands alone: it is switched to the rollback journal, so no `-wal` file belongs to it.
// Files are written and put in place as backup-files.ts says: private, complete and checked before
// they get their name.
import { existsSync, statSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';
import { fitMigrations, type MigrationFit } from './backup-check.ts';
import { createPrivateFile, fileStartsWith, placeFile, removeIfPresent, temporaryBeside } from './backup-files.ts';

/** Pages per backup step: more than any database has, so that the copy is one step (see above). */
const ALL_PAGES = 2_147_483_647;
const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Damage reported per check; integrity_check can list thousands of lines for one broken table. */
const MAX_PROBLEMS = 10;

export type SqliteCheck =
  | { readonly kind: 'ok'; readonly migrations: MigrationFit; readonly bytes: number }
  | { readonly kind: 'not-sqlite' }
  | { readonly kind: 'damaged'; readonly problems: readonly string[] };

export type SqliteCopyOutcome =
  | { readonly kind: 'done'; readonly check: Extract<SqliteCheck, { kind: 'ok' }> }
  | { readonly kind: 'source-missing' }
  | { readonly kind: 'target-exists' }
  /** Replacing: another connection (a running server) has the target database open. */
  | { readonly kind: 'target-in-use' }
  | { readonly kind: 'check-failed'; readonly check: Exclude<SqliteCheck, { kind: 'ok' }> }
  /** The copy is sound, but `acceptMigrations` refused its migration history; nothing was moved into place. */
  | { readonly kind: 'migrations-refused'; readonly migrations: MigrationFit };

export interface SqliteCopyOptions {
  /** Replace an existing target rather than refuse. */
  readonly replace?: boolean;
  /** How long to wait for a lock on the source (a server checkpointing), in milliseconds. */
  readonly busyTimeoutMs?: number;
  /** Whether a copy with this migration history may be moved into place (default: any). */
  readonly acceptMigrations?: (fit: MigrationFit) => boolean;
}

/** SQLITE_CORRUPT and SQLITE_NOTADB, with their extended codes folded to the primary code. */
const DAMAGE_CODES = new Set([11, 26]);
/** SQLITE_BUSY and SQLITE_LOCKED. */
const LOCK_CODES = new Set([5, 6]);

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** Copies the database at `source` (read only) to a new file `destination`, consistently, in one step. */
async function copyWithBackupApi(source: string, destination: string, busyTimeoutMs: number): Promise<void> {
  createPrivateFile(destination);
  const from = new DatabaseSync(source, { readOnly: true });
  try {
    from.exec(`PRAGMA busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    await backup(from, destination, { rate: ALL_PAGES });
  } finally {
    from.close();
  }
  const to = new DatabaseSync(destination);
  try {
    to.exec('PRAGMA journal_mode = DELETE');
  } finally {
    to.close();
  }
}

/**
 * Checks a standalone SQLite file: that it is one, PRAGMA integrity_check, and its migration history.
 * Opens it read only, so checking changes nothing.
 */
export async function checkSqliteFile(file: string): Promise<SqliteCheck> {
  if (!fileStartsWith(file, SQLITE_HEADER)) return { kind: 'not-sqlite' };
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    return { kind: 'damaged', problems: [(error as Error).message] };
  }
  let applied: string[] | undefined;
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
    if (problems.length > 0) return { kind: 'damaged', problems: problems.slice(0, MAX_PROBLEMS) };
    const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (table) applied = (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
  } catch (error) {
    // A file with a valid header can still be cut short or overwritten: SQLite says so when read.
    return { kind: 'damaged', problems: [(error as Error).message] };
  } finally {
    db.close();
  }
  return { kind: 'ok', migrations: await fitMigrations(applied), bytes: statSync(file).size };
}

/**
 * Whether another connection has the database open. Taking SQLite's exclusive lock fails at once while
 * any other connection, in this process or another, holds the file; closing the probe then also
 * checkpoints and removes the `-wal` of a database nobody uses.
 */
export function isSqliteFileInUse(file: string): boolean {
  const probe = new DatabaseSync(file);
  try {
    probe.exec('PRAGMA busy_timeout = 0');
    probe.exec('PRAGMA locking_mode = EXCLUSIVE');
    try {
      probe.exec('BEGIN EXCLUSIVE');
      probe.exec('COMMIT');
      return false;
    } catch (error) {
      // Busy or locked: someone holds it. Anything else (the file is not a database at all) says
      // nobody is using it as one, and replacing it is what was asked.
      return LOCK_CODES.has(((error as { errcode?: number }).errcode ?? -1) & 0xff);
    }
  } finally {
    probe.close();
  }
}

/** Puts the checked temporary file under its final name; undefined once it is there. */
function moveIntoPlace(temporary: string, target: string, replace: boolean): SqliteCopyOutcome | undefined {
  if (replace && existsSync(target)) {
    if (isSqliteFileInUse(target)) return { kind: 'target-in-use' };
    placeFile(temporary, target, true);
    // A leftover `-wal` of the replaced database would be replayed onto this one and damage it.
    for (const suffix of SIDE_FILES) removeIfPresent(`${target}${suffix}`);
    return undefined;
  }
  return placeFile(temporary, target, false) === 'target-exists' ? { kind: 'target-exists' } : undefined;
}

/**
 * Copies the SQLite database `source` (a server's live file or a backup) to `target` with the online
 * backup API, checks the copy and moves it into place. Refuses an existing target unless `replace`.
 */
export async function copySqliteDatabase(source: string, target: string, options: SqliteCopyOptions = {}): Promise<SqliteCopyOutcome> {
  if (!existsSync(source)) return { kind: 'source-missing' };
  const replace = options.replace ?? false;
  if (!replace && (existsSync(target) || existsSync(`${target}-wal`))) return { kind: 'target-exists' };
  if (!fileStartsWith(source, SQLITE_HEADER)) return { kind: 'check-failed', check: { kind: 'not-sqlite' } };
  const temporary = temporaryBeside(target);
  try {
    try {
      await copyWithBackupApi(source, temporary, options.busyTimeoutMs ?? 5000);
    } catch (error) {
      // SQLite reads a damaged source only as far as the damage: report it as such.
      if (DAMAGE_CODES.has(((error as { errcode?: number }).errcode ?? -1) & 0xff))
        return { kind: 'check-failed', check: { kind: 'damaged', problems: [(error as Error).message] } };
      throw error;
    }
    const check = await checkSqliteFile(temporary);
    if (check.kind !== 'ok') return { kind: 'check-failed', check };
    if (options.acceptMigrations && !options.acceptMigrations(check.migrations))
      return { kind: 'migrations-refused', migrations: check.migrations };
    return moveIntoPlace(temporary, target, replace) ?? { kind: 'done', check };
  } finally {
    for (const file of [temporary, ...SIDE_FILES.map((s) => `${temporary}${s}`)]) removeIfPresent(file);
  }
}
