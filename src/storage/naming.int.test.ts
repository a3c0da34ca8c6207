// Columns are camelCase in TypeScript and snake_case in the database: the SQL that reaches the database
// names the database's columns, and a row has the same keys whichever way it was read (through Kysely,
// or straight on the SQLite connection in and out of the group commit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/dialects.ts';
import { createKyselyStore } from './kysely-store.ts';
import { preparedQuery } from './repositories/executor.ts';
import type { Database } from '../app/ports.ts';
import type { Flare } from '../domain/diary/flare.ts';

// The store keeps a body as it is given; a small one is enough here.
const body = { note: 'x' } as unknown as Flare;

const at = '2026-01-01T00:00:00.000Z';
const userId = '00000000-0000-7000-8000-000000000001';
const patientId = '00000000-0000-7000-8000-000000000002';
const recordId = '00000000-0000-7000-8000-000000000003';

const USER = preparedQuery((db, a: { id: string }) =>
  db.selectFrom('user_account').select(['id', 'displayName', 'createdAt']).where('id', '=', a.id),
);

describe.each(DIALECTS)('column names on %s', (dialect) => {
  let db: TestDatabase;
  let store: Database;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('compiles camelCase names to the snake_case columns, in built queries and in prepared ones', () => {
    const compiled = db.handle.db.selectFrom('versioned_record').select(['patientId', 'changeSeq']).where('sortKey', '>', 'x').compile();
    expect(compiled.sql).toMatch(/"patient_id".*"change_seq".*"sort_key"/);
    expect(compiled.sql).not.toMatch(/patientId|changeSeq|sortKey/);
  });

  it('gives a prepared query the same row keys through Kysely and straight on the connection', async () => {
    // Before a store is made, the connection has no direct path: this read goes through Kysely.
    await db.handle.db
      .insertInto('user_account')
      .values({ id: userId, email: 'n@example.test', displayName: 'N', passwordHash: 'h', createdAt: at })
      .execute();
    const throughKysely = await USER.first(db.handle.db, { id: userId });
    expect(throughKysely).toEqual({ id: userId, displayName: 'N', createdAt: at });
    store = createKyselyStore(db.handle);
    expect(await USER.first(db.handle.db, { id: userId })).toEqual(throughKysely);
  });

  it('reads a record with its camelCase fields in and out of a transaction', async () => {
    await store.patients.insert({
      id: patientId,
      userId,
      displayName: 'N',
      timeZone: 'UTC',
      birthYear: null,
      sex: 'unknown',
      createdAt: at,
    });
    const created = await store.transaction((tx) => tx.flares.create(patientId, recordId, body, at, at, null));
    expect(created).toEqual({ changeSeq: 1 });
    const outside = await store.flares.find(recordId);
    const inside = await store.transaction((tx) => tx.flares.find(recordId));
    expect(outside).toEqual({ id: recordId, patientId, version: 1, changeSeq: 1, updatedAt: at, deletedAt: null, body: { note: 'x' } });
    expect(inside).toEqual(outside);
    expect(await store.records.listChanges(patientId, 0, 10)).toEqual([
      { kind: 'flare', id: recordId, version: 1, changeSeq: 1, updatedAt: at, deleted: false, bodyJson: '{"note":"x"}' },
    ]);
  });
});
