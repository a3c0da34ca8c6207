// Which database failures are the database being unreachable or busy rather than a bug: the request
// may be tried again in a moment, so the API answers 503 with Retry-After instead of a 500. Told apart
// by driver codes (PostgreSQL SQLSTATE, SQLite result codes, socket errno names) — never by message text.
// Errors that carry no code of their own (pg's "connection terminated" when the socket closes under
// a query) are marked by the PostgreSQL dialect, which knows the connection broke.

export const DATABASE_UNAVAILABLE = Symbol.for('painwise.database-unavailable');

export type DatabaseFailure =
  /** The connection broke or could not be made; nothing on it can have committed after the break. */
  | 'connection-lost'
  /** No connection could be made (refused, timed out, the server is starting or shutting down). */
  | 'unreachable'
  /** A lock or statement timeout fired, or a deadlock or serialization failure rolled the transaction back. */
  | 'busy'
  /** The disk under the database is full: the transaction was rolled back, and works again once space is freed. */
  | 'storage-full';

/** SQLSTATEs of a connection ended by the server (admin_shutdown, crash_shutdown); class 08 is added below. */
const LOST_SQLSTATES = new Set(['57P01', '57P02']);
/** cannot_connect_now (starting up, shutting down) and too_many_connections. */
const REFUSED_SQLSTATES = new Set(['57P03', '53300']);
/**
 * 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout),
 * 40001 serialization_failure and 40P01 deadlock_detected: the transaction was rolled back and may be retried.
 */
const BUSY_SQLSTATES = new Set(['55P03', '57014', '40001', '40P01']);
const SOCKET_LOST = new Set(['ECONNRESET', 'EPIPE']);
const SOCKET_UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** 53100 disk_full: PostgreSQL could not extend a file or write its WAL. */
const FULL_SQLSTATES = new Set(['53100']);
const FAILURES = new Set<unknown>(['connection-lost', 'unreachable', 'busy', 'storage-full']);
/** SQLITE_BUSY (5) and SQLITE_LOCKED (6), whatever their extended code (the low byte is the primary code). */
const SQLITE_BUSY_CODES = new Set([5, 6]);
/** SQLITE_FULL (13): a write met a full disk (or max_page_count); SQLite rolled the statement back. */
const SQLITE_FULL = 13;

export function classifyDatabaseFailure(error: unknown): DatabaseFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const marked = (error as Record<symbol, unknown>)[DATABASE_UNAVAILABLE];
  if (FAILURES.has(marked)) return marked as DatabaseFailure;
  const e = error as { code?: unknown; errcode?: unknown };
  if (typeof e.errcode === 'number' && SQLITE_BUSY_CODES.has(e.errcode & 0xff)) return 'busy';
  if (typeof e.errcode === 'number' && (e.errcode & 0xff) === SQLITE_FULL) return 'storage-full';
  if (typeof e.code === 'string') {
    if ((e.code.startsWith('08') && e.code.length === 5) || LOST_SQLSTATES.has(e.code) || SOCKET_LOST.has(e.code)) return 'connection-lost';
    if (REFUSED_SQLSTATES.has(e.code) || SOCKET_UNREACHABLE.has(e.code)) return 'unreachable';
    if (BUSY_SQLSTATES.has(e.code)) return 'busy';
    if (FULL_SQLSTATES.has(e.code)) return 'storage-full';
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseFailure(error) !== undefined;
}

/** Marks `error` (when it is an object) as `failure`, unless it is already classified. */
export function markDatabaseFailure<E>(error: E, failure: DatabaseFailure): E {
  if (typeof error === 'object' && error !== null && classifyDatabaseFailure(error) === undefined) {
    Object.defineProperty(error, DATABASE_UNAVAILABLE, { value: failure });
  }
  return error;
}

const NOTHING_RAN = Symbol.for('painwise.transaction-nothing-ran');

/** Marks a failure that came before the transaction's first statement ran (BEGIN was part of it). */
export function markNothingRan<E>(error: E): E {
  if (typeof error === 'object' && error !== null && !(NOTHING_RAN in error)) Object.defineProperty(error, NOTHING_RAN, { value: true });
  return error;
}

/** Whether a transaction failed before anything of it ran on the server (so running it again is safe). */
export function transactionRanNothing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && NOTHING_RAN in error;
}
