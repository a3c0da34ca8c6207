import { z } from 'zod';
import { acknowledgeAlert, listAlerts } from '../../../app/alerts.ts';
import { Id, Instant, OrganizationParams } from '../../../contract/common.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const AlertView = z.object({
  id: Id,
  patientId: Id,
  patientName: z.string(),
  rule: z.string(),
  severity: z.enum(['urgent', 'high', 'moderate']),
  evidence: z.record(z.string(), z.unknown()),
  status: z.enum(['open', 'acknowledged']),
  createdAt: Instant,
  acknowledgedBy: Id.nullable(),
});

export function registerAlertRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['alerts'];
  app.get(
    '/api/organizations/:organizationId/alerts',
    {
      config: { clinicAction: 'review-alerts' },
      schema: {
        tags,
        params: OrganizationParams,
        summary: "The care team's alerts inbox (clinicians), newest first",
        querystring: z.strictObject({
          status: z.enum(['open', 'acknowledged', 'all']).default('open'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(AlertView) }) },
      },
    },
    async (req) => {
      const items = await listAlerts(deps, contextOf(req), req.params.organizationId, req.query.status, req.query.limit);
      return { items: items.map(({ organizationId: _o, updatedAt: _u, evidence, ...a }) => ({ ...a, evidence: { ...evidence } })) };
    },
  );

  app.post(
    '/api/organizations/:organizationId/alerts/:alertId/acknowledge',
    {
      config: { clinicAction: 'review-alerts' },
      schema: { tags, params: z.strictObject({ organizationId: Id, alertId: Id }), summary: 'Acknowledge an alert (clinicians)' },
    },
    async (req, reply) => {
      await acknowledgeAlert(deps, contextOf(req), req.params.organizationId, req.params.alertId);
      return reply.code(204).send();
    },
  );
}
