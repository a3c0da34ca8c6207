import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

type Event = { action: string; actorBasis: string; actorName: string | null };

describe.each(DIALECTS)("the patient's access log, with or without their own actions, on %s", (dialect) => {
  let t: TestApp;
  let patient: Client;
  let pid: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const signedUp = await signUp(t.app, { patient: true, name: 'Pat' });
    patient = signedUp.client;
    pid = signedUp.me.patient!.id;
    const { clinician } = await clinicianWithAccess(t, patient, pid, ['read']);
    const caregiver = await caregiverOf(t, patient, pid);
    // The patient's own devices read the record again and again, before and after the others look.
    for (let i = 0; i < 3; i += 1) expect((await patient.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    expect((await clinician.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await patient.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    expect((await caregiver.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await patient.request('GET', `/api/patients/${pid}`)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const read = async (query: string) => {
    const res = await patient.request('GET', `/api/patients/${pid}/access-log?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Event[]; nextCursor: string | null };
  };

  it("with who=others lists other people's access and none of the patient's own", async () => {
    const { items, nextCursor } = await read('who=others&limit=100');
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((e) => e.actorBasis === 'owner')).toEqual([]);
    // Newest first: the caregiver's read, then the clinician's.
    const reads = items.filter((e) => e.action === 'patient.read');
    expect(reads.map((e) => e.actorBasis)).toEqual(['caregiver', 'clinician']);
    expect(nextCursor).toBeNull();
  });

  it('pages through only the others, the cursor keeping the filter page after page', async () => {
    const everyOther = (await read('who=others&limit=100')).items;
    const paged: Event[] = [];
    let cursor: string | null = null;
    do {
      const page = await read(`who=others&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items).toHaveLength(1);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(everyOther);
  });

  it("keeps the patient's own actions by default and with who=everyone", async () => {
    for (const query of ['limit=100', 'who=everyone&limit=100']) {
      const { items } = await read(query);
      expect(items.filter((e) => e.action === 'patient.read' && e.actorBasis === 'owner')).toHaveLength(9);
      expect(items.some((e) => e.actorBasis === 'clinician')).toBe(true);
      expect(items.some((e) => e.actorBasis === 'caregiver')).toBe(true);
    }
  });

  it('answers an unknown value with 400 problem+json naming the parameter', async () => {
    const res = await patient.request('GET', `/api/patients/${pid}/access-log?who=me`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([expect.objectContaining({ pointer: '/querystring/who' })]);
  });
});
