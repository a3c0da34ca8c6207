// Who may do what, route by route: every route of /openapi.json that touches a patient's record or a
// clinic, against every kind of actor — the patient, a caregiver with each scope, each clinical role
// in a clinic that may read and in one that may write, those clinics' admins, API tokens that may
// read or read and write, members of another clinic — with a real record behind every path
// parameter, so that a 404 proves a check and never a missing record. The expectations are written
// by hand from the rules, not read from the policy, and a route or action without one fails here.
// (authorization-matrix.int.test.ts adds the outsiders and proves that refusals change nothing.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAREGIVER_SCOPES, CLINICIAN_ROLES, type CaregiverScope, type CareScope, type OrganizationRole } from '../../src/app/model.ts';
import { ROLE_MATRIX, type ClinicAction, type PatientAction } from '../../src/app/permissions.ts';
import { DIALECTS } from '../support/dialects.ts';
import { snapshotDatabase } from '../support/db-snapshot.ts';
import { resolveRef, sampleFromSchema, type JsonSchema } from '../support/openapi-sample.ts';
import { createClinic, createOwnerRecords, readPatientRoutes, type PatientRoutes } from '../support/patient-routes.ts';
import { Client, createTestApp, signUp, TokenClient, type TestApp } from '../support/test-app.ts';

// The rules, by hand. A caregiver acts within the scopes the patient delegated; managing access and
// reading the access log are the patient's alone.
const CAREGIVER_GRANTS: Record<PatientAction, readonly CaregiverScope[]> = {
  read: ['read'],
  'write-diary': ['write-diary'],
  'record-pacing-sessions': ['write-diary'],
  'answer-questionnaires': ['answer-questionnaires'],
  'see-due-questionnaires': ['read', 'answer-questionnaires'],
  'assign-questionnaires': [],
  'edit-care-plan': [],
  'record-conditions': [],
  'record-procedures': [],
  'record-conservative-care': [],
  'order-medications': [],
  'plan-tapers': [],
  'manage-access': [],
  'read-access-log': [],
};
// A clinical role of a clinic acts within the scopes the patient granted the clinic and within its
// role's row; its admins run the clinic and reach no patient's record.
const CLINIC_GRANTS: Record<PatientAction, readonly CareScope[]> = {
  read: ['read'],
  'write-diary': ['write'],
  'record-pacing-sessions': ['write'],
  'answer-questionnaires': ['write'],
  'see-due-questionnaires': ['read', 'write'],
  'assign-questionnaires': ['write'],
  'edit-care-plan': ['write'],
  'record-conditions': ['write'],
  'record-procedures': ['write'],
  'record-conservative-care': ['write'],
  'order-medications': ['write'],
  'plan-tapers': ['write'],
  'manage-access': [],
  'read-access-log': [],
};
type ClinicalRole = Exclude<OrganizationRole, 'admin'>;
const EVERY_CLINICAL_ROLE: readonly ClinicalRole[] = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist'];
// Which clinical roles may do each patient action, by default (no nurse orders): one row per action,
// so a new action does not compile here until someone writes down who may do it.
const ROLE_GRANTS: Record<PatientAction, readonly ClinicalRole[]> = {
  read: EVERY_CLINICAL_ROLE,
  'see-due-questionnaires': EVERY_CLINICAL_ROLE,
  'write-diary': ['physician', 'nurse'],
  'record-pacing-sessions': ['physician', 'nurse', 'physical_therapist'],
  'answer-questionnaires': ['physician', 'nurse', 'physical_therapist', 'psychologist'],
  'assign-questionnaires': ['physician', 'nurse'],
  'edit-care-plan': ['physician', 'nurse', 'physical_therapist', 'psychologist'],
  'record-conditions': ['physician'],
  'record-procedures': ['physician'],
  'record-conservative-care': ['physician', 'nurse', 'physical_therapist', 'psychologist'],
  'order-medications': ['physician'],
  'plan-tapers': ['physician'],
  'manage-access': [],
  'read-access-log': [],
};
// A token acts as its owner; a read-only one only looks.
const READ_ONLY_TOKEN: Record<PatientAction, boolean> = {
  read: true,
  'write-diary': false,
  'record-pacing-sessions': false,
  'answer-questionnaires': false,
  'see-due-questionnaires': true,
  'assign-questionnaires': false,
  'edit-care-plan': false,
  'record-conditions': false,
  'record-procedures': false,
  'record-conservative-care': false,
  'order-medications': false,
  'plan-tapers': false,
  'manage-access': false,
  'read-access-log': true,
};

