// GET …/insights/what-works over HTTP on every engine: the answer's shape from real diary entries,
// the period and outcome chosen by the query, bad queries refused as problem+json, and a clinician's
// reading recorded in the patient's access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createClinic } from '../../../../test/support/patient-routes.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

interface Item {
  factor: { kind: string; id: string };
  lag: 0 | 1;
  outcome: string;
  difference: number | null;
  ci: [number, number] | null;
  daysWith: number;
  daysWithout: number;
  qValue: number | null;
  verdict: string;
  sentence: string;
}

const TODAY = Date.parse('2026-06-01T00:00:00Z');
const dateOf = (daysAgo: number) => new Date(TODAY - daysAgo * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('what works for me on %s', (dialect) => {
  let t: TestApp;
  let patient: Client;
  let base: string;
  let pid: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'UTC' });
    patient = s.client;
    pid = s.me.patient!.id;
    base = `/api/patients/${pid}/insights/what-works`;
    // 90 days: heat on every other day with pain 2 points lower; stretching on 5 days only; the
    // interference items answered every day.
    const items = Array.from({ length: 90 }, (_, i) => {
      const heat = i % 2 === 0;
      const localDate = dateOf(89 - i);
      return {
        id: `019a0000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
        entry: {
          localDate,
          localTime: '20:00',
          timeZone: 'UTC',
          recordedAt: `${localDate}T20:00:00Z`,
          intensity: (heat ? 4 : 6) + (i % 3 === 0 ? 1 : 0),
          interference: { activity: heat ? 3 : 5, sleep: 4, mood: 4, stress: 4 },
          techniques: [...(heat ? [{ id: 'heat' }] : []), ...(i % 18 === 1 ? [{ id: 'stretching' }] : [])],
          mode: 'recalled',
        },
      };
    });
    const res = await patient.request('POST', `/api/patients/${pid}/diary-entries/batch`, { items });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the comparisons of the outcome asked for, a clear pattern as a verdict with its sentence', async () => {
    const res = await patient.request('GET', `${base}?outcome=intensity&days=365`);
    expect(res.statusCode).toBe(200);
    const { items } = res.json() as { items: Item[] };
    expect(new Set(items.map((i) => i.outcome))).toEqual(new Set(['intensity']));
    const heat = items.find((i) => i.factor.kind === 'technique' && i.factor.id === 'heat' && i.lag === 0)!;
    expect(heat).toMatchObject({ daysWith: 45, daysWithout: 45, verdict: 'lower' });
    expect(heat.difference).toBeCloseTo(-2, 1);
    expect(heat.ci![0]).toBeLessThan(heat.difference!);
    expect(heat.ci![1]).toBeLessThan(0);
    expect(heat.qValue).toBeLessThanOrEqual(0.1);
    expect(heat.sentence).toMatch(/^On days you used heat, your pain averaged 2\.0 points lower than on days you did not \(/);
    expect(heat.sentence).toContain('not proof that heat caused it');
    const stretching = items.find((i) => i.factor.id === 'stretching' && i.lag === 0)!;
    expect(stretching).toMatchObject({
      daysWith: 5,
      daysWithout: 85,
      verdict: 'not-enough-data',
      difference: null,
      ci: null,
      qValue: null,
    });
    expect(stretching.sentence).toContain('9 more days with are needed');
  });

  it('answers interference when asked, and nothing from before the period', async () => {
    const { items } = (await patient.request('GET', `${base}?outcome=interference`)).json() as { items: Item[] };
    expect(items.find((i) => i.factor.id === 'heat' && i.lag === 0)).toMatchObject({ verdict: 'lower', difference: -0.5 });
    const recent = (await patient.request('GET', `${base}?days=28`)).json() as { items: Item[] };
    expect(recent.items.find((i) => i.factor.id === 'heat' && i.lag === 0)).toMatchObject({ daysWith: 14, daysWithout: 14 });
  });

  it('answers anew after a check-in changes the diary', async () => {
    const read = async () =>
      ((await patient.request('GET', base)).json() as { items: Item[] }).items.find((i) => i.factor.id === 'heat' && i.lag === 0)!;
    expect(await read()).toMatchObject({ daysWith: 45, daysWithout: 45 });
    const localDate = dateOf(88);
    const put = await patient.request('PUT', `/api/patients/${pid}/diary-entries/019a0000-0000-7000-8000-0000000f0001`, {
      localDate,
      localTime: '21:00',
      timeZone: 'UTC',
      recordedAt: `${localDate}T21:00:00Z`,
      intensity: 5,
      techniques: [{ id: 'heat' }],
      mode: 'recalled',
    });
    expect(put.statusCode).toBe(201);
    expect(await read()).toMatchObject({ daysWith: 46, daysWithout: 44 });
  });

  it.each(['outcome=happiness', 'days=5', 'days=1831', 'days=ten', 'since=2026-01-01'])('refuses ?%s as problem+json', async (query) => {
    const res = await patient.request('GET', `${base}?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it("records a clinician's reading in the patient's access log", async () => {
    const clinic = await createClinic(t, 'what works clinic');
    const shared = await patient.request('POST', `/api/patients/${pid}/care-relationships`, {
      shareCode: clinic.shareCode,
      scopes: ['read'],
    });
    expect(shared.statusCode).toBe(201);
    const physician = await clinic.member('physician');
    expect((await physician.request('GET', base)).statusCode).toBe(200);
    const log = (await patient.request('GET', `/api/patients/${pid}/access-log?who=others&limit=100`)).json() as {
      items: { action: string; actorBasis: string }[];
    };
    expect(log.items.filter((e) => e.action === 'what-works.read').map((e) => e.actorBasis)).toEqual(['clinician']);
  });
});
