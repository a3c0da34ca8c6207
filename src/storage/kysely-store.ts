// The Database port over Kysely: the same repositories serve a plain connection or a transaction.
import type { Database, Repositories } from '../app/ports.ts';
import { allRepositoriesOver, repositoriesOver } from './repositories-over.ts';
import { isMigrationCurrent, type DatabaseHandle } from './database.ts';
import { withDirectSqlite, type DirectSqlite } from './repositories/executor.ts';
import type { CachedStatement, NodeSqliteDatabase } from './dialects/node-sqlite.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import { UNSHARED_WRITE_LOCK, type WriteLock } from './write-lock.ts';
import type { StatementTracing } from './statement-tracing.ts';
import { CAMEL_CASE } from './database.ts';
import { classifyDatabaseFailure, transactionRanNothing } from './database-errors.ts';
import { profileChanges, sessionCache, type ProfileChanges, type SessionCacheOptions } from './session-cache.ts';

/** Keys of the rows read past Kysely, per statement: its column names as the naming plugin renames them. */
const rowKeys = new WeakMap<CachedStatement, readonly string[]>();

/**
 * Rows of a statement run straight on the SQLite connection, keyed as Kysely's own rows are (camelCase):
 * read as arrays and named with keys renamed once per statement, so no row pays for a renaming.
 */
function namedRows(sqlite: NodeSqliteDatabase, text: string, parameters: readonly unknown[]): unknown[] {
  const stmt = sqlite.prepareTuples(text);
  let keys = rowKeys.get(stmt);
  if (!keys) {
    keys = stmt.columnNames.map((name) => CAMEL_CASE.resultKey(name));
    rowKeys.set(stmt, keys);
  }
  const named = keys;
  return (stmt.all(parameters) as unknown[][]).map((tuple) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < named.length; i++) row[named[i]!] = tuple[i];
    return row;
  });
}

type Work = (tx: Repositories) => Promise<unknown>;
interface Pending {
  work: Work;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How many queued units of work at most share one commit. */
const GROUP_COMMIT_MAX = 256;

/**
 * Group commit for SQLite. SQLite has one writer and, with synchronous=FULL, each commit waits for
 * an fsync (≈ 1 ms here). Units of work that arrive while a commit is in progress are run together in
 * the next transaction, each inside its own SAVEPOINT so that one failing unit rolls back alone; every
 * caller is answered only after the shared COMMIT has reached the disk. Durability is unchanged (no
 * write is acknowledged before its fsync); throughput grows with concurrency.
 *
 * The batch holds Kysely's one connection for itself (`db.connection()`), so nothing else runs on it
 * meanwhile; that is what lets the transaction statements and the repositories' prepared queries
 * run straight on the connection, synchronously, without Kysely's per-statement promise chain.
 *
 * Where several threads serve (api/main.ts), each has its own committer and connection; `writeLock`
 * makes their batches take turns, and BEGIN IMMEDIATE takes SQLite's write lock before the first read.
 */
interface GroupCommitter {
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  settle(): Promise<void>;
}

function groupCommitter(
  db: Kysely<DatabaseSchema>,
  sqlite: NodeSqliteDatabase,
  writeLock: WriteLock,
  changes: ProfileChanges,
  tracing: StatementTracing | undefined,
): GroupCommitter {
  const queue: Pending[] = [];
  let draining = false;
  let scheduled = false;
  let settled = false;
  let onIdle: (() => void) | undefined;
  const exec = (statement: string): void => {
    sqlite.prepare(statement).run([]);
  };
  const direct: DirectSqlite = {
    ready: () => true,
    rows: (text, parameters) => namedRows(sqlite, text, parameters),
    tuples: (text, parameters) => sqlite.prepareTuples(text).all(parameters) as unknown[][],
    run: (text, parameters) => sqlite.prepare(text).run(parameters),
  };
  async function runBatch(batch: readonly Pending[]): Promise<Outcome[]> {
    // Counted once the batch has ended, so that no lookup can read the old rows after the count.
    let profileChanged = false;
    return db.connection().execute(async (connection) => {
      exec('begin immediate');
      try {
        const stores = repositoriesOver(withDirectSqlite(connection, direct), 'sqlite', () => {
          profileChanged = true;
        });
        const results: Outcome[] = [];
        for (const item of batch) {
          exec('savepoint group_commit_unit');
          try {
            const value = await item.work(stores);
            exec('release savepoint group_commit_unit');
            results.push({ ok: true, value });
          } catch (error) {
            exec('rollback to savepoint group_commit_unit');
            exec('release savepoint group_commit_unit');
            results.push({ ok: false, error });
          }
        }
        exec('commit');
        return results;
      } catch (error) {
        if (sqlite.raw.isTransaction) exec('rollback');
        throw error;
      } finally {
        if (profileChanged) changes.changed();
      }
    });
  }
  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        // Work that arrives while another thread holds the lock joins this batch.
        await writeLock.acquire();
        const batch = queue.splice(0, GROUP_COMMIT_MAX);
        let outcomes: Outcome[];
        try {
          outcomes = await runBatch(batch);
        } catch (error) {
          for (const item of batch) item.reject(error);
          continue;
        } finally {
          writeLock.release();
        }
        outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.value) : batch[i]!.reject(o.error)));
      }
    } finally {
      draining = false;
      if (!scheduled) onIdle?.();
    }
  }
  return {
    transaction: <T>(work: (tx: Repositories) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        // After settle(): a thread that is closing takes no new turn at the shared write lock.
        if (settled) return reject(new Error('The database is closing.'));
        queue.push({ work: tracing ? tracing.bind(work) : work, resolve: resolve as (v: unknown) => void, reject });
        // Start on the next turn of the event loop, so that every request read in this turn joins the batch.
        if (!draining && !scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            void drain();
          });
        }
      }),
    settle: () =>
      new Promise<void>((resolve) => {
        settled = true;
        if (!draining && !scheduled) return resolve();
        onIdle = resolve;
      }),
  };
}

