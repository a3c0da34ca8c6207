// Care-plan storage: clinical records kept by the record engine's repository (conditions, mechanism
// assessments, medication orders, procedures, conservative care, taper plans, the naloxone check) and the care plan as
// append-only versions.
import type {
  CarePlanRepositories,
  CarePlanVersion,
  CarePlanVersionStore,
  ConditionRecord,
  ConservativeCareRecord,
  MechanismAssessmentRecord,
  MedicationOrderRecord,
  NaloxoneCheckRecord,
  ProcedureRecord,
  TaperPlanRecord,
} from '../../app/care-plan-records.ts';
import type { Executor } from './executor.ts';
import { versionedRecordRepository as recordRepository } from './versioned-record.repository.ts';

function carePlanVersionRepository(db: Executor): CarePlanVersionStore {
  const toVersion = (r: { patientId: string; version: number; body: string; createdBy: string; createdAt: string }): CarePlanVersion => ({
    patientId: r.patientId,
    version: Number(r.version),
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    plan: JSON.parse(r.body) as CarePlanVersion['plan'],
  });
  return {
    async findLatest(patientId) {
      const r = await db
        .selectFrom('care_plan_version')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return r && toVersion(r);
    },
    async find(patientId, version) {
      const r = await db
        .selectFrom('care_plan_version')
        .selectAll()
        .where('patientId', '=', patientId)
        .where('version', '=', version)
        .executeTakeFirst();
      return r && toVersion(r);
    },
    async insert(v) {
      await db
        .insertInto('care_plan_version')
        .values({
          patientId: v.patientId,
          version: v.version,
          body: JSON.stringify(v.plan),
          createdBy: v.createdBy,
          createdAt: v.createdAt,
        })
        .execute();
    },
    async list(patientId, limit) {
      const rows = await db
        .selectFrom('care_plan_version')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('version', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => {
        const v = toVersion(r);
        return {
          version: v.version,
          createdBy: v.createdBy,
          createdAt: v.createdAt,
          goals: v.plan.goals.length,
          interventions: v.plan.interventions.length,
        };
      });
    },
  };
}

/** The care-plan stores over a connection or transaction; `wrap` marks driver errors as the other stores do. */
export function carePlanStores(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  wrap: <S extends object>(store: S) => S,
): CarePlanRepositories {
  return {
    conditions: wrap(recordRepository<ConditionRecord>(db, dialect, 'condition')),
    medicationOrders: wrap(recordRepository<MedicationOrderRecord>(db, dialect, 'medication_order')),
    procedures: wrap(recordRepository<ProcedureRecord>(db, dialect, 'procedure')),
    conservativeCare: wrap(recordRepository<ConservativeCareRecord>(db, dialect, 'conservative_care')),
    taperPlans: wrap(recordRepository<TaperPlanRecord>(db, dialect, 'taper_plan')),
    naloxoneChecks: wrap(recordRepository<NaloxoneCheckRecord>(db, dialect, 'naloxone_check')),
    mechanismAssessments: wrap(recordRepository<MechanismAssessmentRecord>(db, dialect, 'mechanism_assessment')),
    plans: wrap(carePlanVersionRepository(db)),
  };
}
