// Each role of a clinic does what its row of the role matrix says, and a refusal names the permission
// it lacks: medicine orders and tapers for prescribers only, the care plan part by part, questionnaires
// assigned by physicians and nurses, alerts for those who review them, nothing of a patient's record
// for an admin; /api/me lists each membership's permissions and /api/role-permissions the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { createClinic } from '../../../../test/support/patient-routes.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

let idCounter = 0;
const newId = () => `019c0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

const ORDER = {
  formularyId: 'oxycodone',
  doseMg: 5,
  schedule: 'scheduled',
  timesPerDay: 2,
  route: 'oral',
  startDate: '2026-05-01',
};
const GOAL = { activity: 'Walk to the market', measure: 'minutes walked', baseline: '10', target: '30', targetDate: null };
const PSYCHOLOGICAL = { modality: 'psychological', description: 'CBT for chronic pain', status: 'planned' };
const PACING = { activity: 'Walking', unit: 'minutes', startDate: '2026-06-10', sessionSource: 'diary-activity-minutes' };

describe.each(DIALECTS)('role permissions on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  let orgId: string;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const owner = await signUp(t.app, { patient: true });
    base = `/api/patients/${owner.me.patient!.id}`;
    const clinic = await createClinic(t, 'roles clinic');
    orgId = clinic.id;
    const shared = await owner.client.request('POST', `${base}/care-relationships`, {
      shareCode: clinic.shareCode,
      scopes: ['read', 'write'],
    });
    expect(shared.statusCode).toBe(201);
    as.admin = clinic.admin;
    for (const role of ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist']) as[role] = await clinic.member(role);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A refusal for the role: 403 problem+json naming the permission, and nothing changed. */
  async function expectRefused(who: string, method: string, url: string, body: unknown, permission: string, headers = {}) {
    const before = await snapshotDatabase(t.database.handle);
    const res = await as[who]!.request(method, url, body, headers);
    expect(res.statusCode, `${who} ${method} ${url}`).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'forbidden', permission });
    expect(res.json().detail).toContain(permission);
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  }

  it('lets only a physician order medicines and plan tapers; nurses, pharmacists and others are told what they lack', async () => {
    for (const who of ['nurse', 'pharmacist', 'physical_therapist', 'psychologist']) {
      await expectRefused(who, 'PUT', `${base}/medication-orders/${newId()}`, ORDER, 'order-medications');
      await expectRefused(who, 'PUT', `${base}/taper-plans/${newId()}`, { startDate: '2026-06-15' }, 'plan-tapers');
    }
    expect((await as.physician!.request('PUT', `${base}/medication-orders/${newId()}`, ORDER)).statusCode).toBe(201);
    // Every clinical role still reads what was ordered.
    for (const who of ['nurse', 'pharmacist', 'physical_therapist', 'psychologist']) {
      expect((await as[who]!.request('GET', `${base}/medication-orders`)).statusCode, who).toBe(200);
    }
  });

  it('lets each role change only its parts of the care plan', async () => {
    const first = await as.nurse!.request('PUT', `${base}/care-plan`, { goals: [GOAL], interventions: [] });
    expect(first.statusCode).toBe(201);
    const v1 = { 'if-match': '"1"' };
    const goal = { ...GOAL, id: first.json().goals[0].id };
    // A psychologist adds a psychological intervention, but may not touch pacing or goals (a goal sent
    // without its id is a new goal).
    await expectRefused(
      'psychologist',
      'PUT',
      `${base}/care-plan`,
      { goals: [goal], interventions: [], pacing: [PACING] },
      'plan-pacing',
      v1,
    );
    await expectRefused('psychologist', 'PUT', `${base}/care-plan`, { goals: [GOAL], interventions: [] }, 'plan-goals', v1);
    const v2 = await as.psychologist!.request('PUT', `${base}/care-plan`, { goals: [goal], interventions: [PSYCHOLOGICAL] }, v1);
    expect(v2.statusCode, v2.body).toBe(201);
    // A nurse may not change the psychological intervention; a pharmacist may not save the plan at all.
    await expectRefused('nurse', 'PUT', `${base}/care-plan`, { goals: [goal], interventions: [] }, 'plan-psychological', {
      'if-match': '"2"',
    });
    await expectRefused('pharmacist', 'PUT', `${base}/care-plan`, { goals: [], interventions: [] }, 'edit-care-plan', {
      'if-match': '"2"',
    });
  });

  it('lets physicians and nurses assign questionnaires and record what is theirs to record', async () => {
    const assignment = { instrumentId: 'peg', schedule: { kind: 'once', dueAt: '2026-06-05T09:00:00Z' } };
    expect((await as.nurse!.request('POST', `${base}/instrument-assignments`, assignment)).statusCode).toBe(201);
    await expectRefused('pharmacist', 'POST', `${base}/instrument-assignments`, assignment, 'assign-questionnaires');
    const condition = { label: 'Low back pain', mechanism: 'nociceptive', onsetDate: '2026-01-01' };
    await expectRefused('nurse', 'PUT', `${base}/conditions/${newId()}`, condition, 'record-conditions');
    expect((await as.physician!.request('PUT', `${base}/conditions/${newId()}`, condition)).statusCode).toBe(201);
  });

  it("shows an admin nothing of a patient's record, and a clinician none of the admin's work", async () => {
    for (const path of ['', '/diary-entries', '/medication-orders', '/care-plan']) {
      expect((await as.admin!.request('GET', `${base}${path}`)).statusCode, path).toBe(404);
    }
    await expectRefused('admin', 'GET', `/api/organizations/${orgId}/panel`, undefined, 'view-panel');
    await expectRefused('physician', 'GET', `/api/organizations/${orgId}/audit`, undefined, 'read-audit');
    await expectRefused('physical_therapist', 'GET', `/api/organizations/${orgId}/alerts`, undefined, 'review-alerts');
    expect((await as.psychologist!.request('GET', `/api/organizations/${orgId}/alerts`)).statusCode).toBe(200);
  });

  it("lists each membership's permissions in /api/me, and the table in /api/role-permissions", async () => {
    const permissionsOf = async (who: string) => (await as[who]!.request('GET', '/api/me')).json().memberships[0].permissions as string[];
    const nurse = await permissionsOf('nurse');
    expect(nurse).toContain('assign-questionnaires');
    expect(nurse).not.toContain('order-medications');
    const admin = await permissionsOf('admin');
    expect(admin).toContain('manage-members');
    expect(admin).not.toContain('read');
    const table = await as.pharmacist!.request('GET', '/api/role-permissions');
    expect(table.statusCode).toBe(200);
    const row = table.json().items.find((r: { permission: string }) => r.permission === 'order-medications');
    expect(row.roles).toEqual({
      physician: true,
      nurse: 'if-nurse-orders-allowed',
      physical_therapist: false,
      psychologist: false,
      pharmacist: false,
      admin: false,
    });
  });

  // Last: it changes what the clinic's roles may do.
  it('lets an admin allow nurse orders and take permissions away, and no one else; /api/me follows', async () => {
    const settings = `/api/organizations/${orgId}/role-settings`;
    expect((await as.nurse!.request('GET', settings)).json()).toEqual({ allowNurseOrders: false, withheld: {} });
    await expectRefused('nurse', 'PUT', settings, { allowNurseOrders: true, withheld: {} }, 'manage-settings');
    await expectRefused('physician', 'PUT', settings, { allowNurseOrders: true, withheld: {} }, 'manage-settings');
    // Admins keep the permission that changes these settings.
    const lockout = await as.admin!.request('PUT', settings, { allowNurseOrders: false, withheld: { admin: ['manage-settings'] } });
    expect(lockout.statusCode).toBe(400);
    expect(lockout.json().errors[0].pointer).toBe('/withheld/admin');

    const saved = await as.admin!.request('PUT', settings, {
      allowNurseOrders: true,
      withheld: { nurse: ['assign-questionnaires', 'assign-questionnaires'], pharmacist: [] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ allowNurseOrders: true, withheld: { nurse: ['assign-questionnaires'] } });
    expect((await as.nurse!.request('PUT', `${base}/medication-orders/${newId()}`, ORDER)).statusCode).toBe(201);
    const assignment = { instrumentId: 'peg', schedule: { kind: 'once', dueAt: '2026-06-05T09:00:00Z' } };
    await expectRefused('nurse', 'POST', `${base}/instrument-assignments`, assignment, 'assign-questionnaires');
    // Nurse orders reach nurses only.
    await expectRefused('pharmacist', 'PUT', `${base}/medication-orders/${newId()}`, ORDER, 'order-medications');
    const nurse = (await as.nurse!.request('GET', '/api/me')).json().memberships[0].permissions as string[];
    expect(nurse).toContain('order-medications');
    expect(nurse).not.toContain('assign-questionnaires');
    const audit = (await as.admin!.request('GET', `/api/organizations/${orgId}/audit`)).json();
    const events = Array.isArray(audit) ? audit : audit.items;
    expect(events.map((e: { action: string }) => e.action)).toContain('organization.role-settings');

    // A clinic can take away a clinic action too.
    expect(
      (await as.admin!.request('PUT', settings, { allowNurseOrders: false, withheld: { psychologist: ['review-alerts'] } })).statusCode,
    ).toBe(200);
    await expectRefused('psychologist', 'GET', `/api/organizations/${orgId}/alerts`, undefined, 'review-alerts');
    await expectRefused('nurse', 'PUT', `${base}/medication-orders/${newId()}`, ORDER, 'order-medications');
  });
});
