import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/dialects.ts';
import { createKyselyStore } from './kysely-store.ts';
import type { Database } from '../app/ports.ts';
import { isUniqueViolationError } from '../app/unique.ts';

const user = (id: string, email: string) => ({ id, email, displayName: 'X', passwordHash: 'h', createdAt: '2026-01-01T00:00:00.000Z' });
const uuid = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe.each(DIALECTS)('store transactions on %s', (dialect) => {
  let db: TestDatabase;
  let store: Database;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    store = createKyselyStore(db.handle);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('commits concurrent units independently: a failing unit rolls back alone', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.users.insert(user(uuid(i + 1), `u${i}@example.test`));
          if (i % 10 === 3) {
            await tx.users.insert(user(uuid(1000 + i), `u${i}@example.test`)); // duplicate email: this unit fails
          }
          return i;
        }),
      ),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(4);
    for (const f of failed) expect(isUniqueViolationError((f as PromiseRejectedResult).reason)).toBe(true);
    for (let i = 0; i < 40; i++) {
      const found = await store.users.findById(uuid(i + 1));
      if (i % 10 === 3) expect(found).toBeUndefined();
      else expect(found?.email).toBe(`u${i}@example.test`);
    }
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toHaveLength(36);
  });
});
