// Kysely over PostgreSQL through `pg` with a connection pool and `pg-cursor` for streaming.
// int8 (COUNT, SUM) is parsed to a JS number: every count we keep fits in 2^53.
import pg from 'pg';
import Cursor from 'pg-cursor';
import { PostgresDialect } from 'kysely';

pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export interface PostgresOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
}

export function postgresDialect(options: PostgresOptions): PostgresDialect {
  return new PostgresDialect({
    pool: new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 }),
    cursor: Cursor,
  });
}
