// Migration 0015 keeps every record. The demo, with edits, deletes and a record of every kind beside its
// diaries, is read through the use cases; the database goes back to the previous version (0015's down
// splits the table into the tables that version kept), gets rows written the way that version wrote
// them (a diary entry at its next sequence, a flare tombstone that kept its body), and migrates to the
// latest again. Every row comes back with its id, kind, version, times and body, diary entries at the
// change sequence they had; the other records take the sequences after their patient's diary, once
// each; and every diary change, day summary and record of every kind reads back identical.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/support/dialects.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { actingAs, loadDemoPeople, SEED_ENTRY, seedEditedAndDeletedEntries } from '../../../test/support/migration-seed.ts';
import { listDaySummaries, pullDiaryChanges, putDiaryEntry } from '../../app/diary.ts';
import { BLOCK_DIARIES, FLARES, saveDocument } from '../../app/diary-documents.ts';
import { CONDITIONS, CONSERVATIVE_CARE, PROCEDURES, saveCondition } from '../../app/care-plan.ts';
import { MEDICATION_ORDERS, TAPER_PLANS } from '../../app/medications.ts';
import { NALOXONE_CHECKS, saveNaloxoneCheck } from '../../app/opioid-safety.ts';
import { pullChanges } from '../../app/record-feed.ts';
import type { StoredRecord } from '../../app/record-store.ts';
import { deleteRecord, findRecord, listRecords, type RecordKind } from '../../app/versioned-records.ts';
import { validateDiaryEntry } from '../../domain/diary/entry.ts';
import { migrateToLatest } from '../database.ts';
import { migrationProvider } from './index.ts';

const PREVIOUS = '0014-lean-diary';
const _as = actingAs;

/** The table each kind lived in at the previous version. */
const TABLES: Record<string, string> = {
  flare: 'flare',
  block_diary: 'block_diary',
  condition: 'condition',
  medication_order: 'medication_order',
  procedure: 'clinical_procedure',
  conservative_care: 'conservative_care',
  taper_plan: 'taper_plan',
  naloxone_check: 'naloxone_check',
};
// biome-ignore lint/suspicious/noExplicitAny: the kinds differ only in their body type.
const KINDS: readonly RecordKind<any>[] = [
  FLARES,
  BLOCK_DIARIES,
  CONDITIONS,
  MEDICATION_ORDERS,
  PROCEDURES,
  CONSERVATIVE_CARE,
  TAPER_PLANS,
];

