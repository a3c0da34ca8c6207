// Backup and restore of a PostgreSQL database through PostgreSQL's own tools, `pg_dump` and `pg_restore`
// (https://www.postgresql.org/docs/current/app-pgdump.html), which must be on PATH and at least as new
// as the server (Debian: postgresql-client).
//
// pg_dump reads the whole database in one transaction, so a dump taken while servers write is one
// consistent snapshot. The dump is in pg_dump's custom format, checked by reading it back whole with
// pg_restore before it is put in place as backup-files.ts says. A restore goes into
// an empty database in one transaction (`--single-transaction --exit-on-error`): it lands whole or not at
// all. The password never appears on a command line (where other users of the machine could read it):
// it is given to the tools in PGPASSWORD.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { fitMigrations, type MigrationFit } from './backup-check.ts';
import { classifyDatabaseFailure } from './database-errors.ts';
import { createPrivateFile, fileStartsWith, placeFile, removeIfPresent, temporaryBeside } from './backup-files.ts';

const DUMP_HEADER = 'PGDMP';

/** A PostgreSQL client program is not installed where PATH points. */
export class PostgresToolMissing extends Error {
  readonly tool: string;
  constructor(tool: string) {
    super(`${tool} was not found on PATH; install PostgreSQL's client programs (on Debian: postgresql-client).`);
    this.tool = tool;
  }
}

/** A PostgreSQL client program ran and failed; `detail` is what it printed on stderr. */
export class PostgresToolFailed extends Error {
  readonly tool: string;
  readonly detail: string;
  constructor(tool: string, detail: string) {
    super(`${tool} failed: ${detail.trim() || 'no message'}`);
    this.tool = tool;
    this.detail = detail;
  }
}

export type PostgresDumpCheck =
  | { readonly kind: 'ok'; readonly migrations: MigrationFit; readonly bytes: number }
  | { readonly kind: 'not-a-dump' }
  | { readonly kind: 'damaged'; readonly problems: readonly string[] };

export type PostgresDumpOutcome =
  | { readonly kind: 'done'; readonly check: Extract<PostgresDumpCheck, { kind: 'ok' }> }
  | { readonly kind: 'target-exists' }
  | { readonly kind: 'check-failed'; readonly check: Exclude<PostgresDumpCheck, { kind: 'ok' }> };

export type PostgresRestoreOutcome =
  | { readonly kind: 'done'; readonly migrations: MigrationFit }
  | { readonly kind: 'target-not-empty'; readonly relations: number }
  | { readonly kind: 'check-failed'; readonly check: Exclude<PostgresDumpCheck, { kind: 'ok' }> }
  | { readonly kind: 'migrations-refused'; readonly migrations: MigrationFit };

/**
 * Whether `error` is PostgreSQL refusing or not answering (a SQLSTATE such as 3D000 no such database or
 * 28P01 bad password, or a socket that could not connect): the operator's to fix, not a bug.
 */
export function isPostgresConnectionProblem(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^[0-9A-Z]{5}$/.test(code) || classifyDatabaseFailure(error) !== undefined);
}

/** The connection for a client program: the URL without its password on the command line, the password in the environment. */
function connectionFor(url: string): { readonly dbname: string; readonly env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function runTool(tool: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new PostgresToolMissing(tool) : error));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new PostgresToolFailed(tool, stderr))));
  });
}

/** The migration names in a dump's kysely_migration data (COPY text format: one row a line, tab-separated, ended by `\.`). */
function parseMigrationRows(script: string): string[] | undefined {
  const lines = script.split('\n');
  const start = lines.findIndex((line) => /^COPY \S*kysely_migration \(/.test(line));
  if (start < 0) return undefined;
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    names.push(line.split('\t')[0]!);
  }
  return names;
}

/** Whether `file` is a whole pg_dump custom-format dump, and its migration history. */
export async function checkPostgresDump(file: string): Promise<PostgresDumpCheck> {
  if (!fileStartsWith(file, DUMP_HEADER)) return { kind: 'not-a-dump' };
  try {
    // Turning the whole dump into a script reads every block of it: a dump cut short fails here.
    await runTool('pg_restore', ['--file=/dev/null', file]);
    const migrations = await runTool('pg_restore', ['--data-only', '--table=kysely_migration', '--file=-', file]);
    return { kind: 'ok', migrations: await fitMigrations(parseMigrationRows(migrations)), bytes: statSync(file).size };
  } catch (error) {
    if (error instanceof PostgresToolFailed) return { kind: 'damaged', problems: [error.detail.trim()] };
    throw error;
  }
}

/** Dumps the database at `url` to a new file `target` (or over it, with `replace`), checked before it is moved into place. */
export async function dumpPostgres(
  url: string,
  target: string,
  options: { readonly replace?: boolean } = {},
): Promise<PostgresDumpOutcome> {
  if (!options.replace && existsSync(target)) return { kind: 'target-exists' };
  const temporary = temporaryBeside(target);
  const connection = connectionFor(url);
  try {
    createPrivateFile(temporary);
    await runTool('pg_dump', ['--format=custom', `--file=${temporary}`, `--dbname=${connection.dbname}`], connection.env);
    const check = await checkPostgresDump(temporary);
    if (check.kind !== 'ok') return { kind: 'check-failed', check };
    return placeFile(temporary, target, options.replace ?? false) === 'target-exists' ? { kind: 'target-exists' } : { kind: 'done', check };
  } finally {
    removeIfPresent(temporary);
  }
}

/** Tables, views and sequences outside PostgreSQL's own schemas: a database to restore into must have none. */
async function countRelations(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and s.nspname not in ('pg_catalog', 'information_schema') and s.nspname not like 'pg\\_toast%' and s.nspname not like 'pg\\_temp%'`,
  );
  return rows[0]!.n;
}

/** The migration history of the database at `url`; undefined when it has none. */
export async function readPostgresMigrations(url: string): Promise<readonly string[] | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>("select to_regclass('kysely_migration') is not null as present");
    if (!rows[0]!.present) return undefined;
    return (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/**
 * Restores the dump `file` into the EMPTY database at `url`, in one transaction, after checking the dump
 * and that `acceptMigrations` takes its history; then reads the history back from the database.
 */
export async function restorePostgres(
  url: string,
  file: string,
  acceptMigrations: (fit: MigrationFit) => boolean,
): Promise<PostgresRestoreOutcome> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const relations = await countRelations(client);
    if (relations > 0) return { kind: 'target-not-empty', relations };
  } finally {
    await client.end();
  }
  const check = await checkPostgresDump(file);
  if (check.kind !== 'ok') return { kind: 'check-failed', check };
  if (!acceptMigrations(check.migrations)) return { kind: 'migrations-refused', migrations: check.migrations };
  const connection = connectionFor(url);
  // Owners and grants name roles of the source server, which the target need not have: the restoring
  // role owns what it creates, as the server's own role did when it migrated the source.
  await runTool(
    'pg_restore',
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${connection.dbname}`, file],
    connection.env,
  );
  return { kind: 'done', migrations: await fitMigrations(await readPostgresMigrations(url)) };
}
