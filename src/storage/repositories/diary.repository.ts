// Diary entries, their region and medicine rows, and incrementally maintained day summaries.
import { sql } from 'kysely';
import type { DiaryStore, StoredDiaryEntry } from '../../app/ports.ts';
import type { DiaryEntry } from '../../domain/diary/entry.ts';
import type { DaySummaryAccumulator } from '../../domain/diary/day-summary.ts';
import { preparedQuery, runsDirectly, type Executor } from './executor.ts';
import type { DatabaseSchema } from '../schema.ts';
import type { Insertable } from 'kysely';

// The statements of a single-entry write (PUT), prepared once: see preparedQuery.
const INSERT_REGION = preparedQuery((db, a: Insertable<DatabaseSchema['entry_region']>) => db.insertInto('entry_region').values({
  entry_id: a.entry_id, patient_id: a.patient_id, code: a.code, intensity: a.intensity,
}));
const INSERT_MEDICATION = preparedQuery((db, a: Insertable<DatabaseSchema['entry_medication']>) => db.insertInto('entry_medication').values({
  entry_id: a.entry_id, position: a.position, patient_id: a.patient_id, name: a.name, dose: a.dose, unit: a.unit, regimen: a.regimen,
  formulary_id: a.formulary_id, medication_order_id: a.medication_order_id,
}));
const FIND_ENTRY = preparedQuery((db, a: { id: string }) => db.selectFrom('diary_entry')
  .select(['id', 'patient_id', 'version', 'change_seq', 'updated_at', 'deleted_at', 'body']).where('id', '=', a.id));
const NEXT_CHANGE_SEQ = preparedQuery((db, a: { patientId: string; count: number }) => db.updateTable('patient')
  .set((eb) => ({ diary_seq: eb('diary_seq', '+', a.count) })).where('id', '=', a.patientId).returning('diary_seq'));
const INSERT_ENTRY = preparedQuery((db, a: Insertable<DatabaseSchema['diary_entry']>) => db.insertInto('diary_entry').values({
  id: a.id, patient_id: a.patient_id, version: a.version, change_seq: a.change_seq, local_date: a.local_date, local_time: a.local_time,
  time_zone: a.time_zone, recorded_at: a.recorded_at, intensity: a.intensity, body: a.body, entered_by: a.entered_by, created_at: a.created_at,
  updated_at: a.updated_at, deleted_at: a.deleted_at,
}));
const LOAD_SUMMARY = preparedQuery((db, a: { patientId: string; localDate: string }) => db.selectFrom('day_summary').select(['local_date', 'accumulator'])
  .where('patient_id', '=', a.patientId).where('local_date', '=', a.localDate));
const SAVE_SUMMARY = preparedQuery((db, a: { patientId: string; localDate: string; entryCount: number; json: string; at: string }) => db.insertInto('day_summary')
  .values({ patient_id: a.patientId, local_date: a.localDate, entry_count: a.entryCount, accumulator: a.json, updated_at: a.at })
  .onConflict((oc) => oc.columns(['patient_id', 'local_date']).doUpdateSet({ entry_count: a.entryCount, accumulator: a.json, updated_at: a.at })));

const LIST_CHANGES = preparedQuery((db, a: { patientId: string; afterSeq: number; limit: number }) => db.selectFrom('diary_entry')
  .select(['id', 'version', 'change_seq', 'updated_at', 'deleted_at', 'body'])
  .where('patient_id', '=', a.patientId).where('change_seq', '>', a.afterSeq).orderBy('change_seq').limit(a.limit));

/** The largest change sequence the `integer` columns `change_seq` and `diary_seq` hold on PostgreSQL (2^31 − 1). */
const MAX_CHANGE_SEQ = 2_147_483_647;

