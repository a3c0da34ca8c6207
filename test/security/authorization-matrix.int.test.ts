// For every route in /openapi.json that touches one patient's data, every actor who must not act on
// that patient is refused (401/403/404) and the database is left exactly as it was. Routes are read
// from the OpenAPI document, so a new route is covered the day it is added; a route that does not
// declare its policy action (config.patientAction) fails this test. The owner first makes every
// record the routes address, so a refusal is about access, never a record that is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientAction } from '../../src/app/policy.ts';
import { CAREGIVER_SCOPES, type CaregiverScope } from '../../src/app/model.ts';
import { DIALECTS } from '../support/dialects.ts';
import { snapshotDatabase } from '../support/db-snapshot.ts';
import { createOwnerRecords, readPatientRoutes, type PatientRoutes } from '../support/patient-routes.ts';
import { Client, createTestApp, signUp, TokenClient, type TestApp } from '../support/test-app.ts';

// Each of these tries every route of the API in turn, so it takes as long as the route count makes it.
const ROUTE_SWEEP_TIMEOUT_MS = 240_000;

// Written by hand from the rule (a caregiver acts only within the delegated scopes), not
// read from the policy: the caregiver scopes that grant each action. An action not listed grants none.
const GRANTING_SCOPES: Partial<Record<PatientAction, readonly CaregiverScope[]>> = {
  read: ['read'],
  'write-diary': ['write-diary'],
  // A pacing baseline is counted like the diary.
  'record-pacing-sessions': ['write-diary'],
  'answer-questionnaires': ['answer-questionnaires'],
  // Which questionnaires are due, without answers: whoever reads the record or answers for the patient.
  'see-due-questionnaires': ['read', 'answer-questionnaires'],
};
// Written by hand from the rule (a read-only API token may only look): the actions such a token may do.
const READ_ONLY_TOKEN_ACTIONS: readonly PatientAction[] = ['read', 'see-due-questionnaires', 'read-access-log'];

const withoutScopes = (granting: readonly CaregiverScope[] | undefined) => CAREGIVER_SCOPES.filter((s) => !(granting ?? []).includes(s));

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let t: TestApp;
  let routes: PatientRoutes;
  const actors: Record<string, Client | undefined> = {};
  const caregivers = new Map<string, Client>(); // key: sorted scopes
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
    const owner = await signUp(t.app, { patient: true });
    actors.owner = owner.client;
    routes = await readPatientRoutes(t, owner.me.patient!.id);
    const { params } = routes;
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
    await createOwnerRecords(owner.client, routes);

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
    routes.spareShareCode = spare.shareCode;
    const invitation = await spare.clinician.request('POST', `/api/organizations/${spare.id}/patient-invitations`, { scopes: ['read'] });
    routes.bodies['/api/patients/{patientId}/care-relationships/accept-invitation'] = { code: invitation.json().code };
    // The owner makes every record the routes address by client id, so the refusals below meet real records.
    for (const op of routes.operations.filter((o) => o.method === 'PUT')) {
      const { url, body } = routes.requestFor(op);
      expect((await owner.client.request(op.method, url, body)).statusCode, `${op.method} ${op.path}`).toBeLessThan(300);
    }
    t.clock.advanceMinutes(2);
    // Sessions record activity at most once a minute; let that happen now, outside the comparisons.
    for (const client of [...Object.values(actors), ...caregivers.values(), readOnlyToken, otherPatientToken])
      await client?.request('GET', '/api/me');
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the patient routes in the OpenAPI document', () => {
    expect(routes.operations.length).toBeGreaterThanOrEqual(9);
  });

  it(
    'refuses every outsider on every patient route and changes nothing',
    async () => {
      const failures: string[] = [];
      for (const op of routes.operations) {
        const { url, body } = routes.requestFor(op);
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
    },
    ROUTE_SWEEP_TIMEOUT_MS,
  );

  it(
    'lets the owner make the same requests (so the refusals above were about access, not input)',
    async () => {
      const failures: string[] = [];
      for (const op of routes.operations) {
        const { url, body } = routes.requestFor(op);
        const res = await actors.owner!.request(op.method, url, body);
        // A conflict reached the record: saving the care plan again without the version edited (the
        // pacing session saved a later one) is refused for the version, not for access or input.
        if (res.statusCode >= 300 && res.statusCode !== 409) failures.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body}`);
      }
      expect(failures).toEqual([]);
    },
    ROUTE_SWEEP_TIMEOUT_MS,
  );
});
