// Versioned, soft-deleted documents of one patient, stored as validated JSON: flares and block diaries.
import type { DocumentStore, StoredDocument } from '../../app/ports.ts';
import type { PatientDocumentRow } from '../schema.ts';
import type { Executor } from './executor.ts';

const toDocument = <T>(r: PatientDocumentRow): StoredDocument<T> => ({
  id: r.id, patientId: r.patient_id, version: r.version, updatedAt: r.updated_at, deletedAt: r.deleted_at, body: JSON.parse(r.body) as T,
});

export function documentRepository<T>(db: Executor, table: 'flare' | 'block_diary'): DocumentStore<T> {
  return {
    async find(id) {
      const r = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      return r && toDocument<T>(r);
    },
    async insert(patientId, id, body, sortAt, at) {
      await db.insertInto(table).values({ id, patient_id: patientId, version: 1, sort_at: sortAt, body: JSON.stringify(body), created_at: at, updated_at: at, deleted_at: null }).execute();
    },
    async update(patientId, id, body, sortAt, version, at) {
      await db.updateTable(table).set({ version, sort_at: sortAt, body: JSON.stringify(body), updated_at: at, deleted_at: null }).where('id', '=', id).where('patient_id', '=', patientId).execute();
    },
    async softDelete(patientId, id, version, at) {
      await db.updateTable(table).set({ version, deleted_at: at, updated_at: at }).where('id', '=', id).where('patient_id', '=', patientId).execute();
    },
    async list(patientId, limit) {
      const rows = await db.selectFrom(table).selectAll().where('patient_id', '=', patientId).where('deleted_at', 'is', null).orderBy('sort_at', 'desc').limit(limit).execute();
      return rows.map((r) => toDocument<T>(r));
    },
  };
}