async function writeChildRows(db: Executor, patientId: string, entry: DiaryEntry): Promise<void> {
  if (!runsDirectly(db)) {
    // Over a network connection one multi-row insert per table saves round trips.
    if (entry.regions.length > 0) {
      await db.insertInto('entry_region').values(entry.regions.map((r) => ({ entry_id: entry.id, patient_id: patientId, code: r.code, intensity: r.intensity }))).execute();
    }
    if (entry.medicines.length > 0) {
      await db.insertInto('entry_medication').values(entry.medicines.map((m, position) => ({
        entry_id: entry.id, position, patient_id: patientId, name: m.name, dose: m.dose, unit: m.unit, regimen: m.regimen,
        formulary_id: m.formularyId, medication_order_id: m.medicationOrderId,
      }))).execute();
    }
    return;
  }
  // In-process SQLite: one prepared statement per row is cheaper than building a multi-row insert of varying length.
  for (const r of entry.regions) await INSERT_REGION.run(db, { entry_id: entry.id, patient_id: patientId, code: r.code, intensity: r.intensity });
  for (const [position, m] of entry.medicines.entries()) {
    await INSERT_MEDICATION.run(db, {
      entry_id: entry.id, position, patient_id: patientId, name: m.name, dose: m.dose, unit: m.unit, regimen: m.regimen,
      formulary_id: m.formularyId ?? null, medication_order_id: m.medicationOrderId ?? null,
    });
  }
}

async function deleteChildRows(db: Executor, entryId: string): Promise<void> {
  await db.deleteFrom('entry_region').where('entry_id', '=', entryId).execute();
  await db.deleteFrom('entry_medication').where('entry_id', '=', entryId).execute();
}

export function diaryRepository(db: Executor): DiaryStore {
  return {
    async findEntry(id) {
      const r = await FIND_ENTRY.first(db, { id });
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
      const r = await NEXT_CHANGE_SEQ.first(db, { patientId, count });
      if (!r) throw new Error(`No patient ${patientId} to number diary changes for.`);
      return Number(r.diary_seq);
    },
    async insertEntry(patientId, entry, meta) {
      await INSERT_ENTRY.run(db, {
        id: entry.id, patient_id: patientId, version: meta.version, change_seq: meta.changeSeq, local_date: entry.localDate, local_time: entry.localTime,
        time_zone: entry.timeZone, recorded_at: entry.recordedAt, intensity: entry.intensity, body: JSON.stringify(entry),
        entered_by: entry.provenance.enteredBy, created_at: meta.at, updated_at: meta.at, deleted_at: null,
      });
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
    async lastChangeSeq(patientId) {
      const r = await db.selectFrom('patient').select('diary_seq').where('id', '=', patientId).executeTakeFirst();
      return r ? Number(r.diary_seq) : 0;
    },
    async listChanges(patientId, afterSeq, limit) {
      // No change has a sequence past the column's range (PostgreSQL `integer`), and asking would be an
      // out-of-range error there: a cursor that far on has nothing after it.
      if (afterSeq > MAX_CHANGE_SEQ) return [];
      // A pull reads up to a year of entries at once: rows as arrays cost a fraction of row objects.
      const rows = await LIST_CHANGES.tuples(db, { patientId, afterSeq, limit });
      return rows.map((r) => ({
        id: r[0] as string, version: Number(r[1]), changeSeq: Number(r[2]), updatedAt: r[3] as string, deleted: r[4] !== null, bodyJson: r[5] as string,
      }));
    },
    async listEntries(patientId, from, to) {
      const rows = await db.selectFrom('diary_entry').select('body').where('patient_id', '=', patientId).where('deleted_at', 'is', null)
        .where('local_date', '>=', from).where('local_date', '<=', to).orderBy('local_date').orderBy('local_time').orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.body) as DiaryEntry);
    },
    async loadSummaries(patientId, dates) {
      const map = new Map<string, DaySummaryAccumulator>();
      if (dates.length === 0) return map;
      const rows = dates.length === 1
        ? await LOAD_SUMMARY.rows(db, { patientId, localDate: dates[0]! })
        : await db.selectFrom('day_summary').select(['local_date', 'accumulator']).where('patient_id', '=', patientId).where('local_date', 'in', dates).execute();
      for (const r of rows) map.set(r.local_date, JSON.parse(r.accumulator) as DaySummaryAccumulator);
      return map;
    },
    async saveSummary(patientId, localDate, accumulator, at) {
      if (!accumulator) {
        await db.deleteFrom('day_summary').where('patient_id', '=', patientId).where('local_date', '=', localDate).execute();
        return;
      }
      const json = JSON.stringify(accumulator);
      await SAVE_SUMMARY.run(db, { patientId, localDate, entryCount: accumulator.entryCount, json, at });
    },
    async listSummaries(patientId, from, to) {
      const rows = await db.selectFrom('day_summary').select('accumulator').where('patient_id', '=', patientId)
        .where('local_date', '>=', from).where('local_date', '<=', to).orderBy('local_date').execute();
      return rows.map((r) => JSON.parse(r.accumulator) as DaySummaryAccumulator);
    },
  };
}
