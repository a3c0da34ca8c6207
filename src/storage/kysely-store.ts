// The Database port over Kysely: the same repositories serve a plain connection or a transaction.
import type { Database, Repositories } from '../app/ports.ts';
import { isMigrationCurrent, type DatabaseHandle } from './database.ts';
import {
  apiTokenRepository,
  knownDeviceRepository,
  sessionRepository,
  signInFailureRepository,
  userRepository,
} from './repositories/accounts.repository.ts';
import { secondFactorRepository } from './repositories/second-factor.repository.ts';
import { auditRepository } from './repositories/audit.repository.ts';
import { pendingSignUpRepository } from './repositories/pending-sign-ups.repository.ts';
import { passkeyRepository } from './repositories/passkeys.repository.ts';
import { recordFeedRepository, versionedRecordRepository } from './repositories/versioned-record.repository.ts';
import { jobRepository } from './repositories/jobs.repository.ts';
import { alertRepository } from './repositories/alerts.repository.ts';
import { triageRepository } from './repositories/triage.repository.ts';
import { instrumentResponseRepository } from './repositories/instrument-responses.repository.ts';
import { instrumentAssignmentRepository, instrumentLicenceRepository } from './repositories/instrument-assignments.repository.ts';
import { carePlanStores } from './repositories/care-plan.repository.ts';
import type { Flare } from '../domain/diary/flare.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';
import type { BlockDiary } from '../domain/diary/block-diary.ts';
import { withDirectSqlite, type DirectSqlite, type Executor } from './repositories/executor.ts';
import type { CachedStatement, NodeSqliteDatabase } from './dialects/node-sqlite.ts';
import { organizationRepository } from './repositories/organizations.repository.ts';
import { careRelationshipRepository, delegationRepository, patientRepository } from './repositories/patients.repository.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from './schema.ts';
import { UNIQUE_VIOLATION } from '../app/unique.ts';
import { UNSHARED_WRITE_LOCK, type WriteLock } from './write-lock.ts';
import type { StatementTracing } from './statement-tracing.ts';
import { CAMEL_CASE, isUniqueViolation } from './database.ts';
import { classifyDatabaseFailure, transactionRanNothing } from './database-errors.ts';

/** Marks driver unique-constraint errors (by code, on either engine) so the app can recognise them. */
function translateErrors<T extends object>(repository: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repository)) {
    wrapped[name] =
      typeof fn !== 'function'
        ? fn
        : async (...args: unknown[]) => {
            try {
              return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              if (isUniqueViolation(error)) Object.defineProperty(error, UNIQUE_VIOLATION, { value: true });
              throw error;
            }
          };
  }
  return wrapped as T;
}

function repositoriesOver(db: Executor, dialect: 'sqlite' | 'postgres'): Repositories {
  return {
    carePlan: carePlanStores(db, dialect, translateErrors),
    users: translateErrors(userRepository(db)),
    sessions: translateErrors(sessionRepository(db)),
    apiTokens: translateErrors(apiTokenRepository(db)),
    signInFailures: translateErrors(signInFailureRepository(db)),
    knownDevices: translateErrors(knownDeviceRepository(db)),
    pendingSignUps: translateErrors(pendingSignUpRepository(db)),
    secondFactors: translateErrors(secondFactorRepository(db)),
    passkeys: translateErrors(passkeyRepository(db)),
    organizations: translateErrors(organizationRepository(db, dialect)),
    patients: translateErrors(patientRepository(db, dialect)),
    delegations: translateErrors(delegationRepository(db)),
    careRelationships: translateErrors(careRelationshipRepository(db)),
    audit: translateErrors(auditRepository(db)),
    diaryEntries: translateErrors(versionedRecordRepository<DiaryEntry>(db, dialect, 'diary_entry')),
    records: translateErrors(recordFeedRepository(db)),
    flares: translateErrors(versionedRecordRepository<Flare>(db, dialect, 'flare')),
    jobs: translateErrors(jobRepository(db, dialect)),
    alerts: translateErrors(alertRepository(db)),
    triage: translateErrors(triageRepository(db)),
    instrumentResponses: translateErrors(instrumentResponseRepository(db)),
    instrumentLicences: translateErrors(instrumentLicenceRepository(db)),
    instrumentAssignments: translateErrors(instrumentAssignmentRepository(db)),
    blockDiaries: translateErrors(versionedRecordRepository<BlockDiary>(db, dialect, 'block_diary')),
  };
}

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
    return db.connection().execute(async (connection) => {
      exec('begin immediate');
      try {
        const stores = repositoriesOver(withDirectSqlite(connection, direct), 'sqlite');
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

export function createKyselyStore(handle: DatabaseHandle): Database {
  let migrationsCurrent = false;
  const committer = handle.sqlite
    ? groupCommitter(handle.db, handle.sqlite, handle.writeLock ?? UNSHARED_WRITE_LOCK, handle.tracing)
    : undefined;
  return {
    ...repositoriesOver(handle.sqlite ? withDirectSqlite(handle.db, autocommitDirect(handle.sqlite)) : handle.db, handle.dialect),
    transaction: committer
      ? committer.transaction
      : (work) => retryWhenNothingRan(handle.db, (trx) => work(repositoriesOver(trx, handle.dialect))),
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
