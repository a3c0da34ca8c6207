// Migration 0014 keeps every record. The demo, with flares, a block diary, an edit and a delete, is read
// through the use cases; the database goes back to the previous version (0014's down rebuilds what that
// version kept: counter, region, medicine and summary rows), gets one more entry written the way that
// version wrote it (with a gap in its change counter), and migrates to the latest again: every diary
// change, day summary, flare, block diary, questionnaire answer and audit row reads back identical.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/dialects.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { actingAs, loadDemoPeople, SEED_ENTRY, seedEditedAndDeletedEntries } from '../../../test/support/migration-seed.ts';
import { listDaySummaries, pullDiaryChanges, putDiaryEntry } from '../../app/diary.ts';
import { BLOCK_DIARIES, FLARES, saveDocument } from '../../app/diary-documents.ts';
import { listRecords } from '../../app/versioned-records.ts';
import { listInstrumentResponses } from '../../app/instruments.ts';
import { readAccessLog } from '../../app/sharing.ts';
import { readOrganizationAudit } from '../../app/organizations.ts';
import { accumulateDay } from '../../domain/diary/day-summary.ts';
import { validateDiaryEntry } from '../../domain/diary/entry.ts';
import { migrateToLatest } from '../database.ts';
import { migrationProvider } from './index.ts';

const PREVIOUS = '0013-canonical-instants';

async function allPages<T>(read: (before?: string) => Promise<{ items: readonly T[]; nextCursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await read(before);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    before = page.nextCursor;
  }
}

