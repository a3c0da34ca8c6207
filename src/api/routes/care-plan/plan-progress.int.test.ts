// The care plan's progress end to end over HTTP: goal progress from the diary and questionnaires,
// today's pacing quota with a flare's step back, as-needed opioid use against the allowance, the
// naloxone check, and procedure follow-ups assigned through the job table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import { createJobRunner } from '../../../app/jobs.ts';
import { JOB_HANDLERS } from '../../main.ts';

let idCounter = 0;
const newId = () => `019c1000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

describe.each(DIALECTS)('plan progress, pacing, as-needed use, naloxone and procedure follow-ups on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let writer: Client;
  let reader: Client;
  let caregiver: Client;
  const base = () => `/api/patients/${pid}`;
  // The clock is 2026-06-01T12:00Z: already 2026-06-02 in Auckland, the patient's zone.
  const TODAY = '2026-06-02';

  const logDay = (localDate: string, fields: Record<string, unknown>) =>
    owner.request('PUT', `${base()}/diary-entries/${newId()}`, {
      localDate,
      localTime: localDate === '2026-06-02' ? '00:00' : '20:00',
      timeZone: 'Pacific/Auckland',
      recordedAt: '2026-06-01T12:00:00Z',
      mode: 'recalled',
      intensity: 5,
      ...fields,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Pacific/Auckland' });
    owner = s.client;
    pid = s.me.patient!.id;
    writer = (await clinicianWithAccess(t, owner, pid, ['read', 'write'])).clinician;
    reader = (await clinicianWithAccess(t, owner, pid, ['read'])).clinician;
    caregiver = await caregiverOf(t, owner, pid);
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives today's pacing quota in the patient's local date, from recorded sessions or the diary, stepping back after a flare", async () => {
    // Diary baseline for a plan starting 2026-06-01: 30, 20 and 10 active minutes → mean 20 → quota 16.
    for (const [date, minutes] of [
      ['2026-05-25', 30],
      ['2026-05-26', 20],
      ['2026-05-27', 10],
    ] as const) {
      expect((await logDay(date, { activity: { minutes } })).statusCode).toBe(201);
    }
    const plan = {
      goals: [],
      interventions: [],
      pacing: [
        // Recorded 20, 25, 15 → baseline 20, start 16, +10 %/week: day 21 is level 3 (21 min) without flares.
        {
          activity: 'walking',
          unit: 'minutes',
          goal: 40,
          startDate: '2026-05-12',
          sessionSource: 'recorded',
          sessions: [
            { date: '2026-05-09', amount: 20 },
            { date: '2026-05-10', amount: 25 },
            { date: '2026-05-11', amount: 15 },
          ],
        },
        { activity: 'gardening', unit: 'minutes', startDate: '2026-06-01', sessionSource: 'diary-activity-minutes' },
        {
          activity: 'stairs',
          unit: 'flights',
          startDate: '2026-06-01',
          sessionSource: 'recorded',
          sessions: [{ date: '2026-05-30', amount: 2 }],
        },
      ],
    };
    const saved = await writer.request('PUT', `${base()}/care-plan`, plan);
    expect(saved.statusCode).toBe(201);
    let progress = (await owner.request('GET', `${base()}/care-plan/progress`)).json();
    expect(progress.asOf).toBe(TODAY);
    expect(progress.pacing.map((p: { status: unknown }) => p.status)).toEqual([
      { kind: 'quota', quota: 21, level: 3, lastFlare: null, ongoingFlareSince: null, baseline: '20', startingQuota: 16 },
      { kind: 'quota', quota: 16, level: 0, lastFlare: null, ongoingFlareSince: null, baseline: '20', startingQuota: 16 },
      { kind: 'insufficient-sessions', have: 1, need: 3 },
    ]);
    expect(progress.pacing[1].sessionsUsed).toBe(3);

    // A flare that started on 2026-05-27 local time (day 15, level 2) steps walking back to level 1.
    expect(
      (
        await owner.request('PUT', `${base()}/flares/${newId()}`, {
          startedAt: '2026-05-26T20:00:00Z',
          endedAt: '2026-05-27T20:00:00Z',
          timeZone: 'Pacific/Auckland',
          peakIntensity: 8,
        })
      ).statusCode,
    ).toBe(201);
    progress = (await reader.request('GET', `${base()}/care-plan/progress`)).json();
    expect(progress.pacing[0].status).toMatchObject({
      kind: 'quota',
      quota: 17,
      level: 1,
      lastFlare: '2026-05-27',
      ongoingFlareSince: null,
    });
    // The flare was before gardening started: no effect there.
    expect(progress.pacing[1].status).toMatchObject({ quota: 16, lastFlare: null });

    // A second flare starting the same local day steps back once, not twice (level stays 1).
    expect(
      (
        await owner.request('PUT', `${base()}/flares/${newId()}`, {
          startedAt: '2026-05-27T02:00:00Z',
          endedAt: '2026-05-27T03:00:00Z',
          timeZone: 'Pacific/Auckland',
          peakIntensity: 7,
        })
      ).statusCode,
    ).toBe(201);
    progress = (await reader.request('GET', `${base()}/care-plan/progress`)).json();
    expect(progress.pacing[0].status).toMatchObject({ quota: 17, level: 1, lastFlare: '2026-05-27' });
    // An ongoing flare that started before gardening's start holds it at level 0 while it lasts.
    const ongoing = newId();
    expect(
      (
        await owner.request('PUT', `${base()}/flares/${ongoing}`, {
          startedAt: '2026-05-30T20:00:00Z',
          endedAt: null,
          timeZone: 'Pacific/Auckland',
          peakIntensity: 6,
        })
      ).statusCode,
    ).toBe(201);
    progress = (await reader.request('GET', `${base()}/care-plan/progress`)).json();
    expect(progress.pacing[0].status).toMatchObject({ level: 0, lastFlare: '2026-05-31', ongoingFlareSince: '2026-05-31' });
    expect(progress.pacing[1].status).toMatchObject({ level: 0, lastFlare: null, ongoingFlareSince: '2026-05-31' });
    expect((await owner.request('DELETE', `${base()}/flares/${ongoing}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);

    // Diary sessions with a unit other than minutes are refused with a pointer; settings are range-checked.
    const bad = await writer.request(
      'PUT',
      `${base()}/care-plan`,
      {
        goals: [],
        interventions: [],
        pacing: [{ activity: 'steps', unit: 'steps', startDate: '2026-06-01', sessionSource: 'diary-activity-minutes' }],
      },
      { 'if-match': '"1"' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ pointer: '/pacing/0/unit' })]);
    const badSetting = await writer.request(
      'PUT',
      `${base()}/care-plan`,
      { ...plan, pacing: [{ ...plan.pacing[0], settings: { weeklyIncreasePercent: 500 } }] },
      { 'if-match': '"1"' },
    );
    expect(badSetting.statusCode).toBe(400);
    // A diary-measured start whose 14 days before are not in the calendar is refused (it used to save,
    // and every progress read after it answered 500).
    const tooEarly = await writer.request(
      'PUT',
      `${base()}/care-plan`,
      {
        goals: [],
        interventions: [],
        pacing: [{ activity: 'walking', unit: 'minutes', startDate: '0000-01-05', sessionSource: 'diary-activity-minutes' }],
      },
      { 'if-match': '"1"' },
    );
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().errors).toEqual([expect.objectContaining({ pointer: '/pacing/0/startDate' })]);
    expect((await owner.request('GET', `${base()}/care-plan`)).json().version).toBe(1);
    expect((await reader.request('GET', `${base()}/care-plan/progress`)).statusCode).toBe(200);
  });

  it('reads goal progress from diary weekly means and questionnaire scores, with the cited change rule', async () => {
    // With the first test's days (05-25, 05-26, 05-27 at 5): the week ending 2026-06-02 has 05-27 (5),
    // 05-30 (4) and 06-02 (4), mean 13/3; the week before has 05-22 (7), 05-24 (7), 05-25 and 05-26 (5),
    // mean 6 → 27.8 % lower: IMMPACT "minimal" (10–30 %).
    for (const [date, intensity] of [
      ['2026-05-22', 7],
      ['2026-05-24', 7],
      ['2026-05-30', 4],
      ['2026-06-02', 4],
    ] as const) {
      expect((await logDay(date, { intensity })).statusCode).toBe(201);
    }
    for (const score of [6, 4]) {
      expect(
        (await owner.request('POST', `${base()}/instrument-responses`, { instrumentId: 'peg', answers: { 1: score, 2: score, 3: score } }))
          .statusCode,
      ).toBe(201);
    }
    const current = (await owner.request('GET', `${base()}/care-plan`)).json();
    const goals = [
      {
        activity: 'Less pain day to day',
        measure: 'diary pain',
        baseline: '7',
        target: '4',
        measureSource: { kind: 'diary', measure: 'pain-intensity' },
      },
      {
        activity: 'Pain gets in the way less',
        measure: 'PEG',
        baseline: '6',
        target: '3',
        measureSource: { kind: 'instrument', instrumentId: 'PEG' },
      },
      { activity: 'Disability', measure: 'ODI', baseline: '40', target: '20', measureSource: { kind: 'instrument', instrumentId: 'odi' } },
      { activity: 'Free text only', measure: 'how I feel', baseline: '', target: '' },
    ];
    const { version, createdAt: _c, createdBy: _b, ...body } = current;
    expect((await writer.request('PUT', `${base()}/care-plan`, { ...body, goals }, { 'if-match': `"${version}"` })).statusCode).toBe(201);
    const unknown = await writer.request(
      'PUT',
      `${base()}/care-plan`,
      { ...body, goals: [{ ...goals[1], measureSource: { kind: 'instrument', instrumentId: 'nope' } }] },
      { 'if-match': `"${version + 1}"` },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].pointer).toBe('/goals/0/measureSource/instrumentId');

    const progress = (await caregiver.request('GET', `${base()}/care-plan/progress`)).json();
    expect(progress.goals).toHaveLength(3);
    const [pain, peg, odi] = progress.goals;
    expect(pain).toMatchObject({ source: { kind: 'diary', measure: 'pain-intensity' }, direction: 'lower-is-better', movement: 'better' });
    expect(pain.latest).toMatchObject({ date: TODAY, count: 3 });
    expect(pain.latest.value).toBeCloseTo(13 / 3, 9);
    expect(pain.previous).toEqual({ date: '2026-05-26', count: 4, value: 6 });
    expect(pain.change).toMatchObject({ category: 'minimal' });
    expect(pain.change.rule).toMatch(/IMMPACT/);
    expect(peg).toMatchObject({
      source: { kind: 'instrument', instrumentId: 'peg' },
      movement: 'better',
      latest: { value: 4 },
      previous: { value: 6 },
    });
    expect(peg.change).toMatchObject({ category: 'improved' });
    expect(odi).toMatchObject({ points: [], latest: null, movement: null, change: null });
  });

  it("shows as-needed opioid use from the diary against the orders' maximum per day", async () => {
    const orderId = newId();
    expect(
      (
        await writer.request('PUT', `${base()}/medication-orders/${orderId}`, {
          formularyId: 'oxycodone',
          doseMg: 5,
          schedule: 'as-needed',
          maxPerDay: 2,
          route: 'oral',
          startDate: '2026-05-01',
        })
      ).statusCode,
    ).toBe(201);
    const prn = { name: 'Oxycodone 5 mg', regimen: 'as-needed', medicationOrderId: orderId };
    await logDay('2026-06-01', { medicines: [prn, prn, prn, { name: 'Ibuprofen', regimen: 'as-needed', formularyId: 'ibuprofen' }] });
    await logDay('2026-05-31', { medicines: [prn] });
    await logDay('2026-05-10', { medicines: [prn] }); // outside a 7-day window
    const use = (await owner.request('GET', `${base()}/medications/as-needed-use?days=7`)).json();
    expect(use).toMatchObject({ from: '2026-05-27', to: TODAY });
    expect(use.days.filter((d: { taken: number }) => d.taken > 0)).toEqual([
      { date: '2026-05-31', drug: 'oxycodone', taken: 1, allowed: 2, over: false },
      { date: '2026-06-01', drug: 'oxycodone', taken: 3, allowed: 2, over: true },
    ]);
    expect(use.drugs).toEqual([{ drug: 'oxycodone', taken: 4, daysUsed: 2, daysOver: 1, allowedToday: 2 }]);
    expect((await owner.request('GET', `${base()}/medications/as-needed-use?days=91`)).statusCode).toBe(400);
  });

  it('keeps the naloxone check: recorded by the patient, edited with If-Match, audited, seen by the care team', async () => {
    // Not answered yet is a state, not a missing resource (a 404 is a console error in every browser).
    const notYet = await owner.request('GET', `${base()}/naloxone-check`);
    expect(notYet.statusCode).toBe(200);
    expect(notYet.json()).toEqual({ answered: false });
    const first = await owner.request('PUT', `${base()}/naloxone-check`, { hasNaloxone: true, location: '  Kitchen drawer  ' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ hasNaloxone: true, location: 'Kitchen drawer', version: 1 });
    expect((await reader.request('PUT', `${base()}/naloxone-check`, { hasNaloxone: false }, { 'if-match': '"1"' })).statusCode).toBe(403);
    const stale = await caregiver.request('PUT', `${base()}/naloxone-check`, { hasNaloxone: false });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ hasNaloxone: true });
    const edited = await caregiver.request(
      'PUT',
      `${base()}/naloxone-check`,
      { hasNaloxone: true, location: 'Handbag' },
      { 'if-match': '"1"' },
    );
    expect(edited.json()).toMatchObject({ status: 'updated', version: 2, location: 'Handbag' });
    expect((await reader.request('GET', `${base()}/naloxone-check`)).json()).toMatchObject({
      answered: true,
      hasNaloxone: true,
      location: 'Handbag',
      version: 2,
    });
    expect((await owner.request('PUT', `${base()}/naloxone-check`, { hasNaloxone: 'yes' }, { 'if-match': '"2"' })).statusCode).toBe(400);
    const log = (await owner.request('GET', `${base()}/access-log?limit=100`)).json().items as { action: string }[];
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining(['naloxone_check.create', 'naloxone_check.update', 'naloxone_check.read']),
    );

    // The clinician's medicines summary (an as-needed oxycodone order is in effect from the test above)
    // shows the patient's answer in the naloxone flag, which stays until naloxone is on the list.
    let summary = (await reader.request('GET', `${base()}/medications/summary`)).json();
    expect(summary.patientFacts).toMatchObject({ patientReportsNaloxone: true });
    let flag = summary.regimen.flags.find((f: { id: string }) => f.id === 'naloxone-not-on-list');
    expect(flag).toMatchObject({ severity: 'caution' });
    expect(flag.message).toContain('the patient reports having naloxone');
    expect((await owner.request('PUT', `${base()}/naloxone-check`, { hasNaloxone: false }, { 'if-match': '"2"' })).statusCode).toBe(200);
    summary = (await reader.request('GET', `${base()}/medications/summary`)).json();
    flag = summary.regimen.flags.find((f: { id: string }) => f.id === 'naloxone-not-on-list');
    expect(flag.message).toContain('the patient reports having no naloxone');
    // With a §1.7 trigger (a benzodiazepine) the flag is a warning, and a reported "yes" does not lower
    // it: the patient's answer is not the clinician's documentation.
    expect(
      (
        await writer.request('PUT', `${base()}/medication-orders/${newId()}`, {
          formularyId: 'alprazolam',
          doseMg: 0.5,
          schedule: 'scheduled',
          timesPerDay: 2,
          route: 'oral',
          startDate: '2026-05-01',
          confirmHighRisk: ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'],
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await owner.request('PUT', `${base()}/naloxone-check`, { hasNaloxone: true, location: 'Handbag' }, { 'if-match': '"3"' }))
        .statusCode,
    ).toBe(200);
    summary = (await reader.request('GET', `${base()}/medications/summary`)).json();
    flag = summary.regimen.flags.find((f: { id: string }) => f.id === 'naloxone-not-on-list');
    expect(flag).toMatchObject({ severity: 'warning' });
    expect(flag.message).toContain('the patient reports having naloxone');
    // Reading the summary read the patient's answer, and the access log says so.
    const reads = (await owner.request('GET', `${base()}/access-log?limit=200`)).json().items as {
      action: string;
      actorName: string | null;
    }[];
    expect(reads.filter((e) => e.action === 'naloxone_check.read').length).toBeGreaterThanOrEqual(4);
  });

  it('assigns PEG and PGIC at 2, 6 and 12 weeks after a procedure, due through the job table; an edited date re-assigns them', async () => {
    const id = newId();
    const procedure = {
      type: 'medial-branch-block',
      date: '2026-05-26',
      levels: ['L4-L5'],
      side: 'right',
      intent: 'diagnostic',
      imageGuidance: 'fluoroscopy',
    };
    const res = await writer.request('PUT', `${base()}/procedures/${id}`, procedure);
    expect(res.statusCode).toBe(201);
    expect(res.json().followUps).toEqual([
      { weeks: 2, due: '2026-06-09', instruments: ['peg', 'pgic'] },
      { weeks: 6, due: '2026-07-07', instruments: ['peg', 'pgic'] },
      { weeks: 12, due: '2026-08-18', instruments: ['peg', 'pgic'] },
    ]);
    expect((await writer.request('PUT', `${base()}/procedures/${id}`, procedure)).json().status).toBe('unchanged');
    const followUps = async () =>
      (
        (await writer.request('GET', `${base()}/instrument-assignments`)).json().items as {
          instrumentId: string;
          nextDueAt: string | null;
          cancelledAt: string | null;
          organizationId: string | null;
        }[]
      ).filter(
        (a) =>
          a.cancelledAt === null &&
          (a.instrumentId === 'pgic' || (a.instrumentId === 'peg' && a.nextDueAt !== null && a.nextDueAt > '2026-06-05')),
      );
    let active = await followUps();
    // 09:00 in Auckland (NZST, UTC+12) is 21:00 UTC the day before.
    expect(active.map((a) => `${a.instrumentId} ${a.nextDueAt}`).sort()).toEqual([
      'peg 2026-06-08T21:00:00.000Z',
      'peg 2026-07-06T21:00:00.000Z',
      'peg 2026-08-17T21:00:00.000Z',
      'pgic 2026-06-08T21:00:00.000Z',
      'pgic 2026-07-06T21:00:00.000Z',
      'pgic 2026-08-17T21:00:00.000Z',
    ]);
    expect(active.every((a) => a.organizationId !== null)).toBe(true);

    const runner = createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 50, lockMinutes: 5, maxAttempts: 3 });
    t.clock.set('2026-06-08T21:00:00Z');
    await runner.runOnce();
    // (Read through the store: a week later the test sessions have expired.)
    const due = await t.deps.store.instrumentAssignments.listDue(pid, { openOnly: true, limit: 50 });
    expect(
      due
        .filter((d) => d.dueAt === '2026-06-08T21:00:00.000Z')
        .map((d) => d.instrumentId)
        .sort(),
    ).toEqual(['peg', 'pgic']);
    t.clock.set('2026-06-01T12:00:00Z');

    // Moving the date to 2026-04-07: the 2- and 6-week days have passed; only the 12-week one (06-30) is assigned, with NRS.
    const moved = await writer.request(
      'PUT',
      `${base()}/procedures/${id}`,
      { ...procedure, date: '2026-04-07', followUpInstrument: 'nrs' },
      { 'if-match': '"1"' },
    );
    expect(moved.statusCode).toBe(200);
    active = await followUps();
    expect(active.map((a) => `${a.instrumentId} ${a.nextDueAt}`)).toEqual(['pgic 2026-06-29T21:00:00.000Z']);
    const all = (await writer.request('GET', `${base()}/instrument-assignments`)).json().items as {
      instrumentId: string;
      nextDueAt: string | null;
      cancelledAt: string | null;
    }[];
    expect(all.filter((a) => a.instrumentId === 'nrs' && a.cancelledAt === null).map((a) => a.nextDueAt)).toEqual([
      '2026-06-29T21:00:00.000Z',
    ]);
    expect(
      (await owner.request('GET', `${base()}/instruments/due`))
        .json()
        .items.filter((d: { dueAt: string }) => d.dueAt === '2026-06-08T21:00:00.000Z'),
    ).toEqual([]);

    // Deleting the procedure (e.g. recorded in error) withdraws its follow-ups.
    expect((await writer.request('DELETE', `${base()}/procedures/${id}`)).statusCode).toBe(204);
    const afterDelete = (await writer.request('GET', `${base()}/instrument-assignments`)).json().items as {
      instrumentId: string;
      cancelledAt: string | null;
    }[];
    expect(afterDelete.filter((a) => (a.instrumentId === 'nrs' || a.instrumentId === 'pgic') && a.cancelledAt === null)).toEqual([]);

    // "none" assigns nothing; a caregiver cannot record procedures at all.
    const none = await owner.request('PUT', `${base()}/procedures/${newId()}`, { ...procedure, followUpInstrument: 'none' });
    expect(none.json().followUps.every((f: { instruments: string[] }) => f.instruments.length === 0)).toBe(true);
    expect((await caregiver.request('PUT', `${base()}/procedures/${newId()}`, procedure)).statusCode).toBe(403);
  });

  it('lets the patient or a caregiver record baseline sessions of a recorded pacing activity, as a new plan version', async () => {
    const current = (await owner.request('GET', `${base()}/care-plan`)).json();
    const { version, createdAt: _c, createdBy: _b, ...body } = current;
    const swimId = '019c1000-0000-7000-8000-00000000aaaa';
    const walkId = '019c1000-0000-7000-8000-00000000cccc';
    const pacing = [
      ...body.pacing,
      { id: swimId, activity: 'swimming', unit: 'lengths', startDate: '2026-06-10', sessionSource: 'recorded' },
      { id: walkId, activity: 'walking', unit: 'minutes', startDate: '2026-06-10', sessionSource: 'recorded' },
    ];
    expect((await writer.request('PUT', `${base()}/care-plan`, { ...body, pacing }, { 'if-match': `"${version}"` })).statusCode).toBe(201);
    const url = (date: string) => `${base()}/care-plan/pacing/${swimId}/sessions/${date}`;
    let v = version + 1;

    const first = await caregiver.request('PUT', url('2026-06-01'), { amount: 10 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ status: 'created', version: v + 1, activityId: swimId, session: { date: '2026-06-01', amount: 10 } });
    v += 1;
    // Idempotent by date: a retry changes nothing; a new amount replaces that day's session.
    expect((await caregiver.request('PUT', url('2026-06-01'), { amount: 10 })).json()).toMatchObject({ status: 'unchanged', version: v });
    const fixed = await owner.request('PUT', url('2026-06-01'), { amount: 11 });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'updated', version: v + 1 });
    v += 1;
    // After today, or on/after the start (it is a baseline session), is refused with a pointer.
    const future = await owner.request('PUT', url('2026-06-03'), { amount: 10 });
    expect(future.statusCode).toBe(400);
    expect(future.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(future.json().errors).toEqual([expect.objectContaining({ pointer: '/date' })]);
    expect((await owner.request('PUT', url('2026-05-31'), { amount: -1 })).statusCode).toBe(400);
    expect((await owner.request('PUT', url('2026-02-30'), { amount: 1 })).statusCode).toBe(400);
    // A read-only clinician may not; a diary-measured activity takes no recorded sessions; unknown ids are 404.
    expect((await reader.request('PUT', url('2026-05-31'), { amount: 12 })).statusCode).toBe(403);
    const gardening = body.pacing.find((a: { activity: string }) => a.activity === 'gardening');
    expect((await owner.request('PUT', `${base()}/care-plan/pacing/${gardening.id}/sessions/2026-05-31`, { amount: 12 })).statusCode).toBe(
      400,
    );
    expect(
      (await owner.request('PUT', `${base()}/care-plan/pacing/019c1000-0000-7000-8000-00000000bbbb/sessions/2026-05-31`, { amount: 12 }))
        .statusCode,
    ).toBe(404);
    expect((await owner.request('GET', `${base()}/care-plan`)).json()).toMatchObject({ version: v });

    for (const [date, amount] of [
      ['2026-05-31', 12],
      ['2026-06-02', 7],
    ] as const) {
      expect((await owner.request('PUT', url(date), { amount })).statusCode).toBe(201);
      v += 1;
    }
    const progress = (await owner.request('GET', `${base()}/care-plan/progress`)).json();
    const swim = progress.pacing.find((p: { activityId: string }) => p.activityId === swimId);
    // 11, 12, 7 lengths → baseline 10, starting quota 8 (80 %), from 2026-06-10.
    expect(swim).toMatchObject({ sessionsUsed: 3, status: { kind: 'not-started', startingQuota: 8, baseline: '10' } });
    const plan = (await owner.request('GET', `${base()}/care-plan`)).json();
    expect(plan.version).toBe(v);
    expect(plan.pacing.find((a: { id: string }) => a.id === swimId).sessions).toEqual([
      { date: '2026-05-31', amount: 12 },
      { date: '2026-06-01', amount: 11 },
      { date: '2026-06-02', amount: 7 },
    ]);
    const log = (await owner.request('GET', `${base()}/access-log?limit=200`)).json().items as { action: string }[];
    expect(log.filter((e) => e.action === 'care_plan.pacing_session.create')).toHaveLength(3);
    expect(log.filter((e) => e.action === 'care_plan.pacing_session.update')).toHaveLength(1);
    // The retry that changed nothing still read the plan, and says so.
    expect(log.filter((e) => e.action === 'care_plan.pacing_session.read')).toHaveLength(1);

    // A day has 1,440 minutes: more is refused at /amount and changes nothing; 1,440 itself is a day's worth.
    const walk = (date: string) => `${base()}/care-plan/pacing/${walkId}/sessions/${date}`;
    const tooLong = await owner.request('PUT', walk('2026-06-01'), { amount: 1441 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ pointer: '/amount' })]);
    expect((await owner.request('GET', `${base()}/care-plan`)).json()).toMatchObject({ version: v });
    expect((await owner.request('PUT', walk('2026-06-01'), { amount: 1440 })).statusCode).toBe(201);
    // The same bound when a clinician types the sessions into the plan.
    const latest = (await owner.request('GET', `${base()}/care-plan`)).json();
    const { version: lv, createdAt: _c2, createdBy: _b2, ...latestBody } = latest;
    const overlong = latestBody.pacing.map((a: { id: string; sessions: unknown[] }) =>
      a.id === walkId ? { ...a, sessions: [{ date: '2026-06-02', amount: 1441 }] } : a,
    );
    const refused = await writer.request('PUT', `${base()}/care-plan`, { ...latestBody, pacing: overlong }, { 'if-match': `"${lv}"` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ pointer: expect.stringMatching(/^\/pacing\/\d+\/sessions\/0\/amount$/) }),
    ]);
  });
});
