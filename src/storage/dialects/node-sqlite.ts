// Kysely over Node's built-in `node:sqlite` (no native add-on to build). Kysely's SqliteDialect expects
// a better-sqlite3-shaped object: statements with a `reader` flag and positional parameter arrays.
// This adapter supplies that shape, caches prepared statements and opens the file with the pragmas
// that make an acknowledged write durable (WAL + synchronous=FULL: a commit is fsync'd before it returns).
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { StatementTracing } from '../statement-tracing.ts';
import type { WriteLock } from '../write-lock.ts';

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

/** Statements that change data (an UPDATE … RETURNING has columns too, so `reader` cannot tell). */
const WRITE = /^\s*(insert|update|delete|replace)\b|^\s*with\b[\s\S]*\b(insert|update|delete)\b/i;

export class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  /** The result's column names in order (none for a statement that returns no rows). */
  readonly columnNames: readonly string[];
  readonly #stmt: StatementSync;
  readonly #autocommitWrite: ((run: () => unknown) => unknown) | undefined;
  constructor(stmt: StatementSync, guardAutocommitWrite?: (run: () => unknown) => unknown) {
    this.#stmt = stmt;
    this.columnNames = stmt.columns().map((c) => c.name);
    this.reader = this.columnNames.length > 0;
    this.#autocommitWrite = guardAutocommitWrite && WRITE.test(stmt.sourceSQL) ? guardAutocommitWrite : undefined;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    if (this.#autocommitWrite) return this.#autocommitWrite(() => this.#stmt.all(...toSqliteValues(parameters))) as unknown[];
    return this.#stmt.all(...toSqliteValues(parameters));
  }
  run(parameters: ReadonlyArray<unknown>) {
    if (this.#autocommitWrite)
      return this.#autocommitWrite(() => this.#stmt.run(...toSqliteValues(parameters))) as ReturnType<StatementSync['run']>;
    return this.#stmt.run(...toSqliteValues(parameters));
  }
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#stmt.iterate(...toSqliteValues(parameters)) as IterableIterator<unknown>;
  }
}

/** A statement whose runs are traced (only built when tracing is on, so untraced runs cost nothing extra). */
class TracedStatement extends CachedStatement {
  readonly #sql: string;
  readonly #tracing: StatementTracing;
  constructor(stmt: StatementSync, guard: ((run: () => unknown) => unknown) | undefined, tracing: StatementTracing) {
    super(stmt, guard);
    this.#sql = stmt.sourceSQL;
    this.#tracing = tracing;
  }
  override all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#tracing.around(this.#sql, () => super.all(parameters));
  }
  override run(parameters: ReadonlyArray<unknown>) {
    return this.#tracing.around(this.#sql, () => super.run(parameters));
  }
}

export interface NodeSqliteOptions {
  /** File path, or `:memory:`. */
  readonly path: string;
  /** How long a writer waits for a lock held by another connection/process, in milliseconds. */
  readonly busyTimeoutMs?: number;
  /**
   * Shared by the threads of a process that write to this file (storage/write-lock.ts). The group commit
   * takes it around its batches; a write outside any transaction takes it here, so that no statement
   * of this process ever waits in SQLite's busy handler for another thread of the same process.
   */
  readonly writeLock?: WriteLock;
  /** When tracing is on: each statement run is reported. */
  readonly tracing?: StatementTracing;
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
  // The group commit runs each unit of work in a SAVEPOINT. The sub-journal that makes a savepoint
  // undoable holds the original of every page the unit changes; past 64 KiB SQLite spills it to a
  // temporary file. Kept in memory (it lives only until the savepoint is released), a diary write's
  // SQL cost about half as much on a copy of the bench database.
  raw.exec('PRAGMA temp_store = MEMORY');
  const lock = options.writeLock;
  const guard = lock ? (run: () => unknown) => (raw.isTransaction ? run() : lock.runExclusive(run)) : undefined;
  const cache = new Map<string, CachedStatement>();
  const cached = (sql: string, tuples: boolean): CachedStatement => {
    const key = tuples ? `\u0000tuples\u0000${sql}` : sql;
    let stmt = cache.get(key);
    if (!stmt) {
      const prepared = raw.prepare(sql);
      if (tuples) prepared.setReturnArrays(true);
      stmt = options.tracing ? new TracedStatement(prepared, guard, options.tracing) : new CachedStatement(prepared, guard);
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
