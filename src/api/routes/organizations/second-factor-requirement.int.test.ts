// A clinic that requires two-step sign-in: its clinicians and admins without it are refused the
// clinic's routes and its patients with a 403 that says why, until they turn it on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { enrolSecondFactor } from '../../../../test/support/second-factor.ts';
import { clinicWithPatient } from '../../../../test/support/care-team.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

describe.each(DIALECTS)('a clinic requiring a second factor on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const clinic = () => clinicWithPatient(t);

  it('lets only an admin with a second factor turn the requirement on', async () => {
    const { admin, clinician, organizationId } = await clinic();
    const url = `/api/organizations/${organizationId}/second-factor-requirement`;
    const withoutOwn = await admin.request('PUT', url, { required: true });
    expect(withoutOwn.statusCode).toBe(403);
    expect(withoutOwn.json().code).toBe('second-factor-required');
    expect((await admin.request('GET', `/api/organizations/${organizationId}`)).json().requireSecondFactor).toBe(false);

    await enrolSecondFactor(t, clinician);
    const notAdmin = await clinician.request('PUT', url, { required: true });
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().code).toBe('forbidden');

    await enrolSecondFactor(t, admin);
    const on = await admin.request('PUT', url, { required: true });
    expect(on.statusCode).toBe(200);
    expect(on.json().requireSecondFactor).toBe(true);
    const audit = (await admin.request('GET', `/api/organizations/${organizationId}/audit`)).json();
    expect(JSON.stringify(audit)).toContain('organization.second-factor.require');
  });

  it('refuses a clinician without a second factor the clinic and its patients, then lets them in once enrolled', async () => {
    const { admin, clinician, organizationId, patientId } = await clinic();
    // Before the requirement, the clinician reaches both.
    expect((await clinician.request('GET', `/api/patients/${patientId}`)).statusCode).toBe(200);
    expect((await clinician.request('GET', `/api/organizations/${organizationId}/panel`)).statusCode).toBe(200);

    await enrolSecondFactor(t, admin);
    expect(
      (await admin.request('PUT', `/api/organizations/${organizationId}/second-factor-requirement`, { required: true })).statusCode,
    ).toBe(200);

    for (const url of [
      `/api/patients/${patientId}`,
      `/api/organizations/${organizationId}/panel`,
      `/api/organizations/${organizationId}/alerts`,
    ]) {
      const refused = await clinician.request('GET', url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.json()).toMatchObject({
        type: 'https://painwise.dev/problems/second-factor-required',
        code: 'second-factor-required',
        enrolUrl: '/account#two-step',
      });
    }
    // Their own list of patients leaves the clinic's out, and /api/me tells the web app why.
    const visible = (await clinician.request('GET', '/api/patients')).json() as { patient: { id: string } }[];
    expect(visible.map((v) => v.patient.id)).not.toContain(patientId);
    const me = (await clinician.request('GET', '/api/me')).json();
    expect(me.memberships).toEqual([expect.objectContaining({ organizationId, secondFactorMissing: true })]);
    // The clinic's own page still answers, so the app can say which clinic asks and why.
    expect((await clinician.request('GET', `/api/organizations/${organizationId}`)).statusCode).toBe(200);
    // The admin, who has a second factor, is not refused.
    expect((await admin.request('GET', `/api/organizations/${organizationId}/members`)).statusCode).toBe(200);

    await enrolSecondFactor(t, clinician);
    expect((await clinician.request('GET', `/api/patients/${patientId}`)).statusCode).toBe(200);
    expect((await clinician.request('GET', `/api/organizations/${organizationId}/panel`)).statusCode).toBe(200);
    expect((await clinician.request('GET', '/api/me')).json().memberships[0].secondFactorMissing).toBe(false);
  });

  it('holds for an API token of a member without a second factor, and frees the others when turned off', async () => {
    const { admin, clinician, organizationId, patientId } = await clinic();
    const token = (await clinician.request('POST', '/api/me/tokens', { name: 'export script' })).json().token;
    const bearer = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect((await bearer(`/api/patients/${patientId}`)).statusCode).toBe(200);
    await enrolSecondFactor(t, admin);
    const url = `/api/organizations/${organizationId}/second-factor-requirement`;
    expect((await admin.request('PUT', url, { required: true })).statusCode).toBe(200);
    const refused = await bearer(`/api/patients/${patientId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('second-factor-required');
    expect((await bearer(`/api/organizations/${organizationId}/panel`)).statusCode).toBe(403);

    expect((await admin.request('PUT', url, { required: false })).statusCode).toBe(200);
    expect((await bearer(`/api/patients/${patientId}`)).statusCode).toBe(200);
    expect((await clinician.request('GET', `/api/organizations/${organizationId}/panel`)).statusCode).toBe(200);
  });
});
