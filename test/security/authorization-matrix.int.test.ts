// For every route in /openapi.json that touches one patient's data, every actor who must not act on
// that patient is refused (401/403/404) and the database is left exactly as it was. Routes are read
// from the OpenAPI document, so a new route is covered the day it is added; a route that does not
// declare its policy action (config.patientAction) fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientAction } from '../../src/app/policy.ts';
import { CAREGIVER_SCOPES, type CaregiverScope } from '../../src/app/model.ts';
import { DIALECTS } from '../support/dialects.ts';
import { DIARY_CSV_COLUMNS } from '../../src/interop/csv/diary-csv.ts';
import { snapshotDatabase } from '../support/db-snapshot.ts';
import { resolveRef, sampleFromSchema, type JsonSchema } from '../support/openapi-sample.ts';
import { Client, createTestApp, signUp, type TestApp } from '../support/test-app.ts';

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  action: PatientAction;
}

// Written by hand from the rule (a caregiver acts only within the delegated scopes), not
// read from the policy: the caregiver scopes that grant each action. An action not listed grants none.
const GRANTING_SCOPES: Partial<Record<PatientAction, readonly CaregiverScope[]>> = {
  read: ['read'],
  'write-diary': ['write-diary'],
  'answer-questionnaires': ['answer-questionnaires'],
  // Which questionnaires are due, without answers: whoever reads the record or answers for the patient.
  'see-due-questionnaires': ['read', 'answer-questionnaires'],
};
// Written by hand from the rule (a read-only API token may only look): the actions such a token may do.
const READ_ONLY_TOKEN_ACTIONS: readonly PatientAction[] = ['read', 'see-due-questionnaires', 'read-access-log'];

/** A script with an API token: no cookie, the token on every request. */
class TokenClient extends Client {
  readonly token: string;
  constructor(app: TestApp['app'], token: string) {
    super(app);
    this.token = token;
  }
  override request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, url, body, { authorization: `Bearer ${this.token}`, ...headers });
  }
}