// Clinic routes, by the action of the clinic each needs, and who may do each action (by hand).
const CLINIC_ROUTES: Record<string, ClinicAction> = {
  'GET /api/organizations/{organizationId}': 'view-clinic',
  'POST /api/organizations/{organizationId}/share-code': 'manage-settings',
  'GET /api/organizations/{organizationId}/members': 'view-clinic',
  'PATCH /api/organizations/{organizationId}/members/{membershipId}': 'manage-members',
  'DELETE /api/organizations/{organizationId}/members/{membershipId}': 'manage-members',
  'GET /api/organizations/{organizationId}/invitations': 'manage-members',
  'POST /api/organizations/{organizationId}/invitations': 'manage-members',
  'DELETE /api/organizations/{organizationId}/invitations/{invitationId}': 'manage-members',
  'POST /api/organizations/{organizationId}/patient-invitations': 'invite-patients',
  'GET /api/organizations/{organizationId}/patients': 'view-panel',
  'GET /api/organizations/{organizationId}/panel': 'view-panel',
  'GET /api/organizations/{organizationId}/audit': 'read-audit',
  'GET /api/organizations/{organizationId}/alerts': 'review-alerts',
  'POST /api/organizations/{organizationId}/alerts/{alertId}/acknowledge': 'review-alerts',
  'PUT /api/organizations/{organizationId}/second-factor-requirement': 'manage-settings',
  'GET /api/organizations/{organizationId}/role-settings': 'view-clinic',
  'PUT /api/organizations/{organizationId}/role-settings': 'manage-settings',
  'GET /api/organizations/{organizationId}/instruments': 'view-clinic',
  'PUT /api/organizations/{organizationId}/instruments/{instrumentId}/licence': 'manage-licences',
  'DELETE /api/organizations/{organizationId}/instruments/{instrumentId}/licence': 'manage-licences',
};
const CLINIC_ROLE_GRANTS: Record<ClinicAction, readonly OrganizationRole[]> = {
  'view-clinic': [...EVERY_CLINICAL_ROLE, 'admin'],
  'invite-patients': [...EVERY_CLINICAL_ROLE, 'admin'],
  'view-panel': EVERY_CLINICAL_ROLE,
  'review-alerts': ['physician', 'nurse', 'psychologist'],
  'manage-members': ['admin'],
  'manage-settings': ['admin'],
  'manage-licences': ['admin'],
  'read-audit': ['admin'],
};

// The FHIR API's routes (not in /openapi.json: FHIR clients read /fhir/R4/metadata): each reads the
// record, so each is the policy's `read`, and the address each is tried at.
const FHIR_ROUTES: Record<string, { action: PatientAction; url: (p: Record<string, string>) => string }> = {
  'GET /fhir/R4/Patient/:id': { action: 'read', url: (p) => `/fhir/R4/Patient/${p.patientId}` },
  'GET /fhir/R4/Patient/:id/$everything': { action: 'read', url: (p) => `/fhir/R4/Patient/${p.patientId}/$everything` },
  'GET /fhir/R4/Observation': { action: 'read', url: (p) => `/fhir/R4/Observation?patient=${p.patientId}&_revinclude=Provenance:target` },
  'GET /fhir/R4/Observation/:id': { action: 'read', url: (p) => `/fhir/R4/Observation/${p.entryId}.pain` },
  'GET /fhir/R4/Provenance': { action: 'read', url: (p) => `/fhir/R4/Provenance?patient=${p.patientId}` },
  'GET /fhir/R4/Provenance/:id': { action: 'read', url: (p) => `/fhir/R4/Provenance/${p.entryId}` },
  'GET /fhir/R4/Condition': { action: 'read', url: (p) => `/fhir/R4/Condition?patient=${p.patientId}` },
  'GET /fhir/R4/Condition/:id': { action: 'read', url: (p) => `/fhir/R4/Condition/${p.conditionId}` },
  'GET /fhir/R4/Procedure': { action: 'read', url: (p) => `/fhir/R4/Procedure?patient=${p.patientId}` },
  'GET /fhir/R4/Procedure/:id': { action: 'read', url: (p) => `/fhir/R4/Procedure/${p.procedureId}` },
  'GET /fhir/R4/MedicationRequest': { action: 'read', url: (p) => `/fhir/R4/MedicationRequest?patient=${p.patientId}` },
  'GET /fhir/R4/MedicationRequest/:id': { action: 'read', url: (p) => `/fhir/R4/MedicationRequest/${p.orderId}` },
};

