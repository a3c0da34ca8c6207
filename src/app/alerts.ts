// Alerts for the care team: raised for every organization with an active relationship to the patient,
// read and acknowledged by that organization's clinicians.
import { notFound } from './errors.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { auditEvent, requireClinicAction, requireUser, requireUserForEveryPatient } from './access.ts';
import { decidePatientAccess } from './policy.ts';
import type { Alert, AlertSeverity, Repositories } from './ports.ts';

/** Raises one alert per organization currently caring for the patient; returns how many. */
export async function raiseAlert(
  deps: Pick<AppDeps, 'ids' | 'clock'>,
  tx: Repositories,
  patientId: string,
  rule: string,
  severity: AlertSeverity,
  evidence: Record<string, unknown>,
): Promise<number> {
  const now = nowIso(deps);
  const organizations = (await tx.careRelationships.listForPatient(patientId))
    .filter((r) => r.revokedAt === null && (r.expiresAt === null || r.expiresAt > now))
    .map((r) => r.organizationId);
  const alerts: Alert[] = [...new Set(organizations)].map((organizationId) => ({
    id: deps.ids.newId(),
    patientId,
    organizationId,
    rule,
    severity,
    evidence,
    status: 'open',
    createdAt: now,
    updatedAt: now,
    acknowledgedBy: null,
  }));
  await tx.alerts.insert(alerts);
  return alerts.length;
}

function requireClinician(deps: AppDeps, organizationId: string, userId: string) {
  return requireClinicAction(deps.store, organizationId, userId, 'review-alerts');
}

/**
 * Whether this clinician may read the patient through this organization now: an alert names the
 * patient and carries clinical evidence, so it is shown only while the patient shares their record
 * with the organization (not after they revoked it, or it expired) with the read scope.
 */
async function mayReadThrough(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  patientId: string,
  userId: string,
): Promise<boolean> {
  const facts = await deps.store.patients.loadAccessFacts(patientId, userId);
  const throughThis = { ...facts, delegations: [], careGrants: facts.careGrants.filter((g) => g.organizationId === organizationId) };
  const decision = decidePatientAccess(ctx.actor, 'read', throughThis, nowIso(deps));
  return decision.allowed && decision.basis.kind === 'clinician';
}

export async function listAlerts(
  deps: AppDeps,
  ctx: RequestContext,
  organizationId: string,
  status: 'open' | 'acknowledged' | 'all',
  limit: number,
) {
  const userId = requireUserForEveryPatient(ctx);
  await requireClinician(deps, organizationId, userId);
  const listed = await deps.store.alerts.listForOrganization(organizationId, status, limit, nowIso(deps));
  // The query keeps patients with an active relationship; the policy also checks its scopes.
  const readable = new Set<string>();
  for (const patientId of new Set(listed.map((a) => a.patientId)))
    if (await mayReadThrough(deps, ctx, organizationId, patientId, userId)) readable.add(patientId);
  const alerts = listed.filter((a) => readable.has(a.patientId));
  await deps.store.audit.append(
    [...new Set(alerts.map((a) => a.patientId))].map((patientId) =>
      auditEvent(deps, ctx, {
        actorBasis: 'clinician',
        organizationId,
        patientId,
        action: 'alert.list',
        resourceType: 'alert',
        resourceId: null,
      }),
    ),
  );
  return alerts;
}

export async function acknowledgeAlert(deps: AppDeps, ctx: RequestContext, organizationId: string, alertId: string): Promise<void> {
  const userId = requireUser(ctx);
  await requireClinician(deps, organizationId, userId);
  const alert = await deps.store.alerts.find(organizationId, alertId);
  if (!alert || !(await mayReadThrough(deps, ctx, organizationId, alert.patientId, userId))) throw notFound('The alert');
  await deps.store.transaction(async (tx) => {
    await tx.alerts.acknowledge(alertId, userId, nowIso(deps));
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'clinician',
        organizationId,
        patientId: alert.patientId,
        action: 'alert.acknowledge',
        resourceType: 'alert',
        resourceId: alertId,
      }),
    ]);
  });
}
