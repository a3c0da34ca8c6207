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

class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  readonly #stmt: StatementSync;
  constructor(stmt: StatementSync) {
    this.#stmt = stmt;
    this.reader = stmt.columns().length > 0;
  }
  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.#stmt.all(...(parameters.map(toSqliteValue) as never[]));
  }
  run(parameters: ReadonlyArray<unknown>) {
    return this.#stmt.run(...(parameters.map(toSqliteValue) as never[]));
  }
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.#stmt.iterate(...(parameters.map(toSqliteValue) as never[])) as IterableIterator<unknown>;
  }
}

export interface NodeSqliteOptions {
  /** File path, or `:memory:`. */
  readonly path: string;
  /** How long a writer waits for a lock held by another connection/process, in milliseconds. */
  readonly busyTimeoutMs?: number;
}

export function openNodeSqlite(options: NodeSqliteOptions): SqliteDatabase & { raw: DatabaseSync } {
  const raw = new DatabaseSync(options.path);
  raw.exec(`PRAGMA busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  if (options.path !== ':memory:') raw.exec('PRAGMA journal_mode = WAL');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  const cache = new Map<string, CachedStatement>();
  return {
    raw,
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = new CachedStatement(raw.prepare(sql));
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

export function nodeSqliteDialect(options: NodeSqliteOptions): SqliteDialect {
  return new SqliteDialect({ database: openNodeSqlite(options) });
}
