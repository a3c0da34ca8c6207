// Coverage readiness read from a stored record, on every engine: a patient with axial low back pain
// whose record holds the condition, failed physical therapy, a baseline NRS and ODI, and two medial-branch
// blocks with block diaries — the shape of golden case L1 (LCD L38773: two MBBs each ≥ 80 %, the second
// ≥ 2 weeks after the first, ≤ 2 levels, ≤ 2 RF sessions in 12 months) — planned for an initial RFA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

let idCounter = 0;
const newId = () => `019c9000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

type Criterion = { id: string; status: string; detail: string; source: string };
type Answer = {
  verdict: string;
  criteria: Criterion[];
  request: { history: { procedure: string; painBefore: number; painAfter: number }[] };
};

describe.each(DIALECTS)('coverage readiness from the record on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let clinician: Client;
  let pid: string;
  const conditionId = newId();
  const base = () => `/api/patients/${pid}`;
  const planned = {
    procedure: 'facet-rfa',
    date: '2026-06-15',
    region: 'lumbar',
    levels: 2,
    bilateral: true,
    guidance: 'fluoroscopy',
    conditionId,
    patient: { pattern: 'axial', indication: 'facet-arthropathy', untreatedRadiculopathy: false, exclusions: [] },
  };
  const ask = async (who: Client, body: object = planned) => who.request('POST', `${base()}/coverage-readiness`, body);
  const statusOf = (a: Answer, id: string) => a.criteria.find((c) => c.id === id)?.status;

  async function block(date: string, painAfter: number, readings: { offsetMinutes: number; intensity: number }[]) {
    const diaryId = newId();
    const diary = await owner.request('PUT', `${base()}/block-diaries/${diaryId}`, {
      procedureLabel: `L4-L5 L5-S1 MBB ${date}`,
      procedureAt: `${date}T15:00:00Z`,
      timeZone: 'America/Chicago',
      baselineIntensity: 7,
      readings: readings.map((r) => ({ ...r, intensity: r.intensity ?? painAfter })),
    });
    expect(diary.statusCode, diary.body).toBe(201);
    const procedure = await clinician.request('PUT', `${base()}/procedures/${newId()}`, {
      type: 'medial-branch-block',
      date,
      levels: ['L4-L5', 'L5-S1'],
      side: 'bilateral',
      intent: 'diagnostic',
      imageGuidance: 'fluoroscopy',
      blockDiaryId: diaryId,
    });
    expect(procedure.statusCode, procedure.body).toBe(201);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'America/Chicago' });
    owner = s.client;
    pid = s.me.patient!.id;
    clinician = (await clinicianWithAccess(t, owner, pid, ['read', 'write'])).clinician;
    const put = async (url: string, body: object) => expect((await clinician.request('PUT', url, body)).statusCode).toBe(201);
    await put(`${base()}/conditions/${conditionId}`, {
      label: 'Chronic axial low back pain',
      mechanism: 'nociceptive',
      onsetDate: '2025-10-01',
    });
    await put(`${base()}/conservative-care/${newId()}`, {
      treatment: 'Physical therapy',
      modality: 'physical',
      startDate: '2026-01-05',
      endDate: '2026-03-01',
      outcome: 'no-change',
    });
    const nrs = await owner.request('POST', `${base()}/instrument-responses`, {
      instrumentId: 'nrs',
      answers: { intensity: 7 },
      completedAt: '2026-03-05T15:00:00Z',
    });
    expect(nrs.statusCode, nrs.body).toBe(201);
    // NRS 7 → 1 (85.7 %) held 2 h; then 7 → 0 (100 %) held 5 h, 17 days later.
    await block('2026-04-01', 1, [
      { offsetMinutes: 30, intensity: 1 },
      { offsetMinutes: 150, intensity: 1 },
      { offsetMinutes: 360, intensity: 5 },
    ]);
    await block('2026-04-18', 0, [
      { offsetMinutes: 60, intensity: 0 },
      { offsetMinutes: 360, intensity: 1 },
      { offsetMinutes: 480, intensity: 6 },
    ]);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads onset, care, baseline pain and both blocks from the record; the ODI not yet answered is missing', async () => {
    const before = await snapshotDatabase(t.database.handle);
    const res = await ask(clinician);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Answer;
    expect(a.verdict).toBe('missing-documentation');
    expect(a.criteria.filter((c) => c.status !== 'met').map((c) => c.id)).toEqual(['baseline-disability-scale']);
    expect(statusOf(a, 'two-positive-diagnostic-blocks')).toBe('met');
    expect(statusOf(a, 'diagnostic-block-interval')).toBe('met');
    expect(a.criteria.find((c) => c.id === 'block-relief-duration')?.detail).toContain('2026-04-01: 2 h; 2026-04-18: 5 h');
    expect(a.request.history.map((h) => [h.procedure, h.painBefore, h.painAfter])).toEqual([
      ['facet-mbb', 7, 0],
      ['facet-mbb', 7, 1],
    ]);
    for (const c of a.criteria) expect(c.source).toContain('LCD L38773');
    // The read is audited and nothing else is written.
    const withoutAudit = (snapshot: string) => snapshot.split('\n').filter((table) => !table.startsWith('audit_event:'));
    expect(withoutAudit(await snapshotDatabase(t.database.handle))).toEqual(withoutAudit(before));
  });

  it('meets once the baseline ODI is in the record', async () => {
    const userId = ((await owner.request('GET', '/api/me')).json() as { user: { id: string } }).user.id;
    // ODI is a licensed instrument; its answer is placed in the store as a clinic that holds the licence would record it.
    await t.deps.store.instrumentResponses.insert({
      id: newId(),
      patientId: pid,
      instrumentId: 'odi',
      instrumentVersion: '2.1a',
      scoringVersion: '1',
      answers: {},
      result: {},
      score: 42,
      band: 'moderate',
      flags: [],
      context: 'routine',
      enteredBy: userId,
      source: 'self',
      completedAt: '2026-03-05T15:30:00.000Z',
    });
    const a = (await ask(clinician)).json() as Answer;
    expect(statusOf(a, 'baseline-disability-scale')).toBe('met');
    expect(a.verdict).toBe('meets');
  });

  it('a fact the clinician leaves out is missing, and the MAC jurisdiction names the LCD', async () => {
    const { pattern: _, ...patient } = planned.patient;
    const a = (await ask(clinician, { ...planned, patient, settings: { jurisdiction: 'JF' } })).json() as Answer;
    expect(statusOf(a, 'axial-pain')).toBe('missing');
    expect(a.verdict).toBe('missing-documentation');
    expect(a.criteria[0]!.source).toContain('L38803');
    expect(a.criteria[0]!.source).toContain('UNCONFIRMED');
  });

  it('counts a second RF session and refuses a third in the rolling 12 months', async () => {
    const rf = (date: string) =>
      clinician.request('PUT', `${base()}/procedures/${newId()}`, {
        type: 'radiofrequency-ablation',
        date,
        levels: ['L4-L5', 'L5-S1'],
        side: 'bilateral',
        intent: 'therapeutic',
        imageGuidance: 'fluoroscopy',
        followUpInstrument: 'none',
      });
    expect((await rf('2025-07-01')).statusCode).toBe(201);
    expect(statusOf((await ask(clinician)).json() as Answer, 'rf-sessions-12-months')).toBe('met');
    expect((await rf('2026-01-10')).statusCode).toBe(201);
    expect(statusOf((await ask(clinician)).json() as Answer, 'rf-sessions-12-months')).toBe('not-met');
  });

  it('takes what the record has no field for from the clinician: a trial’s fewer analgesics and better function (L36204)', async () => {
    const trialId = newId();
    const trial = await clinician.request('PUT', `${base()}/procedures/${trialId}`, {
      type: 'spinal-cord-stimulator-trial',
      date: '2026-05-20',
      levels: ['T9-T10'],
      side: 'midline',
      intent: 'diagnostic',
      imageGuidance: 'fluoroscopy',
      followUpInstrument: 'none',
    });
    expect(trial.statusCode, trial.body).toBe(201);
    const permanent = {
      procedure: 'scs-permanent',
      date: '2026-06-15',
      region: 'thoracic',
      patient: { psychologicalEvaluation: true, multidisciplinaryEvaluation: true, activeSubstanceAbuse: false },
    };
    const unstated = (await ask(clinician, permanent)).json() as Answer;
    expect(statusOf(unstated, 'successful-trial')).toBe('missing');
    const stated = (
      await ask(clinician, {
        ...permanent,
        procedureOutcomes: [{ procedureId: trialId, analgesicReductionPercent: 58, functionImproved: true }],
      })
    ).json() as Answer;
    expect(statusOf(stated, 'successful-trial')).toBe('met');
    expect(stated.verdict).toBe('meets');
  });

  it('answers bad input with 400 problem+json, never 500', async () => {
    const bad = await ask(clinician, { ...planned, procedure: 'vertebroplasty' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const unknownCondition = await ask(clinician, { ...planned, conditionId: newId() });
    expect(unknownCondition.statusCode).toBe(400);
    expect(unknownCondition.json().errors[0].pointer).toBe('/conditionId');
    const early = await ask(clinician, { ...planned, date: '2025-09-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].pointer).toBe('/patient/painOnset');
  });

  it('is refused to someone the patient has not shared with', async () => {
    const { client: stranger } = await signUp(t.app);
    expect([403, 404]).toContain((await ask(stranger)).statusCode);
  });
});
