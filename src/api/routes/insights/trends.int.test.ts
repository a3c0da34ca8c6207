// Trends end to end over HTTP on each engine: the diary's pain ratings and a questionnaire's scores,
// days without a value as gaps, the baseline against the latest 14 days with the published rule, and
// bad queries refused as problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import { addDays, type LocalDate } from '../../../domain/time/local-date.ts';

let idCounter = 0;
const newId = () => `019c2000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

describe.each(DIALECTS)('insight trends on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  // The clock is 2026-06-01T12:00Z: already 2026-06-02 in Auckland, the patient's zone.
  const TODAY = '2026-06-02' as LocalDate;
  const back = (n: number) => addDays(TODAY, -n);
  const trends = (client: Client, query: string) => client.request('GET', `/api/patients/${pid}/insights/trends?${query}`);

  const logDay = (localDate: string, fields: Record<string, unknown>) =>
    owner.request('PUT', `/api/patients/${pid}/diary-entries/${newId()}`, {
      localDate,
      localTime: '00:00',
      timeZone: 'Pacific/Auckland',
      recordedAt: '2026-06-01T12:00:00Z',
      mode: 'recalled',
      ...fields,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Pacific/Auckland' });
    owner = s.client;
    pid = s.me.patient!.id;
    // Baseline: 14 days from day 60 back, pain 8 (worst 9); a gap of days; the latest 14 days at 5,
    // except day 3, left empty. Two check-ins on day 0: 4 and 6, a mean of 5.
    for (let b = 60; b > 46; b--) expect((await logDay(back(b), { intensity: 8, worstSinceLast: 9 })).statusCode).toBe(201);
    for (let b = 13; b >= 1; b--) if (b !== 3) expect((await logDay(back(b), { intensity: 5, worstSinceLast: 6 })).statusCode).toBe(201);
    expect((await logDay(TODAY, { intensity: 4 })).statusCode).toBe(201);
    expect((await logDay(TODAY, { intensity: 6 })).statusCode).toBe(201);
    // PEG: 6 at baseline, 4.667 lately (its own 1-point threshold).
    for (const [completedAt, answers] of [
      ['2026-03-01T09:00:00Z', { 1: 6, 2: 6, 3: 6 }],
      ['2026-05-30T09:00:00Z', { 1: 5, 2: 5, 3: 4 }],
    ] as const) {
      const r = await owner.request('POST', `/api/patients/${pid}/instrument-responses`, {
        id: newId(),
        instrumentId: 'peg',
        answers,
        completedAt,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every local date of the range, gaps as null, and the IMMPACT/Farrar comparison', async () => {
    const r = await trends(owner, 'measure=pain-now&range=90d');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      measure: 'pain-now',
      range: '90d',
      from: back(89),
      to: TODAY,
      direction: 'lower-is-better',
      thresholdPublished: true,
    });
    expect(body.days).toHaveLength(90);
    const byDate = new Map(body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate.get(back(3))).toEqual({ date: back(3), value: null, count: 0 });
    expect(byDate.get(back(30))).toEqual({ date: back(30), value: null, count: 0 });
    expect(byDate.get(TODAY)).toEqual({ date: TODAY, value: 5, count: 2 });
    expect(body.days.some((d: { value: number | null }) => d.value === 0)).toBe(false);
    expect(body.baseline).toEqual({ from: back(60), to: back(47), mean: 8, days: 14 });
    expect(body.latest).toEqual({ from: back(13), to: TODAY, mean: 5, days: 13 });
    // 8 → 5: −3 points, 37.5 %: IMMPACT moderate; Farrar's two readings both met.
    expect(body.change).toMatchObject({
      absolute: -3,
      percent: 37.5,
      category: 'moderate',
      thresholdPublished: true,
      farrar: { twoPoints: true, thirtyPercent: true },
    });
    expect(body.band).toMatchObject({ from: 0, to: 5.6 });
    expect(body.weeks.at(-1)).toMatchObject({ from: back(6), to: TODAY, days: 6 });
    expect(body.weeks.reduce((n: number, w: { days: number }) => n + w.days, 0)).toBe(27);
  });

  it('a 30-day range takes its baseline from its own days (none here before the latest 14); "all" starts at the first check-in', async () => {
    const month = (await trends(owner, 'measure=pain-worst&range=30d')).json();
    expect(month.days).toHaveLength(30);
    expect(month.baseline).toBeNull();
    expect(month.change).toBeNull();
    const all = (await trends(owner, 'measure=pain-worst&range=all')).json();
    expect(all.from).toBe(back(60));
    expect(all.days).toHaveLength(61);
    expect(all.change).toMatchObject({ absolute: -3, category: 'moderate', farrar: { twoPoints: true, thirtyPercent: true } });
  });

  it('a chosen baseline period, and "no threshold published" for a measure without one', async () => {
    const chosen = (await trends(owner, `measure=pain-now&range=30d&baselineFrom=${back(60)}&baselineTo=${back(55)}`)).json();
    expect(chosen.baseline).toEqual({ from: back(60), to: back(55), mean: 8, days: 6 });
    expect(chosen.days).toHaveLength(30);
    const sleep = (await trends(owner, 'measure=sleep-hours&range=30d')).json();
    expect(sleep.days.every((d: { value: number | null }) => d.value === null)).toBe(true);
    expect(sleep.change).toBeNull();
    expect(sleep.band).toBeNull();
    expect(sleep.thresholdPublished).toBe(false);
  });

  it("a questionnaire's total with its own threshold, on the patient's local dates", async () => {
    const r = (await trends(owner, 'measure=peg&range=365d')).json();
    expect(r.days).toHaveLength(365);
    // 09:00Z is 21:00 in Auckland, the same local date.
    expect(r.days.find((d: { date: string }) => d.date === '2026-03-01')).toMatchObject({ value: 6, count: 1 });
    expect(r.baseline).toMatchObject({ from: '2026-03-01', mean: 6, days: 1 });
    // PostgreSQL keeps the score as a 4-byte real.
    expect(r.latest.mean).toBeCloseTo(14 / 3, 5);
    expect(r.change).toMatchObject({ category: 'improved', thresholdPublished: true });
    expect(r.change.farrar).toBeUndefined();
    expect(r.band).toMatchObject({ from: 0, to: 5 });
  });

  it('lets a clinic that may read see it', async () => {
    const { clinician } = await clinicianWithAccess(t, owner, pid, ['read']);
    expect((await trends(clinician, 'measure=pain-now')).statusCode).toBe(200);
  });

  it.each([
    ['measure=nonsense', '/querystring/measure'],
    ['measure=pain-now&range=7d', '/querystring/range'],
    ['range=30d', '/querystring/measure'],
    ['measure=pain-now&baselineFrom=2026-01-01', '/querystring/baselineTo'],
    ['measure=pain-now&baselineFrom=2026-02-30&baselineTo=2026-03-01', '/querystring/baselineFrom'],
    ['measure=pain-now&baselineFrom=2026-03-10&baselineTo=2026-03-01', '/querystring/baselineTo'],
    ['measure=pain-now&baselineFrom=2026-05-01&baselineTo=2026-05-25', '/querystring/baselineTo'],
    ['measure=pain-now&extra=1', '/querystring'],
  ])('refuses %s as problem+json', async (query, pointer) => {
    const r = await trends(owner, query);
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(r.json().errors)).toContain(pointer);
  });
});
