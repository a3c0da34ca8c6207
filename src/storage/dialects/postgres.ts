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
import { markDatabaseFailure } from '../database-errors.ts';

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
}

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
      const query = (...args: unknown[]): unknown => {
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        if (result instanceof Promise) {
          // pg rejects the query and then emits 'error' in the same turn, so `broken` is known here.
          return result.catch((error: unknown) => {
            throw broken.has(client) ? markDatabaseFailure(error, 'connection-lost') : error;
          });
        }
        return result;
      };
      wrapper = { query: query as PostgresPoolClient['query'], release: () => client.release() };
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