// Bodies a schema cannot describe well enough to sample (by route).
const CLINIC_BODIES: Record<string, unknown> = {
  '/api/organizations/{organizationId}/invitations': { email: 'new.member@example.org', role: 'nurse' },
  // Turning the requirement off: turning it on also needs the admin's own second factor (tested on its own).
  '/api/organizations/{organizationId}/second-factor-requirement': { required: false },
  // The defaults again: a sampled body could take a permission from the very members the test goes on to try.
  '/api/organizations/{organizationId}/role-settings': { allowNurseOrders: false, withheld: {} },
};

interface Actor {
  readonly name: string;
  readonly client: Client;
  readonly allowed: (action: PatientAction) => boolean;
}

const REFUSED = [401, 403, 404];
// Deletes go last, so that every other request still finds the record it addresses.
const deletesLast = <T extends { method: string }>(ops: readonly T[]) => [
  ...ops.filter((o) => o.method !== 'DELETE'),
  ...ops.filter((o) => o.method === 'DELETE'),
];

/** Sends `op` as every actor; an allowed actor must get past the check, a refused one changes nothing. */
async function check(
  t: TestApp,
  label: string,
  request: { method: string; url: string; body?: unknown },
  actors: readonly { name: string; client: Client; allowed: boolean }[],
  failures: string[],
) {
  for (const { name, client, allowed } of actors) {
    // Refused writes must change nothing (refused reads are proven so for outsiders in the matrix).
    const before = allowed || request.method === 'GET' ? undefined : await snapshotDatabase(t.database.handle);
    const res = await client.request(request.method, request.url, request.body);
    if (res.statusCode >= 500) failures.push(`${label} as ${name}: ${res.statusCode}`);
    else if (allowed && REFUSED.includes(res.statusCode)) failures.push(`${label} as ${name}: refused ${res.statusCode} ${res.body}`);
    // A request refused as malformed never reached the check: the test's request must be fixed.
    else if (allowed && res.statusCode === 400 && res.json().code === 'validation-failed') failures.push(`${label}: malformed ${res.body}`);
    else if (!allowed && !REFUSED.includes(res.statusCode)) failures.push(`${label} as ${name}: allowed ${res.statusCode}`);
    else if (before !== undefined && before !== (await snapshotDatabase(t.database.handle)))
      failures.push(`${label} as ${name}: refused, but changed the database`);
  }
}

