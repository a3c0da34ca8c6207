// The record engine's storage: one table per record kind, each row a validated JSON body with the
// columns lists filter and order on (patient, sort key, deleted) and the version a write compares.
import type { RecordStore, StoredRecord } from '../../app/record-store.ts';
import type { PatientDocumentRow } from '../schema.ts';
import type { Executor } from './executor.ts';

export type VersionedRecordTable =
  | 'flare'
  | 'block_diary'
  | 'condition'
  | 'medication_order'
  | 'clinical_procedure'
  | 'conservative_care'
  | 'taper_plan'
  | 'naloxone_check';

const toRecord = <T>(r: PatientDocumentRow): StoredRecord<T> => ({
  id: r.id,
  patientId: r.patient_id,
  version: Number(r.version),
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  body: JSON.parse(r.body) as T,
});

export function versionedRecordRepository<T>(db: Executor, table: VersionedRecordTable): RecordStore<T> {
  return {
    async find(id) {
      const r = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      return r && toRecord<T>(r);
    },
    async insert(patientId, id, body, sortAt, at) {
      await db
        .insertInto(table)
        .values({
          id,
          patient_id: patientId,
          version: 1,
          sort_at: sortAt,
          body: JSON.stringify(body),
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
    },
    // Compare-and-set on the version: the write lands only over the version it was made on.
    async update(patientId, id, body, sortAt, version, at) {
      const r = await db
        .updateTable(table)
        .set({ version, sort_at: sortAt, body: JSON.stringify(body), updated_at: at, deleted_at: null })
        .where('id', '=', id)
        .where('patient_id', '=', patientId)
        .where('version', '=', version - 1)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async softDelete(patientId, id, version, at) {
      const r = await db
        .updateTable(table)
        .set({ version, deleted_at: at, updated_at: at })
        .where('id', '=', id)
        .where('patient_id', '=', patientId)
        .where('version', '=', version - 1)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async list(patientId, limit) {
      const rows = await db
        .selectFrom(table)
        .selectAll()
        .where('patient_id', '=', patientId)
        .where('deleted_at', 'is', null)
        .orderBy('sort_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => toRecord<T>(r));
    },
  };
}
