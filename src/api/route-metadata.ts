// Routes that touch one patient's data declare the policy action they need in their route config:
//   app.get('/api/patients/:patientId/…', { config: { patientAction: 'read' }, schema }, handler)
// The authorization-matrix test reads this to pick actors who must be refused, so a new patient
// route is covered by that test the day it is added (and fails it until it declares its action).
import type { FastifyInstance } from 'fastify';
import type { PatientAction } from '../app/policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    patientAction?: PatientAction;
    /** The route checks its items' text itself and answers per item (the diary batch), so the JSON parser does not refuse the whole body. */
    textCheckedPerItem?: boolean;
    /** An unsafe method that changes nothing (a calculation sent as POST): a read-only API token may call it. */
    changesNothing?: boolean;
  }
}

export type PatientRouteActions = Map<string, PatientAction>;

export function collectPatientRouteActions(app: FastifyInstance): PatientRouteActions {
  const actions: PatientRouteActions = new Map();
  app.addHook('onRoute', (route) => {
    const action = (route.config as { patientAction?: PatientAction } | undefined)?.patientAction;
    if (!action) return;
    for (const method of [route.method].flat()) actions.set(`${method} ${route.url}`, action);
  });
  return actions;
}
