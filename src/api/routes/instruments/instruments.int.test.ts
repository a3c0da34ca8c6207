// Questionnaires over HTTP on both engines: submission scored and stored with its scoring version,
// invalid answers refused naming the item and changing nothing, change versus the previous result,
// PHQ-9 item 9 → crisis resources + urgent alert per caring organization, licence guard per
// organization, assignments materialised through the job table (surviving a restart), FHIR.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf } from '../../../../test/support/care-team.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import { ASSIGNMENT_JOB, assignmentDueHandler } from '../../../app/instrument-assignments.ts';
import { createJobRunner } from '../../../app/jobs.ts';
import type { Repositories } from '../../../app/ports.ts';
import { JOB_HANDLERS } from '../../main.ts';

let idCounter = 0;
const newId = () => `019c0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

async function clinic(t: TestApp, owner: Client, patientId: string, scopes: ('read' | 'write')[]) {
  const { client: admin } = await signUp(t.app);
  const org = (await admin.request('POST', '/api/organizations', { name: `Clinic ${Math.random()}` })).json();
  const email = `physician-${Math.random().toString(36).slice(2)}@example.test`;
  const { client: clinician } = await signUp(t.app, { email });
  const { code } = (await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'physician' })).json();
  expect((await clinician.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
  expect(
    (await owner.request('POST', `/api/patients/${patientId}/care-relationships`, { shareCode: org.shareCode, scopes })).statusCode,
  ).toBe(201);
  return { admin, clinician, organizationId: org.id as string };
}

describe.each(DIALECTS)('questionnaires on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let a: Awaited<ReturnType<typeof clinic>>;
  let b: Awaited<ReturnType<typeof clinic>>;
  let caregiver: Client;
  let stranger: Client;
  const base = () => `/api/patients/${pid}`;

  beforeAll(async () => {
    // Sessions outlive the clock jumps of the scheduling test.
    t = await createTestApp(dialect, { sessionIdleMinutes: 90 * 24 * 60, sessionAbsoluteHours: 90 * 24 });
    const s = await signUp(t.app, { patient: true, timeZone: 'America/Chicago' });
    owner = s.client;
    pid = s.me.patient!.id;
    a = await clinic(t, owner, pid, ['read', 'write']);
    b = await clinic(t, owner, pid, ['read']);
    caregiver = await caregiverOf(t, owner, pid);
    stranger = (await signUp(t.app)).client;
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the configured crisis resources without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/crisis-resources' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      locale: 'en-US',
      resources: [{ name: '988 Suicide & Crisis Lifeline' }, { name: 'Emergency services' }],
    });
  });

  it('lists the catalogue with attribution and serves FHIR Questionnaires with LOINC codes', async () => {
    const list = (await owner.request('GET', '/api/instruments')).json().items as { id: string; licence: { attribution: string } }[];
    expect(list.map((i) => i.id)).toEqual(expect.arrayContaining(['phq-9', 'peg']));
    for (const i of list) expect(i.licence.attribution.length).toBeGreaterThan(0);
    const fhir = await owner.request('GET', '/api/instruments/phq-9/fhir');
    expect(fhir.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const q = fhir.json();
    expect(q).toMatchObject({ resourceType: 'Questionnaire', code: [{ system: 'http://loinc.org', code: '44249-1' }] });
    expect(q.item[8]).toMatchObject({ linkId: '9', code: [{ code: '44260-8' }] });
    expect(q.item[0].answerOption[3].valueCoding).toMatchObject({ system: 'http://loinc.org', code: 'LA6571-9' });
    expect((await owner.request('GET', '/api/instruments/nope')).statusCode).toBe(404);
  });

  it('scores a PEG, stores it with its scoring version, and reports change against the previous one (Krebs 2009, J Gen Intern Med 24:733, https://pubmed.ncbi.nlm.nih.gov/19418100/)', async () => {
    const first = await owner.request('POST', `${base()}/instrument-responses`, {
      instrumentId: 'peg',
      answers: { 1: 6, 2: 7, 3: 4 },
      completedAt: '2026-05-20T10:00:00-05:00',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().response).toMatchObject({
      instrumentId: 'peg',
      scoringVersion: '1',
      band: null,
      source: 'self',
      completedAt: '2026-05-20T15:00:00.000Z',
    });
    expect(first.json().response.score).toBeCloseTo(5.667, 3);
    expect(first.json().change).toBeNull();
    const id = newId();
    const second = await caregiver.request('POST', `${base()}/instrument-responses`, {
      id,
      instrumentId: 'peg',
      answers: { 1: 4, 2: 5, 3: 3 },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().response.source).toBe('caregiver');
    expect(second.json().change).toMatchObject({ category: 'improved', previousId: first.json().response.id });
    expect(second.json().change.absolute).toBeCloseTo(4 - 17 / 3, 6);
    // Replaying the same submission (an offline retry) changes nothing.
    const replay = await caregiver.request('POST', `${base()}/instrument-responses`, {
      id,
      instrumentId: 'peg',
      answers: { 1: 4, 2: 5, 3: 3 },
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().status).toBe('unchanged');
    expect(
      (await caregiver.request('POST', `${base()}/instrument-responses`, { id, instrumentId: 'peg', answers: { 1: 9, 2: 5, 3: 3 } }))
        .statusCode,
    ).toBe(409);
    const history = (await a.clinician.request('GET', `${base()}/instrument-responses?instrument=peg`)).json().items;
    expect(history.map((r: { id: string }) => r.id)).toEqual([id, first.json().response.id]);
    expect((await stranger.request('GET', `${base()}/instrument-responses`)).statusCode).toBe(404);
  });

  it('refuses invalid answers with problem+json naming the item, and writes nothing', async () => {
    const before = await snapshotDatabase(t.database.handle);
    for (const [answers, pointer] of [
      [{ 1: 11, 2: 1, 3: 1 }, '/answers/1'],
      [{ 1: 1, 4: 1 }, '/answers/4'],
      [{ 1: true }, '/answers/1'],
    ] as const) {
      const res = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'peg', answers });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'nope', answers: {} })).statusCode).toBe(400);
    const empty = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'peg', answers: { 1: null } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].pointer).toBe('/answers');
    expect(
      (
        await owner.request('POST', `${base()}/instrument-responses`, {
          instrumentId: 'peg',
          answers: { 1: 1 },
          completedAt: '2027-01-01T00:00:00Z',
        })
      ).statusCode,
    ).toBe(400);
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  });

  it('PHQ-9 item 9 = 1 returns crisis resources at once and raises an urgent alert for every caring organization', async () => {
    const res = await owner.request('POST', `${base()}/instrument-responses`, {
      instrumentId: 'phq-9',
      answers: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1 },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.response.flags).toContain('crisis');
    expect(body.crisis.alertsRaised).toBe(2);
    expect(body.crisis.resources[0].name).toMatch(/988/);
    for (const c of [a, b]) {
      const alerts = (await c.clinician.request('GET', `/api/organizations/${c.organizationId}/alerts`)).json().items;
      expect(alerts).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'phq9-item9-positive', severity: 'urgent', patientId: pid })]),
      );
    }
    // The answer to the first submission was lost (offline): the retry with the same id still shows the
    // crisis resources, and raises no second alert.
    const retried = await owner.request('POST', `${base()}/instrument-responses`, {
      id: body.response.id,
      instrumentId: 'phq-9',
      answers: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1 },
    });
    expect(retried.json().status).toBe('unchanged');
    expect(retried.json().crisis.alertsRaised).toBe(0);
    expect(retried.json().crisis.resources[0].name).toMatch(/988/);
    const calm = await owner.request('POST', `${base()}/instrument-responses`, {
      instrumentId: 'phq-9',
      answers: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 },
    });
    expect(calm.json().crisis).toBeNull();
    const fhir = (await owner.request('GET', `${base()}/instrument-responses/${body.response.id}/fhir`)).json();
    expect(fhir).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed', subject: { reference: `Patient/${pid}` } });
    expect(fhir.item.find((i: { linkId: string }) => i.linkId === 'score')).toEqual({
      linkId: 'score',
      text: expect.any(String),
      answer: [{ valueDecimal: 2 }],
    });
    // R4 conformance against its Questionnaire: the canonical has no whitespace and names the Questionnaire's
    // url and version; every item links to an item there; R4 response items carry no `code` (the LOINC
    // score code sits on the Questionnaire's read-only score item); answers are of the item's type.
    const q = (await owner.request('GET', `/api/instruments/${fhir.questionnaire.split('/').pop().split('|')[0]}/fhir`)).json();
    expect(fhir.questionnaire).not.toMatch(/\s/);
    expect(fhir.questionnaire).toBe(`${q.url}|${q.version}`);
    const byLink = new Map(
      (
        q.item as {
          linkId: string;
          type: string;
          readOnly?: boolean;
          code?: { code: string }[];
          answerOption?: { valueCoding: { code: string } }[];
        }[]
      ).map((i) => [i.linkId, i]),
    );
    expect(byLink.get('score')).toMatchObject({ type: 'decimal', readOnly: true, code: [{ system: 'http://loinc.org', code: '44261-6' }] });
    for (const item of fhir.item as {
      linkId: string;
      code?: unknown;
      answer: { valueCoding?: { code: string }; valueDecimal?: number }[];
    }[]) {
      const def = byLink.get(item.linkId);
      expect(def, item.linkId).toBeDefined();
      expect(item).not.toHaveProperty('code');
      if (def!.type === 'choice') expect(def!.answerOption!.map((o) => o.valueCoding.code)).toContain(item.answer[0]!.valueCoding!.code);
      else expect(typeof item.answer[0]!.valueDecimal).toBe('number');
    }
  });

  it('refuses a licensed instrument until an admin of a caring organization enables it, recording who and when', async () => {
    const licensed = (
      (await owner.request('GET', '/api/instruments')).json().items as {
        id: string;
        licence: { kind: string };
        items: { key: string; options: { value: number }[] }[];
      }[]
    ).find((i) => i.id === 'odi')!;
    expect(licensed.licence.kind).toBe('licensed');
    const answers = Object.fromEntries(licensed.items.map((i) => [i.key, i.options[0]!.value]));
    const refused = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: licensed.id, answers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('instrument-not-licensed');
    expect(
      (await owner.request('GET', `${base()}/instruments`)).json().items.find((i: { id: string }) => i.id === licensed.id).available,
    ).toBe(false);
    expect(
      (await a.clinician.request('PUT', `/api/organizations/${a.organizationId}/instruments/${licensed.id}/licence`, { confirm: true }))
        .statusCode,
    ).toBe(403);
    expect(
      (await a.admin.request('PUT', `/api/organizations/${a.organizationId}/instruments/${licensed.id}/licence`, { confirm: false }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await a.admin.request('PUT', `/api/organizations/${a.organizationId}/instruments/${licensed.id}/licence`, {
          confirm: true,
          note: 'Licence ref 42',
        })
      ).statusCode,
    ).toBe(204);
    const status = (await a.admin.request('GET', `/api/organizations/${a.organizationId}/instruments`))
      .json()
      .items.find((i: { id: string }) => i.id === licensed.id);
    expect(status).toMatchObject({ enabled: true, confirmation: { at: '2026-06-01T12:00:00.000Z', note: 'Licence ref 42' } });
    // Its item text is shown only where a licence covers it: the patient (whose clinic A enabled it), a
    // caregiver asking for that patient, clinic A's members — not clinic B's, nor a stranger.
    const text = async (c: Client, query = '') => {
      const d = (await c.request('GET', `/api/instruments/odi${query}`)).json();
      const q = (await c.request('GET', `/api/instruments/odi/fhir${query}`)).json();
      return [
        d.itemTextWithheld,
        d.items[0].construct !== null,
        d.items[0].options[0].label !== null,
        'text' in q.item[0],
        'display' in q.item[0].answerOption[0].valueCoding,
      ];
    };
    expect(await text(owner)).toEqual([false, true, true, true, true]);
    expect(await text(caregiver, `?patientId=${pid}`)).toEqual([false, true, true, true, true]);
    // A caregiver who may answer questionnaires for the patient without reading the record sees what
    // they are to answer, through the same clinics; one with only the diary scope does not.
    const answerer = (await signUp(t.app)).client;
    const diaryOnly = (await signUp(t.app)).client;
    for (const [helper, scopes] of [
      [answerer, ['answer-questionnaires']],
      [diaryOnly, ['write-diary']],
    ] as const) {
      const { code } = (await owner.request('POST', `${base()}/caregivers`, { label: 'Helper', scopes })).json();
      expect((await helper.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    }
    expect(await text(answerer, `?patientId=${pid}`)).toEqual([false, true, true, true, true]);
    expect((await diaryOnly.request('GET', `/api/instruments/odi?patientId=${pid}`)).statusCode).toBe(403);
    // They also see what can be answered and what is due (not the answers, which need read).
    expect((await answerer.request('GET', `${base()}/instruments`)).statusCode).toBe(200);
    expect((await answerer.request('GET', `${base()}/instruments/due`)).statusCode).toBe(200);
    expect((await answerer.request('GET', `${base()}/instrument-responses`)).statusCode).toBe(403);
    expect((await diaryOnly.request('GET', `${base()}/instruments/due`)).statusCode).toBe(403);
    // Reading through the patient's clinics is on the patient's access log.
    const log = (await owner.request('GET', `${base()}/access-log?limit=200`)).json().items as { action: string }[];
    expect(log.some((e) => e.action === 'instrument.definition.read')).toBe(true);
    expect(await text(a.clinician)).toEqual([false, true, true, true, true]);
    expect(await text(b.clinician)).toEqual([true, false, false, false, false]);
    // A clinician presents through their own clinic, as for assigning: B's, which has no licence.
    expect(await text(b.clinician, `?patientId=${pid}`)).toEqual([true, false, false, false, false]);
    expect(await text(stranger)).toEqual([true, false, false, false, false]);
    expect((await stranger.request('GET', `/api/instruments/odi?patientId=${pid}`)).statusCode).toBe(404);
    expect((await owner.request('GET', '/api/instruments/odi?patientId=nope')).statusCode).toBe(400);
    // Free instruments are shown to everyone signed in; the catalogue withholds the same text.
    expect((await stranger.request('GET', '/api/instruments/phq-9')).json()).toMatchObject({
      itemTextWithheld: false,
      items: expect.arrayContaining([expect.objectContaining({ construct: expect.any(String) })]),
    });
    const catalogue = (await stranger.request('GET', '/api/instruments')).json().items as { id: string; itemTextWithheld: boolean }[];
    expect(catalogue.find((i) => i.id === 'odi')!.itemTextWithheld).toBe(true);
    expect(catalogue.find((i) => i.id === 'peg')!.itemTextWithheld).toBe(false);
    expect(
      (await owner.request('GET', `${base()}/instruments`)).json().items.find((i: { id: string }) => i.id === licensed.id).available,
    ).toBe(true);
    const odiResponse = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: licensed.id, answers });
    expect(odiResponse.statusCode).toBe(201);
    // The stored response as FHIR: with the item text for clinic A, without it for clinic B (codes only).
    const responseFhir = (c: Client) =>
      c.request('GET', `${base()}/instrument-responses/${odiResponse.json().response.id}/fhir`).then((r) => r.json().item[0]);
    expect(await responseFhir(a.clinician)).toMatchObject({
      linkId: '1',
      text: expect.any(String),
      answer: [{ valueCoding: { display: expect.any(String) } }],
    });
    const withheld = await responseFhir(b.clinician);
    expect(withheld).not.toHaveProperty('text');
    expect(withheld.answer[0].valueCoding).not.toHaveProperty('display');
    expect(withheld.answer[0].valueCoding.code).toBeDefined();
    // Clinic B has not enabled it: its clinicians cannot present it.
    expect(
      (
        await b.clinician.request('POST', `${base()}/instrument-assignments`, {
          instrumentId: licensed.id,
          schedule: { kind: 'once', dueAt: '2026-06-02T09:00:00Z' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await a.admin.request('DELETE', `/api/organizations/${a.organizationId}/instruments/${licensed.id}/licence`)).statusCode).toBe(
      204,
    );
    expect((await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: licensed.id, answers })).statusCode).toBe(403);
  });

  it('assigns PEG weekly through the job table: due, overdue, completed by a response; a second runner after a restart continues without duplicates', async () => {
    const res = await a.clinician.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'recurring', startAt: '2026-06-02T09:00:00Z', everyDays: 7, endAt: '2026-06-20T00:00:00Z' },
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await caregiver.request('POST', `${base()}/instrument-assignments`, {
          instrumentId: 'peg',
          schedule: { kind: 'once', dueAt: '2026-06-02T09:00:00Z' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await b.clinician.request('POST', `${base()}/instrument-assignments`, {
          instrumentId: 'peg',
          schedule: { kind: 'once', dueAt: '2026-06-02T09:00:00Z' },
        })
      ).statusCode,
    ).toBe(403);
    const runner = createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 });
    expect((await owner.request('GET', `${base()}/instruments/due`)).json().items).toEqual([]);
    t.clock.set('2026-06-02T09:00:00Z');
    await runner.runOnce();
    let due = (await owner.request('GET', `${base()}/instruments/due`)).json().items;
    expect(due).toMatchObject([{ instrumentId: 'peg', dueAt: '2026-06-02T09:00:00.000Z', status: 'due' }]);
    t.clock.set('2026-06-04T10:00:00Z');
    due = (await owner.request('GET', `${base()}/instruments/due`)).json().items;
    expect(due[0].status).toBe('overdue');
    // A "restarted" process: a new runner over the same database picks up the schedule.
    const restarted = createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 });
    t.clock.set('2026-06-09T09:00:00Z');
    await restarted.runOnce();
    await restarted.runOnce();
    due = (await owner.request('GET', `${base()}/instruments/due`)).json().items;
    expect(due.map((d: { dueAt: string }) => d.dueAt)).toEqual(['2026-06-02T09:00:00.000Z', '2026-06-09T09:00:00.000Z']);
    const incomplete = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 3 } });
    expect(incomplete.json()).toMatchObject({ response: { score: null }, completedDueId: null });
    const submitted = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 3, 2: 3, 3: 3 } });
    expect(submitted.json().completedDueId).toBe(due[0].id);
    t.clock.set('2026-06-30T09:00:00Z');
    await restarted.runOnce();
    const assignments = (await a.clinician.request('GET', `${base()}/instrument-assignments`)).json().items;
    const mine = assignments.find((x: { id: string }) => x.id === res.json().id);
    expect(mine.due.map((d: { dueAt: string }) => d.dueAt).sort()).toEqual([
      '2026-06-02T09:00:00.000Z',
      '2026-06-09T09:00:00.000Z',
      '2026-06-16T09:00:00.000Z',
    ]);
    expect(mine.completed).toBe(1);
    expect(mine.nextDueAt).toBeNull();
    expect((await a.clinician.request('DELETE', `${base()}/instrument-assignments/${mine.id}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `${base()}/instruments/due`)).json().items).toEqual([]);
  });

  it('an answer given after the due time but before the job materialised the occurrence completes it', async () => {
    t.clock.set('2026-07-15T08:00:00Z');
    const created = await a.clinician.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'gad-2',
      schedule: { kind: 'once', dueAt: '2026-07-15T09:00:00Z' },
    });
    expect(created.statusCode).toBe(201);
    // Due at 09:00; the patient answers at 09:01, before any runner has run (a restart, say).
    t.clock.set('2026-07-15T09:01:00Z');
    const answered = await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'gad-2', answers: { 1: 1, 2: 0 } });
    expect(answered.json().completedDueId).toBeNull();
    const runner = createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 });
    t.clock.set('2026-07-15T09:05:00Z');
    await runner.runOnce();
    const mine = (await a.clinician.request('GET', `${base()}/instrument-assignments`))
      .json()
      .items.find((x: { id: string }) => x.id === created.json().id);
    expect(mine.due).toMatchObject([{ status: 'completed', responseId: answered.json().response.id }]);
    expect(mine.completed).toBe(1);
    expect(
      (await owner.request('GET', `${base()}/instruments/due`))
        .json()
        .items.filter((d: { instrumentId: string }) => d.instrumentId === 'gad-2'),
    ).toEqual([]);
    // The system's writes are on the patient's access log too.
    const log = (await owner.request('GET', `${base()}/access-log?limit=100`)).json().items as {
      action: string;
      actorBasis: string;
      resourceId: string | null;
    }[];
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'instrument-assignment.due', actorBasis: 'system', resourceId: created.json().id }),
        expect.objectContaining({
          action: 'instrument-assignment.complete',
          actorBasis: 'system',
          resourceId: answered.json().response.id,
        }),
      ]),
    );
  });

  it('a response dated before an occurrence was due (an older result entered late) does not complete it; one answered since does, dated when answered', async () => {
    t.clock.set('2026-07-20T08:00:00Z');
    const created = await a.clinician.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'gad-2',
      schedule: { kind: 'once', dueAt: '2026-07-20T09:00:00Z' },
    });
    expect(created.statusCode).toBe(201);
    t.clock.set('2026-07-21T10:00:00Z');
    await createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 }).runOnce();
    const openGad2 = async () =>
      ((await owner.request('GET', `${base()}/instruments/due`)).json().items as { instrumentId: string; assignmentId: string }[]).filter(
        (d) => d.assignmentId === created.json().id,
      );
    expect(await openGad2()).toHaveLength(1);
    const old = await owner.request('POST', `${base()}/instrument-responses`, {
      instrumentId: 'gad-2',
      answers: { 1: 3, 2: 3 },
      completedAt: '2026-07-01T12:00:00Z',
    });
    expect(old.statusCode).toBe(201);
    expect(old.json().completedDueId).toBeNull();
    expect(await openGad2()).toHaveLength(1);
    const since = await owner.request('POST', `${base()}/instrument-responses`, {
      instrumentId: 'gad-2',
      answers: { 1: 1, 2: 0 },
      completedAt: '2026-07-21T09:30:00Z',
    });
    expect(since.json().completedDueId).not.toBeNull();
    const mine = (await a.clinician.request('GET', `${base()}/instrument-assignments`))
      .json()
      .items.find((x: { id: string }) => x.id === created.json().id);
    expect(mine.due).toMatchObject([
      { status: 'completed', responseId: since.json().response.id, completedAt: '2026-07-21T09:30:00.000Z' },
    ]);
  });

  it('an assignment job that read the assignment before a concurrent run or a cancel committed (READ COMMITTED) schedules nothing twice', async () => {
    t.clock.set('2026-08-01T12:00:00Z');
    const created = await a.clinician.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'gad-7',
      schedule: { kind: 'recurring', startAt: '2026-08-02T09:00:00Z', everyDays: 7, endAt: null },
    });
    const stale = (await t.deps.store.instrumentAssignments.find(created.json().id))!;
    // The view a second transaction took before the first one committed: same assignment, nextDueAt not yet moved.
    const staleDeps = {
      ...t.deps,
      store: {
        ...t.deps.store,
        transaction: <T>(work: (tx: Repositories) => Promise<T>) =>
          t.deps.store.transaction((tx) =>
            work({ ...tx, instrumentAssignments: { ...tx.instrumentAssignments, find: async () => stale } }),
          ),
      },
    };
    const job = {
      id: newId(),
      kind: ASSIGNMENT_JOB,
      patientId: pid,
      payload: { assignmentId: stale.id, dueAt: stale.nextDueAt },
      runAt: stale.nextDueAt!,
      attempts: 1,
    };
    const pendingBefore = await t.deps.store.jobs.countPending(ASSIGNMENT_JOB);
    t.clock.set('2026-08-02T09:00:00Z');
    await assignmentDueHandler(t.deps, job);
    await assignmentDueHandler(staleDeps, job);
    // One next occurrence scheduled, not two.
    expect(await t.deps.store.jobs.countPending(ASSIGNMENT_JOB)).toBe(pendingBefore + 1);
    // Cancelled meanwhile: the stale run materialises nothing for the cancelled assignment.
    expect((await a.clinician.request('DELETE', `${base()}/instrument-assignments/${stale.id}`)).statusCode).toBe(204);
    await assignmentDueHandler(staleDeps, job);
    expect(
      (await t.deps.store.instrumentAssignments.listDue(pid, { openOnly: true, limit: 100 })).filter((d) => d.assignmentId === stale.id),
    ).toEqual([]);
    expect((await t.deps.store.instrumentAssignments.find(stale.id))!.nextDueAt).toBeNull();
  });

  it('refuses a recurring schedule starting more than one period in the past, which would materialise its whole backlog at once', async () => {
    t.clock.set('2026-07-01T12:00:00Z');
    const pendingBefore = await t.deps.store.jobs.countPending(ASSIGNMENT_JOB);
    const backlog = await owner.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'recurring', startAt: '2000-01-01T00:00:00Z', everyDays: 1, endAt: null },
    });
    expect(backlog.statusCode).toBe(400);
    expect(backlog.json().errors).toEqual([expect.objectContaining({ pointer: '/schedule/startAt' })]);
    expect(await t.deps.store.jobs.countPending(ASSIGNMENT_JOB)).toBe(pendingBefore);
    // Last Monday, weekly: one occurrence already due is fine.
    const recent = await owner.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'peg',
      schedule: { kind: 'recurring', startAt: '2026-06-29T09:00:00Z', everyDays: 7, endAt: null },
    });
    expect(recent.statusCode).toBe(201);
    expect((await owner.request('DELETE', `${base()}/instrument-assignments/${recent.json().id}`)).statusCode).toBe(204);
  });

  it('a visit-relative assignment falls due the given days before the visit', async () => {
    t.clock.set('2026-07-01T12:00:00Z');
    const res = await a.clinician.request('POST', `${base()}/instrument-assignments`, {
      instrumentId: 'phq-9',
      schedule: { kind: 'before-visit', visitAt: '2026-07-10T15:00:00Z', daysBefore: 3 },
    });
    expect(res.json().nextDueAt).toBe('2026-07-07T15:00:00.000Z');
  });
});
