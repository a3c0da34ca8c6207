// Visits end to end over HTTP on each engine: a visit prepared and completed by the record engine's
// rules (client ids, If-Match, tombstones), its preparation read from the record over the days since the
// last visit, who may write and read it, and bad input refused as problem+json with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { pdfToText } from '../../../../test/support/pdf-reader.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import { addDays, type LocalDate } from '../../../domain/time/local-date.ts';

let idCounter = 0;
const newId = () => `019c3000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

const firstVisit = {
  date: '2026-06-10',
  kind: 'first-consultation',
  with: 'Riverside pain clinic',
  whatMattersMost: 'Sleeping through the night',
  goals: ['Walk the dog for 20 minutes'],
  questions: [
    { topic: 'cause', text: 'What is causing my pain, and how do you diagnose it?' },
    { topic: 'own', text: 'Can I keep swimming?' },
  ],
};

describe.each(DIALECTS)('visits on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  const visitId = newId();
  const url = (id: string) => `/api/patients/${pid}/visits/${id}`;

  const logDay = (localDate: string, fields: Record<string, unknown>) =>
    owner.request('PUT', `/api/patients/${pid}/diary-entries/${newId()}`, {
      localDate,
      localTime: '09:00',
      timeZone: 'UTC',
      recordedAt: '2026-06-01T12:00:00Z',
      mode: 'recalled',
      ...fields,
    });
  const ibuprofen = { name: 'Ibuprofen', dose: 400, unit: 'mg', regimen: 'as-needed' };

  beforeAll(async () => {
    // The test clock reads 2026-06-01T12:00Z; the patient lives in UTC, so today is 2026-06-01.
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'UTC' });
    owner = s.client;
    pid = s.me.patient!.id;
    // Pain 8 for the first 14 days of the window, 4 for its last 14, one day at 10 in between.
    for (let i = 0; i < 14; i++) expect((await logDay(addDays('2026-03-20' as LocalDate, i), { intensity: 8 })).statusCode).toBe(201);
    for (let i = 0; i < 14; i++) {
      const medicines = i === 2 || i === 5 ? [ibuprofen] : i === 7 ? [{ ...ibuprofen, name: 'Duloxetine', regimen: 'scheduled' }] : [];
      expect((await logDay(addDays('2026-05-19' as LocalDate, i), { intensity: 4, medicines })).statusCode).toBe(201);
    }
    expect((await logDay('2026-04-15', { intensity: 10 })).statusCode).toBe(201);
    // Before the window: neither counted nor named.
    expect((await logDay('2026-01-10', { intensity: 10, medicines: [ibuprofen] })).statusCode).toBe(201);
    for (const startedAt of ['2026-04-15T10:00:00Z', '2026-01-10T10:00:00Z']) {
      const flare = { startedAt, endedAt: null, timeZone: 'UTC', peakIntensity: 9 };
      expect((await owner.request('PUT', `/api/patients/${pid}/flares/${newId()}`, flare)).statusCode).toBe(201);
    }
    for (const completedAt of ['2026-05-30T09:00:00Z', '2026-01-05T09:00:00Z']) {
      const peg = { id: newId(), instrumentId: 'peg', answers: { 1: 5, 2: 5, 3: 5 }, completedAt };
      expect((await owner.request('POST', `/api/patients/${pid}/instrument-responses`, peg)).statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('offers the five questions, each with why it matters', async () => {
    const r = await owner.request('GET', '/api/visit-questions');
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((q: { topic: string }) => q.topic)).toEqual(['cause', 'options', 'other-therapies', 'progress', 'self-care']);
  });

  it('prepares a first visit from the 90 days before it, up to today', async () => {
    const put = await owner.request('PUT', url(visitId), firstVisit);
    expect(put.statusCode, put.body).toBe(201);
    expect(put.json()).toMatchObject({ version: 1, date: '2026-06-10', planChanges: '', goals: ['Walk the dog for 20 minutes'] });
    expect(put.json().questions[1]).toEqual({ topic: 'own', text: 'Can I keep swimming?', answer: '' });

    const r = await owner.request('GET', `${url(visitId)}/preparation`);
    expect(r.statusCode, r.body).toBe(200);
    const prep = r.json();
    // 10 June back 90 days is 12 March; the window ends today, 1 June: 20 + 30 + 31 + 1 = 82 days.
    expect(prep.window).toEqual({ from: '2026-03-12', to: '2026-06-01', days: 82, firstVisit: true });
    expect(prep.pain.daysWithEntries).toBe(29);
    expect(prep.pain.baseline).toMatchObject({ mean: 8, days: 14 });
    expect(prep.pain.latest).toMatchObject({ from: '2026-05-19', to: '2026-06-01', mean: 4, days: 14 });
    // 8 → 4 is a 50 % reduction: substantial by IMMPACT, and both of Farrar's readings are met.
    expect(prep.pain.change).toMatchObject({
      absolute: -4,
      percent: 50,
      category: 'substantial',
      farrar: { twoPoints: true, thirtyPercent: true },
    });
    expect(prep.pain.worstDays[0]).toEqual({ date: '2026-04-15', maxIntensity: 10 });
    expect(prep.pain.worstDays).toHaveLength(3);
    expect(prep.flares).toHaveLength(1);
    expect(prep.flares[0]).toMatchObject({ startedAt: '2026-04-15T10:00:00.000Z', peakIntensity: 9 });
    expect(prep.medicines.asNeeded).toEqual([{ name: 'Ibuprofen', times: 2, days: 2 }]);
    expect(prep.medicines).toMatchObject({ orders: [], totalMme: 0 });
    expect(prep.questionnaires).toHaveLength(1);
    expect(prep.questionnaires[0]).toMatchObject({ instrumentId: 'peg', score: 5, completedAt: '2026-05-30T09:00:00.000Z' });
    expect(prep.suggestedQuestions).toHaveLength(5);
  });

  it('starts the window the day after an earlier visit', async () => {
    const earlier = newId();
    expect((await owner.request('PUT', url(earlier), { ...firstVisit, date: '2026-05-20', kind: 'follow-up' })).statusCode).toBe(201);
    const prep = (await owner.request('GET', `${url(visitId)}/preparation`)).json();
    expect(prep.window).toEqual({ from: '2026-05-21', to: '2026-06-01', days: 12, firstVisit: false });
    expect(prep.flares).toEqual([]);
    const list = (await owner.request('GET', `/api/patients/${pid}/visits`)).json();
    expect(list.items.map((v: { date: string }) => v.date)).toEqual(['2026-06-10', '2026-05-20']);
    expect((await owner.request('DELETE', url(earlier), undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
  });

  it('keeps the answers and plan changes written after the visit, and refuses a stale edit', async () => {
    const answered = {
      ...firstVisit,
      questions: [{ ...firstVisit.questions[0], answer: 'Facet joints, confirmed with a block.' }, firstVisit.questions[1]],
      planChanges: 'Start physiotherapy twice a week.',
    };
    const r = await owner.request('PUT', url(visitId), answered, { 'if-match': '"1"' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, planChanges: 'Start physiotherapy twice a week.' });
    expect(r.json().questions[0].answer).toBe('Facet joints, confirmed with a block.');

    const stale = await owner.request('PUT', url(visitId), { ...answered, planChanges: 'Something else' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ code: 'visit-conflict' });
    expect((await owner.request('GET', url(visitId))).json()).toMatchObject({
      version: 2,
      planChanges: 'Start physiotherapy twice a week.',
    });
  });

  it('refuses malformed visits as problem+json and stores nothing', async () => {
    const before = (await owner.request('GET', `/api/patients/${pid}/visits`)).json().items.length;
    for (const bad of [
      { ...firstVisit, date: '2026-02-30' },
      { ...firstVisit, kind: 'check-up' },
      { ...firstVisit, questions: [{ topic: 'weather', text: 'Will it rain?' }] },
      { ...firstVisit, questions: [{ topic: 'own', text: '   ' }] },
      { ...firstVisit, goals: Array.from({ length: 11 }, (_, i) => `Goal ${i}`) },
      { ...firstVisit, extra: true },
    ]) {
      const r = await owner.request('PUT', url(newId()), bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    expect((await owner.request('GET', `/api/patients/${pid}/visits`)).json().items).toHaveLength(before);
    expect((await owner.request('GET', `${url(newId())}/preparation`)).statusCode).toBe(404);
  });

  it('lets a caregiver who may write the diary prepare, a clinician read, and no stranger see it', async () => {
    const caregiver = await caregiverOf(t, owner, pid);
    expect((await caregiver.request('PUT', url(newId()), { ...firstVisit, date: '2026-07-01' })).statusCode).toBe(201);
    const { clinician } = await clinicianWithAccess(t, owner, pid, ['read']);
    expect((await clinician.request('GET', `${url(visitId)}/preparation`)).statusCode).toBe(200);
    expect((await clinician.request('PUT', url(newId()), firstVisit)).statusCode).toBe(403);
    const { client: stranger } = await signUp(t.app, { patient: true });
    expect((await stranger.request('GET', `${url(visitId)}/preparation`)).statusCode).toBe(404);
    expect((await stranger.request('GET', `/api/patients/${pid}/visits`)).statusCode).toBe(404);
  });
});
