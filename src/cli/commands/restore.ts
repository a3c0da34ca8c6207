// `painwise restore FILE`: puts a backup made by `painwise backup` in place as the configured database,
// and `painwise restore --check [FILE]` checks a backup, or the configured database, without changing anything.
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../../app/config.ts';
import {
  describeCheckFailure,
  describeMigrationFit,
  describeMigrationMisfit,
  fitMigrations,
  type MigrationFit,
} from '../../storage/backup-check.ts';
import { checkPostgresDump, readPostgresMigrations, restorePostgres } from '../../storage/postgres-backup.ts';
import { checkSqliteFile, copySqliteDatabase } from '../../storage/sqlite-backup.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../command.ts';
import { reportPostgresFailure } from './postgres-failure.ts';
import { SQLITE_FILE_NAME } from '../compose.ts';

const HELP = `Usage: painwise restore FILE [--force]
       painwise restore --check [FILE]

Restores a backup written by \`painwise backup\` as the configured database, then checks it. Stop every
server of the installation first, and start one on the restored database afterwards.

  SQLite: FILE is copied into PAINWISE_DATA_DIR/painwise.sqlite (the directory is created when missing).
    The database appears under that name only once it is complete, has passed integrity_check and its
    migrations are known to this version, and is on disk. An existing database there is refused.
  PostgreSQL (DATABASE_URL): FILE (a pg_dump custom-format dump) is restored with pg_restore, in one
    transaction, into the database DATABASE_URL names, which must be empty (create it with createdb).

A backup made by an older version is restored as it is: a server starting on it applies the newer
migrations. A backup made by a newer version is refused.

Options:
  --force         SQLite: replace an existing database in PAINWISE_DATA_DIR (refused while a server has
                  it open). PostgreSQL restores only into an empty database: drop and create it instead.
  --check [FILE]  check FILE (either kind) and restore nothing; without FILE, check the configured
                  database (SQLite: integrity_check; both: its migrations against this version)

Exit status: 0 restored (or checked and sound), 2 invalid input or a backup that fails its check
(nothing changed), 1 anything else.`;

interface Options {
  readonly file: string | undefined;
  readonly force: boolean;
  readonly check: boolean;
}

type BackupKind = 'sqlite' | 'postgres-dump' | 'unknown';

function backupKind(file: string): BackupKind {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = readSync(fd, header, 0, header.length, 0);
    const text = header.subarray(0, read).toString('latin1');
    if (text === 'SQLite format 3\u0000') return 'sqlite';
    return text.startsWith('PGDMP') ? 'postgres-dump' : 'unknown';
  } finally {
    closeSync(fd);
  }
}

