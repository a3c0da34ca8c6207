import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

let idCounter = 0;
const newId = () => `019c0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

const plan = (goalTarget: string, extra: Record<string, unknown> = {}) => ({
  goals: [
    {
      activity: 'Walk to the market and back',
      measure: 'minutes walked without stopping',
      baseline: '10',
      target: goalTarget,
      targetDate: '2026-09-01',
    },
  ],
  interventions: [
    {
      modality: 'physical',
      description: 'Graded walking programme',
      startDate: '2026-06-01',
      frequency: '3 times a week',
      status: 'active',
    },
    { modality: 'self-management', description: 'Pacing and sleep routine', status: 'planned' },
  ],
  ...extra,
});

describe.each(DIALECTS)('conditions, care plan, procedures and conservative care on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let writer: Client;
  let writerMembershipId: string;
  let reader: Client;
  let caregiver: Client;
  const base = () => `/api/patients/${pid}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Pacific/Auckland' });
    owner = s.client;
    pid = s.me.patient!.id;
    const w = await clinicianWithAccess(t, owner, pid, ['read', 'write']);
    writer = w.clinician;
    writerMembershipId = w.membershipId;
    reader = (await clinicianWithAccess(t, owner, pid, ['read'])).clinician;
    caregiver = await caregiverOf(t, owner, pid);
  });
  afterAll(async () => {
    await t.close();
  });

  it("classifies conditions by onset as of today in the patient's time zone, with CDC 2022 scope", async () => {
    // The clock is 2026-06-01T12:00Z, which is already 2026-06-02 in Auckland.
    const cases: [string, string][] = [
      ['2026-05-03', 'acute'],
      ['2026-05-02', 'subacute'],
      ['2026-03-02', 'subacute'],
      ['2026-03-01', 'chronic'],
    ];
    for (const [onsetDate, expected] of cases) {
      const id = newId();
      const res = await writer.request('PUT', `${base()}/conditions/${id}`, {
        label: `Onset ${onsetDate}`,
        mechanism: 'nociceptive',
        onsetDate,
      });
      expect(res.statusCode).toBe(201);
      const read = (await owner.request('GET', `${base()}/conditions/${id}`)).json();
      expect(read.chronicity, onsetDate).toMatchObject({ asOf: '2026-06-02', value: expected });
      expect(read.chronicity.source).toMatch(/CDC 2022/);
    }
    const cancer = newId();
    await writer.request('PUT', `${base()}/conditions/${cancer}`, {
      label: 'Bone metastasis pain',
      mechanism: 'mixed',
      onsetDate: '2026-01-10',
      cancerRelated: true,
    });
    const list = (await reader.request('GET', `${base()}/conditions`)).json().items;
    expect(list.find((c: { id: string }) => c.id === cancer).cdc2022Scope).toEqual({ inScope: false, reasons: ['cancer-related'] });
    const future = await writer.request('PUT', `${base()}/conditions/${newId()}`, {
      label: 'Later',
      mechanism: 'unknown',
      onsetDate: '2026-07-01',
    });
    expect(future.json().status).toBe('created');
    expect(
      (
        await writer.request(
          'PUT',
          `${base()}/conditions/${cancer}`,
          { label: 'Bone metastasis pain', mechanism: 'mixed', onsetDate: '2026-01-10', cancerRelated: true, endOfLife: true },
          { 'if-match': '"1"' },
        )
      ).json().version,
    ).toBe(2);
    expect((await writer.request('DELETE', `${base()}/conditions/${cancer}`)).statusCode).toBe(204);
    expect((await owner.request('GET', `${base()}/conditions/${cancer}`)).statusCode).toBe(404);
  });

  it('keeps every version of the care plan and refuses stale edits with the current plan', async () => {
    expect((await owner.request('GET', `${base()}/care-plan`)).statusCode).toBe(404);
    const v1 = await writer.request('PUT', `${base()}/care-plan`, plan('20'));
    expect(v1.statusCode).toBe(201);
    expect(v1.headers.etag).toBe('"1"');
    const goalId = v1.json().goals[0].id;
    expect(goalId).toMatch(/^[0-9a-f-]{36}$/);

    const blind = await writer.request('PUT', `${base()}/care-plan`, plan('25'));
    expect(blind.statusCode).toBe(409);
    expect(blind.json()).toMatchObject({ code: 'care-plan-conflict', current: { version: 1 } });

    const edited = plan('30', { notes: 'Target raised after good progress.' });
    (edited.goals[0] as Record<string, unknown>).id = goalId;
    const v2 = await owner.request('PUT', `${base()}/care-plan`, edited, { 'if-match': '"1"' });
    expect(v2.json()).toMatchObject({ status: 'created', version: 2, goals: [{ id: goalId, target: '30' }] });

    const stale = await writer.request('PUT', `${base()}/care-plan`, plan('40'), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, goals: [{ target: '30' }] });

    const current = await reader.request('GET', `${base()}/care-plan`);
    expect(current.json()).toMatchObject({ version: 2, notes: 'Target raised after good progress.' });
    const versions = (await reader.request('GET', `${base()}/care-plan/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = (await caregiver.request('GET', `${base()}/care-plan/versions/1`)).json();
    expect(first).toMatchObject({ version: 1, goals: [{ id: goalId, target: '20' }], notes: '' });
    expect((await owner.request('GET', `${base()}/care-plan/versions/9`)).statusCode).toBe(404);
  });

  it('checks intervention dates and responsible members, and writes nothing on refusal', async () => {
    const before = await snapshotDatabase(t.database.handle);
    const badDates = plan('30');
    (badDates.interventions[0] as Record<string, unknown>).stopDate = '2026-05-01';
    const r1 = await writer.request('PUT', `${base()}/care-plan`, badDates, { 'if-match': '"2"' });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().errors[0].pointer).toBe('/interventions/0/stopDate');
    const stranger = plan('30');
    (stranger.interventions[0] as Record<string, unknown>).responsibleMemberId = newId();
    const r2 = await writer.request('PUT', `${base()}/care-plan`, stranger, { 'if-match': '"2"' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().errors[0].pointer).toBe('/interventions/0/responsibleMemberId');
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
    const member = plan('30');
    (member.interventions[0] as Record<string, unknown>).responsibleMemberId = writerMembershipId;
    const ok = await writer.request('PUT', `${base()}/care-plan`, member, { 'if-match': '"2"' });
    expect(ok.json()).toMatchObject({
      version: 3,
      interventions: [{ responsibleMemberId: writerMembershipId }, { responsibleMemberId: null }],
    });
  });

  it('refuses clinical writes by caregivers and read-only clinicians (403) and changes nothing', async () => {
    const before = await snapshotDatabase(t.database.handle);
    const attempts: [string, string, unknown][] = [
      ['PUT', `${base()}/care-plan`, plan('50')],
      ['PUT', `${base()}/conditions/${newId()}`, { label: 'x', mechanism: 'unknown', onsetDate: '2026-01-01' }],
      [
        'PUT',
        `${base()}/procedures/${newId()}`,
        { type: 'trigger-point-injection', date: '2026-05-01', side: 'left', intent: 'therapeutic', imageGuidance: 'none' },
      ],
      [
        'PUT',
        `${base()}/conservative-care/${newId()}`,
        { treatment: 'Massage', modality: 'complementary', startDate: '2026-01-01', outcome: 'unknown' },
      ],
    ];
    for (const who of [caregiver, reader]) {
      for (const [method, url, body] of attempts) {
        const res = await who.request(method, url, body, { 'if-match': '"3"' });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    }
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  });

  it('records procedures linked to a block diary with 2-, 6- and 12-week follow-ups, and conservative care with durations', async () => {
    const diaryId = newId();
    expect(
      (
        await owner.request('PUT', `${base()}/block-diaries/${diaryId}`, {
          procedureLabel: 'L4-L5 MBB',
          procedureAt: '2026-05-28T21:00:00Z',
          timeZone: 'Pacific/Auckland',
          baselineIntensity: 7,
        })
      ).statusCode,
    ).toBe(201);
    const id = newId();
    const body = {
      type: 'medial-branch-block',
      date: '2026-05-29',
      levels: ['L4-L5', 'L5-S1'],
      side: 'right',
      intent: 'diagnostic',
      imageGuidance: 'fluoroscopy',
      blockDiaryId: diaryId,
    };
    const created = await writer.request('PUT', `${base()}/procedures/${id}`, body);
    expect(created.statusCode).toBe(201);
    expect(created.json().followUps).toEqual(
      [2, 6, 12].map((weeks, i) => ({ weeks, due: ['2026-06-12', '2026-07-10', '2026-08-21'][i], instruments: ['peg', 'pgic'] })),
    );
    const unlinked = await writer.request('PUT', `${base()}/procedures/${newId()}`, { ...body, blockDiaryId: newId() });
    expect(unlinked.statusCode).toBe(400);
    expect(unlinked.json().errors[0].pointer).toBe('/blockDiaryId');
    expect(
      (await writer.request('PUT', `${base()}/procedures/${newId()}`, { ...body, type: 'other', blockDiaryId: null })).json().errors[0]
        .pointer,
    ).toBe('/label');
    // A date whose 12-week follow-up would pass 9999-12-31 is refused (it used to be saved with
    // follow-ups due "+010000-…").
    const late = await writer.request('PUT', `${base()}/procedures/${newId()}`, { ...body, date: '9999-12-01', blockDiaryId: null });
    expect(late.statusCode, late.body).toBe(400);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.json().errors).toEqual([expect.objectContaining({ pointer: '/date' })]);
    const lastDay = newId();
    const edge = await writer.request('PUT', `${base()}/procedures/${lastDay}`, {
      ...body,
      date: '9999-10-08',
      blockDiaryId: null,
      followUpInstrument: 'none',
    });
    expect(edge.statusCode, edge.body).toBe(201);
    expect(edge.json().followUps.at(-1)).toEqual({ weeks: 12, due: '9999-12-31', instruments: [] });
    expect((await owner.request('GET', `${base()}/procedures`)).json().items.map((p: { id: string }) => p.id)).toEqual([lastDay, id]);

    const pt = newId();
    const cc = await writer.request('PUT', `${base()}/conservative-care/${pt}`, {
      treatment: 'Physical therapy',
      modality: 'physical',
      startDate: '2025-10-01',
      endDate: '2025-12-15',
      sessions: 12,
      outcome: 'partly-improved',
    });
    expect(cc.json()).toMatchObject({ status: 'created', durationDays: 76, sessions: 12 });
    await writer.request('PUT', `${base()}/conservative-care/${newId()}`, {
      treatment: 'NSAIDs',
      modality: 'pharmacological',
      startDate: '2025-08-01',
      outcome: 'no-change',
    });
    const history = (await owner.request('GET', `${base()}/conservative-care`)).json().items;
    expect(history.map((h: { treatment: string; durationDays: number | null }) => [h.treatment, h.durationDays])).toEqual([
      ['Physical therapy', 76],
      ['NSAIDs', null],
    ]);
    const backwards = await writer.request('PUT', `${base()}/conservative-care/${newId()}`, {
      treatment: 'TENS',
      modality: 'physical',
      startDate: '2025-10-01',
      endDate: '2025-09-01',
      outcome: 'unknown',
    });
    expect(backwards.json().errors[0].pointer).toBe('/endDate');
    expect((await writer.request('DELETE', `${base()}/conservative-care/${pt}`)).statusCode).toBe(204);
  });
});
