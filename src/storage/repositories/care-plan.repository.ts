// Issue 6 storage: clinical records as versioned, soft-deleted JSON documents of one patient
// (conditions, medication orders, procedures, conservative care, taper plans, the naloxone check) and the care plan as
// append-only versions.
import type {
  CarePlanStores, CarePlanVersion, CarePlanVersionStore, ConditionRecord, ConservativeCareRecord, MedicationOrderRecord, NaloxoneCheckRecord, ProcedureRecord,
  RecordStore, StoredRecord, TaperPlanRecord,
} from '../../app/care-plan-records.ts';
import type { PatientDocumentRow } from '../schema.ts';
import type { Executor } from './executor.ts';

type RecordTable = 'condition' | 'medication_order' | 'clinical_procedure' | 'conservative_care' | 'taper_plan' | 'naloxone_check';

const toRecord = <T>(r: PatientDocumentRow): StoredRecord<T> => ({
  id: r.id, patientId: r.patient_id, version: Number(r.version), updatedAt: r.updated_at, deletedAt: r.deleted_at, body: JSON.parse(r.body) as T,
});

function recordRepository<T>(db: Executor, table: RecordTable): RecordStore<T> {
  return {
    async find(id) {
      const r = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      return r && toRecord<T>(r);
    },
    async insert(patientId, id, body, sortAt, at) {
      await db.insertInto(table).values({ id, patient_id: patientId, version: 1, sort_at: sortAt, body: JSON.stringify(body), created_at: at, updated_at: at, deleted_at: null }).execute();
    },
    async update(patientId, id, body, sortAt, version, at) {
      const r = await db.updateTable(table).set({ version, sort_at: sortAt, body: JSON.stringify(body), updated_at: at, deleted_at: null })
        .where('id', '=', id).where('patient_id', '=', patientId).where('version', '=', version - 1).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async softDelete(patientId, id, version, at) {
      const r = await db.updateTable(table).set({ version, deleted_at: at, updated_at: at })
        .where('id', '=', id).where('patient_id', '=', patientId).where('version', '=', version - 1).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async list(patientId, limit) {
      const rows = await db.selectFrom(table).selectAll().where('patient_id', '=', patientId).where('deleted_at', 'is', null)
        .orderBy('sort_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => toRecord<T>(r));
    },
  };
}

function carePlanVersionRepository(db: Executor): CarePlanVersionStore {
  const toVersion = (r: { patient_id: string; version: number; body: string; created_by: string; created_at: string }): CarePlanVersion => ({
    patientId: r.patient_id, version: Number(r.version), createdBy: r.created_by, createdAt: r.created_at, plan: JSON.parse(r.body) as CarePlanVersion['plan'],
  });
  return {
    async findLatest(patientId) {
      const r = await db.selectFrom('care_plan_version').selectAll().where('patient_id', '=', patientId).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return r && toVersion(r);
    },
    async find(patientId, version) {
      const r = await db.selectFrom('care_plan_version').selectAll().where('patient_id', '=', patientId).where('version', '=', version).executeTakeFirst();
      return r && toVersion(r);
    },
    async insert(v) {
      await db.insertInto('care_plan_version').values({ patient_id: v.patientId, version: v.version, body: JSON.stringify(v.plan), created_by: v.createdBy, created_at: v.createdAt }).execute();
    },
    async list(patientId, limit) {
      const rows = await db.selectFrom('care_plan_version').selectAll().where('patient_id', '=', patientId).orderBy('version', 'desc').limit(limit).execute();
      return rows.map((r) => {
        const v = toVersion(r);
        return { version: v.version, createdBy: v.createdBy, createdAt: v.createdAt, goals: v.plan.goals.length, interventions: v.plan.interventions.length };
      });
    },
  };
}

/** The issue 6 stores over a connection or transaction; `wrap` marks driver errors as the other stores do. */
export function carePlanStores(db: Executor, wrap: <S extends object>(store: S) => S): CarePlanStores {
  return {
    conditions: wrap(recordRepository<ConditionRecord>(db, 'condition')),
    medicationOrders: wrap(recordRepository<MedicationOrderRecord>(db, 'medication_order')),
    procedures: wrap(recordRepository<ProcedureRecord>(db, 'clinical_procedure')),
    conservativeCare: wrap(recordRepository<ConservativeCareRecord>(db, 'conservative_care')),
    taperPlans: wrap(recordRepository<TaperPlanRecord>(db, 'taper_plan')),
    naloxoneChecks: wrap(recordRepository<NaloxoneCheckRecord>(db, 'naloxone_check')),
    plans: wrap(carePlanVersionRepository(db)),
  };
}
