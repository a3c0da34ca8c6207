import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../../../test/support/dialects.ts';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app.ts';
import { up } from './0013-canonical-instants.ts';

describe.each(DIALECTS)('migration 0013 (canonical instants) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('rewrites an access expiry stored with an offset as the same instant in UTC, and leaves canonical ones alone', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    for (const label of ['Offset', 'Canonical', 'Open-ended']) {
      expect((await client.request('POST', `/api/patients/${pid}/caregivers`, { label, scopes: ['read'], ...(label === 'Open-ended' ? {} : { expiresAt: '2026-07-01T00:00:00Z' }) })).statusCode).toBe(201);
    }
    const db = t.database.handle.db;
    // As an earlier version stored it: the text the client sent.
    await sql`update delegation set expires_at = ${'2026-07-01T09:00:00+09:00'} where label = ${'Offset'}`.execute(db);
    await up(db as never);
    const rows = (await sql<{ label: string; expires_at: string | null }>`select label, expires_at from delegation where patient_id = ${pid} order by label`.execute(db)).rows;
    expect(rows).toEqual([
      { label: 'Canonical', expires_at: '2026-07-01T00:00:00.000Z' },
      { label: 'Offset', expires_at: '2026-07-01T00:00:00.000Z' },
      { label: 'Open-ended', expires_at: null },
    ]);
  });
});
