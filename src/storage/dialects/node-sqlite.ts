// Kysely over Node's built-in `node:sqlite` (no native add-on to build). Kysely's SqliteDialect expects
// a better-sqlite3-shaped object: statements with a `reader` flag and positional parameter arrays.
// This adapter supplies that shape, caches prepared statements and opens the file with the pragmas
// that make an acknowledged write durable (WAL + synchronous=FULL: a commit is fsync'd before it returns).
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

const STATEMENT_CACHE_SIZE = 256;

function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/** The parameters as node:sqlite binds them; the array itself when nothing needs converting (the usual case). */
function toSqliteValues(parameters: ReadonlyArray<unknown>): never[] {
  for (const value of parameters) {
    if (typeof value === 'boolean' || value === undefined || value instanceof Date) return parameters.map(toSqliteValue) as never[];
  }
  return parameters as never[];
}

export class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #stmt: StatementSync;
  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    this.reader = stmt.columns().length > 0;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#stmt.all(...toSqliteValues(parameters));
  }
  run(parameters: ReadonlyArray<unknown>) {
    return this.#stmt.run(...toSqliteValues(parameters));
  }
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#stmt.iterate(...toSqliteValues(parameters)) as IterableIterator<unknown>;
  }
}

export interface NodeSqliteOptions {
  /** File path, or `:memory:`. */
  readonly path: string;
  /** How long a writer waits for a lock held by another connection/process, in milliseconds. */
  readonly busyTimeoutMs?: number;
}

export type NodeSqliteDatabase = SqliteDatabase & {
  readonly raw: DatabaseSync;
  prepare(sql: string): CachedStatement;
  /** The same, but rows come back as arrays in column order: much cheaper to build for large results. */
  prepareTuples(sql: string): CachedStatement;
};

export function openNodeSqlite(options: NodeSqliteOptions): NodeSqliteDatabase {
  const raw = new DatabaseSync(options.path);
  raw.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  if (options.path !== ':memory:') raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  // The group commit runs each unit of work in a SAVEPOINT; the sub-journal that makes a savepoint
  // undoable is a temporary file by default, written on the first change to every page. In memory it
  // costs no system calls (it lives only until the savepoint is released), which halves a diary write.
  raw.exec('PRAGMA temp_store = MEMORY');
  const cache = new Map<string, CachedStatement>();
  const cached = (sql: string, tuples: boolean): CachedStatement => {
    const key = tuples ? `\u0000tuples\u0000${sql}` : sql;
    let stmt = cache.get(key);
    if (!stmt) {
      const prepared = raw.prepare(sql);
      if (tuples) prepared.setReturnArrays(true);
      stmt = new CachedStatement(prepared);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, stmt);
    }
    return stmt;
  };
  return {
    raw,
    close: () => raw.close(),
    prepare(sql: string): CachedStatement {
      return cached(sql, false);
    },
    prepareTuples(sql: string): CachedStatement {
      return cached(sql, true);
    },
  };
}

export function nodeSqliteDialect(options: NodeSqliteOptions): SqliteDialect {
  return new SqliteDialect({ database: openNodeSqlite(options) });
}