const withoutScopes = (granting: readonly CaregiverScope[] | undefined) => CAREGIVER_SCOPES.filter((s) => !(granting ?? []).includes(s));

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let t: TestApp;
  let operations: Operation[];
  let components: Record<string, JsonSchema> = {};
  const actors: Record<string, Client | undefined> = {};
  const caregivers = new Map<string, Client>(); // key: sorted scopes
  const params: Record<string, string> = {};
  let spareShareCode = '';
  let readOnlyToken: Client;
  let otherPatientToken: Client;

  async function organizationWithClinician(name: string): Promise<{ clinician: Client; shareCode: string; id: string }> {
    const { client: admin } = await signUp(t.app);
    const org = (await admin.request('POST', '/api/organizations', { name })).json();
    const email = `${name.replace(/\W/g, '').toLowerCase()}-${Date.now()}@example.test`;
    const { client: clinician } = await signUp(t.app, { email });
    const { code } = (await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'physician' })).json();
    expect((await clinician.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
    return { clinician, shareCode: org.shareCode, id: org.id };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      components?: { schemas?: Record<string, JsonSchema> };
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    };
    components = doc.components?.schemas ?? {};
    operations = [];
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

    const owner = await signUp(t.app, { patient: true });
    actors.owner = owner.client;
    params.patientId = owner.me.patient!.id;
    actors.anonymous = new Client(t.app);
    const another = await signUp(t.app, { patient: true });
    actors['another patient'] = another.client;
    // The owner's tokens: one that may only read the owner's record, and one that may read and write
    // only another patient's (whom the owner cares for).
    const makeToken = async (body: Record<string, unknown>) =>
      new TokenClient(t.app, (await owner.client.request('POST', '/api/me/tokens', { name: 'script', ...body })).json().token);
    readOnlyToken = await makeToken({ access: 'read', patientIds: [owner.me.patient!.id] });
    const { code: caring } = (
      await another.client.request('POST', `/api/patients/${another.me.patient!.id}/caregivers`, {
        label: 'Helper',
        scopes: [...CAREGIVER_SCOPES],
      })
    ).json();
    expect((await owner.client.request('POST', '/api/caregiver-invitations/accept', { code: caring })).statusCode).toBe(200);
    otherPatientToken = await makeToken({ access: 'read-write', patientIds: [another.me.patient!.id] });

    // Caregivers with every scope but those that grant an action (one per action), and one with all scopes.
    const scopeSets: CaregiverScope[][] = [
      [...CAREGIVER_SCOPES],
      ...Object.values(GRANTING_SCOPES).map((granting) => withoutScopes(granting)),
    ];
    for (const scopes of scopeSets) {
      if (caregivers.has([...scopes].sort().join(','))) continue;
      const { client } = await signUp(t.app);
      const { code } = (
        await owner.client.request('POST', `/api/patients/${params.patientId}/caregivers`, { label: 'Helper', scopes })
      ).json();
      expect((await client.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
      caregivers.set([...scopes].sort().join(','), client);
    }
    // A pending invitation, for routes addressing a delegation.
    params.entryId = '019a0000-0000-7000-8000-000000000001';
    params.documentId = '019a0000-0000-7000-8000-000000000002';
    // Care plan and medicines: records created by PUT with these client ids; plan versions count from 1.
    Object.assign(params, {
      orderId: '019a0000-0000-7000-8000-000000000003',
      taperPlanId: '019a0000-0000-7000-8000-000000000004',
      conditionId: '019a0000-0000-7000-8000-000000000005',
      procedureId: '019a0000-0000-7000-8000-000000000006',
      conservativeCareId: '019a0000-0000-7000-8000-000000000007',
      version: '1',
    });
    // A pacing activity of the care plan's example (created by the owner's PUT of the plan) and a day before its start.
    Object.assign(params, { activityId: '019a0000-0000-7000-8000-0000000000a1', date: '2026-05-31' });
    // The naloxone check exists once the patient has answered it.
    expect(
      (
        await owner.client.request('PUT', `/api/patients/${params.patientId}/naloxone-check`, {
          hasNaloxone: true,
          location: 'Kitchen drawer by the fridge',
        })
      ).statusCode,
    ).toBe(201); // the schema's example, which the owner re-sends below
    // Questionnaires: a response and a self-set reminder the owner made.
    params.responseId = (
      await owner.client.request('POST', `/api/patients/${params.patientId}/instrument-responses`, {
        instrumentId: 'peg',
        answers: { 1: 5, 2: 5, 3: 5 },
      })
    ).json().response.id;
    params.assignmentId = (
      await owner.client.request('POST', `/api/patients/${params.patientId}/instrument-assignments`, {
        instrumentId: 'peg',
        schedule: { kind: 'once', dueAt: '2026-06-05T09:00:00Z' },
      })
    ).json().id;
    params.delegationId = (
      await owner.client.request('POST', `/api/patients/${params.patientId}/caregivers`, { label: 'Spare', scopes: ['read'] })
    ).json().delegation.id;

    const none = await organizationWithClinician('No Relationship Clinic');
    actors['clinician without a relationship'] = none.clinician;
    const revoked = await organizationWithClinician('Revoked Clinic');
    const rel = (
      await owner.client.request('POST', `/api/patients/${params.patientId}/care-relationships`, {
        shareCode: revoked.shareCode,
        scopes: ['read', 'write'],
      })
    ).json();
    expect((await owner.client.request('DELETE', `/api/patients/${params.patientId}/care-relationships/${rel.id}`)).statusCode).toBe(204);
    actors['clinician whose relationship was revoked'] = revoked.clinician;
    params.relationshipId = rel.id;
    const expired = await organizationWithClinician('Expired Clinic');
    const soon = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect(
      (
        await owner.client.request('POST', `/api/patients/${params.patientId}/care-relationships`, {
          shareCode: expired.shareCode,
          scopes: ['read', 'write'],
          expiresAt: soon,
        })
      ).statusCode,
    ).toBe(201);
    actors['clinician whose relationship expired'] = expired.clinician;
    const spare = await organizationWithClinician('Spare Clinic');
    spareShareCode = spare.shareCode;
    const invitation = await spare.clinician.request('POST', `/api/organizations/${spare.id}/patient-invitations`, { scopes: ['read'] });
    BODIES['/api/patients/{patientId}/care-relationships/accept-invitation'] = { code: invitation.json().code };
    t.clock.advanceMinutes(2);
    // Sessions record activity at most once a minute; let that happen now, outside the comparisons.
    for (const client of [...Object.values(actors), ...caregivers.values(), readOnlyToken, otherPatientToken])
      await client?.request('GET', '/api/me');
  });
  afterAll(async () => {
    await t.close();
  });

  // Required query strings, by route (a new route with required query parameters adds its line here).
  const QUERIES: Record<string, string> = {
    '/api/patients/{patientId}/day-summaries': '?from=2026-05-01&to=2026-06-30',
  };

  // Bodies a schema cannot describe well enough to sample (by route).
  const BODIES: Record<string, unknown> = {
    '/api/patients/{patientId}/diary-import': `${DIARY_CSV_COLUMNS.join(',')}\r\n`,
  };

  function requestFor(op: Operation): { url: string; body?: unknown } {
    const url =
      op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const value = params[name];
        if (!value) throw new Error(`No fixture for path parameter {${name}} of ${op.method} ${op.path}: add one to this test.`);
        return value;
      }) + (QUERIES[op.path] ?? '');
    if (!op.body) return { url };
    const body = sampleFromSchema(op.body, {
      futureInstant: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
      uuid: params.patientId!,
      components,
    }) as Record<string, unknown>;
    if (BODIES[op.path]) return { url, body: BODIES[op.path] };
    if (typeof body === 'object' && body !== null && 'shareCode' in body) body.shareCode = spareShareCode;
    return { url, body };
  }

  it('finds the patient routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(9);
  });

  it('refuses every outsider on every patient route and changes nothing', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const { url, body } = requestFor(op);
      const caregiverWithoutScope = caregivers.get(withoutScopes(GRANTING_SCOPES[op.action]).sort().join(','))!;
      const outsiders: [string, Client][] = [
        ...(Object.entries(actors).filter(([name]) => name !== 'owner') as [string, Client][]),
        ['caregiver without the scope', caregiverWithoutScope],
        ["the owner's token for another patient", otherPatientToken],
        ...(READ_ONLY_TOKEN_ACTIONS.includes(op.action) ? [] : ([["the owner's read-only token", readOnlyToken]] as [string, Client][])),
      ];
      for (const [name, client] of outsiders) {
        const before = await snapshotDatabase(t.database.handle);
        const res = await client.request(op.method, url, body);
        const after = await snapshotDatabase(t.database.handle);
        if (![401, 403, 404].includes(res.statusCode)) failures.push(`${op.method} ${op.path} as ${name}: ${res.statusCode}`);
        if (!String(res.headers['content-type']).includes('application/problem+json'))
          failures.push(`${op.method} ${op.path} as ${name}: not problem+json`);
        if (before !== after) failures.push(`${op.method} ${op.path} as ${name}: the database changed`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the owner make the same requests (so the refusals above were about access, not input)', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const { url, body } = requestFor(op);
      const res = await actors.owner!.request(op.method, url, body);
      if (res.statusCode >= 300) failures.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
  });
});
