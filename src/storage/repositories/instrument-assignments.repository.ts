// Instrument licences per organization, and instrument assignments with their materialised due items.
import type { AssignmentSchedule, InstrumentAssignment, InstrumentAssignmentStore, InstrumentLicenceStore } from '../../app/ports.ts';
import type { InstrumentAssignmentRow } from '../schema.ts';
import { sql } from 'kysely';
import { preparedQuery, type Executor } from './executor.ts';

export function instrumentLicenceRepository(db: Executor): InstrumentLicenceStore {
  return {
    async listForOrganization(organizationId) {
      return db
        .selectFrom('instrument_licence')
        .leftJoin('user_account', 'user_account.id', 'instrument_licence.enabledBy')
        .selectAll('instrument_licence')
        .select('user_account.displayName as enabledByName')
        .where('instrument_licence.organizationId', '=', organizationId)
        .orderBy('instrument_licence.instrumentId')
        .execute();
    },
    async enable(l) {
      await db
        .insertInto('instrument_licence')
        .values({
          organizationId: l.organizationId,
          instrumentId: l.instrumentId,
          enabledBy: l.enabledBy,
          enabledAt: l.enabledAt,
          note: l.note,
        })
        .onConflict((oc) =>
          oc.columns(['organizationId', 'instrumentId']).doUpdateSet({ enabledBy: l.enabledBy, enabledAt: l.enabledAt, note: l.note }),
        )
        .execute();
    },
    async disable(organizationId, instrumentId) {
      const r = await db
        .deleteFrom('instrument_licence')
        .where('organizationId', '=', organizationId)
        .where('instrumentId', '=', instrumentId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async enabledFor(organizationIds) {
      if (organizationIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('instrument_licence')
        .select('instrumentId')
        .distinct()
        .where('organizationId', 'in', [...organizationIds])
        .execute();
      return new Set(rows.map((r) => r.instrumentId));
    },
    async enabledAmong(organizationIds, instrumentId) {
      if (organizationIds.length === 0) return [];
      const rows = await db
        .selectFrom('instrument_licence')
        .select('organizationId')
        .where('instrumentId', '=', instrumentId)
        .where('organizationId', 'in', [...organizationIds])
        .execute();
      return rows.map((r) => r.organizationId);
    },
  };
}

const toAssignment = (r: InstrumentAssignmentRow): InstrumentAssignment => ({
  id: r.id,
  patientId: r.patientId,
  organizationId: r.organizationId,
  instrumentId: r.instrumentId,
  schedule: JSON.parse(r.schedule) as AssignmentSchedule,
  nextDueAt: r.nextDueAt,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  cancelledAt: r.cancelledAt,
});

// Runs on every submitted response.
const OLDEST_OPEN_DUE = preparedQuery((db, a: { patientId: string; instrumentId: string; at: string }) =>
  db
    .selectFrom('instrument_due')
    .select('id')
    .where('patientId', '=', a.patientId)
    .where('instrumentId', '=', a.instrumentId)
    .where('completedAt', 'is', null)
    .where('dueAt', '<=', a.at)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(sql.lit(1)),
); // a literal LIMIT: SQLite runs `limit ?` markedly slower

/** Marks the patient's oldest open occurrence of the instrument due by `at` as answered; its id, if any. */
export async function completeOldestOpenDue(
  db: Executor,
  patientId: string,
  instrumentId: string,
  responseId: string,
  at: string,
): Promise<string | null> {
  const open = await OLDEST_OPEN_DUE.first(db, { patientId, instrumentId, at });
  if (!open) return null;
  await db.updateTable('instrument_due').set({ completedAt: at, responseId }).where('id', '=', open.id).execute();
  return open.id;
}

export function instrumentAssignmentRepository(db: Executor): InstrumentAssignmentStore {
  return {
    async insert(a) {
      await db
        .insertInto('instrument_assignment')
        .values({
          id: a.id,
          patientId: a.patientId,
          organizationId: a.organizationId,
          instrumentId: a.instrumentId,
          schedule: JSON.stringify(a.schedule),
          nextDueAt: a.nextDueAt,
          createdBy: a.createdBy,
          createdAt: a.createdAt,
          cancelledAt: a.cancelledAt,
        })
        .execute();
    },
    async find(id) {
      const r = await db.selectFrom('instrument_assignment').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toAssignment(r);
    },
    async listForPatient(patientId) {
      return (
        await db
          .selectFrom('instrument_assignment')
          .selectAll()
          .where('patientId', '=', patientId)
          .orderBy('createdAt', 'desc')
          .orderBy('id', 'desc')
          .execute()
      ).map(toAssignment);
    },
    async cancel(id, at) {
      await db.updateTable('instrument_assignment').set({ cancelledAt: at, nextDueAt: null }).where('id', '=', id).execute();
    },
    async advanceNextDue(id, from, to) {
      const r = await db
        .updateTable('instrument_assignment')
        .set({ nextDueAt: to })
        .where('id', '=', id)
        .where('nextDueAt', '=', from)
        .where('cancelledAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async insertDue(d) {
      await db
        .insertInto('instrument_due')
        .values({
          id: d.id,
          assignmentId: d.assignmentId,
          patientId: d.patientId,
          instrumentId: d.instrumentId,
          dueAt: d.dueAt,
          completedAt: d.completedAt,
          responseId: d.responseId,
        })
        .onConflict((oc) => oc.columns(['assignmentId', 'dueAt']).doNothing())
        .execute();
    },
    async listDue(patientId, { openOnly, limit }) {
      let q = db
        .selectFrom('instrument_due')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('dueAt', 'desc')
        .orderBy('id')
        .limit(limit);
      if (openOnly) q = q.where('completedAt', 'is', null);
      return q.execute();
    },
    completeOldestOpen: (patientId, instrumentId, responseId, at) => completeOldestOpenDue(db, patientId, instrumentId, responseId, at),
    async deleteOpenDue(assignmentId) {
      await db.deleteFrom('instrument_due').where('assignmentId', '=', assignmentId).where('completedAt', 'is', null).execute();
    },
    async completeWithUnclaimedResponse(assignmentId, dueAt, patientId, instrumentId) {
      const response = await db
        .selectFrom('instrument_response as r')
        .select(['r.id', 'r.completedAt'])
        .where('r.patientId', '=', patientId)
        .where('r.instrumentId', '=', instrumentId)
        .where('r.score', 'is not', null)
        .where('r.completedAt', '>=', dueAt)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('instrument_due as d').select('d.id').whereRef('d.responseId', '=', 'r.id'))),
        )
        .orderBy('r.completedAt')
        .orderBy('r.id')
        .limit(1)
        .executeTakeFirst();
      if (!response) return null;
      const r = await db
        .updateTable('instrument_due')
        .set({ completedAt: response.completedAt, responseId: response.id })
        .where('assignmentId', '=', assignmentId)
        .where('dueAt', '=', dueAt)
        .where('completedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? response.id : null;
    },
  };
}