describe.each(DIALECTS)('who may use each route, on %s', (dialect) => {
  let t: TestApp;
  let routes: PatientRoutes;
  const actors: Actor[] = [];
  const clinicActors: { name: string; client: Client; rule: (r: ClinicAction) => boolean }[] = [];
  const clinicParams: Record<string, string> = {};
  let components: Record<string, JsonSchema> = {};
  let clinicOps: { method: string; path: string; body?: JsonSchema }[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const owner = await signUp(t.app, { patient: true });
    const patientId = owner.me.patient!.id;
    routes = await readPatientRoutes(t, patientId);
    await createOwnerRecords(owner.client, routes);
    actors.push({ name: 'the patient', client: owner.client, allowed: () => true });
    const token = async (access: string) =>
      new TokenClient(t.app, (await owner.client.request('POST', '/api/me/tokens', { name: `script ${access}`, access })).json().token);
    actors.push({ name: "the patient's read-write token", client: await token('read-write'), allowed: () => true });
    actors.push({ name: "the patient's read-only token", client: await token('read'), allowed: (a) => READ_ONLY_TOKEN[a] });

    for (const scope of CAREGIVER_SCOPES) {
      const { client } = await signUp(t.app);
      const { code } = (
        await owner.client.request('POST', `/api/patients/${patientId}/caregivers`, { label: scope, scopes: [scope] })
      ).json();
      expect((await client.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
      actors.push({ name: `a caregiver with ${scope}`, client, allowed: (a) => CAREGIVER_GRANTS[a].includes(scope) });
    }

    // Two clinics: one the patient lets read, one the patient lets write; a member of every role in each.
    for (const scope of ['read', 'write'] as const) {
      const clinic = await createClinic(t, `${scope} clinic`);
      const shared = await owner.client.request('POST', `/api/patients/${patientId}/care-relationships`, {
        shareCode: clinic.shareCode,
        scopes: [scope],
      });
      expect(shared.statusCode).toBe(201);
      actors.push({ name: `the admin of the ${scope} clinic`, client: clinic.admin, allowed: () => false });
      for (const role of CLINICIAN_ROLES) {
        const client = await clinic.member(role);
        actors.push({
          name: `a ${role} of the ${scope} clinic`,
          client,
          allowed: (a) => CLINIC_GRANTS[a].includes(scope) && (ROLE_GRANTS[a] as readonly string[]).includes(role),
        });
      }
    }
    const spare = await createClinic(t, 'spare clinic');
    routes.spareShareCode = spare.shareCode;
    const invited = await (await spare.member('physician')).request('POST', `/api/organizations/${spare.id}/patient-invitations`, {
      scopes: ['read'],
    });
    routes.bodies['/api/patients/{patientId}/care-relationships/accept-invitation'] = { code: invited.json().code };
    const leaving = await createClinic(t, 'leaving clinic');
    routes.params.relationshipId = (
      await owner.client.request('POST', `/api/patients/${patientId}/care-relationships`, {
        shareCode: leaving.shareCode,
        scopes: ['read'],
      })
    ).json().id;

    // The owner makes every record the routes address by client id.
    for (const op of routes.operations.filter((o) => o.method === 'PUT')) {
      const { url, body } = routes.requestFor(op);
      expect((await owner.client.request(op.method, url, body)).statusCode, `${op.method} ${op.path}`).toBeLessThan(300);
    }

    // The clinic routes: a clinic the patient shares with, a member of every role, an open alert
    // (raised by the patient's answer), a pending invitation and a member to change.
    const clinic = await createClinic(t, 'team clinic');
    expect(
      (
        await owner.client.request('POST', `/api/patients/${patientId}/care-relationships`, {
          shareCode: clinic.shareCode,
          scopes: ['read', 'write'],
        })
      ).statusCode,
    ).toBe(201);
    clinicActors.push({ name: 'its admin', client: clinic.admin, rule: (r) => CLINIC_ROLE_GRANTS[r].includes('admin') });
    for (const role of CLINICIAN_ROLES) {
      clinicActors.push({ name: `its ${role}`, client: await clinic.member(role), rule: (r) => CLINIC_ROLE_GRANTS[r].includes(role) });
    }
    const other = await createClinic(t, 'other clinic');
    clinicActors.push({ name: "another clinic's admin", client: other.admin, rule: () => false });
    clinicActors.push({ name: "another clinic's physician", client: await other.member('physician'), rule: () => false });
    clinicActors.push({ name: 'the patient', client: owner.client, rule: () => false });
    clinicActors.push({ name: 'someone signed out', client: new Client(t.app), rule: () => false });
    const phq9 = { instrumentId: 'phq-9', answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1 } };
    expect((await owner.client.request('POST', `/api/patients/${patientId}/instrument-responses`, phq9)).statusCode).toBe(201);
    const alerts = (await clinicActors[1]!.client.request('GET', `/api/organizations/${clinic.id}/alerts`)).json();
    const spareMember = await clinic.member('nurse');
    const spareId = ((await spareMember.request('GET', '/api/me')).json() as { memberships: { id: string }[] }).memberships[0]!.id;
    const invitation = (
      await clinic.admin.request('POST', `/api/organizations/${clinic.id}/invitations`, { email: 'later@example.test', role: 'nurse' })
    ).json();
    const instruments = (await clinic.admin.request('GET', `/api/organizations/${clinic.id}/instruments`)).json();
    const licensed = (Array.isArray(instruments) ? instruments : instruments.items).find((i: { licence: unknown }) => i.licence !== 'free');
    Object.assign(clinicParams, {
      organizationId: clinic.id,
      alertId: (Array.isArray(alerts) ? alerts : alerts.items)[0]?.id ?? '',
      membershipId: spareId,
      invitationId: invitation.invitation?.id ?? invitation.id ?? '',
      instrumentId: licensed?.id ?? licensed?.instrumentId ?? '',
    });

    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      components?: { schemas?: Record<string, JsonSchema> };
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    };
    components = doc.components?.schemas ?? {};
    clinicOps = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/organizations/{organizationId}'))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          ...(op.requestBody ? { body: resolveRef(op.requestBody.content['application/json']!.schema, components) } : {}),
        })),
      );
    t.clock.advanceMinutes(2);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has an expectation for every clinic route, and each route declares the action written here', () => {
    expect(clinicOps.map((o) => `${o.method} ${o.path}`).filter((k) => !(k in CLINIC_ROUTES))).toEqual([]);
    expect(Object.values(clinicParams).filter((v) => v === '')).toEqual([]);
    const declared = Object.fromEntries(
      clinicOps.map((o) => [`${o.method} ${o.path}`, t.app.clinicRouteActions.get(`${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`)]),
    );
    expect(declared).toEqual(CLINIC_ROUTES);
  });

  it("agrees with the policy's role matrix, row by row", () => {
    const roles: readonly OrganizationRole[] = [...EVERY_CLINICAL_ROLE, 'admin'];
    const fromPolicy = (permission: PatientAction | ClinicAction) => roles.filter((role) => ROLE_MATRIX[permission][role] === true);
    const patientRows = Object.keys(ROLE_GRANTS) as PatientAction[];
    expect(Object.fromEntries(patientRows.map((a) => [a, fromPolicy(a)]))).toEqual(ROLE_GRANTS);
    const clinicRows = Object.keys(CLINIC_ROLE_GRANTS) as ClinicAction[];
    expect(Object.fromEntries(clinicRows.map((a) => [a, fromPolicy(a)]))).toEqual(
      Object.fromEntries(clinicRows.map((a) => [a, roles.filter((r) => CLINIC_ROLE_GRANTS[a].includes(r))])),
    );
  });

  it('has an expectation for every FHIR route', () => {
    // Fastify answers HEAD with each GET route; the GETs stand for both.
    const fhir = [...t.app.patientRouteActions].filter(([route]) => route.startsWith('GET /fhir/'));
    expect(Object.fromEntries(fhir)).toEqual(Object.fromEntries(Object.entries(FHIR_ROUTES).map(([route, e]) => [route, e.action])));
  });

  // Before the patient routes' test, whose deletes would leave the FHIR reads of one entry nothing to find.
  it('lets every actor read through FHIR exactly what the rules grant', async () => {
    const failures: string[] = [];
    for (const [route, { action, url }] of Object.entries(FHIR_ROUTES)) {
      await check(
        t,
        route,
        { method: 'GET', url: url(routes.params) },
        actors.map((a) => ({ name: a.name, client: a.client, allowed: a.allowed(action) })),
        failures,
      );
    }
    expect(failures).toEqual([]);
  });

  it('lets every actor do exactly what the rules grant on every patient route', async () => {
    const failures: string[] = [];
    for (const op of deletesLast(routes.operations)) {
      const request = { method: op.method, ...routes.requestFor(op) };
      await check(
        t,
        `${op.method} ${op.path}`,
        request,
        actors.map((a) => ({ name: a.name, client: a.client, allowed: a.allowed(op.action) })),
        failures,
      );
    }
    expect(failures).toEqual([]);
    // Every route times every actor: a few hundred requests, which a loaded CI machine can take minutes over.
  }, 240_000);

  it('lets every member do exactly what their role may on every clinic route, and no one else', async () => {
    const failures: string[] = [];
    for (const op of deletesLast(clinicOps)) {
      const url = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => clinicParams[name] ?? `{${name}}`);
      const body = CLINIC_BODIES[op.path]
        ? CLINIC_BODIES[op.path]
        : op.body
          ? sampleFromSchema(op.body, {
              futureInstant: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
              uuid: clinicParams.organizationId!,
              components,
            })
          : undefined;
      const rule = CLINIC_ROUTES[`${op.method} ${op.path}`]!;
      await check(
        t,
        `${op.method} ${op.path}`,
        { method: op.method, url, ...(body !== undefined ? { body } : {}) },
        clinicActors.map((a) => ({ name: a.name, client: a.client, allowed: a.rule(rule) })),
        failures,
      );
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
