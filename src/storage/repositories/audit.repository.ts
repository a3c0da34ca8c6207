// The append-only audit trail: this repository has no update and no delete.
import type { AuditStore } from '../../app/ports.ts';
import type { AuditEvent } from '../../app/model.ts';
import type { AuditEventRow } from '../schema.ts';
import { decodeCursor, encodeCursor, preparedQuery, type Executor } from './executor.ts';

const toEvent = (r: AuditEventRow & { actor_name: string | null }) => ({
  id: r.id,
  at: r.at,
  actorUserId: r.actor_user_id,
  actorBasis: r.actor_basis,
  organizationId: r.organization_id,
  patientId: r.patient_id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  requestId: r.request_id,
  actorName: r.actor_name,
});

/** The row of an event (also written by repositories that put a record and its audit row in one statement). */
export const auditRow = (e: AuditEvent): AuditEventRow => ({
  id: e.id,
  at: e.at,
  actor_user_id: e.actorUserId,
  actor_basis: e.actorBasis,
  organization_id: e.organizationId,
  patient_id: e.patientId,
  action: e.action,
  resource_type: e.resourceType,
  resource_id: e.resourceId,
  request_id: e.requestId,
});

export const AUDIT_COLUMNS: readonly (keyof AuditEventRow)[] = [
  'id',
  'at',
  'actor_user_id',
  'actor_basis',
  'organization_id',
  'patient_id',
  'action',
  'resource_type',
  'resource_id',
  'request_id',
];

// Every read and write of patient data appends one event.
export const INSERT_EVENT = preparedQuery((db, a: AuditEventRow) =>
  db.insertInto('audit_event').values({
    id: a.id,
    at: a.at,
    actor_user_id: a.actor_user_id,
    actor_basis: a.actor_basis,
    organization_id: a.organization_id,
    patient_id: a.patient_id,
    action: a.action,
    resource_type: a.resource_type,
    resource_id: a.resource_id,
    request_id: a.request_id,
  }),
);

export function auditRepository(db: Executor): AuditStore {
  const page = async (column: 'patient_id' | 'organization_id', value: string, limit: number, before?: string) => {
    let q = db
      .selectFrom('audit_event')
      .leftJoin('user_account', 'user_account.id', 'audit_event.actor_user_id')
      .selectAll('audit_event')
      .select('user_account.display_name as actor_name')
      .where(`audit_event.${column}`, '=', value)
      .orderBy('audit_event.id', 'desc')
      .limit(limit + 1);
    const beforeId = decodeCursor(before);
    if (beforeId) q = q.where('audit_event.id', '<', beforeId);
    const rows = await q.execute();
    const items = rows.slice(0, limit).map(toEvent);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null };
  };
  return {
    async append(events) {
      if (events.length === 1) await INSERT_EVENT.run(db, auditRow(events[0]!));
      else if (events.length > 0) await db.insertInto('audit_event').values(events.map(auditRow)).execute();
    },
    listForPatient: (patientId, limit, before) => page('patient_id', patientId, limit, before),
    listForOrganization: (organizationId, limit, before) => page('organization_id', organizationId, limit, before),
  };
}
