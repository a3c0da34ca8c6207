// The connection pool under Kysely's PostgreSQL dialect (`pg`; `pg-cursor` streams, see database.ts).
// int8 (COUNT, SUM) is parsed to a JS number: every count we keep fits in 2^53.
//
// A connection can break at any time: the server restarts, an operator ends a backend, a network
// path drops. `pg` reports that as an 'error' event on the client (and, for an idle client, on the
// pool); an 'error' event with no listener would end the process. Here every client and the pool have
// a listener: a broken client is marked, the pool discards it when it comes back (pg does not return
// a client that is no longer queryable), and a new connection is opened on demand. The error of the
// query in flight is marked as a lost connection so that the API can answer 503 rather than 500.
import pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { markDatabaseFailure, markNothingRan } from '../database-errors.ts';
import { preparedStatementName } from '../repositories/executor.ts';
import type { StatementTracing } from '../statement-tracing.ts';

pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export interface PostgresOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  /** Told about every connection that broke (it has already been discarded); for the log. */
  readonly onConnectionError?: (error: Error) => void;
  /** Opening a connection or waiting for a free one; unset: no limit. */
  readonly connectTimeoutMs?: number;
  /** The server's lock_timeout and statement_timeout for every connection; unset: the server's own. */
  readonly lockTimeoutMs?: number;
  readonly statementTimeoutMs?: number;
  /** When tracing is on: each statement sent is reported. */
  readonly tracing?: StatementTracing;
}

const EMPTY_RESULT = (command: string): Promise<pg.QueryResult> =>
  Promise.resolve({ command, rowCount: null, rows: [], oid: 0, fields: [] } as unknown as pg.QueryResult);

/** The pool Kysely uses: pg's, with every client's errors handled and marked. */
export function resilientPool(options: PostgresOptions): PostgresPool & { readonly pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Sent at connection start-up, so they hold for every statement without a round trip of their own.
    ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
    ...(options.lockTimeoutMs ? { lock_timeout: options.lockTimeoutMs } : {}),
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  const report = options.onConnectionError ?? (() => {});
  const broken = new WeakSet<pg.PoolClient>();
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  // An idle client that breaks: pg removes it from the pool and re-emits the error here.
  pool.on('error', (error) => report(error));
  // A checked-out client that breaks between queries (e.g. while a transaction waits on the app):
  // without this listener its 'error' event would have no handler.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      if (broken.has(client)) return; // pg emits once for the error message and again when the socket closes
      broken.add(client);
      report(error);
    });
  });
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapper = wrappers.get(client);
    if (!wrapper) {
      const sendUntraced = (args: readonly unknown[]): Promise<pg.QueryResult> => {
        // A prepared query's text goes as a named statement: parsed and planned once per connection.
        const name = typeof args[0] === 'string' ? preparedStatementName(args[0]) : undefined;
        const result = name
          ? client.query({ name, text: args[0] as string, values: args[1] as unknown[] })
          : (client.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args);
        // pg rejects the query and then emits 'error' in the same turn, so `broken` is known here.
        return result.catch((error: unknown) => {
          throw broken.has(client) ? markDatabaseFailure(error, 'connection-lost') : error;
        });
      };
      const { tracing } = options;
      // A cursor's query comes as an object with its text; anything else without a text is not traced.
      const send = tracing
        ? (args: readonly unknown[]): Promise<pg.QueryResult> => {
            const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
            return typeof text === 'string' ? tracing.around(text, () => sendUntraced(args)) : sendUntraced(args);
          }
        : sendUntraced;
      // BEGIN is held back and sent with the transaction's first statement when that statement has no
      // parameters (the simple protocol carries both in one message): a patient's write opens with
      // BEGIN and the lock on the patient's row, one round trip instead of two. A transaction that ends
      // before any statement sends nothing at all.
      let beginHeld = false;
      const query = async (...args: unknown[]): Promise<pg.QueryResult> => {
        const text = typeof args[0] === 'string' ? args[0] : undefined;
        const parameters = (args[1] as readonly unknown[] | undefined) ?? [];
        if (text === 'begin' && parameters.length === 0 && !beginHeld) {
          beginHeld = true;
          return EMPTY_RESULT('BEGIN');
        }
        if (!beginHeld) return send(args);
        beginHeld = false;
        if ((text === 'commit' || text === 'rollback') && parameters.length === 0) return EMPTY_RESULT(text.toUpperCase());
        if (text !== undefined && parameters.length === 0 && !preparedStatementName(text)) {
          try {
            const results = (await send([`begin; ${text}`])) as unknown as pg.QueryResult[];
            return results[results.length - 1]!;
          } catch (error) {
            // Nothing of the transaction can have run: the caller may run it again on another connection.
            throw markNothingRan(error);
          }
        }
        try {
          await send(['begin']);
        } catch (error) {
          throw markNothingRan(error);
        }
        return send(args);
      };
      wrapper = {
        query: query as unknown as PostgresPoolClient['query'],
        release: () => {
          beginHeld = false;
          client.release();
        },
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  };
  return {
    pool,
    async connect() {
      try {
        return wrap(await pool.connect());
      } catch (error) {
        // No connection could be made (refused, timed out, the server is shutting down).
        throw markDatabaseFailure(error, 'unreachable');
      }
    },
    end: () => pool.end(),
  };
}
