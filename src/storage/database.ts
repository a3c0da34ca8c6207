// Opens the database chosen by configuration (SQLite file by default, PostgreSQL when a URL is given),
// applies migrations, and translates driver errors by code — never by message text.
//
// Columns are snake_case in the database and camelCase in TypeScript: the app's Kysely instance carries
// CamelCasePlugin, which renames identifiers on the way in and result keys on the way out. Migrations
// run without it, so that what they create and read is spelled exactly as the database spells it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect } from 'kysely';
import { openNodeSqlite, type NodeSqliteDatabase } from './dialects/node-sqlite.ts';
import Cursor from 'pg-cursor';
import { PostgresDialect } from 'kysely';
import { classifyDatabaseFailure } from './database-errors.ts';
import { resilientPool, type PostgresOptions } from './dialects/postgres.ts';
import { LATEST_MIGRATION, migrationProvider } from './migrations/index.ts';
import type { DatabaseSchema } from './schema.ts';
import type { WriteLock } from './write-lock.ts';
import type { StatementTracing } from './statement-tracing.ts';

export type Dialect = 'sqlite' | 'postgres';

/** CamelCasePlugin, with its renaming of a result column open to rows read past Kysely. */
class Naming extends CamelCasePlugin {
  /** The key Kysely gives the result column `column` (`patient_id` → `patientId`). */
  resultKey(column: string): string {
    return this.camelCase(column);
  }
}

/** The one naming plugin, also used to key the rows that the group commit reads past Kysely. */
export const CAMEL_CASE = new Naming();

export interface DatabaseHandle {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: Dialect;
  /** SQLite only: the connection under `db`, for the group commit to run its own statements on. */
  readonly sqlite?: NodeSqliteDatabase;
  /** SQLite only: taken around every write transaction when several threads write to the file. */
  readonly writeLock?: WriteLock;
  /** When tracing is on: how statements are reported (see statement-tracing.ts). */
  readonly tracing?: StatementTracing;
  /**
   * One round trip to the database, for readiness checks. On PostgreSQL it has a connection of its
   * own, so that it answers even while every pooled connection waits on a lock.
   */
  ping(): Promise<void>;
  /**
   * PostgreSQL only: the pool as it stands (for monitoring). SQLite has no pool: each thread holds one
   * connection and uses it synchronously, so nothing ever waits for a connection there.
   */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  /** Connections open (idle or checked out). */
  readonly total: number;
  readonly idle: number;
  /** Requests waiting for a connection because every one is checked out. */
  readonly waiting: number;
  /** The most connections the pool may open. */
  readonly max: number;
}

export type DatabaseTarget =
  | {
      readonly dialect: 'sqlite';
      readonly path: string;
      readonly writeLock?: WriteLock;
      readonly busyTimeoutMs?: number;
      readonly tracing?: StatementTracing;
    }
  | ({ readonly dialect: 'postgres'; readonly url: string } & Omit<PostgresOptions, 'connectionString'>);

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(path.dirname(path.resolve(target.path)), { recursive: true });
    const sqlite = openNodeSqlite({
      path: target.path,
      ...(target.writeLock ? { writeLock: target.writeLock } : {}),
      ...(target.busyTimeoutMs !== undefined ? { busyTimeoutMs: target.busyTimeoutMs } : {}),
      ...(target.tracing ? { tracing: target.tracing } : {}),
    });
    const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [CAMEL_CASE] });
    return {
      db,
      dialect: 'sqlite',
      sqlite,
      ...(target.writeLock ? { writeLock: target.writeLock } : {}),
      ...(target.tracing ? { tracing: target.tracing } : {}),
      ping: async () => {
        sqlite.prepare('select 1').all([]);
      },
      close: () => db.destroy(),
    };
  }
  const { dialect: _d, url, ...options } = target;
  const pool = resilientPool({ ...options, connectionString: url });
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool, cursor: Cursor }), plugins: [CAMEL_CASE] });
  // Opened on the first ping only (pg connects lazily).
  const pinger = resilientPool({ ...options, connectionString: url, maxConnections: 1 });
  return {
    db,
    dialect: 'postgres',
    ...(options.tracing ? { tracing: options.tracing } : {}),
    poolStats: () => ({
      total: pool.pool.totalCount,
      idle: pool.pool.idleCount,
      waiting: pool.pool.waitingCount,
      max: pool.pool.options.max,
    }),
    async ping() {
      // A pooled connection the server ended a moment ago says nothing about the database: the pool
      // drops it, and one more try on a fresh connection answers the question asked.
      for (let attempt = 1; ; attempt++) {
        try {
          const client = await pinger.connect();
          try {
            await client.query('select 1', []);
          } finally {
            client.release();
          }
          return;
        } catch (error) {
          if (attempt > 1 || classifyDatabaseFailure(error) !== 'connection-lost') throw error;
        }
      }
    },
    close: async () => {
      await db.destroy();
      await pinger.end();
    },
  };
}

// Shipped migrations are frozen and written against the database's own snake_case names (some read
// rows and use their keys): they get the connection without the naming plugin.
export async function migrateToLatest(db: Kysely<DatabaseSchema>): Promise<readonly string[]> {
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function isMigrationCurrent(db: Kysely<DatabaseSchema>): Promise<boolean> {
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: migrationProvider });
  const all = await migrator.getMigrations();
  return all.length > 0 && all.every((m) => m.executedAt !== undefined) && all.some((m) => m.name === LATEST_MIGRATION);
}

/** True when `error` is a unique-constraint violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { errcode?: unknown; code?: unknown };
  // SQLITE_CONSTRAINT_UNIQUE = 2067, SQLITE_CONSTRAINT_PRIMARYKEY = 1555 (extended result codes).
  if (e.errcode === 2067 || e.errcode === 1555) return true;
  return e.code === '23505';
}