function parse(args: readonly string[], io: CliIo): Options | undefined {
  const fail = (why: string) => {
    io.err(`painwise restore: ${why}\n\n${HELP}`);
    return undefined;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { force: { type: 'boolean' }, check: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) return fail(`one FILE at most, got ${positionals.length}.`);
  if (!values.check && positionals.length === 0) return fail('FILE is required.');
  if (values.check && values.force) return fail('--check changes nothing, so --force means nothing with it.');
  return { file: positionals[0], force: values.force ?? false, check: values.check ?? false };
}

/** Reports a migration history; false when it does not fit this version. */
function reportMigrations(io: CliIo, what: string, fit: MigrationFit): boolean {
  const misfit = describeMigrationMisfit(fit);
  if (misfit) {
    io.err(`painwise restore: ${what} cannot be used by this version: ${misfit}`);
    return false;
  }
  io.out(describeMigrationFit(fit));
  return true;
}

async function checkFile(file: string, io: CliIo): Promise<number> {
  const kind = backupKind(file);
  if (kind === 'unknown') {
    io.err(`painwise restore: ${file} is not a Painwise backup (neither a SQLite database nor a pg_dump custom-format dump).`);
    return EXIT_INVALID_INPUT;
  }
  const check = kind === 'sqlite' ? await checkSqliteFile(file) : await checkPostgresDump(file);
  if (check.kind !== 'ok') {
    io.err(`painwise restore: ${file} fails its check: ${describeCheckFailure(check)}`);
    return EXIT_INVALID_INPUT;
  }
  io.out(
    `${file}: ${kind === 'sqlite' ? 'SQLite backup, integrity_check: ok' : 'PostgreSQL dump, read back whole'} (${check.bytes} bytes).`,
  );
  return reportMigrations(io, file, check.migrations) ? EXIT_OK : EXIT_INVALID_INPUT;
}

async function checkConfigured(config: Config, io: CliIo): Promise<number> {
  if (config.databaseUrl) {
    const fit = await fitMigrations(await readPostgresMigrations(config.databaseUrl));
    io.out('PostgreSQL database (DATABASE_URL):');
    return reportMigrations(io, 'the database', fit) ? EXIT_OK : EXIT_INVALID_INPUT;
  }
  const database = path.join(config.dataDir, SQLITE_FILE_NAME);
  if (!existsSync(database)) {
    io.err(`painwise restore: there is no database at ${database} (PAINWISE_DATA_DIR).`);
    return EXIT_INVALID_INPUT;
  }
  return checkFile(database, io);
}

const fits = (fit: MigrationFit) => describeMigrationMisfit(fit) === undefined;

async function restoreSqlite(file: string, options: Options, config: Config, io: CliIo): Promise<number> {
  const target = path.join(config.dataDir, SQLITE_FILE_NAME);
  const createdDirectory = mkdirSync(config.dataDir, { recursive: true });
  const outcome = await copySqliteDatabase(file, target, {
    replace: options.force,
    busyTimeoutMs: config.databaseTimeouts.sqliteBusyMs,
    acceptMigrations: fits,
  });
  // A refused restore leaves no trace, not even the directory made for it.
  if (outcome.kind !== 'done' && createdDirectory !== undefined) rmSync(createdDirectory, { recursive: true, force: true });
  const refuse = (why: string) => {
    io.err(`painwise restore: ${why} Nothing was changed.`);
    return EXIT_INVALID_INPUT;
  };
  switch (outcome.kind) {
    case 'source-missing':
      return refuse(`${file} does not exist.`);
    case 'target-exists':
      return refuse(`${target} exists; restore into a new PAINWISE_DATA_DIR, or pass --force to replace that database.`);
    case 'target-in-use':
      return refuse(`${target} is open in another process (a running server?); stop it first.`);
    case 'check-failed':
      return refuse(`${file} fails its check: ${describeCheckFailure(outcome.check)}`);
    case 'migrations-refused':
      return refuse(`${file} cannot be used by this version: ${describeMigrationMisfit(outcome.migrations)}`);
    case 'done':
      io.out(`Restored ${file} to ${target} (${outcome.check.bytes} bytes); integrity_check: ok.`);
      io.out(describeMigrationFit(outcome.check.migrations));
      return EXIT_OK;
  }
}

async function restoreToPostgres(url: string, file: string, io: CliIo): Promise<number> {
  const outcome = await restorePostgres(url, file, fits);
  const refuse = (why: string) => {
    io.err(`painwise restore: ${why} Nothing was changed.`);
    return EXIT_INVALID_INPUT;
  };
  switch (outcome.kind) {
    case 'target-not-empty':
      return refuse(
        `the database DATABASE_URL names is not empty (${outcome.relations} tables, views or sequences); restore into a new one (createdb).`,
      );
    case 'check-failed':
      return refuse(`${file} fails its check: ${describeCheckFailure(outcome.check)}`);
    case 'migrations-refused':
      return refuse(`${file} cannot be used by this version: ${describeMigrationMisfit(outcome.migrations)}`);
    case 'done':
      io.out(`Restored ${file} into the database DATABASE_URL names.`);
      return reportMigrations(io, 'the restored database', outcome.migrations) ? EXIT_OK : EXIT_FAILURE;
  }
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup as the database (or --check a backup without restoring it)',
  help: HELP,
  async run(args, io) {
    const options = parse(args, io);
    if (!options) return EXIT_INVALID_INPUT;
    let config: Config;
    try {
      config = loadConfig(io.env, process.cwd());
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(error.message);
        return EXIT_INVALID_INPUT;
      }
      throw error;
    }
    const file = options.file === undefined ? undefined : path.resolve(options.file);
    if (file !== undefined && (!existsSync(file) || !statSync(file).isFile())) {
      io.err(`painwise restore: ${file} does not exist or is not a file.`);
      return EXIT_INVALID_INPUT;
    }
    try {
      if (options.check) return file === undefined ? await checkConfigured(config, io) : await checkFile(file, io);
      const kind = backupKind(file!);
      if (kind === 'unknown') return checkFile(file!, io);
      if (config.databaseUrl) {
        if (kind === 'sqlite') {
          io.err(
            'painwise restore: FILE is a SQLite backup but DATABASE_URL names PostgreSQL; unset DATABASE_URL to restore into PAINWISE_DATA_DIR.',
          );
          return EXIT_INVALID_INPUT;
        }
        if (options.force) {
          io.err(
            'painwise restore: --force is for SQLite; PostgreSQL restores only into an empty database: drop and create it (dropdb, createdb).',
          );
          return EXIT_INVALID_INPUT;
        }
        return await restoreToPostgres(config.databaseUrl, file!, io);
      }
      if (kind === 'postgres-dump') {
        io.err('painwise restore: FILE is a PostgreSQL dump; set DATABASE_URL to the empty database to restore it into.');
        return EXIT_INVALID_INPUT;
      }
      return await restoreSqlite(file!, options, config, io);
    } catch (error) {
      return reportPostgresFailure('restore', error, io);
    }
  },
};
