// `painwise backup --out FILE`: a consistent copy of the configured database, taken while servers run.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../app/config.ts';
import { describeCheckFailure, describeMigrationFit } from '../../storage/backup-check.ts';
import { dumpPostgres } from '../../storage/postgres-backup.ts';
import { copySqliteDatabase } from '../../storage/sqlite-backup.ts';
import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../command.ts';
import { reportPostgresFailure } from './postgres-failure.ts';
import { SQLITE_FILE_NAME } from '../compose.ts';

const HELP = `Usage: painwise backup --out FILE [--force]

Writes a consistent backup of the configured database to FILE, while servers keep serving and writing:
nothing needs to stop. The backup holds every write acknowledged before it started.

  SQLite (PAINWISE_DATA_DIR/painwise.sqlite): copied with SQLite's online backup API into one
    self-contained SQLite file.
  PostgreSQL (DATABASE_URL): pg_dump's custom format (pg_dump must be on PATH and at least as new as
    the server; on Debian it comes with postgresql-client).

FILE appears only once it is complete, checked (SQLite: integrity_check; PostgreSQL: read back whole
with pg_restore) and on disk. Restore it with \`painwise restore FILE\`.

Options:
  --out FILE   where to write the backup (required); an existing FILE is refused
  --force      replace an existing FILE

Exit status: 0 written, 2 invalid input (nothing written), 1 anything else.`;

function parse(args: readonly string[], io: CliIo): { out: string; force: boolean } | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { out: { type: 'string' }, force: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`painwise backup: ${(error as Error).message}\n\n${HELP}`);
    return undefined;
  }
  if (!values.out) {
    io.err(`painwise backup: --out FILE is required.\n\n${HELP}`);
    return undefined;
  }
  return { out: values.out, force: values.force ?? false };
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'Write a consistent backup of the database to a file, while the server runs',
  help: HELP,
  async run(args, io) {
    const options = parse(args, io);
    if (!options) return EXIT_INVALID_INPUT;
    let config;
    try {
      config = loadConfig(io.env, process.cwd());
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(error.message);
        return EXIT_INVALID_INPUT;
      }
      throw error;
    }
    const out = path.resolve(options.out);
    const refuse = (why: string) => {
      io.err(`painwise backup: ${why}`);
      return EXIT_INVALID_INPUT;
    };
    const directory = path.dirname(out);
    if (!existsSync(directory) || !statSync(directory).isDirectory()) return refuse(`the directory ${directory} does not exist.`);
    const exists = () => refuse(`${out} exists; choose another file, or pass --force to replace it.`);
    try {
      if (config.databaseUrl) {
        const outcome = await dumpPostgres(config.databaseUrl, out, { replace: options.force });
        if (outcome.kind === 'target-exists') return exists();
        if (outcome.kind === 'check-failed') {
          io.err(`painwise backup: the dump did not read back: ${describeCheckFailure(outcome.check)}`);
          return EXIT_FAILURE;
        }
        io.out(`Backed up PostgreSQL to ${out} (${outcome.check.bytes} bytes, pg_dump custom format).`);
        io.out(describeMigrationFit(outcome.check.migrations));
        return EXIT_OK;
      }
      const source = path.join(config.dataDir, SQLITE_FILE_NAME);
      if ([source, ...['-wal', '-shm', '-journal'].map((s) => `${source}${s}`)].includes(out))
        return refuse(`${out} is the database itself (or one of its files); write the backup elsewhere.`);
      const outcome = await copySqliteDatabase(source, out, {
        replace: options.force,
        busyTimeoutMs: config.databaseTimeouts.sqliteBusyMs,
      });
      switch (outcome.kind) {
        case 'source-missing':
          return refuse(`there is no database at ${source} (PAINWISE_DATA_DIR); nothing to back up.`);
        case 'target-exists':
          return exists();
        case 'target-in-use':
        case 'migrations-refused':
          throw new Error(`unexpected outcome ${outcome.kind}`);
        case 'check-failed':
          io.err(`painwise backup: the database at ${source} is damaged, so no backup was written: ${describeCheckFailure(outcome.check)}`);
          return EXIT_FAILURE;
        case 'done':
          io.out(`Backed up ${source} to ${out} (${outcome.check.bytes} bytes); integrity_check: ok.`);
          io.out(describeMigrationFit(outcome.check.migrations));
          return EXIT_OK;
      }
    } catch (error) {
      return reportPostgresFailure('backup', error, io);
    }
  },
};
