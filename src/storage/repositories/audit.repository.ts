// The append-only audit trail: this repository has no update and no delete.
import type { AuditStore } from '../../app/ports.ts';
import type { AuditEvent } from '../../app/model.ts';
import type { AuditEventRow } from '../schema.ts';
import { decodeCursor, encodeCursor, preparedQuery, type Executor } from './executor.ts';

export const AUDIT_COLUMNS: readonly (keyof AuditEventRow)[] = [
  'id',
  'at',
  'actorUserId',
  'actorBasis',
  'organizationId',
  'patientId',
  'action',
  'resourceType',
  'resourceId',
  'requestId',
];

/**
 * The row of an event: its columns only, since an event built by spreading may carry more properties
 * than an insert may name (the prepared inserts bind by name and take the event as it is).
 */
const auditRow = (e: AuditEvent): AuditEventRow => Object.fromEntries(AUDIT_COLUMNS.map((c) => [c, e[c]])) as unknown as AuditEventRow;

// Every read and write of patient data appends one event.
export const INSERT_EVENT = preparedQuery((db, a: AuditEventRow) =>
  db.insertInto('audit_event').values({
    id: a.id,
    at: a.at,
    actorUserId: a.actorUserId,
    actorBasis: a.actorBasis,
    organizationId: a.organizationId,
    patientId: a.patientId,
    action: a.action,
    resourceType: a.resourceType,
    resourceId: a.resourceId,
    requestId: a.requestId,
  }),
);

export async function appendAuditEvents(db: Executor, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 1) await INSERT_EVENT.run(db, events[0]!);
  else if (events.length > 0) await db.insertInto('audit_event').values(events.map(auditRow)).execute();
}

export function auditRepository(db: Executor): AuditStore {
  const page = async (column: 'patientId' | 'organizationId', value: string, limit: number, before?: string, othersOnly = false) => {
    let q = db
      .selectFrom('audit_event')
      .leftJoin('user_account', 'user_account.id', 'audit_event.actorUserId')
      .selectAll('audit_event')
      .select('user_account.displayName as actorName')
      .where(`audit_event.${column}`, '=', value)
      .orderBy('audit_event.id', 'desc')
      .limit(limit + 1);
    const beforeId = decodeCursor(before);
    if (beforeId) q = q.where('audit_event.id', '<', beforeId);
    if (othersOnly) q = q.where('audit_event.actorBasis', '<>', 'owner');
    const rows = await q.execute();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!.id) : null };
  };
  return {
    async append(events) {
      await appendAuditEvents(db, events);
    },
    listForPatient: (patientId, limit, before, options) => page('patientId', patientId, limit, before, options?.othersOnly),
    listForOrganization: (organizationId, limit, before) => page('organizationId', organizationId, limit, before),
  };
}