describe.each(DIALECTS)('migration 0014 (lean diary) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps every diary entry, day summary, flare, block diary, questionnaire answer and audit row', async () => {
    const deps = t.deps;
    const db = t.database.handle.db.withoutPlugins() as unknown as Kysely<unknown>; // the database's own column names
    const { demo, people } = await loadDemoPeople(deps);
    const admin = actingAs((await deps.store.users.findByEmail(demo.staff.find((s) => s.role === 'admin')!.email))!.id);
    const maria = people[0]!;

    // Versions past 1, a tombstone, flares and a block diary beside the demo's diaries.
    const entryBody = SEED_ENTRY;
    const edited = '019a0000-0000-7000-8000-0000000e0001';
    const deleted = '019a0000-0000-7000-8000-0000000e0002';
    await seedEditedAndDeletedEntries(deps, maria, edited, deleted);
    await saveDocument(FLARES, deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000f0001', {
      startedAt: '2026-05-20T08:00:00Z',
      endedAt: null,
      timeZone: 'UTC',
      peakIntensity: 6,
    });
    await saveDocument(
      FLARES,
      deps,
      maria.ctx,
      maria.patientId,
      '019a0000-0000-7000-8000-0000000f0001',
      { startedAt: '2026-05-20T08:00:00Z', endedAt: '2026-05-21T08:00:00Z', timeZone: 'UTC', peakIntensity: 7 },
      1,
    );
    await saveDocument(BLOCK_DIARIES, deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000b0001', {
      procedureLabel: 'Right L4-L5 medial branch block',
      procedureAt: '2026-05-28T09:00:00Z',
      timeZone: 'Europe/Berlin',
      baselineIntensity: 8,
      readings: [{ offsetMinutes: 15, intensity: 2, patientReportedReliefPct: 70 }],
    });

    const records = async () => {
      const out: unknown[] = [];
      for (const p of people) {
        const changes = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await pullDiaryChanges(deps, p.ctx, p.patientId, cursor, 1000);
          changes.push(...page.items);
          cursor = page.cursor;
          if (!page.hasMore) break;
        }
        out.push({
          changes,
          summaries: await listDaySummaries(deps, p.ctx, p.patientId, '2025-06-15', '2026-06-02'),
          // Without their place in the change feed: migration 0015, on the way back up, numbers them anew.
          flares: (await listRecords(FLARES, deps, p.ctx, p.patientId, 1000)).map(({ changeSeq: _, ...r }) => r),
          blockDiaries: (await listRecords(BLOCK_DIARIES, deps, p.ctx, p.patientId, 1000)).map(({ changeSeq: _, ...r }) => r),
          responses: await listInstrumentResponses(deps, p.ctx, p.patientId, undefined, 1000),
        });
      }
      return out;
    };
    const audit = async () => ({
      patients: await Promise.all(people.map((p) => allPages((before) => readAccessLog(deps, p.ctx, p.patientId, 200, before)))),
      clinic: await allPages((before) => readOrganizationAudit(deps, admin, demo.clinic.id, 200, before)),
    });
    // Read through the use cases before going back (reads are audited, so the audit log is read last here and first after).
    const before = await records();
    const auditBefore = await audit();

    // Back to the previous version: its schema, its counter, its region, medicine and summary rows.
    const migrator = new Migrator({ db, provider: migrationProvider });
    const down = await migrator.migrateTo(PREVIOUS);
    expect(down.error).toBeUndefined();
    const count = async (table: string) =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
    expect(await count('entry_region')).toBeGreaterThan(demo.diaryEntries);
    expect(await count('entry_medication')).toBeGreaterThan(0);
    expect(await count('day_summary')).toBeGreaterThan(6 * 180);

    // One entry written as the previous version wrote it: a batch that reserved three sequence numbers and used one.
    const old = validateDiaryEntry(
      {
        ...entryBody,
        id: '019a0000-0000-7000-8000-0000000e0003',
        localDate: '2025-09-01',
        recordedAt: '2026-05-31T10:00:00Z',
        intensity: 3,
        provenance: { enteredBy: maria.ctx.actor.kind === 'user' ? maria.ctx.actor.userId : '', mode: 'recalled', source: 'self' },
      },
      { asOf: deps.clock.now() },
    );
    if (!old.ok) throw new Error(JSON.stringify(old.errors));
    const e = old.entry;
    const at = '2026-05-31T10:00:00.000Z';
    const seq =
      Number(
        (
          await sql<{
            diary_seq: number;
          }>`update patient set diary_seq = diary_seq + 3 where id = ${maria.patientId} returning diary_seq`.execute(db)
        ).rows[0]!.diary_seq,
      ) - 2;
    await sql`insert into diary_entry (id, patient_id, version, change_seq, local_date, local_time, time_zone, recorded_at, intensity, body, entered_by, created_at, updated_at, deleted_at)
      values (${e.id}, ${maria.patientId}, 1, ${seq}, ${e.localDate}, ${e.localTime}, ${e.timeZone}, ${e.recordedAt}, ${e.intensity}, ${JSON.stringify(e)}, ${e.provenance.enteredBy}, ${at}, ${at}, null)`.execute(
      db,
    );
    await sql`insert into entry_region (entry_id, patient_id, code, intensity) values (${e.id}, ${maria.patientId}, ${'knee-left'}, 4)`.execute(
      db,
    );
    await sql`insert into day_summary (patient_id, local_date, entry_count, accumulator, updated_at) values (${maria.patientId}, ${e.localDate}, 1, ${JSON.stringify(accumulateDay([e]))}, ${at})`.execute(
      db,
    );

    expect(await migrateToLatest(t.database.handle.db)).toEqual([
      '0014-lean-diary',
      '0015-record-feed',
      '0016-patient-triage',
      '0017-known-devices',
      '0018-api-token-scopes',
      '0019-pending-sign-ups',
      '0020-second-factor',
      '0021-passkeys',
      '0022-session-second-factor',
      '0023-profile-change-triggers',
      '0026-clinic-role-settings',
    ]);
    expect(await audit()).toEqual(auditBefore);
    const after = await records();
    // Maria's feed and summaries also hold the entry the previous version wrote, at the sequence it had.
    const mariaAfter = after[0] as {
      changes: { id: string; changeSeq: number; bodyJson: string }[];
      summaries: { localDate: string; entryCount: number; meanIntensity: number }[];
    };
    expect(mariaAfter.changes.find((c) => c.id === e.id)).toMatchObject({ changeSeq: seq, bodyJson: JSON.stringify(e) });
    expect(mariaAfter.summaries.find((s) => s.localDate === '2025-09-01')).toMatchObject({ entryCount: 1, meanIntensity: 3 });
    expect({
      ...mariaAfter,
      changes: mariaAfter.changes.filter((c) => c.id !== e.id),
      summaries: mariaAfter.summaries.filter((s) => s.localDate !== '2025-09-01'),
    }).toEqual(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
    const mariaBefore = before[0] as {
      changes: { id: string; deleted: boolean }[];
      flares: unknown[];
      blockDiaries: unknown[];
      responses: unknown[];
    };
    expect(mariaBefore.changes.find((c) => c.id === deleted)).toMatchObject({ deleted: true });
    expect([mariaBefore.flares.length, mariaBefore.blockDiaries.length, mariaBefore.responses.length > 0]).toEqual([1, 1, true]);
    expect(auditBefore.patients[0]!.length).toBeGreaterThan(0);
    expect(auditBefore.clinic.length).toBeGreaterThan(0);

    // A write after the migration continues the feed past every change it holds (since migration 0015
    // the feed holds the patient's other records too, after the diary's changes).
    const last = Math.max(...mariaAfter.changes.map((c) => c.changeSeq));
    const feedLast = await deps.store.records.lastChangeSeq(maria.patientId);
    expect(feedLast).toBeGreaterThanOrEqual(last);
    const next = await putDiaryEntry(deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000e0004', entryBody);
    expect(next.status === 'created' && next.record.changeSeq).toBe(feedLast + 1);
  }, 300_000);
});
