import { CompiledQuery, type Compilable, type Kysely, type QueryExecutor, type Transaction } from 'kysely';
import type { DatabaseSchema } from '../schema.ts';

/** A connection or an open transaction: repositories never find one on their own. */
export type Executor = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/**
 * Runs SQL on the SQLite connection synchronously, skipping Kysely's per-query promise chain. Registered
 * (see `withDirectSqlite`) for the group-commit transaction, which holds the one SQLite connection for
 * itself, and for the plain connection, where `ready()` lets a statement run directly only while no
 * transaction is open on it (an autocommit statement run synchronously cannot interleave with anything).
 */
export interface DirectSqlite {
  ready(): boolean;
  /** Rows keyed as Kysely's are on this connection: the naming plugin's camelCase keys. */
  rows(sql: string, parameters: readonly unknown[]): unknown[];
  /** Rows as arrays in column order. */
  tuples(sql: string, parameters: readonly unknown[]): unknown[][];
  run(sql: string, parameters: readonly unknown[]): { changes: number | bigint };
}

const directExecutors = new WeakMap<object, DirectSqlite>();

export function withDirectSqlite<T extends Executor>(db: T, direct: DirectSqlite): T {
  directExecutors.set(db, direct);
  return db;
}

/** True when statements on `db` run in-process without a round trip (so several small ones cost little). */
export function runsDirectly(db: Executor): boolean {
  return directExecutors.get(db)?.ready() ?? false;
}

const plainExecutors = new WeakMap<QueryExecutor, QueryExecutor>();

/** The executor of `db` without its plugins (same connection): for results whose keys are not used. */
function withoutPlugins(db: Executor): QueryExecutor {
  const executor = db.getExecutor();
  let plain = plainExecutors.get(executor);
  if (!plain) {
    plain = executor.withoutPlugins();
    plainExecutors.set(executor, plain);
  }
  return plain;
}

type Parameter = { readonly arg: string } | { readonly value: unknown };
interface Plan {
  readonly sql: string;
  readonly parameters: readonly Parameter[];
}

const SENTINEL = '\u0000painwise-arg:';

/**
 * The SQL texts of every prepared query, each with a short statement name. The PostgreSQL pool
 * prepares these once per connection as named statements, so the server parses and plans a hot query
 * once instead of on every call; the set is bounded by the queries the code defines, never by input.
 */
const statementNames = new Map<string, string>();

export function preparedStatementName(sql: string): string | undefined {
  return statementNames.get(sql);
}

/**
 * A query built once per dialect with Kysely and then run from its SQL text: each call only binds the
 * arguments, so a hot query costs no query-tree building and no compilation. `build` must be
 * straight-line (no branching on argument values) and pass every argument through as a parameter
 * unchanged; both are checked when the query is first compiled.
 */
export function preparedQuery<A extends object, R = unknown>(
  build: (db: Executor, args: A) => Compilable<R> | CompiledQuery<R>,
): PreparedQuery<A, R> {
  const plans = new Map<unknown, Plan>();
  const planFor = (db: Executor): Plan => {
    const key = db.getExecutor().adapter.constructor;
    let plan = plans.get(key);
    if (plan) return plan;
    const used = new Set<string>();
    const args = new Proxy(
      {},
      {
        get: (_t, name) => {
          used.add(String(name));
          return `${SENTINEL}${String(name)}`;
        },
      },
    ) as A;
    const built = build(db, args);
    const compiled = 'compile' in built ? built.compile() : built;
    const parameters = compiled.parameters.map(
      (value): Parameter => (typeof value === 'string' && value.startsWith(SENTINEL) ? { arg: value.slice(SENTINEL.length) } : { value }),
    );
    const bound = new Set(parameters.flatMap((p) => ('arg' in p ? [p.arg] : [])));
    if (compiled.sql.includes(SENTINEL) || [...used].some((name) => !bound.has(name))) {
      throw new Error(`preparedQuery: an argument is not passed through as a parameter in: ${compiled.sql}`);
    }
    plan = { sql: compiled.sql, parameters };
    plans.set(key, plan);
    if (!statementNames.has(plan.sql)) statementNames.set(plan.sql, `painwise_${statementNames.size + 1}`);
    return plan;
  };
  const bind = (plan: Plan, args: A): unknown[] =>
    plan.parameters.map((p) => ('arg' in p ? (args as Record<string, unknown>)[p.arg] : p.value));
  const rows = async (db: Executor, args: A): Promise<R[]> => {
    const plan = planFor(db);
    const direct = directExecutors.get(db);
    if (direct?.ready()) return direct.rows(plan.sql, bind(plan, args)) as R[];
    return (await db.executeQuery(CompiledQuery.raw(plan.sql, bind(plan, args)))).rows as R[];
  };
  return {
    rows,
    async tuples(db, args) {
      const plan = planFor(db);
      const direct = directExecutors.get(db);
      if (direct?.ready()) return direct.tuples(plan.sql, bind(plan, args));
      // Column order is the select list's order in the driver's row objects. Past the plugins: the keys
      // are dropped here, so renaming them would be work for nothing.
      const result = await withoutPlugins(db).executeQuery(CompiledQuery.raw(plan.sql, bind(plan, args)));
      return result.rows.map((r) => Object.values(r as object));
    },
    async first(db, args) {
      return (await rows(db, args))[0];
    },
    async run(db, args) {
      const plan = planFor(db);
      const direct = directExecutors.get(db);
      if (direct?.ready()) return BigInt(direct.run(plan.sql, bind(plan, args)).changes);
      return (await db.executeQuery(CompiledQuery.raw(plan.sql, bind(plan, args)))).numAffectedRows ?? 0n;
    },
  };
}

export interface PreparedQuery<A, R> {
  /** The rows a query returns. */
  rows(db: Executor, args: A): Promise<R[]>;
  /**
   * The same rows as arrays in select-list order: far cheaper than row objects on SQLite. The selected
   * column names must be distinct (on PostgreSQL the arrays are the row objects' values).
   */
  tuples(db: Executor, args: A): Promise<unknown[][]>;
  first(db: Executor, args: A): Promise<R | undefined>;
  /** Runs a statement that returns no rows; resolves to the number of rows it changed. */
  run(db: Executor, args: A): Promise<bigint>;
}

export function parseJsonArray<T extends string>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}
