// Alerts raised for an organization's care team about one patient.
import type { Alert, AlertSeverity, AlertStore } from '../../app/ports.ts';
import type { AlertRow } from '../schema.ts';
import type { Executor } from './executor.ts';

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  patientId: r.patient_id,
  organizationId: r.organization_id,
  rule: r.rule,
  severity: r.severity as AlertSeverity,
  evidence: JSON.parse(r.evidence) as Record<string, unknown>,
  status: r.status as Alert['status'],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  acknowledgedBy: r.acknowledged_by,
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
            patient_id: a.patientId,
            organization_id: a.organizationId,
            rule: a.rule,
            severity: a.severity,
            evidence: JSON.stringify(a.evidence),
            status: a.status,
            created_at: a.createdAt,
            updated_at: a.updatedAt,
            acknowledged_by: a.acknowledgedBy,
          })),
        )
        .execute();
    },
    async listForOrganization(organizationId, status, limit, now) {
      let q = db
        .selectFrom('alert')
        .innerJoin('patient', 'patient.id', 'alert.patient_id')
        .selectAll('alert')
        .select('patient.display_name as patient_name')
        .where('alert.organization_id', '=', organizationId)
        // Only patients who still share their record with this organization (instants are canonical UTC text).
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('care_relationship')
              .select('care_relationship.id')
              .whereRef('care_relationship.patient_id', '=', 'alert.patient_id')
              .whereRef('care_relationship.organization_id', '=', 'alert.organization_id')
              .where('care_relationship.revoked_at', 'is', null)
              .where((eb) => eb.or([eb('care_relationship.expires_at', 'is', null), eb('care_relationship.expires_at', '>', now)])),
          ),
        )
        .orderBy('alert.created_at', 'desc')
        .orderBy('alert.id', 'desc')
        .limit(limit);
      if (status !== 'all') q = q.where('alert.status', '=', status);
      return (await q.execute()).map((r) => ({ ...toAlert(r), patientName: r.patient_name }));
    },
    async find(organizationId, id) {
      const r = await db
        .selectFrom('alert')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toAlert(r);
    },
    async acknowledge(id, userId, at) {
      await db.updateTable('alert').set({ status: 'acknowledged', acknowledged_by: userId, updated_at: at }).where('id', '=', id).execute();
    },
  };
}
