// Instrument licences per organization, and instrument assignments with their materialised due items.
import type {
  AssignmentSchedule,
  InstrumentAssignment,
  InstrumentAssignmentStore,
  InstrumentDue,
  InstrumentLicenceStore,
} from '../../app/ports.ts';
import type { InstrumentAssignmentRow, InstrumentDueRow } from '../schema.ts';
import { sql } from 'kysely';
import { preparedQuery, type Executor } from './executor.ts';

export function instrumentLicenceRepository(db: Executor): InstrumentLicenceStore {
  return {
    async listForOrganization(organizationId) {
      const rows = await db
        .selectFrom('instrument_licence')
        .leftJoin('user_account', 'user_account.id', 'instrument_licence.enabled_by')
        .selectAll('instrument_licence')
        .select('user_account.display_name as enabled_by_name')
        .where('instrument_licence.organization_id', '=', organizationId)
        .orderBy('instrument_licence.instrument_id')
        .execute();
      return rows.map((r) => ({
        organizationId: r.organization_id,
        instrumentId: r.instrument_id,
        enabledBy: r.enabled_by,
        enabledAt: r.enabled_at,
        note: r.note,
        enabledByName: r.enabled_by_name ?? null,
      }));
    },
    async enable(l) {
      await db
        .insertInto('instrument_licence')
        .values({
          organization_id: l.organizationId,
          instrument_id: l.instrumentId,
          enabled_by: l.enabledBy,
          enabled_at: l.enabledAt,
          note: l.note,
        })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'instrument_id']).doUpdateSet({ enabled_by: l.enabledBy, enabled_at: l.enabledAt, note: l.note }),
        )
        .execute();
    },
    async disable(organizationId, instrumentId) {
      const r = await db
        .deleteFrom('instrument_licence')
        .where('organization_id', '=', organizationId)
        .where('instrument_id', '=', instrumentId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async enabledFor(organizationIds) {
      if (organizationIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('instrument_licence')
        .select('instrument_id')
        .distinct()
        .where('organization_id', 'in', [...organizationIds])
        .execute();
      return new Set(rows.map((r) => r.instrument_id));
    },
    async enabledAmong(organizationIds, instrumentId) {
      if (organizationIds.length === 0) return [];
      const rows = await db
        .selectFrom('instrument_licence')
        .select('organization_id')
        .where('instrument_id', '=', instrumentId)
        .where('organization_id', 'in', [...organizationIds])
        .execute();
      return rows.map((r) => r.organization_id);
    },
  };
}

const toAssignment = (r: InstrumentAssignmentRow): InstrumentAssignment => ({
  id: r.id,
  patientId: r.patient_id,
  organizationId: r.organization_id,
  instrumentId: r.instrument_id,
  schedule: JSON.parse(r.schedule) as AssignmentSchedule,
  nextDueAt: r.next_due_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
});

const toDue = (r: InstrumentDueRow): InstrumentDue => ({
  id: r.id,
  assignmentId: r.assignment_id,
  patientId: r.patient_id,
  instrumentId: r.instrument_id,
  dueAt: r.due_at,
  completedAt: r.completed_at,
  responseId: r.response_id,
});

// Runs on every submitted response.
const OLDEST_OPEN_DUE = preparedQuery((db, a: { patientId: string; instrumentId: string; at: string }) =>
  db
    .selectFrom('instrument_due')
    .select('id')
    .where('patient_id', '=', a.patientId)
    .where('instrument_id', '=', a.instrumentId)
    .where('completed_at', 'is', null)
    .where('due_at', '<=', a.at)
    .orderBy('due_at')
    .orderBy('id')
    .limit(sql.lit(1)),
); // a literal LIMIT: SQLite runs `limit ?` markedly slower

export function instrumentAssignmentRepository(db: Executor): InstrumentAssignmentStore {
  return {
    async insert(a) {
      await db
        .insertInto('instrument_assignment')
        .values({
          id: a.id,
          patient_id: a.patientId,
          organization_id: a.organizationId,
          instrument_id: a.instrumentId,
          schedule: JSON.stringify(a.schedule),
          next_due_at: a.nextDueAt,
          created_by: a.createdBy,
          created_at: a.createdAt,
          cancelled_at: a.cancelledAt,
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
          .where('patient_id', '=', patientId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute()
      ).map(toAssignment);
    },
    async cancel(id, at) {
      await db.updateTable('instrument_assignment').set({ cancelled_at: at, next_due_at: null }).where('id', '=', id).execute();
    },
    async advanceNextDue(id, from, to) {
      const r = await db
        .updateTable('instrument_assignment')
        .set({ next_due_at: to })
        .where('id', '=', id)
        .where('next_due_at', '=', from)
        .where('cancelled_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async insertDue(d) {
      await db
        .insertInto('instrument_due')
        .values({
          id: d.id,
          assignment_id: d.assignmentId,
          patient_id: d.patientId,
          instrument_id: d.instrumentId,
          due_at: d.dueAt,
          completed_at: d.completedAt,
          response_id: d.responseId,
        })
        .onConflict((oc) => oc.columns(['assignment_id', 'due_at']).doNothing())
        .execute();
    },
    async listDue(patientId, { openOnly, limit }) {
      let q = db
        .selectFrom('instrument_due')
        .selectAll()
        .where('patient_id', '=', patientId)
        .orderBy('due_at', 'desc')
        .orderBy('id')
        .limit(limit);
      if (openOnly) q = q.where('completed_at', 'is', null);
      return (await q.execute()).map(toDue);
    },
    async completeOldestOpen(patientId, instrumentId, responseId, at) {
      const open = await OLDEST_OPEN_DUE.first(db, { patientId, instrumentId, at });
      if (!open) return null;
      await db.updateTable('instrument_due').set({ completed_at: at, response_id: responseId }).where('id', '=', open.id).execute();
      return open.id;
    },
    async deleteOpenDue(assignmentId) {
      await db.deleteFrom('instrument_due').where('assignment_id', '=', assignmentId).where('completed_at', 'is', null).execute();
    },
    async completeWithUnclaimedResponse(assignmentId, dueAt, patientId, instrumentId) {
      const response = await db
        .selectFrom('instrument_response as r')
        .select(['r.id', 'r.completed_at'])
        .where('r.patient_id', '=', patientId)
        .where('r.instrument_id', '=', instrumentId)
        .where('r.score', 'is not', null)
        .where('r.completed_at', '>=', dueAt)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('instrument_due as d').select('d.id').whereRef('d.response_id', '=', 'r.id'))),
        )
        .orderBy('r.completed_at')
        .orderBy('r.id')
        .limit(1)
        .executeTakeFirst();
      if (!response) return null;
      const r = await db
        .updateTable('instrument_due')
        .set({ completed_at: response.completed_at, response_id: response.id })
        .where('assignment_id', '=', assignmentId)
        .where('due_at', '=', dueAt)
        .where('completed_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1 ? response.id : null;
    },
  };
}
