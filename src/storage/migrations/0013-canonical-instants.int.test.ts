import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../../../test/support/dialects.ts';
import { clinicianWithAccess } from '../../../test/support/care-team.ts';
import { createTestApp, signUp, type TestApp } from '../../../test/support/test-app.ts';
import { up } from './0013-canonical-instants.ts';

describe.each(DIALECTS)('migration 0013 (canonical instants) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('rewrites an access expiry stored with an offset as the same instant in UTC, and leaves canonical ones alone', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    for (const label of ['Offset', 'Canonical', 'Open-ended']) {
      expect(
        (
          await client.request('POST', `/api/patients/${pid}/caregivers`, {
            label,
            scopes: ['read'],
            ...(label === 'Open-ended' ? {} : { expiresAt: '2026-07-01T00:00:00Z' }),
          })
        ).statusCode,
      ).toBe(201);
    }
    const db = t.database.handle.db.withoutPlugins(); // the database's own column names
    // As an earlier version stored it: the text the client sent.
    await sql`update delegation set expires_at = ${'2026-07-01T09:00:00+09:00'} where label = ${'Offset'}`.execute(db);
    await up(db as never);
    const rows = (
      await sql<{
        label: string;
        expires_at: string | null;
      }>`select label, expires_at from delegation where patient_id = ${pid} order by label`.execute(db)
    ).rows;
    expect(rows).toEqual([
      { label: 'Canonical', expires_at: '2026-07-01T00:00:00.000Z' },
      { label: 'Offset', expires_at: '2026-07-01T00:00:00.000Z' },
      { label: 'Open-ended', expires_at: null },
    ]);
  });
  it("rewrites a clinic's expiry, a completion time and an assignment's times (schedule, next due, due items, its job) the same way", async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const care = await clinicianWithAccess(t, client, pid, ['read', 'write']);
    const assigned = await care.clinician.request('POST', `/api/patients/${pid}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'once', dueAt: '2026-06-10T09:00:00Z' },
    });
    expect(assigned.statusCode).toBe(201);
    const answered = await client.request('POST', `/api/patients/${pid}/instrument-responses`, {
      instrumentId: 'gad-2',
      answers: { 1: 1, 2: 1 },
    });
    expect(answered.statusCode).toBe(201);
    const db = t.database.handle.db.withoutPlugins(); // the database's own column names
    const id = assigned.json().id as string;
    // As an earlier version stored them: the offsets the clients sent.
    await sql`update care_relationship set expires_at = ${'2026-07-01T09:00:00+09:00'} where patient_id = ${pid}`.execute(db);
    await sql`update instrument_response set completed_at = ${'2026-06-01T14:00:00+02:00'} where id = ${answered.json().response.id}`.execute(
      db,
    );
    await sql`update instrument_assignment set next_due_at = ${'2026-06-10T11:00:00+02:00'}, schedule = ${JSON.stringify({ kind: 'once', dueAt: '2026-06-10T11:00:00+02:00' })} where id = ${id}`.execute(
      db,
    );
    await sql`update job set run_at = ${'2026-06-10T11:00:00+02:00'}, payload = ${JSON.stringify({ assignmentId: id, dueAt: '2026-06-10T11:00:00+02:00' })} where kind = ${'instrument-assignment.due'} and payload like ${`%${id}%`}`.execute(
      db,
    );
    await up(db as never);
    const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0]!;
    expect(await one(sql<{ expires_at: string }>`select expires_at from care_relationship where patient_id = ${pid}`)).toEqual({
      expires_at: '2026-07-01T00:00:00.000Z',
    });
    expect(
      await one(sql<{ completed_at: string }>`select completed_at from instrument_response where id = ${answered.json().response.id}`),
    ).toEqual({ completed_at: '2026-06-01T12:00:00.000Z' });
    const a = await one(
      sql<{ next_due_at: string; schedule: string }>`select next_due_at, schedule from instrument_assignment where id = ${id}`,
    );
    expect(a.next_due_at).toBe('2026-06-10T09:00:00.000Z');
    expect(JSON.parse(a.schedule)).toEqual({ kind: 'once', dueAt: '2026-06-10T09:00:00.000Z' });
    const job = await one(
      sql<{
        run_at: string;
        payload: string;
      }>`select run_at, payload from job where kind = ${'instrument-assignment.due'} and payload like ${`%${id}%`}`,
    );
    expect(job.run_at).toBe('2026-06-10T09:00:00.000Z');
    expect(JSON.parse(job.payload).dueAt).toBe('2026-06-10T09:00:00.000Z');
  });
});
