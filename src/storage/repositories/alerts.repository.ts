// Alerts raised for an organization's care team about one patient.
import type { Alert, AlertSeverity, AlertStore } from '../../app/ports.ts';
import type { AlertRow } from '../schema.ts';
import type { Executor } from './executor.ts';

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  patientId: r.patientId,
  organizationId: r.organizationId,
  rule: r.rule,
  severity: r.severity as AlertSeverity,
  evidence: JSON.parse(r.evidence) as Record<string, unknown>,
  status: r.status as Alert['status'],
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  acknowledgedBy: r.acknowledgedBy,
});

export function alertRepository(db: Executor): AlertStore {
  return {
    async insert(alerts) {
      if (alerts.length === 0) return;
      await db
        .insertInto('alert')
        .values(
          alerts.map((a) => ({
            id: a.id,
            patientId: a.patientId,
            organizationId: a.organizationId,
            rule: a.rule,
            severity: a.severity,
            evidence: JSON.stringify(a.evidence),
            status: a.status,
            createdAt: a.createdAt,
            updatedAt: a.updatedAt,
            acknowledgedBy: a.acknowledgedBy,
          })),
        )
        .execute();
    },
    async listForOrganization(organizationId, status, limit, now) {
      let q = db
        .selectFrom('alert')
        .innerJoin('patient', 'patient.id', 'alert.patientId')
        .selectAll('alert')
        .select('patient.displayName as patientName')
        .where('alert.organizationId', '=', organizationId)
        // Only patients who still share their record with this organization (instants are canonical UTC text).
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('care_relationship')
              .select('care_relationship.id')
              .whereRef('care_relationship.patientId', '=', 'alert.patientId')
              .whereRef('care_relationship.organizationId', '=', 'alert.organizationId')
              .where('care_relationship.revokedAt', 'is', null)
              .where((eb) => eb.or([eb('care_relationship.expiresAt', 'is', null), eb('care_relationship.expiresAt', '>', now)])),
          ),
        )
        .orderBy('alert.createdAt', 'desc')
        .orderBy('alert.id', 'desc')
        .limit(limit);
      if (status !== 'all') q = q.where('alert.status', '=', status);
      return (await q.execute()).map((r) => ({ ...toAlert(r), patientName: r.patientName }));
    },
    async find(organizationId, id) {
      const r = await db
        .selectFrom('alert')
        .selectAll()
        .where('organizationId', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toAlert(r);
    },
    async acknowledge(id, userId, at) {
      await db.updateTable('alert').set({ status: 'acknowledged', acknowledgedBy: userId, updatedAt: at }).where('id', '=', id).execute();
    },
  };
}
