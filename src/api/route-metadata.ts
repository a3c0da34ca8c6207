// Routes that touch one patient's data declare the policy action they need in their route config:
//   app.get('/api/patients/:patientId/…', { config: { patientAction: 'read' }, schema }, handler)
// The authorization-matrix test reads this to pick actors who must be refused, so a new patient
// route is covered by that test the day it is added (and fails it until it declares its action).
import type { FastifyInstance } from 'fastify';
import type { ClinicAction, PatientAction } from '../app/permissions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    patientAction?: PatientAction;
    /**
     * Routes on a clinic itself (under /api/organizations/:organizationId) declare the action of the
     * role matrix they need; the use case checks it. Removing a member is `manage-members`, though any
     * member may remove themselves (leave).
     */
    clinicAction?: ClinicAction;
    /** The route checks its items' text itself and answers per item (the diary batch), so the JSON parser does not refuse the whole body. */
    textCheckedPerItem?: boolean;
    /** An unsafe method that changes nothing (a calculation sent as POST): a read-only API token may call it. */
    changesNothing?: boolean;
  }
}

export type PatientRouteActions = Map<string, PatientAction>;
export type ClinicRouteActions = Map<string, ClinicAction>;

export function collectPatientRouteActions(app: FastifyInstance): PatientRouteActions {
  const actions: PatientRouteActions = new Map();
  app.addHook('onRoute', (route) => {
    const action = (route.config as { patientAction?: PatientAction } | undefined)?.patientAction;
    if (!action) return;
    for (const method of [route.method].flat()) actions.set(`${method} ${route.url}`, action);
  });
  return actions;
}

/** The clinic action each clinic route declares, by `METHOD /path/:param`, for the authorization tests and the docs. */
export function collectClinicRouteActions(app: FastifyInstance): ClinicRouteActions {
  const actions: ClinicRouteActions = new Map();
  app.addHook('onRoute', (route) => {
    const action = (route.config as { clinicAction?: ClinicAction } | undefined)?.clinicAction;
    if (!action) return;
    for (const method of [route.method].flat()) actions.set(`${method} ${route.url}`, action);
  });
  return actions;
}
