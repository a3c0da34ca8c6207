import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../../../test/support/dialects.ts';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app.ts';
import { down, up } from './0018-api-token-scopes.ts';

describe.each(DIALECTS)('migration 0018 (API token limits) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps a token made before limits existed as it was: read-write, every patient, no expiry', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const { token } = (await client.request('POST', '/api/me/tokens', { name: 'old script' })).json();
    const db = t.database.handle.db.withoutPlugins(); // the database's own column names
    // Back to the table as it was before, then forward again.
    await down(db as never);
    await up(db as never);
    const rows = (
      await sql<{ access: string; patient_ids: string | null; expires_at: string | null }>`
      select access, patient_ids, expires_at from api_token where name = ${'old script'}`.execute(db)
    ).rows;
    expect(rows).toEqual([{ access: 'read-write', patient_ids: null, expires_at: null }]);
    const write = await t.app.inject({
      method: 'PUT',
      url: `/api/patients/${me.patient!.id}/diary-entries/019a0000-0000-7000-8000-00000000abcd`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        localDate: '2026-05-31',
        localTime: '08:00',
        timeZone: 'UTC',
        recordedAt: '2026-06-01T10:00:00Z',
        intensity: 4,
        mode: 'recalled',
        regions: [],
        notes: '',
      }),
    });
    expect(write.statusCode).toBe(201);
  });
});
