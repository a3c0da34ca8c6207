// The FHIR search API's rules, on a patient whose diary is known entry by entry: date prefixes,
// code, category, _lastUpdated, _id, paging links, Provenance with _revinclude; errors as
// OperationOutcome with their status; the same access rules as the JSON API; and every read in the
// patient's access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { Client, createTestApp, signUp, TokenClient, type TestApp } from '../../../../test/support/test-app.ts';

const ids = ['019a0000-0000-7000-8000-0000000000e1', '019a0000-0000-7000-8000-0000000000e2', '019a0000-0000-7000-8000-0000000000e3'];

/** A real-time entry at a Berlin wall-clock time (UTC+2 in May), with one rated region. */
const entry = (date: string, time: string, intensity: number) => {
  const recordedAt = new Date(Date.parse(`${date}T${time}:00+02:00`)).toISOString();
  return {
    localDate: date,
    localTime: time,
    timeZone: 'Europe/Berlin',
    recordedAt,
    intensity,
    regions: [{ code: 'knee-left', intensity: intensity - 1, qualities: ['aching'] }],
    sleep: { hours: 7, quality: 'good' },
  };
};

describe.each(DIALECTS)('FHIR search on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let patientId: string;
  const get = async (client: Client, url: string) => {
    const res = await client.request('GET', url);
    return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const signed = await signUp(t.app, { patient: true });
    owner = signed.client;
    patientId = signed.me.patient!.id;
    const days: [string, string, number][] = [
      ['2026-05-01', '08:00', 3],
      ['2026-05-02', '08:00', 5],
      ['2026-05-03', '23:30', 7],
    ];
    for (const [i, [date, time, intensity]] of days.entries()) {
      const res = await owner.request('PUT', `/api/patients/${patientId}/diary-entries/${ids[i]}`, entry(date, time, intensity));
      expect(res.statusCode, res.body).toBe(201);
      t.clock.advanceMinutes(20);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  /** A caregiver the owner invites with `scopes` (sharing asks the owner's password again first). */
  async function caregiverWith(scopes: string[]): Promise<Client> {
    expect((await owner.request('POST', '/api/auth/reauthenticate', { password: 'correct horse battery staple' })).statusCode).toBe(200);
    const caregiver = (await signUp(t.app)).client;
    const { code } = (await owner.request('POST', `/api/patients/${patientId}/caregivers`, { label: scopes.join(' '), scopes })).json();
    expect((await caregiver.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    return caregiver;
  }

  const search = (query: string) => get(owner, `/fhir/R4/Observation?patient=${patientId}&${query}`);
  const idsOf = (bundle: { entry?: { resource: { id: string } }[] }) => (bundle.entry ?? []).map((e) => e.resource.id);

  it('reads the Patient and states what it supports', async () => {
    const patient = await get(owner, `/fhir/R4/Patient/${patientId}`);
    expect(patient.status).toBe(200);
    expect(patient.type).toMatch(/^application\/fhir\+json/);
    expect(patient.body).toMatchObject({ resourceType: 'Patient', id: patientId });
    const metadata = await get(new Client(t.app), '/fhir/R4/metadata');
    expect(metadata.body.fhirVersion).toBe('4.0.1');
    const observation = metadata.body.rest[0].resource.find((r: { type: string }) => r.type === 'Observation');
    expect(observation.searchParam.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['patient', 'date', 'code', 'category', '_lastUpdated', '_count']),
    );
    expect(observation.searchRevInclude).toEqual(['Provenance:target']);
  });

  it('filters by date with each prefix, at the precision given', async () => {
    const pains = 'code=http://loinc.org|72514-3&_count=100';
    // Three entries, each with pain now and pain at the knee: two LOINC 72514-3 Observations each.
    expect(idsOf((await search(pains)).body)).toHaveLength(6);
    expect(idsOf((await search(`${pains}&date=2026-05-02`)).body)).toEqual([`${ids[1]}.pain`, `${ids[1]}.site.knee-left`]);
    // 23:30 in Berlin on 3 May, within the hour before midnight in Berlin.
    expect(idsOf((await search(`${pains}&date=ge2026-05-03T23:00:00%2B02:00&date=lt2026-05-04T00:00:00%2B02:00`)).body)).toHaveLength(2);
    expect(idsOf((await search(`${pains}&date=ge2026-05-02`)).body)).toHaveLength(4);
    expect(idsOf((await search(`${pains}&date=gt2026-05-02`)).body)).toHaveLength(2);
    expect(idsOf((await search(`${pains}&date=le2026-05-02`)).body)).toHaveLength(4);
    expect(idsOf((await search(`${pains}&date=lt2026-05-02`)).body)).toHaveLength(2);
    expect(idsOf((await search(`${pains}&date=eq2026-05`)).body)).toHaveLength(6);
  });

  it('filters by code, category, _lastUpdated and _id', async () => {
    const sleep = await search('code=https://painwise.org/fhir/CodeSystem/diary-measure|sleep-hours');
    expect(idsOf(sleep.body)).toEqual(
      ids
        .slice()
        .reverse()
        .map((id) => `${id}.sleep-hours`),
    );
    expect(sleep.body.entry[0].resource.valueQuantity).toEqual({ value: 7, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' });
    expect(idsOf((await search('code=72514-3,sleep-quality&_count=100')).body)).toHaveLength(9);
    expect(idsOf((await search('category=laboratory')).body)).toEqual([]);
    expect(
      idsOf((await search('category=http://terminology.hl7.org/CodeSystem/observation-category|survey&_count=100')).body),
    ).toHaveLength(12);
    // The entries were written 20 minutes apart from 12:00 UTC on 1 June.
    expect(idsOf((await search('_lastUpdated=ge2026-06-01T12:20:00Z&code=72514-3&_count=100')).body)).toHaveLength(4);
    expect(idsOf((await search(`_id=${ids[0]}.pain`)).body)).toEqual([`${ids[0]}.pain`]);
  });

  it('pages with _count and links that lead through every match once', async () => {
    const seen: string[] = [];
    let url: string | undefined = `/fhir/R4/Observation?patient=${patientId}&_count=5`;
    while (url) {
      const page = await get(owner, url);
      expect(page.status).toBe(200);
      seen.push(...idsOf(page.body));
      const next = page.body.link.find((l: { relation: string }) => l.relation === 'next');
      url = next ? new URL(next.url).pathname + new URL(next.url).search : undefined;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('includes each Observation’s Provenance with _revinclude, and reads both by id', async () => {
    const bundle = (await search('code=72514-3&date=2026-05-01&_revinclude=Provenance:target')).body;
    const included = bundle.entry.filter((e: { search: { mode: string } }) => e.search.mode === 'include');
    expect(included.map((e: { resource: { resourceType: string; id: string } }) => `${e.resource.resourceType}/${e.resource.id}`)).toEqual([
      `Provenance/${ids[0]}`,
    ]);
    const provenance = included[0].resource;
    expect(provenance.agent[0].who).toMatchObject({ reference: `Patient/${patientId}` });
    expect(provenance.activity.coding[0].code).toBe('real-time');
    const observation = await get(owner, `/fhir/R4/Observation/${ids[0]}.site.knee-left`);
    expect(observation.body.bodySite).toMatchObject({
      coding: [{ system: 'http://snomed.info/sct', code: '72696002' }],
      extension: [{ valueCodeableConcept: { coding: [{ code: '7771000' }] } }],
    });
    expect(observation.body.extension[0].valueReference.reference).toBe(`Provenance/${ids[0]}`);
    expect((await get(owner, `/fhir/R4/Provenance/${ids[0]}`)).body.target).toHaveLength(4);
  });

  it('answers bad requests with an OperationOutcome and the right status, never a 500', async () => {
    const cases: [string, number][] = [
      [`/fhir/R4/Observation?patient=${patientId}&colour=blue`, 400],
      [`/fhir/R4/Observation?patient=${patientId}&date=sa2026-05-01`, 400],
      [`/fhir/R4/Observation?patient=${patientId}&date=2026-13-01`, 400],
      [`/fhir/R4/Observation?patient=${patientId}&_count=-1`, 400],
      [`/fhir/R4/Observation?patient=${patientId}&code=a|b|c`, 400],
      [`/fhir/R4/Observation?patient=${patientId}&_revinclude=Condition:subject`, 400],
      ['/fhir/R4/Observation?code=72514-3', 400],
      ['/fhir/R4/Observation?patient=not-an-id', 404],
      ['/fhir/R4/Observation?patient=%ZZ', 400],
      ['/fhir/R4/Basic?patient=x', 404],
      ['/fhir/R4/Patient/42', 404],
      ['/fhir/R4/Observation/nothing', 404],
      [`/fhir/R4/Observation/${ids[0]}.nothing`, 404],
      [`/fhir/R4/Patient/${'0'.repeat(300)}`, 404],
    ];
    for (const [url, status] of cases) {
      const res = await get(owner, url);
      expect(res.status, url).toBe(status);
      expect(res.type, url).toMatch(/^application\/fhir\+json/);
      expect(res.body.resourceType, url).toBe('OperationOutcome');
    }
  });

  it('refuses as the JSON API does: 401 signed out, 404 to a stranger, 403 to a caregiver without read', async () => {
    const url = `/fhir/R4/Observation?patient=${patientId}`;
    const signedOut = await get(new Client(t.app), url);
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.issue[0].code).toBe('login');
    expect((await get(new TokenClient(t.app, 'pw_not-a-token'), url)).status).toBe(401);
    expect((await get((await signUp(t.app)).client, url)).status).toBe(404);
    const diaryOnly = await caregiverWith(['write-diary']);
    const refused = await get(diaryOnly, url);
    expect(refused.status).toBe(403);
    expect(refused.body.issue[0].code).toBe('forbidden');
    const token = (await owner.request('POST', '/api/me/tokens', { name: 'fhir reader', access: 'read' })).json().token;
    expect((await get(new TokenClient(t.app, token), url)).status).toBe(200);
  });

  it('logs every FHIR read in the patient’s access log', async () => {
    const reader = await caregiverWith(['read']);
    expect((await get(reader, `/fhir/R4/Patient/${patientId}`)).status).toBe(200);
    expect((await get(reader, `/fhir/R4/Observation?patient=${patientId}`)).status).toBe(200);
    expect((await get(reader, `/fhir/R4/Patient/${patientId}/$everything`)).status).toBe(200);
    const log = (await owner.request('GET', `/api/patients/${patientId}/access-log?limit=200`)).json().items as {
      action: string;
      actorBasis: string;
    }[];
    const fhir = log.filter((e) => e.action.startsWith('fhir.') && e.actorBasis === 'caregiver').map((e) => e.action);
    expect(fhir.sort()).toEqual(['fhir.everything', 'fhir.read', 'fhir.search']);
  });
});
