import { describe, expect, it } from 'vitest';
import { classifyDatabaseFailure, markDatabaseFailure } from './database-errors.ts';

const withCode = (code: unknown) => Object.assign(new Error('message text is never read'), { code });

describe('classifyDatabaseFailure', () => {
  it('reads PostgreSQL SQLSTATEs', () => {
    expect(classifyDatabaseFailure(withCode('57P01'))).toBe('connection-lost'); // admin_shutdown (pg_terminate_backend)
    expect(classifyDatabaseFailure(withCode('08006'))).toBe('connection-lost'); // connection_failure
    expect(classifyDatabaseFailure(withCode('57P03'))).toBe('unreachable'); // cannot_connect_now
    expect(classifyDatabaseFailure(withCode('55P03'))).toBe('busy'); // lock_not_available
    expect(classifyDatabaseFailure(withCode('57014'))).toBe('busy'); // query_canceled
    expect(classifyDatabaseFailure(withCode('53100'))).toBe('storage-full'); // disk_full
    expect(classifyDatabaseFailure(withCode('23505'))).toBeUndefined(); // unique_violation is the app's business
  });

  it('reads SQLite result codes, extended or not', () => {
    expect(classifyDatabaseFailure(Object.assign(new Error('x'), { errcode: 5 }))).toBe('busy');
    expect(classifyDatabaseFailure(Object.assign(new Error('x'), { errcode: 517 }))).toBe('busy'); // SQLITE_BUSY_SNAPSHOT
    expect(classifyDatabaseFailure(Object.assign(new Error('x'), { errcode: 13 }))).toBe('storage-full'); // SQLITE_FULL
    expect(classifyDatabaseFailure(Object.assign(new Error('x'), { errcode: 2067 }))).toBeUndefined(); // SQLITE_CONSTRAINT_UNIQUE
  });

  it('does not guess from message text, and honours a mark', () => {
    expect(classifyDatabaseFailure(new Error('Connection terminated unexpectedly'))).toBeUndefined();
    expect(classifyDatabaseFailure(markDatabaseFailure(new Error('Connection terminated unexpectedly'), 'connection-lost'))).toBe(
      'connection-lost',
    );
    expect(classifyDatabaseFailure(withCode('ECONNREFUSED'))).toBe('unreachable');
    expect(classifyDatabaseFailure('not an error')).toBeUndefined();
  });
});
