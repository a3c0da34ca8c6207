import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import { createJobRunner } from '../../../app/jobs.ts';
import { JOB_HANDLERS } from '../../main.ts';

describe.each(DIALECTS)('sharing, organizations and the audit trail on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let org: { id: string; shareCode: string };
  let physician: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = (await signUp(t.app, { name: 'Admin' })).client;
    org = (await admin.request('POST', '/api/organizations', { name: 'Clinic' })).json();
    const email = 'doc@example.test';
    physician = (await signUp(t.app, { email, name: 'Dr Doc' })).client;
    const invite = await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'physician' });
    expect(invite.statusCode).toBe(201);
    expect((await physician.request('POST', '/api/member-invitations/accept', { code: invite.json().code })).json()).toMatchObject({
      role: 'physician',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a shared patient to the clinician until the patient revokes, effective on the next request', async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true, name: 'Pat' });
    const pid = me.patient!.id;
    expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(404);
    const typed = org.shareCode.toLowerCase().replace(/-/g, ' ');
    const rel = await patient.request('POST', `/api/patients/${pid}/care-relationships`, { shareCode: typed, scopes: ['read'] });
    expect(rel.statusCode).toBe(201);
    expect(rel.json().organizationName).toBe('Clinic');
    const panel = await physician.request('GET', `/api/organizations/${org.id}/patients`);
    expect(panel.json().map((v: { patient: { id: string } }) => v.patient.id)).toContain(pid);
    expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    expect((await physician.request('PATCH', `/api/patients/${pid}`, { timeZone: 'UTC' })).statusCode).toBe(403);
    expect((await patient.request('DELETE', `/api/patients/${pid}/care-relationships/${rel.json().id}`)).statusCode).toBe(204);
    expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(404);
    expect((await physician.request('GET', `/api/organizations/${org.id}/patients`)).json()).toEqual([]);
  });

  it("records reads and access changes in the patient's own access log, without patient data", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    await patient.request('POST', `/api/patients/${pid}/care-relationships`, { shareCode: org.shareCode, scopes: ['read'] });
    await physician.request('GET', `/api/patients/${pid}`);
    const log = await patient.request('GET', `/api/patients/${pid}/access-log?limit=2`);
    expect(log.statusCode).toBe(200);
    const page = log.json();
    expect(page.items[0]).toMatchObject({ action: 'patient.read', actorName: 'Dr Doc', actorBasis: 'clinician', organizationId: org.id });
    expect(page.nextCursor).not.toBeNull();
    const next = (await patient.request('GET', `/api/patients/${pid}/access-log?limit=50&cursor=${page.nextCursor}`)).json();
    expect(page.items[1]).toMatchObject({ action: 'care-relationship.grant', organizationId: org.id });
    expect(next.items.map((e: { action: string }) => e.action)).toEqual(['patient.create']);
    expect(next.nextCursor).toBeNull();
    const orgAudit = (await admin.request('GET', `/api/organizations/${org.id}/audit`)).json();
    expect(orgAudit.items.some((e: { action: string }) => e.action === 'patient.read')).toBe(true);
    expect((await physician.request('GET', `/api/organizations/${org.id}/audit`)).statusCode).toBe(403);
  });

  it('lets a caregiver act within scopes and lose access when revoked', async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true, name: 'Ruth' });
    const pid = me.patient!.id;
    const { client: helper } = await signUp(t.app, { name: 'Helper' });
    const invited = await patient.request('POST', `/api/patients/${pid}/caregivers`, { label: 'My daughter', scopes: ['read'] });
    const { code, delegation } = invited.json();
    expect((await helper.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    expect((await helper.request('POST', '/api/caregiver-invitations/accept', { code })).json().code).toBe('invalid-invitation');
    const visible = (await helper.request('GET', '/api/patients')).json();
    expect(visible).toEqual([expect.objectContaining({ basis: 'caregiver', scopes: ['read'] })]);
    expect((await helper.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    expect((await helper.request('GET', `/api/patients/${pid}/caregivers`)).statusCode).toBe(403);
    expect((await patient.request('DELETE', `/api/patients/${pid}/caregivers/${delegation.id}`)).statusCode).toBe(204);
    expect((await helper.request('GET', `/api/patients/${pid}`)).statusCode).toBe(404);
  });

  it("logs a caregiver's listing of the people they help in each patient's access log, as a clinician's is", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true, name: 'Iris' });
    const pid = me.patient!.id;
    const { client: helper } = await signUp(t.app, { name: 'Son' });
    const { code } = (
      await patient.request('POST', `/api/patients/${pid}/caregivers`, { label: 'My son', scopes: ['write-diary'] })
    ).json();
    expect((await helper.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    const visible = (await helper.request('GET', '/api/patients')).json();
    expect(visible).toEqual([expect.objectContaining({ basis: 'caregiver', patient: expect.objectContaining({ id: pid }) })]);
    const log = (await patient.request('GET', `/api/patients/${pid}/access-log?limit=100`)).json().items as {
      action: string;
      actorBasis: string;
      actorName: string;
    }[];
    expect(log).toContainEqual(expect.objectContaining({ action: 'patient.list', actorBasis: 'caregiver', actorName: 'Son' }));
  });

  it('ends caregiver and clinic access at the instant given, whatever offset it was written with', async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const now = t.clock.now().getTime();
    // Ten minutes from now, written in Tokyo time (+09:00): stored as that instant in UTC.
    const inTokyo = (ms: number) => `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
    const invited = await patient.request('POST', `/api/patients/${pid}/caregivers`, {
      label: 'Sister',
      scopes: ['read'],
      expiresAt: inTokyo(now + 600_000),
    });
    expect(invited.statusCode).toBe(201);
    expect(
      invited.json().delegation?.expiresAt ?? (await patient.request('GET', `/api/patients/${pid}/caregivers`)).json()[0].expiresAt,
    ).toBe(new Date(now + 600_000).toISOString());
    const caregiver = (await signUp(t.app)).client;
    expect((await caregiver.request('POST', '/api/caregiver-invitations/accept', { code: invited.json().code })).statusCode).toBe(200);
    const shared = await patient.request('POST', `/api/patients/${pid}/care-relationships`, {
      shareCode: org.shareCode,
      scopes: ['read'],
      expiresAt: inTokyo(now + 600_000),
    });
    expect(shared.statusCode).toBe(201);
    expect((await caregiver.request('GET', `/api/patients/${pid}/diary-entries`)).statusCode).toBe(200);
    expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    // Twenty minutes on (sessions still live), both have ended: compared as text, the +09:00 form
    // outlived its instant by nine hours.
    t.clock.advanceMinutes(20);
    try {
      expect((await caregiver.request('GET', `/api/patients/${pid}/diary-entries`)).statusCode).toBe(404);
      expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(404);
      expect(
        (await physician.request('GET', `/api/organizations/${org.id}/patients`)).json().map((p: { id: string }) => p.id),
      ).not.toContain(pid);
    } finally {
      t.clock.advanceMinutes(-20);
    }
    // An expiry already past is refused for a caregiver as for a clinic.
    const past = await patient.request('POST', `/api/patients/${pid}/caregivers`, {
      label: 'Late',
      scopes: ['read'],
      expiresAt: inTokyo(now - 60_000),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].pointer).toBe('/expiresAt');
  });

  it("explains refused fields in plain words, not the validator's", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const res = await patient.request('POST', `/api/patients/${me.patient!.id}/caregivers`, { label: '  ', scopes: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Check the highlighted fields.');
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { pointer: '/label', detail: 'Enter something here.' },
        { pointer: '/scopes', detail: 'Choose at least one.' },
      ]),
    );
    const wrong = await patient.request('POST', `/api/patients/${me.patient!.id}/caregivers`, { label: 'Sam', scopes: ['everything'] });
    expect(wrong.json().errors[0].detail).toBe('Must be one of: read, write-diary, answer-questionnaires.');
    const badLink = await patient.request('GET', '/api/patients/not-an-id/caregivers');
    expect(badLink.json().detail).toBe('This address does not name a valid record; check the link.');
  });

  it("shares with a clinic once: sharing again (even several times at once, or by its invitation) replaces the earlier terms, so stopping sharing ends the clinic's access", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const active = async () =>
      (
        (await patient.request('GET', `/api/patients/${pid}/care-relationships`)).json() as {
          id: string;
          revokedAt: string | null;
          scopes: string[];
        }[]
      ).filter((r) => r.revokedAt === null);
    expect(
      (await patient.request('POST', `/api/patients/${pid}/care-relationships`, { shareCode: org.shareCode, scopes: ['read'] })).statusCode,
    ).toBe(201);
    const again = await Promise.all(
      [1, 2, 3].map(() =>
        patient.request('POST', `/api/patients/${pid}/care-relationships`, { shareCode: org.shareCode, scopes: ['read', 'write'] }),
      ),
    );
    expect(again.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const { code } = (await admin.request('POST', `/api/organizations/${org.id}/patient-invitations`, { scopes: ['read'] })).json();
    expect((await patient.request('POST', `/api/patients/${pid}/care-relationships/accept-invitation`, { code })).statusCode).toBe(201);
    const left = await active();
    expect(left).toHaveLength(1);
    expect(left[0]!.scopes).toEqual(['read']);
    expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    expect((await patient.request('DELETE', `/api/patients/${pid}/care-relationships/${left[0]!.id}`)).statusCode).toBe(204);
    expect((await physician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(404);
  });

  it('says once in the access log that sharing or a caregiver ended, however often (or at once) the revoke is sent', async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const rel = (
      await patient.request('POST', `/api/patients/${pid}/care-relationships`, { shareCode: org.shareCode, scopes: ['read'] })
    ).json();
    const { delegation } = (await patient.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Helper', scopes: ['read'] })).json();
    const revokes = [
      ...[1, 2, 3].map(() => patient.request('DELETE', `/api/patients/${pid}/care-relationships/${rel.id}`)),
      ...[1, 2, 3].map(() => patient.request('DELETE', `/api/patients/${pid}/caregivers/${delegation.id}`)),
    ];
    expect((await Promise.all(revokes)).map((r) => r.statusCode)).toEqual([204, 204, 204, 204, 204, 204]);
    expect((await patient.request('DELETE', `/api/patients/${pid}/care-relationships/${rel.id}`)).statusCode).toBe(204);
    const actions = ((await patient.request('GET', `/api/patients/${pid}/access-log?limit=100`)).json().items as { action: string }[]).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'care-relationship.revoke')).toHaveLength(1);
    expect(actions.filter((a) => a === 'caregiver.revoke')).toHaveLength(1);
  });

  it("ends a clinic's questionnaire assignment at its next occurrence once the clinic's access has expired", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const care = await clinicianWithAccess(t, patient, pid, ['read', 'write']);
    const soon = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const created = await care.clinician.request('POST', `/api/patients/${pid}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'recurring', startAt: soon, everyDays: 1, endAt: null },
    });
    expect(created.statusCode).toBe(201);
    const runner = createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 });
    t.clock.advanceMinutes(2);
    try {
      await runner.runOnce();
      const open = async () =>
        (await t.deps.store.instrumentAssignments.listDue(pid, { openOnly: true, limit: 50 })).filter(
          (d) => d.assignmentId === created.json().id,
        );
      expect(await open()).toHaveLength(1);
      // The patient shared until a moment from now; a day later the next occurrence comes.
      const expiry = new Date(t.clock.now().getTime() + 5 * 60_000).toISOString();
      await sql`update care_relationship set expires_at = ${expiry} where patient_id = ${pid} and organization_id = ${care.organizationId}`.execute(
        t.database.handle.db,
      );
      t.clock.advanceMinutes(24 * 60);
      await runner.runOnce();
      expect((await t.deps.store.instrumentAssignments.find(created.json().id))!.cancelledAt).not.toBeNull();
      expect(await open()).toEqual([]);
      const log = await t.deps.store.audit.listForPatient(pid, 50);
      expect(
        log.items.some(
          (e: { action: string; actorBasis: string }) => e.action === 'instrument-assignment.cancel' && e.actorBasis === 'system',
        ),
      ).toBe(true);
    } finally {
      t.clock.advanceMinutes(-(24 * 60 + 2));
    }
  });

  it("ends the clinic's questionnaire assignments (and what is due of them) when the patient stops sharing with it, not the patient's own reminders", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const care = await clinicianWithAccess(t, patient, pid, ['read', 'write']);
    const now = t.clock.now().getTime();
    const soon = new Date(now + 60_000).toISOString();
    const clinics = await care.clinician.request('POST', `/api/patients/${pid}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'recurring', startAt: soon, everyDays: 7, endAt: null },
    });
    const own = await patient.request('POST', `/api/patients/${pid}/instrument-assignments`, {
      instrumentId: 'gad-2',
      schedule: { kind: 'once', dueAt: soon },
    });
    expect([clinics.statusCode, own.statusCode]).toEqual([201, 201]);
    t.clock.advanceMinutes(2);
    await createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 }).runOnce();
    const due = async () =>
      ((await patient.request('GET', `/api/patients/${pid}/instruments/due`)).json().items as { instrumentId: string }[])
        .map((d) => d.instrumentId)
        .sort();
    expect(await due()).toEqual(['gad-2', 'peg']);
    const rel = (
      (await patient.request('GET', `/api/patients/${pid}/care-relationships`)).json() as { id: string; revokedAt: string | null }[]
    ).find((r) => r.revokedAt === null)!;
    expect((await patient.request('DELETE', `/api/patients/${pid}/care-relationships/${rel.id}`)).statusCode).toBe(204);
    expect(await due()).toEqual(['gad-2']);
    const assignments = (await patient.request('GET', `/api/patients/${pid}/instrument-assignments`)).json().items as {
      id: string;
      cancelledAt: string | null;
    }[];
    expect(assignments.find((a) => a.id === clinics.json().id)!.cancelledAt).not.toBeNull();
    expect(assignments.find((a) => a.id === own.json().id)!.cancelledAt).toBeNull();
    const log = ((await patient.request('GET', `/api/patients/${pid}/access-log?limit=100`)).json().items as { action: string }[]).map(
      (e) => e.action,
    );
    expect(log).toContain('instrument-assignment.cancel');
  });

  it('lets admins manage members but never remove the last admin', async () => {
    const members = (await admin.request('GET', `/api/organizations/${org.id}/members`)).json();
    const adminMembership = members.find((m: { role: string }) => m.role === 'admin');
    const last = await admin.request('PATCH', `/api/organizations/${org.id}/members/${adminMembership.id}`, { role: 'nurse' });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last-admin');
    const doc = members.find((m: { role: string }) => m.role === 'physician');
    expect((await physician.request('PATCH', `/api/organizations/${org.id}/members/${doc.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await admin.request('PATCH', `/api/organizations/${org.id}/members/${doc.id}`, { role: 'nurse' })).statusCode).toBe(204);
    const { client: outsider } = await signUp(t.app);
    expect((await outsider.request('GET', `/api/organizations/${org.id}/members`)).statusCode).toBe(404);
    const wrong = await admin.request('POST', `/api/organizations/${org.id}/invitations`, {
      email: 'someone@example.test',
      role: 'psychologist',
    });
    expect((await outsider.request('POST', '/api/member-invitations/accept', { code: wrong.json().code })).json().code).toBe(
      'invalid-invitation',
    );
    expect((await admin.request('DELETE', `/api/organizations/${org.id}/members/${doc.id}`)).statusCode).toBe(204);
    expect((await physician.request('GET', `/api/organizations/${org.id}`)).statusCode).toBe(404);
  });

  it("lets a patient share by accepting a clinic's one-time invitation", async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true, name: 'Invited' });
    const pid = me.patient!.id;
    const created = await admin.request('POST', `/api/organizations/${org.id}/patient-invitations`, { scopes: ['read', 'write'] });
    expect(created.statusCode).toBe(201);
    const { code } = created.json();
    const accepted = await patient.request('POST', `/api/patients/${pid}/care-relationships/accept-invitation`, { code });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ organizationId: org.id, scopes: ['read', 'write'], organizationName: 'Clinic' });
    const other = await signUp(t.app, { patient: true });
    const reused = await other.client.request('POST', `/api/patients/${other.me.patient!.id}/care-relationships/accept-invitation`, {
      code,
    });
    expect(reused.json()).toMatchObject({ code: 'invalid-invitation', errors: [{ pointer: '/code' }] });
    const { client: outsider } = await signUp(t.app);
    expect((await outsider.request('POST', `/api/organizations/${org.id}/patient-invitations`, { scopes: ['read'] })).statusCode).toBe(404);
  });

  it('rejects an unknown share code with a pointer to the field', async () => {
    const { client: patient, me } = await signUp(t.app, { patient: true });
    const res = await patient.request('POST', `/api/patients/${me.patient!.id}/care-relationships`, {
      shareCode: 'PW-AAAAA-AAAAA',
      scopes: ['read'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid-share-code', errors: [{ pointer: '/shareCode' }] });
  });

  it('serves /health, /ready and an OpenAPI 3.1 document', async () => {
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/ready' })).statusCode).toBe(200);
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBeDefined();
  });
});