interface Row {
  kind: string;
  id: string;
  patient_id: string;
  version: number;
  change_seq: number | null;
  sort_key: string;
  body: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
const byKey = (a: Row, b: Row) => `${a.kind}/${a.id}`.localeCompare(`${b.kind}/${b.id}`);
const normal = (r: Row): Row => ({ ...r, version: Number(r.version), change_seq: r.change_seq === null ? null : Number(r.change_seq) });

/** Every record as the previous version kept it, in one shape (other kinds had no change sequence). */
async function previousRows(db: Kysely<unknown>): Promise<Row[]> {
  const out: Row[] = [];
  const diary =
    await sql<Row>`select 'diary_entry' as kind, id, patient_id, version, change_seq, local_date || 'T' || local_time as sort_key,
    body, created_at, updated_at, deleted_at from diary_entry`.execute(db);
  out.push(...diary.rows);
  for (const [kind, table] of Object.entries(TABLES)) {
    const rows = await sql<Row>`select ${kind} as kind, id, patient_id, version, null as change_seq, sort_at as sort_key, body,
      created_at, updated_at, deleted_at from ${sql.table(table)}`.execute(db);
    out.push(...rows.rows);
  }
  return out.map(normal).sort(byKey);
}

async function latestRows(db: Kysely<unknown>): Promise<Row[]> {
  const rows = await sql<Row>`select kind, id, patient_id, version, change_seq, sort_key, body, created_at, updated_at, deleted_at
    from versioned_record`.execute(db);
  return rows.rows.map(normal).sort(byKey);
}

/** A record as a list shows it, without its place in the feed (the other kinds are numbered anew). */
const shown = ({ changeSeq: _, ...r }: StoredRecord<unknown>) => r;

describe.each(DIALECTS)('migration 0015 (one change feed) on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps every record of every kind, diary entries at their change sequence, and gives the others one place each in the feed', async () => {
    const deps = t.deps;
    const db = t.database.handle.db.withoutPlugins() as unknown as Kysely<unknown>; // the database's own column names
    const { people } = await loadDemoPeople(deps);
    const maria = people[0]!;

    // Beside the demo: an edited and a deleted diary entry, an edited and a deleted flare, a block
    // diary, a deleted condition and the naloxone check.
    const entryBody = SEED_ENTRY;
    const edited = '019a0000-0000-7000-8000-0000000e0101';
    const deleted = '019a0000-0000-7000-8000-0000000e0102';
    await seedEditedAndDeletedEntries(deps, maria, edited, deleted);
    const flare = { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 6 };
    const flareId = '019a0000-0000-7000-8000-0000000f0101';
    await saveDocument(FLARES, deps, maria.ctx, maria.patientId, flareId, flare);
    await saveDocument(FLARES, deps, maria.ctx, maria.patientId, flareId, { ...flare, endedAt: '2026-05-21T08:00:00Z' }, 1);
    await saveDocument(FLARES, deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000f0102', flare);
    await deleteRecord(FLARES, deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000f0102');
    await saveDocument(BLOCK_DIARIES, deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000b0101', {
      procedureLabel: 'Right L4-L5 medial branch block',
      procedureAt: '2026-05-28T09:00:00Z',
      timeZone: 'Europe/Berlin',
      baselineIntensity: 8,
      readings: [{ offsetMinutes: 15, intensity: 2, patientReportedReliefPct: 70 }],
    });
    const conditionId = '019a0000-0000-7000-8000-0000000c0101';
    await saveCondition(deps, maria.ctx, maria.patientId, conditionId, {
      label: 'Knee pain',
      mechanism: 'nociceptive',
      onsetDate: '2026-01-01',
    });
    await deleteRecord(CONDITIONS, deps, maria.ctx, maria.patientId, conditionId);
    await saveNaloxoneCheck(deps, maria.ctx, maria.patientId, { hasNaloxone: true, location: 'kitchen drawer' });

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
        const lists: Record<string, unknown> = {};
        for (const kind of KINDS) lists[kind.resource] = (await listRecords(kind, deps, p.ctx, p.patientId, 1000)).map(shown);
        const naloxone = await findRecord(NALOXONE_CHECKS, deps, p.ctx, p.patientId, p.patientId);
        out.push({
          changes,
          summaries: await listDaySummaries(deps, p.ctx, p.patientId, '2025-06-15', '2026-06-02'),
          lists,
          naloxone: naloxone && shown(naloxone),
        });
      }
      return out;
    };
    const before = await records();
    for (const kind of ['flare', 'block_diary', 'condition', 'medication_order', 'procedure', 'conservative_care']) {
      const held = (before as { lists: Record<string, unknown[]> }[]).reduce((n, p) => n + p.lists[kind]!.length, 0);
      expect(held, kind).toBeGreaterThan(0);
    }

    // Back to the previous version: a table per kind again.
    const migrator = new Migrator({ db, provider: migrationProvider });
    const down = await migrator.migrateTo(PREVIOUS);
    expect(down.error).toBeUndefined();

    // Rows written as the previous version wrote them: a diary entry at the diary's next sequence, and
    // a flare deleted then (its tombstone kept its body).
    const at = '2026-05-31T10:00:00.000Z';
    const lastDiarySeq = Number(
      (await sql<{ n: number }>`select max(change_seq) as n from diary_entry where patient_id = ${maria.patientId}`.execute(db)).rows[0]!.n,
    );
    const checked = validateDiaryEntry(
      {
        ...entryBody,
        id: '019a0000-0000-7000-8000-0000000e0103',
        localDate: '2025-09-01',
        provenance: { enteredBy: maria.ctx.actor.kind === 'user' ? maria.ctx.actor.userId : '', mode: 'recalled', source: 'self' },
      },
      { asOf: deps.clock.now() },
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const oldEntry = checked.entry;
    await sql`insert into diary_entry (id, patient_id, version, change_seq, local_date, local_time, body, created_at, updated_at, deleted_at)
      values (${oldEntry.id}, ${maria.patientId}, 1, ${lastDiarySeq + 1}, '2025-09-01', '08:15', ${JSON.stringify(oldEntry)}, ${at}, ${at}, null)`.execute(
      db,
    );
    const oldFlare = { ...flare, id: '019a0000-0000-7000-8000-0000000f0103' };
    await sql`insert into flare (id, patient_id, version, sort_at, body, created_at, updated_at, deleted_at)
      values (${oldFlare.id}, ${maria.patientId}, 2, ${flare.startedAt}, ${JSON.stringify(oldFlare)}, ${at}, ${at}, ${at})`.execute(db);
    const previous = await previousRows(db);
    expect(previous.filter((r) => r.deleted_at !== null).map((r) => r.kind)).toEqual(
      expect.arrayContaining(['diary_entry', 'flare', 'condition']),
    );

    expect(await migrateToLatest(t.database.handle.db)).toEqual([
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
    const latest = await latestRows(db);

    // Every row, with its id, kind, version, times and body; diary entries at the sequence they had.
    expect(latest.map((r) => ({ ...r, change_seq: r.kind === 'diary_entry' ? r.change_seq : null }))).toEqual(previous);
    // The other records take the numbers after their patient's diary, once each: one feed per patient.
    const byPatient = new Map<string, Row[]>();
    for (const r of latest) byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), r]);
    for (const rows of byPatient.values()) {
      const seqs = rows.map((r) => r.change_seq!);
      expect(new Set(seqs).size).toBe(rows.length);
      const diaryMax = Math.max(0, ...rows.filter((r) => r.kind === 'diary_entry').map((r) => r.change_seq!));
      const others = rows
        .filter((r) => r.kind !== 'diary_entry')
        .map((r) => r.change_seq!)
        .sort((a, b) => a - b);
      expect(others).toEqual(others.map((_, i) => diaryMax + 1 + i));
    }

    // Read through the use cases: the same as before, and the rows the previous version wrote.
    const after = await records();
    const mariaAfter = after[0] as { changes: { id: string; changeSeq: number }[]; lists: Record<string, { id: string }[]> };
    expect(mariaAfter.changes.find((c) => c.id === oldEntry.id)).toMatchObject({ changeSeq: lastDiarySeq + 1 });
    expect(mariaAfter.lists.flare!.map((f) => f.id)).not.toContain(oldFlare.id);
    const withoutOld = {
      ...mariaAfter,
      changes: mariaAfter.changes.filter((c) => c.id !== oldEntry.id),
      summaries: (after[0] as { summaries: { localDate: string }[] }).summaries.filter((s) => s.localDate !== '2025-09-01'),
    };
    expect(withoutOld).toEqual(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));

    // The whole feed holds every record once, the old tombstone as a tombstone; a write continues it.
    const feed = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await pullChanges(deps, maria.ctx, maria.patientId, cursor, 500);
      feed.push(...page.items);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(feed.length).toBe(byPatient.get(maria.patientId)!.length);
    expect(feed.find((c) => c.id === oldFlare.id)).toMatchObject({ kind: 'flare', deleted: true, version: 2 });
    const last = feed.at(-1)!.changeSeq;
    const next = await putDiaryEntry(deps, maria.ctx, maria.patientId, '019a0000-0000-7000-8000-0000000e0104', entryBody);
    expect(next.status === 'created' && next.record.changeSeq).toBe(last + 1);
  }, 300_000);
});
