// A condition's mechanism assessment over HTTP on every engine: saved by a clinician who may write,
// read by everyone who may read the record with the grades worked out from the stored answers
// (Finnerup 2016 neuropathic grading, Kosek 2021 nociplastic criteria, "mixed"), versioned and audited
// like every record of the engine; bad input is a 400 that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess, clinicWithPatient } from '../../../../test/support/care-team.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

let idCounter = 0;
const newId = () => `019c0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

const assessment = (extra: Record<string, unknown> = {}) => ({
  assessedOn: '2026-05-28',
  neuropathic: { historySuggestive: true, distributionPlausible: true, sensorySigns: false, confirmatoryTest: true },
  nociplastic: {
    durationMonths: 8,
    regional: true,
    notEntirelyExplained: true,
    clinicalHypersensitivity: true,
    historyOfHypersensitivity: true,
    comorbidities: ['sleep-disturbance'],
  },
  ...extra,
});

describe.each(DIALECTS)('mechanism assessments on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let writer: Client;
  let reader: Client;
  let caregiver: Client;
  const base = () => `/api/patients/${pid}`;
  const condition = async () => {
    const id = newId();
    const res = await writer.request('PUT', `${base()}/conditions/${id}`, {
      label: 'Chronic low back pain with left L5 radiculopathy',
      mechanism: 'mixed',
      onsetDate: '2025-09-15',
    });
    expect(res.statusCode).toBe(201);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true });
    owner = s.client;
    pid = s.me.patient!.id;
    writer = (await clinicianWithAccess(t, owner, pid, ['read', 'write'])).clinician;
    reader = (await clinicianWithAccess(t, owner, pid, ['read'])).clinician;
    caregiver = await caregiverOf(t, owner, pid);
  });
  afterAll(async () => {
    await t.close();
  });

  it('saves the answers and reads them with both grades, every criterion and "mixed"', async () => {
    const cid = await condition();
    const saved = await writer.request('PUT', `${base()}/mechanism-assessments/${cid}`, assessment());
    expect(saved.statusCode).toBe(201);
    expect(saved.headers.etag).toBe('"1"');
    const body = saved.json();
    // Footnote c: signs not shown but the test confirms → probable; all six Kosek criteria → probable.
    expect(body).toMatchObject({
      status: 'created',
      id: cid,
      conditionId: cid,
      version: 1,
      assessedOn: '2026-05-28',
      neuropathic: { grade: 'probable' },
      nociplastic: { grade: 'probable' },
      mechanisms: ['neuropathic', 'nociplastic'],
      mixed: true,
    });
    expect(body.neuropathic.criteria.map((c: { answer: string }) => c.answer)).toEqual(['yes', 'yes', 'no', 'yes']);
    expect(body.nociplastic.criteria).toHaveLength(6);
    for (const c of [...body.neuropathic.criteria, ...body.nociplastic.criteria]) {
      expect(Object.keys(c)).toEqual(['id', 'answer', 'detail', 'source']);
    }
    for (const client of [owner, reader, writer]) {
      const read = await client.request('GET', `${base()}/mechanism-assessments/${cid}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ version: 1, mixed: true, neuropathic: { grade: 'probable' } });
    }
    const list = (await reader.request('GET', `${base()}/mechanism-assessments`)).json().items as { id: string }[];
    expect(list.map((a) => a.id)).toContain(cid);
  });

  it('shows the evidence on the record beside the criteria, without letting it answer for the clinician', async () => {
    // A clinic that has confirmed the DN4 licence, and a patient who shares with it.
    const c = await clinicWithPatient(t);
    const at = `/api/patients/${c.patientId}`;
    const licence = await c.admin.request('PUT', `/api/organizations/${c.organizationId}/instruments/dn4-interview/licence`, {
      confirm: true,
    });
    expect(licence.statusCode).toBe(204);
    const cid = newId();
    expect(
      (
        await c.clinician.request('PUT', `${at}/conditions/${cid}`, {
          label: 'Post-herpetic neuralgia',
          mechanism: 'neuropathic',
          onsetDate: '2025-09-15',
        })
      ).statusCode,
    ).toBe(201);
    const dn4 = await c.clinician.request('POST', `${at}/instrument-responses`, {
      instrumentId: 'dn4-interview',
      answers: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0 },
    });
    expect(dn4.statusCode).toBe(201);
    const res = await c.clinician.request('PUT', `${at}/mechanism-assessments/${cid}`, {
      assessedOn: '2026-05-30',
      nociplastic: { regional: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().evidence).toBeUndefined();
    const read = (await c.clinician.request('GET', `${at}/mechanism-assessments/${cid}`)).json();
    // Onset 2025-09-15, today 2026-06-01 in Berlin (the test clock): eight whole calendar months.
    expect(read.evidence.condition).toEqual({
      label: 'Post-herpetic neuralgia',
      onsetDate: '2025-09-15',
      asOf: '2026-06-01',
      monthsSinceOnset: 8,
    });
    // DN4-interview: three of the seven interview items yes; 3 or more is positive (Bouhassira 2005).
    expect(read.evidence.instruments).toEqual([
      expect.objectContaining({ instrumentId: 'dn4-interview', responseId: dn4.json().response.id, score: 3, band: 'positive' }),
    ]);
    // The duration was not answered, so criterion 1 stays not assessed whatever the onset says.
    expect(read.nociplastic.criteria[0]).toMatchObject({ id: 'duration', answer: 'not-assessed' });
    expect(read.nociplastic.grade).toBe('not-applicable');
    expect(read.neuropathic).toBeNull();
    // Showing the evidence is a read of each record shown, in the clinic's audit trail too.
    const log = (await c.admin.request('GET', `/api/organizations/${c.organizationId}/audit?limit=200`)).json().items as {
      action: string;
      resourceId: string | null;
    }[];
    expect(log.filter((e) => e.resourceId === dn4.json().response.id).map((e) => e.action)).toContain('instrument-response.read');
    expect(log.filter((e) => e.resourceId === cid).map((e) => e.action)).toEqual(
      expect.arrayContaining(['mechanism_assessment.read', 'condition.read']),
    );
  });

  it('stores a finding left out as not assessed, which never counts as yes', async () => {
    const cid = await condition();
    const res = await writer.request('PUT', `${base()}/mechanism-assessments/${cid}`, {
      assessedOn: '2026-05-30',
      neuropathic: { historySuggestive: true },
      nociplastic: { durationMonths: 3, regional: true, notEntirelyExplained: true, comorbidities: [] },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.neuropathic.findings).toEqual({
      historySuggestive: true,
      distributionPlausible: null,
      sensorySigns: null,
      confirmatoryTest: null,
    });
    expect(body.neuropathic.grade).toBe('unlikely');
    // Three months is "at least 3"; clinical signs not assessed → unlikely.
    expect(body.nociplastic.grade).toBe('unlikely');
    expect(body.nociplastic.criteria.map((c: { answer: string }) => c.answer)).toEqual([
      'yes',
      'yes',
      'yes',
      'not-assessed',
      'not-assessed',
      'no',
    ]);
    expect(body).toMatchObject({ mechanisms: [], mixed: false, notes: '' });
  });

  it('grades only the mechanisms assessed: one graded mechanism is never mixed', async () => {
    const cid = await condition();
    const res = await writer.request('PUT', `${base()}/mechanism-assessments/${cid}`, {
      assessedOn: '2026-05-30',
      neuropathic: { historySuggestive: true, distributionPlausible: true, sensorySigns: true, confirmatoryTest: true },
    });
    expect(res.json()).toMatchObject({
      neuropathic: { grade: 'definite' },
      nociplastic: null,
      mechanisms: ['neuropathic'],
      mixed: false,
    });
  });

  it('versions edits with If-Match, answers a stale edit with a conflict and the current copy, and audits', async () => {
    const cid = await condition();
    const url = `${base()}/mechanism-assessments/${cid}`;
    expect((await writer.request('PUT', url, assessment())).statusCode).toBe(201);
    // A byte-identical retry is the stored version, not a new one.
    expect((await writer.request('PUT', url, assessment())).json()).toMatchObject({ status: 'unchanged', version: 1 });
    const edited = await writer.request('PUT', url, assessment({ notes: 'Re-examined' }), { 'if-match': '"1"' });
    expect(edited.json()).toMatchObject({ status: 'updated', version: 2, notes: 'Re-examined' });
    const stale = await writer.request('PUT', url, assessment({ notes: 'Other device' }), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'clinical-record-conflict', current: { version: 2, notes: 'Re-examined' } });
    expect((await writer.request('DELETE', url, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await owner.request('GET', url)).statusCode).toBe(404);
    const log = (await owner.request('GET', `${base()}/access-log?limit=200`)).json().items as { action: string }[];
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'mechanism_assessment.create',
        'mechanism_assessment.update',
        'mechanism_assessment.read',
        'mechanism_assessment.list',
        'mechanism_assessment.delete',
      ]),
    );
    const feed = (await owner.request('GET', `${base()}/changes`)).json().items as { kind: string; id: string; deleted: boolean }[];
    expect(feed.filter((c) => c.kind === 'mechanism_assessment' && c.id === cid)).toEqual([expect.objectContaining({ deleted: true })]);
  });

  it('lets only those who may write clinical records save; a refusal changes nothing', async () => {
    const cid = await condition();
    const url = `${base()}/mechanism-assessments/${cid}`;
    const before = await snapshotDatabase(t.database.handle);
    expect((await reader.request('PUT', url, assessment())).statusCode).toBe(403);
    expect([403, 404]).toContain((await caregiver.request('PUT', url, assessment())).statusCode);
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  });

  it('refuses an assessment of a condition that does not exist, was deleted or is another patient’s', async () => {
    const other = await signUp(t.app, { patient: true });
    const otherPid = other.me.patient!.id;
    const otherCondition = newId();
    expect(
      (
        await other.client.request('PUT', `/api/patients/${otherPid}/conditions/${otherCondition}`, {
          label: 'Knee pain',
          mechanism: 'nociceptive',
          onsetDate: '2026-01-01',
        })
      ).statusCode,
    ).toBe(201);
    const deleted = await condition();
    expect((await writer.request('DELETE', `${base()}/conditions/${deleted}`)).statusCode).toBe(204);
    const before = await snapshotDatabase(t.database.handle);
    for (const id of [newId(), deleted, otherCondition]) {
      const res = await writer.request('PUT', `${base()}/mechanism-assessments/${id}`, assessment());
      expect(res.statusCode, id).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  });

  it('answers malformed findings with a 400 problem that names the field, changing nothing', async () => {
    const cid = await condition();
    const url = `${base()}/mechanism-assessments/${cid}`;
    const before = await snapshotDatabase(t.database.handle);
    const bad: [Record<string, unknown>, string][] = [
      [assessment({ neuropathic: { sensorySigns: 'yes' } }), '/neuropathic/sensorySigns'],
      [assessment({ neuropathic: { sensorysigns: true } }), '/neuropathic'],
      [assessment({ nociplastic: { durationMonths: -1 } }), '/nociplastic/durationMonths'],
      [assessment({ nociplastic: { comorbidities: ['insomnia'] } }), '/nociplastic/comorbidities/0'],
      [assessment({ nociplastic: { comorbidities: ['fatigue', 'fatigue'] } }), '/nociplastic/comorbidities'],
      [assessment({ assessedOn: '2026-02-30' }), '/assessedOn'],
      [{ neuropathic: null }, '/assessedOn'],
    ];
    for (const [body, pointer] of bad) {
      const res = await writer.request('PUT', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  });
});
