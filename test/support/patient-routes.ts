// Every route of /openapi.json that touches one patient's data, with a real record behind each path
// parameter and a well-formed request for it, for the authorization tests. Routes are read from the
// document, so a new route is covered the day it is added; one whose path parameter has no record
// here, or that declares no policy action, fails the tests that use this.
import { expect } from 'vitest';
import type { PatientAction } from '../../src/app/policy.ts';
import { DIARY_CSV_COLUMNS } from '../../src/interop/csv/diary-csv.ts';
import { resolveRef, sampleFromSchema, type JsonSchema } from './openapi-sample.ts';
import { signUp, type Client, type TestApp } from './test-app.ts';

export interface PatientOperation {
  readonly method: string;
  readonly path: string;
  readonly body?: JsonSchema;
  readonly action: PatientAction;
}

export interface PatientRoutes {
  readonly operations: readonly PatientOperation[];
  /** A record (or value) for every path parameter. */
  readonly params: Record<string, string>;
  /** A share code of a clinic the patient has no relationship with, for bodies that name one. */
  spareShareCode: string;
  /** Bodies a schema cannot describe well enough to sample (by route). */
  readonly bodies: Record<string, unknown>;
  requestFor(op: PatientOperation): { url: string; body?: unknown };
}

// Required query strings, by route (a new route with required query parameters adds its line here).
const QUERIES: Record<string, string> = {
  '/api/patients/{patientId}/day-summaries': '?from=2026-05-01&to=2026-06-30',
  '/api/patients/{patientId}/insights/trends': '?measure=pain-now&range=30d',
  // Not required: one section keeps the many requests of the authorization tests quick.
  '/api/patients/{patientId}/report.pdf': '?sections=summary',
};

/** The patient routes of the app's OpenAPI document, each with the policy action it declares. */
export async function readPatientRoutes(t: TestApp, patientId: string): Promise<PatientRoutes> {
  const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    components?: { schemas?: Record<string, JsonSchema> };
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  const components = doc.components?.schemas ?? {};
  const operations: PatientOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.includes('{patientId}')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const action = t.app.patientRouteActions.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      if (!action) throw new Error(`${method.toUpperCase()} ${path} touches patient data but declares no config.patientAction`);
      operations.push({
        method: method.toUpperCase(),
        path,
        action,
        ...(op.requestBody ? { body: resolveRef(op.requestBody.content['application/json']!.schema, components) } : {}),
      });
    }
  }
  // Deletes go last, so that a record's other routes (a visit's preparation, say) are tried while it exists.
  operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
  const params: Record<string, string> = {
    patientId,
    // Records the owner's first requests create by PUT with these client ids; plan versions count from 1.
    entryId: '019a0000-0000-7000-8000-000000000001',
    documentId: '019a0000-0000-7000-8000-000000000002',
    orderId: '019a0000-0000-7000-8000-000000000003',
    taperPlanId: '019a0000-0000-7000-8000-000000000004',
    // Also the id of the condition's mechanism assessment, which its routes (registered after the
    // conditions') create once the condition exists.
    conditionId: '019a0000-0000-7000-8000-000000000005',
    procedureId: '019a0000-0000-7000-8000-000000000006',
    conservativeCareId: '019a0000-0000-7000-8000-000000000007',
    visitId: '019a0000-0000-7000-8000-000000000008',
    version: '1',
    // A pacing activity of the care plan's example (created by the owner's PUT of the plan) and a day before its start.
    activityId: '019a0000-0000-7000-8000-0000000000a1',
    date: '2026-05-31',
  };
  const routes: PatientRoutes = {
    operations,
    params,
    spareShareCode: '',
    bodies: { '/api/patients/{patientId}/diary-import': `${DIARY_CSV_COLUMNS.join(',')}\r\n` },
    requestFor(op) {
      const url =
        op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          const value = params[name];
          if (!value) throw new Error(`No fixture for path parameter {${name}} of ${op.method} ${op.path}: add one to this test.`);
          return value;
        }) + (QUERIES[op.path] ?? '');
      if (!op.body) return { url };
      if (routes.bodies[op.path] !== undefined) return { url, body: routes.bodies[op.path] };
      const body = sampleFromSchema(op.body, {
        futureInstant: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
        uuid: patientId,
        components,
      }) as Record<string, unknown>;
      if (typeof body === 'object' && body !== null && 'shareCode' in body) body.shareCode = routes.spareShareCode;
      return { url, body };
    },
  };
  return routes;
}

/**
 * The records behind the path parameters that are not created by a PUT to a client id: the naloxone
 * answer, a questionnaire response, a self-set reminder and a pending caregiver invitation.
 */
export async function createOwnerRecords(owner: Client, routes: PatientRoutes): Promise<void> {
  const base = `/api/patients/${routes.params.patientId}`;
  expect(
    (await owner.request('PUT', `${base}/naloxone-check`, { hasNaloxone: true, location: 'Kitchen drawer by the fridge' })).statusCode,
  ).toBe(201); // the schema's example, which the owner re-sends later
  routes.params.responseId = (
    await owner.request('POST', `${base}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 5, 2: 5, 3: 5 } })
  ).json().response.id;
  routes.params.assignmentId = (
    await owner.request('POST', `${base}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'once', dueAt: '2026-06-05T09:00:00Z' },
    })
  ).json().id;
  routes.params.delegationId = (
    await owner.request('POST', `${base}/caregivers`, { label: 'Spare', scopes: ['read'] })
  ).json().delegation.id;
}

/** A clinic with its admin, for tests that need members of several roles. */
export async function createClinic(t: TestApp, name: string) {
  const { client: admin } = await signUp(t.app);
  const org = (await admin.request('POST', '/api/organizations', { name })).json() as { id: string; shareCode: string };
  let n = 0;
  return {
    admin,
    id: org.id,
    shareCode: org.shareCode,
    /** A new member of the clinic in `role`. */
    async member(role: string): Promise<Client> {
      n += 1;
      const email = `${name.replace(/\W/g, '').toLowerCase()}-${role}-${n}-${Date.now()}@example.test`;
      const { client } = await signUp(t.app, { email });
      const { code } = (await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role })).json();
      expect((await client.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
      return client;
    },
  };
}
