// A clinic with one clinician, and a patient's care relationship with it, for HTTP tests.
import { expect } from 'vitest';
import { signUp, type Client, type TestApp } from './test-app.ts';

/** A clinic whose physician the patient (`owner`) shares with, within `scopes`. */
export async function clinicianWithAccess(
  t: TestApp,
  owner: Client,
  patientId: string,
  scopes: ('read' | 'write')[],
): Promise<{ clinician: Client; organizationId: string; membershipId: string }> {
  const { client: admin } = await signUp(t.app);
  const org = (await admin.request('POST', '/api/organizations', { name: `Clinic ${scopes.join('+')} ${Date.now()}` })).json();
  const email = `clinician-${scopes.join('-')}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const { client: clinician, me } = await signUp(t.app, { email });
  const { code } = (await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'physician' })).json();
  expect((await clinician.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
  expect(
    (await owner.request('POST', `/api/patients/${patientId}/care-relationships`, { shareCode: org.shareCode, scopes })).statusCode,
  ).toBe(201);
  const members = (await admin.request('GET', `/api/organizations/${org.id}/members`)).json() as
    | { id: string; userId: string }[]
    | { items: { id: string; userId: string }[] };
  const list = Array.isArray(members) ? members : members.items;
  const membershipId = list.find((m) => m.userId === me.user.id)?.id ?? '';
  return { clinician, organizationId: org.id, membershipId };
}

/** A caregiver the patient delegated every caregiver scope to. */
export async function caregiverOf(t: TestApp, owner: Client, patientId: string): Promise<Client> {
  const { client } = await signUp(t.app);
  const { code } = (
    await owner.request('POST', `/api/patients/${patientId}/caregivers`, {
      label: 'Helper',
      scopes: ['read', 'write-diary', 'answer-questionnaires'],
    })
  ).json();
  expect((await client.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
  return client;
}

/** A clinic (its admin), a physician in it (with their e-mail), and a patient who shares their record with it within `scopes`. */
export async function clinicWithPatient(
  t: TestApp,
  scopes: ('read' | 'write')[] = ['read', 'write'],
): Promise<{ admin: Client; clinician: Client; email: string; organizationId: string; patientId: string }> {
  const { client: admin } = await signUp(t.app);
  const org = (await admin.request('POST', '/api/organizations', { name: `Clinic ${crypto.randomUUID()}` })).json();
  const email = `physician-${crypto.randomUUID()}@example.test`;
  const { client: clinician } = await signUp(t.app, { email });
  const { code } = (await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'physician' })).json();
  expect((await clinician.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
  const { client: patient, me } = await signUp(t.app, { patient: true });
  const shared = await patient.request('POST', `/api/patients/${me.patient!.id}/care-relationships`, { shareCode: org.shareCode, scopes });
  expect(shared.statusCode).toBe(201);
  return { admin, clinician, email, organizationId: org.id, patientId: me.patient!.id };
}