/** Outside the group commit: direct only while no transaction is open on the connection. */
function autocommitDirect(sqlite: NodeSqliteDatabase): DirectSqlite {
  return {
    ready: () => !sqlite.raw.isTransaction,
    rows: (text, parameters) => namedRows(sqlite, text, parameters),
    tuples: (text, parameters) => sqlite.prepareTuples(text).all(parameters) as unknown[][],
    run: (text, parameters) => sqlite.prepare(text).run(parameters),
  };
}

/**
 * PostgreSQL: a transaction whose connection broke before its work began (at checkout or at BEGIN:
 * the pool handed out a connection that had just been ended) is run once more on a fresh connection.
 * Nothing of it ran, so nothing can have committed. Once the work has begun it is never repeated: a
 * break at COMMIT leaves the outcome unknown, and the caller gets the error (the API answers 503).
 */
async function retryWhenNothingRan<T>(db: Kysely<DatabaseSchema>, work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let began = false;
    try {
      return await db.transaction().execute((trx) => {
        began = true;
        return work(trx);
      });
    } catch (error) {
      // BEGIN goes with the first statement (the dialect holds it back), so a break there ran nothing either.
      if ((began && !transactionRanNothing(error)) || attempt > 1 || classifyDatabaseFailure(error) !== 'connection-lost') throw error;
    }
  }
}

export interface StoreOptions {
  /**
   * Counts changes to what sessions' profiles are read from; share one among the threads of a process.
   * With `sessionCache`, the session lookups of authenticated requests are remembered (session-cache.ts).
   */
  readonly profileChanges?: ProfileChanges;
  readonly sessionCache?: Omit<SessionCacheOptions, 'changes'>;
}

export function createKyselyStore(handle: DatabaseHandle, options: StoreOptions = {}): Database {
  let migrationsCurrent = false;
  const changes = options.profileChanges ?? profileChanges();
  const committer = handle.sqlite
    ? groupCommitter(handle.db, handle.sqlite, handle.writeLock ?? UNSHARED_WRITE_LOCK, changes, handle.tracing)
    : undefined;
  // Other PostgreSQL processes hear of a change from the database's own triggers (migration 0023),
  // which notify with the change's commit; this process counts it at once.
  const root = allRepositoriesOver(
    handle.sqlite ? withDirectSqlite(handle.db, autocommitDirect(handle.sqlite)) : handle.db,
    handle.dialect,
    changes.changed,
  );
  const cache = options.sessionCache ? sessionCache({ ...options.sessionCache, changes }) : undefined;
  const sessions = cache
    ? {
        ...root.sessions,
        findWithProfile: (id: string) => cache.lookup(id, root.sessions.findWithProfile),
        async touch(id: string, lastSeenAt: string, idleExpiresAt: string) {
          await root.sessions.touch(id, lastSeenAt, idleExpiresAt);
          cache.touched(id, lastSeenAt, idleExpiresAt);
        },
      }
    : root.sessions;
  return {
    ...root,
    sessions,
    transaction: committer
      ? committer.transaction
      : async (work) => {
          let profileChanged = false;
          try {
            return await retryWhenNothingRan(handle.db, async (trx) => {
              const result = await work(
                repositoriesOver(trx, handle.dialect, () => {
                  profileChanged = true;
                }),
              );
              return result;
            });
          } finally {
            if (profileChanged) changes.changed();
          }
        },
    settle: committer ? committer.settle : () => Promise.resolve(),
    async isReady() {
      try {
        await handle.ping();
        // Migrations only move forward while a process runs, so once current, stay current.
        if (!migrationsCurrent) migrationsCurrent = await isMigrationCurrent(handle.db);
        return migrationsCurrent;
      } catch {
        return false;
      }
    },
  };
}
