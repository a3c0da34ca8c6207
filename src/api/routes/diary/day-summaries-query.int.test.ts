// The day-summaries query: a range (from and to) or the last N days. Published with every parameter
// optional (so a client built from the OpenAPI document can send either form), the rule enforced
// with a 400 problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

describe.each(DIALECTS)('day-summaries query on %s', (dialect) => {
  let t: TestApp;
  let client: Client;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true });
    client = s.client;
    base = `/api/patients/${s.me.patient!.id}/day-summaries`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is published with from, to and last each optional', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, { get: { parameters: { in: string; name: string; required?: boolean }[] } }>;
    };
    const query = doc.paths['/api/patients/{patientId}/day-summaries']!.get.parameters.filter((p) => p.in === 'query');
    expect(query.map((p) => p.name).sort()).toEqual(['from', 'last', 'to']);
    expect(query.filter((p) => p.required).map((p) => p.name)).toEqual([]);
  });

  it('answers a range or the last N days', async () => {
    expect((await client.request('GET', `${base}?from=2026-03-01&to=2026-03-31`)).statusCode).toBe(200);
    expect((await client.request('GET', `${base}?last=7`)).statusCode).toBe(200);
  });

  it('answers the same range again from what it computed, until a write of the patient changes it', async () => {
    const range = `${base}?from=2026-03-01&to=2026-03-31`;
    const entries = base.replace('/day-summaries', '/diary-entries');
    const entry = (intensity: number) => ({
      localDate: '2026-03-10',
      localTime: '09:00',
      timeZone: 'UTC',
      recordedAt: '2026-03-10T09:00:00Z',
      intensity,
      mode: 'real-time',
    });
    const id = '019a0000-0000-7000-8000-0000000d0001';
    expect((await client.request('PUT', `${entries}/${id}`, entry(4))).statusCode).toBe(201);
    const first = (await client.request('GET', range)).json() as { localDate: string; meanIntensity: number }[];
    expect(first.map((d) => [d.localDate, d.meanIntensity])).toEqual([['2026-03-10', 4]]);
    expect((await client.request('GET', range)).json()).toEqual(first);
    // An edit, then a delete: each answer shows it at once.
    expect((await client.request('PUT', `${entries}/${id}`, entry(8), { 'if-match': '"1"' })).statusCode).toBe(200);
    expect(((await client.request('GET', range)).json() as { meanIntensity: number }[]).map((d) => d.meanIntensity)).toEqual([8]);
    expect((await client.request('DELETE', `${entries}/${id}`)).statusCode).toBeLessThan(300);
    expect((await client.request('GET', range)).json()).toEqual([]);
  });

  it.each([
    '',
    '?from=2026-03-01',
    '?to=2026-03-31',
    '?from=2026-03-01&to=2026-03-31&last=7',
    '?last=7&from=2026-03-01',
    '?last=0',
    '?from=March',
  ])('refuses %s with 400 problem+json naming the field', async (query) => {
    const res = await client.request('GET', `${base}${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors?.length).toBeGreaterThan(0);
  });
});
