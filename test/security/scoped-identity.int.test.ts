// The grant's scopes decide every field a read returns. Everyone a patient shares with sees whose
// record it is (name and time zone, so a diary writer records on the right local dates); birth year
// and sex are part of the record and reach only those whose scopes include reading it. Checked for
// every caregiver scope and every clinic scope, on each list that names the patient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_SCOPES, CAREGIVER_SCOPES, type CareScope, type CaregiverScope } from '../../src/app/model.ts';
import { clinicianWithAccess } from '../support/care-team.ts';
import { DIALECTS } from '../support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../support/test-app.ts';

interface Listed {
  patient: { id: string; displayName: string; timeZone: string; birthYear?: number | null; sex?: string };
}

// Written by hand from the rule: only the `read` scope lets a caregiver or a clinic read the record.
const CAREGIVER_SCOPE_SETS: readonly (readonly CaregiverScope[])[] = [
  ...CAREGIVER_SCOPES.map((s) => [s]),
  ['write-diary', 'answer-questionnaires'],
  ['read', 'write-diary'],
];
const CARE_SCOPE_SETS: readonly (readonly CareScope[])[] = [...CARE_SCOPES.map((s) => [s]), ['read', 'write']];

describe.each(DIALECTS)('what a list shows of a patient, by the grant’s scopes, on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const p = await signUp(t.app, { patient: true });
    owner = p.client;
    pid = p.me.patient!.id;
    expect((await owner.request('PATCH', `/api/patients/${pid}`, { birthYear: 1961, sex: 'female' })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const expectShown = (listed: Listed | undefined, mayRead: boolean) => {
    expect(listed?.patient).toMatchObject({ id: pid, timeZone: expect.any(String), displayName: expect.any(String) });
    if (mayRead) {
      expect(listed?.patient).toMatchObject({ birthYear: 1961, sex: 'female' });
    } else {
      expect(listed?.patient).not.toHaveProperty('birthYear');
      expect(listed?.patient).not.toHaveProperty('sex');
      expect(JSON.stringify(listed)).not.toContain('1961');
    }
  };

  it.each(CAREGIVER_SCOPE_SETS.map((s) => [s.join(' + '), s] as const))('a caregiver with %s', async (_name, scopes) => {
    const { client: caregiver } = await signUp(t.app);
    const { code } = (await owner.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Helper', scopes })).json();
    expect((await caregiver.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    const list = (await caregiver.request('GET', '/api/patients')).json() as Listed[];
    expectShown(
      list.find((v) => v.patient.id === pid),
      scopes.includes('read'),
    );
  });

  it.each(CARE_SCOPE_SETS.map((s) => [s.join(' + '), s] as const))('a clinic with %s', async (_name, scopes) => {
    const { clinician, organizationId } = await clinicianWithAccess(t, owner, pid, [...scopes]);
    const mayRead = scopes.includes('read');
    const everyone = (await clinician.request('GET', '/api/patients')).json() as Listed[];
    expectShown(
      everyone.find((v) => v.patient.id === pid),
      mayRead,
    );
    const clinic = (await clinician.request('GET', `/api/organizations/${organizationId}/patients`)).json() as Listed[];
    expectShown(
      clinic.find((v) => v.patient.id === pid),
      mayRead,
    );
    const panel = (await clinician.request('GET', `/api/organizations/${organizationId}/panel`)).json() as { items: Listed[] };
    expectShown(
      panel.items.find((v) => v.patient.id === pid),
      mayRead,
    );
  });

  it('the patient sees all of their own record', async () => {
    const list = (await owner.request('GET', '/api/patients')).json() as Listed[];
    expectShown(
      list.find((v) => v.patient.id === pid),
      true,
    );
  });
});
