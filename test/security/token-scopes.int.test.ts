// An API token narrows what its owner may do: read only unless made read-write, only the patients it
// names, and only until its expiry. A patient outside the token is refused as for a stranger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caregiverOf, clinicianWithAccess } from '../support/care-team.ts';
import { DIALECTS } from '../support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp, TokenClient } from '../support/test-app.ts';

const ENTRY_ID = '019a0000-0000-7000-8000-00000000abcd';
const ENTRY = {
  localDate: '2026-05-31',
  localTime: '08:00',
  timeZone: 'UTC',
  recordedAt: '2026-06-01T10:00:00Z',
  intensity: 4,
  mode: 'recalled',
  regions: [],
  notes: '',
};

describe.each(DIALECTS)('API token limits on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const withToken = (token: string, method: string, url: string, body?: unknown) =>
    new TokenClient(t.app, token).request(method, url, body);
  const makeToken = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.request('POST', '/api/me/tokens', { name: 'script', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; apiToken: Record<string, unknown> };
  };

  it('makes a read-only token for every patient by default: it reads the diary and is refused a write', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const diary = `/api/patients/${me.patient!.id}/diary-entries`;
    const { token, apiToken } = await makeToken(client, {});
    expect(apiToken).toMatchObject({ access: 'read', patientIds: null, expiresAt: null });

    expect((await withToken(token, 'GET', diary)).statusCode).toBe(200);
    const put = await withToken(token, 'PUT', `${diary}/${ENTRY_ID}`, ENTRY);
    expect(put.statusCode).toBe(403);
    expect(put.headers['content-type']).toContain('application/problem+json');
    expect(put.json().code).toBe('forbidden');
    expect((await client.request('GET', diary)).json().items ?? []).toHaveLength(0);

    // Nor anything else it could change: the account's name stays; a calculation sent as POST is a read.
    const rename = await withToken(token, 'PATCH', '/api/me', { displayName: 'Renamed by a script' });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().code).toBe('forbidden');
    expect((await client.request('GET', '/api/me')).json().user.displayName).not.toBe('Renamed by a script');
    expect((await withToken(token, 'POST', '/api/mme', { items: [{ drug: 'oxycodone', doseMg: 5, perDay: 2 }] })).statusCode).toBe(200);

    const { token: writer } = await makeToken(client, { access: 'read-write' });
    expect((await withToken(writer, 'PUT', `${diary}/${ENTRY_ID}`, ENTRY)).statusCode).toBe(201);
  });

  it('refuses a token limited to one patient on another the user may reach, as for a stranger', async () => {
    const a = await signUp(t.app, { patient: true });
    const b = await signUp(t.app, { patient: true });
    const helper = await caregiverOf(t, a.client, a.me.patient!.id);
    const nobody = await signUp(t.app);
    // The same person caring for both: accept B's invitation with the first caregiver's account too.
    const { code } = (
      await b.client.request('POST', `/api/patients/${b.me.patient!.id}/caregivers`, { label: 'Helper', scopes: ['read', 'write-diary'] })
    ).json();
    expect((await helper.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    expect((await helper.request('GET', `/api/patients/${b.me.patient!.id}/diary-entries`)).statusCode).toBe(200);

    const { token, apiToken } = await makeToken(helper, { access: 'read-write', patientIds: [a.me.patient!.id] });
    expect(apiToken.patientIds).toEqual([a.me.patient!.id]);
    expect((await withToken(token, 'GET', `/api/patients/${a.me.patient!.id}/diary-entries`)).statusCode).toBe(200);
    const other = await withToken(token, 'GET', `/api/patients/${b.me.patient!.id}/diary-entries`);
    const stranger = await nobody.client.request('GET', `/api/patients/${b.me.patient!.id}/diary-entries`);
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('not-found');
    expect(stranger.statusCode).toBe(404);
    expect(other.json().detail).toBe(stranger.json().detail);
    expect((await withToken(token, 'PUT', `/api/patients/${b.me.patient!.id}/diary-entries/${ENTRY_ID}`, ENTRY)).statusCode).toBe(404);
    // The list of patients shows only the token's.
    const listed = (await withToken(token, 'GET', '/api/patients')).json() as { patient: { id: string } }[];
    expect(listed.map((p) => p.patient.id)).toEqual([a.me.patient!.id]);
  });

  it('refuses a token after its expiry, as a revoked one', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const expiresAt = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    const { token, apiToken } = await makeToken(client, { expiresAt });
    expect(apiToken.expiresAt).toBe(expiresAt);
    const diary = `/api/patients/${me.patient!.id}/diary-entries`;
    expect((await withToken(token, 'GET', diary)).statusCode).toBe(200);
    t.clock.advanceMinutes(11);
    try {
      const late = await withToken(token, 'GET', diary);
      expect(late.statusCode).toBe(401);
      expect(late.headers['content-type']).toContain('application/problem+json');
      expect(late.json().code).toBe('authentication-required');
      // Its owner still sees it, with its expiry and last use.
      const listed = (await client.request('GET', '/api/me/tokens')).json() as { expiresAt: string; lastUsedAt: string | null }[];
      expect(listed[0]).toMatchObject({ expiresAt, lastUsedAt: expect.any(String) });
    } finally {
      t.clock.advanceMinutes(-11);
    }
  });

  it('refuses to make a token for a patient the user cannot reach, or with an expiry past or too far', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const stranger = await signUp(t.app, { patient: true });
    const bad = await client.request('POST', '/api/me/tokens', { name: 'x', patientIds: [me.patient!.id, stranger.me.patient!.id] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'token-patient-not-accessible', errors: [{ pointer: '/patientIds/1' }] });

    const past = await client.request('POST', '/api/me/tokens', { name: 'x', expiresAt: '2026-05-31T12:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].pointer).toBe('/expiresAt');
    const far = await client.request('POST', '/api/me/tokens', { name: 'x', expiresAt: '2027-06-02T12:00:00Z' });
    expect(far.statusCode).toBe(400);
    expect((await client.request('GET', '/api/me/tokens')).json()).toHaveLength(0);
  });

  it("keeps a token limited to some patients out of the clinic's lists, which name every patient of the clinic", async () => {
    const { client: owner, me } = await signUp(t.app, { patient: true });
    const { clinician, organizationId } = await clinicianWithAccess(t, owner, me.patient!.id, ['read', 'write']);
    const limited = await makeToken(clinician, { patientIds: [me.patient!.id] });
    const everyPatient = await makeToken(clinician, {});
    for (const path of ['panel', 'alerts']) {
      const refused = await withToken(limited.token, 'GET', `/api/organizations/${organizationId}/${path}`);
      expect(refused.statusCode, path).toBe(403);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await withToken(everyPatient.token, 'GET', `/api/organizations/${organizationId}/${path}`)).statusCode, path).toBe(200);
    }
  });
});
