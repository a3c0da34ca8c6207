// Diary entries, their region and medicine rows, and incrementally maintained day summaries.
import { sql } from 'kysely';
import type { DiaryStore, StoredDiaryEntry } from '../../app/ports.ts';
import type { DiaryEntry } from '../../domain/diary/entry.ts';
import type { DaySummaryAccumulator } from '../../domain/diary/day-summary.ts';
import type { Executor } from './executor.ts';

async function writeChildRows(db: Executor, patientId: string, entry: DiaryEntry): Promise<void> {
  if (entry.regions.length > 0) {
    await db.insertInto('entry_region').values(entry.regions.map((r) => ({ entry_id: entry.id, patient_id: patientId, code: r.code, intensity: r.intensity }))).execute();
  }
  if (entry.medicines.length > 0) {
    await db.insertInto('entry_medication').values(entry.medicines.map((m, position) => ({
      entry_id: entry.id, position, patient_id: patientId, name: m.name, dose: m.dose, unit: m.unit, regimen: m.regimen,
      formulary_id: m.formularyId, medication_order_id: m.medicationOrderId,
    }))).execute();
  }
}

async function deleteChildRows(db: Executor, entryId: string): Promise<void> {
  await db.deleteFrom('entry_region').where('entry_id', '=', entryId).execute();
  await db.deleteFrom('entry_medication').where('entry_id', '=', entryId).execute();
}

export function diaryRepository(db: Executor): DiaryStore {
  return {
    async findEntry(id) {
      const r = await db.selectFrom('diary_entry').select(['id', 'patient_id', 'version', 'change_seq', 'updated_at', 'deleted_at', 'body']).where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      return {
        id: r.id, patientId: r.patient_id, version: r.version, changeSeq: r.change_seq, updatedAt: r.updated_at, deletedAt: r.deleted_at,
        entry: r.deleted_at ? null : (JSON.parse(r.body) as DiaryEntry),
      };
    },
    async findEntries(ids) {
      const map = new Map<string, StoredDiaryEntry>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db.selectFrom('diary_entry').select(['id', 'patient_id', 'version', 'change_seq', 'updated_at', 'deleted_at', 'body']).where('id', 'in', ids.slice(i, i + 500)).execute();
        for (const r of rows) {
          map.set(r.id, {
            id: r.id, patientId: r.patient_id, version: r.version, changeSeq: r.change_seq, updatedAt: r.updated_at, deletedAt: r.deleted_at,
            entry: r.deleted_at ? null : (JSON.parse(r.body) as DiaryEntry),
          });
        }
      }
      return map;
    },
    async nextChangeSeq(patientId, count = 1) {
      const r = await db.updateTable('patient').set((eb) => ({ diary_seq: eb('diary_seq', '+', count) })).where('id', '=', patientId).returning('diary_seq').executeTakeFirstOrThrow();
      return Number(r.diary_seq);
    },
    async insertEntry(patientId, entry, meta) {
      await db.insertInto('diary_entry').values({
        id: entry.id, patient_id: patientId, version: meta.version, change_seq: meta.changeSeq, local_date: entry.localDate, local_time: entry.localTime,
        time_zone: entry.timeZone, recorded_at: entry.recordedAt, intensity: entry.intensity, body: JSON.stringify(entry),
        entered_by: entry.provenance.enteredBy, created_at: meta.at, updated_at: meta.at, deleted_at: null,
      }).execute();
      await writeChildRows(db, patientId, entry);
    },
    async updateEntry(patientId, entry, meta) {
      await db.updateTable('diary_entry').set({
        version: meta.version, change_seq: meta.changeSeq, local_date: entry.localDate, local_time: entry.localTime, time_zone: entry.timeZone,
        recorded_at: entry.recordedAt, intensity: entry.intensity, body: JSON.stringify(entry), entered_by: entry.provenance.enteredBy,
        updated_at: meta.at, deleted_at: null,
      }).where('id', '=', entry.id).where('patient_id', '=', patientId).execute();
      await deleteChildRows(db, entry.id);
      await writeChildRows(db, patientId, entry);
    },
    async tombstone(patientId, id, meta) {
      // A deleted entry keeps its id, version and sequence (so other devices learn of the delete) but not its content.
      await db.updateTable('diary_entry').set({ version: meta.version, change_seq: meta.changeSeq, body: 'null', updated_at: meta.at, deleted_at: meta.at })
        .where('id', '=', id).where('patient_id', '=', patientId).execute();
      await deleteChildRows(db, id);
    },
    async listChanges(patientId, afterSeq, limit) {
      const { rows } = await sql<{ id: string; version: number; change_seq: number; updated_at: string; deleted_at: string | null; body: string }>`
        select id, version, change_seq, updated_at, deleted_at, body from diary_entry
        where patient_id = ${patientId} and change_seq > ${afterSeq} order by change_seq limit ${limit}`.execute(db);
      return rows.map((r) => ({ id: r.id, version: Number(r.version), changeSeq: Number(r.change_seq), updatedAt: r.updated_at, deleted: r.deleted_at !== null, bodyJson: r.body }));
    },
    async listEntries(patientId, from, to) {
      const rows = await db.selectFrom('diary_entry').select('body').where('patient_id', '=', patientId).where('deleted_at', 'is', null)
        .where('local_date', '>=', from).where('local_date', '<=', to).orderBy('local_date').orderBy('local_time').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.body) as DiaryEntry);
    },
    async loadSummaries(patientId, dates) {
      const map = new Map<string, DaySummaryAccumulator>();
      if (dates.length === 0) return map;
      const rows = await db.selectFrom('day_summary').select(['local_date', 'accumulator']).where('patient_id', '=', patientId).where('local_date', 'in', dates).execute();
      for (const r of rows) map.set(r.local_date, JSON.parse(r.accumulator) as DaySummaryAccumulator);
      return map;
    },
    async saveSummary(patientId, localDate, accumulator, at) {
      if (!accumulator) {
        await db.deleteFrom('day_summary').where('patient_id', '=', patientId).where('local_date', '=', localDate).execute();
        return;
      }
      const json = JSON.stringify(accumulator);
      await db.insertInto('day_summary').values({ patient_id: patientId, local_date: localDate, entry_count: accumulator.entryCount, accumulator: json, updated_at: at })
        .onConflict((oc) => oc.columns(['patient_id', 'local_date']).doUpdateSet({ entry_count: accumulator.entryCount, accumulator: json, updated_at: at }))
        .execute();
    },
    async listSummaries(patientId, from, to) {
      const rows = await db.selectFrom('day_summary').select('accumulator').where('patient_id', '=', patientId)
        .where('local_date', '>=', from).where('local_date', '<=', to).orderBy('local_date').execute();
      return rows.map((r) => JSON.parse(r.accumulator) as DaySummaryAccumulator);
    },
  };
}
