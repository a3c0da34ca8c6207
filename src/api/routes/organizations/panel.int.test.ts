// The clinic panel over HTTP on each engine: summaries computed from real records after real writes,
// worst first, searchable, filterable and paged, and nothing shown beyond what the clinic may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_HANDLERS } from '../../main.ts';
import { createJobRunner } from '../../../app/jobs.ts';
import { ensureTriageSweepScheduled } from '../../../app/triage.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { type Client, createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

let ids = 0;
const newId = () => `019b3000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

// The test clock stands at 2026-06-01T12:00Z: 14:00 on 1 June in Berlin.
const entry = (localDate: string, intensity: number) => ({
  localDate,
  localTime: '09:00',
  timeZone: 'Europe/Berlin',
  recordedAt: `${localDate}T07:00:00Z`,
  intensity,
  regions: [{ code: 'lumbar-spine', intensity, qualities: ['aching'] }],
  mode: 'recalled',
});
const order = (formularyId: string, doseMg: number, extra: Record<string, unknown> = {}) => ({
  formularyId,
  doseMg,
  schedule: 'scheduled',
  timesPerDay: 4,
  route: 'oral',
  startDate: '2026-05-01',
  ...extra,
});

interface Row {
  patient: { id: string; displayName: string };
  openAlerts: number;
  triage: null | Record<string, unknown>;
}

describe.each(DIALECTS)('the clinic panel on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let clinician: Client;
  let org: { id: string; shareCode: string };
  const patients: Record<string, { client: Client; id: string }> = {};
  const panel = async (query = '') => {
    const res = await clinician.request('GET', `/api/organizations/${org.id}/panel${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Row[]; total: number };
  };
  const names = (rows: Row[]) => rows.map((r) => r.patient.displayName);

  beforeAll(async () => {
    // Sessions outlive the days the last test moves the clock by.
    t = await createTestApp(dialect, { sessionIdleMinutes: 30 * 24 * 60, sessionAbsoluteHours: 90 * 24 });
    admin = (await signUp(t.app)).client;
    org = (await admin.request('POST', '/api/organizations', { name: 'Panel clinic' })).json();
    const email = `panel-physician-${Date.now()}@example.test`;
    clinician = (await signUp(t.app, { email })).client;
    const { code } = (await admin.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'physician' })).json();
    expect((await clinician.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
    for (const [name, scopes] of [
      ['Alice Worse', ['read', 'write']],
      ['Bob Meds', ['read', 'write']],
      ['Cara Quiet', ['read', 'write']],
      ['Dan Alert', ['read', 'write']],
      ['Eve Write_Only', ['write']],
    ] as const) {
      const s = await signUp(t.app, { patient: true, name });
      patients[name.split(' ')[0]!] = { client: s.client, id: s.me.patient!.id };
      const shared = await s.client.request('POST', `/api/patients/${s.me.patient!.id}/care-relationships`, {
        shareCode: org.shareCode,
        scopes,
      });
      expect(shared.statusCode).toBe(201);
    }
    const diary = async (who: string, localDate: string, intensity: number) =>
      expect(
        (
          await patients[who]!.client.request(
            'PUT',
            `/api/patients/${patients[who]!.id}/diary-entries/${newId()}`,
            entry(localDate, intensity),
          )
        ).statusCode,
      ).toBe(201);
    // Alice: 3 in mid-May, 6 in the last week: a rise of 3 points.
    await diary('Alice', '2026-05-10', 3);
    await diary('Alice', '2026-05-12', 3);
    await diary('Alice', '2026-05-30', 6);
    // Bob: steady, with oxycodone 20 mg four times a day (CDC 2022 factor 1.5: 120 MME/day) and alprazolam.
    await diary('Bob', '2026-05-31', 4);
    await diary('Bob', '2026-05-15', 4);
    const bob = patients.Bob!.id;
    const confirm = { confirmHighRisk: ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'] };
    expect(
      (await clinician.request('PUT', `/api/patients/${bob}/medication-orders/${newId()}`, order('oxycodone', 20, confirm))).statusCode,
    ).toBe(201);
    const benzo = await clinician.request('PUT', `/api/patients/${bob}/medication-orders/${newId()}`, order('alprazolam', 0.5, confirm));
    expect(benzo.statusCode, benzo.body).toBe(201);
    // And sublingual buprenorphine, whose MME CDC 2022 does not calculate: the total must say it leaves it out.
    const bupUrl = `/api/patients/${bob}/medication-orders/${newId()}`;
    const bup = {
      formularyId: 'buprenorphine-sublingual',
      doseMg: 2,
      schedule: 'scheduled',
      timesPerDay: 1,
      route: 'sublingual',
      startDate: '2026-05-01',
    };
    let bupRes = await clinician.request('PUT', bupUrl, bup);
    if (bupRes.statusCode === 422 && bupRes.json().code === 'high-risk-order-unconfirmed')
      bupRes = await clinician.request('PUT', bupUrl, { ...bup, confirmHighRisk: bupRes.json().flags.map((f: { id: string }) => f.id) });
    expect(bupRes.statusCode, bupRes.body).toBe(201);
    // Cara last wrote three weeks ago. Dan is steady and answers PHQ-9 item 9 above 0: an urgent alert for the clinic.
    await diary('Cara', '2026-05-11', 2);
    await diary('Dan', '2026-06-01', 2);
    const dan = patients.Dan!;
    const phq9 = await dan.client.request('POST', `/api/patients/${dan.id}/instrument-responses`, {
      id: newId(),
      instrumentId: 'phq-9',
      answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1 },
    });
    expect(phq9.statusCode, phq9.body).toBe(201);
    // Eve too: the alert is the clinic's, but a clinic that may not read her record must not see it.
    const eve = patients.Eve!;
    const evePhq9 = await eve.client.request('POST', `/api/patients/${eve.id}/instrument-responses`, {
      id: newId(),
      instrumentId: 'phq-9',
      answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1, 9: 1 },
    });
    expect(evePhq9.statusCode, evePhq9.body).toBe(201);
    // Two PEG results for Alice: 4, then 6 (PEG's 1-point threshold: worsened).
    for (const answers of [
      { 1: 4, 2: 4, 3: 4 },
      { 1: 6, 2: 6, 3: 6 },
    ]) {
      t.clock.advanceMinutes(1);
      const peg = await patients.Alice!.client.request('POST', `/api/patients/${patients.Alice!.id}/instrument-responses`, {
        id: newId(),
        instrumentId: 'peg',
        answers,
      });
      expect(peg.statusCode, peg.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every sharing patient before any summary is computed, with none shown', async () => {
    const page = await panel('?sort=name');
    expect(names(page.items)).toEqual(['Alice Worse', 'Bob Meds', 'Cara Quiet', 'Dan Alert', 'Eve Write_Only']);
    expect(page.items.every((r) => r.triage === null)).toBe(true);
  });

  it('summarises each patient from their records once the writes are projected', async () => {
    await t.triage.flush();
    const rows = new Map((await panel('?sort=name')).items.map((r) => [r.patient.displayName.split(' ')[0], r]));
    expect(rows.get('Alice')!.triage).toMatchObject({
      lastCheckInDate: '2026-05-30',
      daysSinceCheckIn: 2,
      painRecent: 6,
      painBaseline: 3,
      painChange: 'worsened',
      pegScore: 6,
      pegChange: 'worsened',
      worsening: true,
      lapsed: false,
      mmePerDay: null,
      mmeNotCalculable: 0,
      safetyFlags: [],
    });
    expect(rows.get('Bob')!.triage).toMatchObject({
      painRecent: 4,
      painBaseline: 4,
      painChange: 'none',
      worsening: false,
      mmePerDay: 120,
      mmeNotCalculable: 1,
    });
    expect(rows.get('Bob')!.triage!.safetyFlags).toEqual(
      expect.arrayContaining(['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine']),
    );
    expect(rows.get('Cara')!.triage).toMatchObject({ lastCheckInDate: '2026-05-11', daysSinceCheckIn: 21, lapsed: true, painRecent: null });
    expect(rows.get('Dan')!.openAlerts).toBe(1);
    expect(rows.get('Dan')!.triage).toMatchObject({ lapsed: false, worsening: false });
    // A clinic granted only 'write' sees the name, never the summary or its alerts.
    expect(rows.get('Eve')).toMatchObject({ triage: null, openAlerts: 0 });
  });

  it('orders worst first: open alerts, then safety flags, then worsening, then a lapsed diary', async () => {
    await t.triage.flush();
    expect(names((await panel()).items)).toEqual(['Dan Alert', 'Bob Meds', 'Alice Worse', 'Cara Quiet', 'Eve Write_Only']);
    expect(names((await panel('?sort=pain')).items).slice(0, 2)).toEqual(['Alice Worse', 'Bob Meds']);
    // Longest without a check-in first; a name the clinic may not read a summary of comes last.
    expect(names((await panel('?sort=last-check-in')).items)).toEqual([
      'Cara Quiet',
      'Alice Worse',
      'Bob Meds',
      'Dan Alert',
      'Eve Write_Only',
    ]);
  });

  it('filters by flag and searches names in any case, with % and _ taken as letters', async () => {
    expect(names((await panel('?filter=alerts')).items)).toEqual(['Dan Alert']);
    expect(names((await panel('?filter=safety')).items)).toEqual(['Bob Meds']);
    expect(names((await panel('?filter=worsening')).items)).toEqual(['Alice Worse']);
    expect(names((await panel('?filter=lapsed')).items)).toEqual(['Cara Quiet']);
    expect(names((await panel('?search=aLi')).items)).toEqual(['Alice Worse']);
    // Unescaped, "_o" would also match "Bob" and "Quiet".
    expect(names((await panel('?search=_o')).items)).toEqual(['Eve Write_Only']);
    expect((await panel('?search=%25')).total).toBe(0);
  });

  it('pages with a total, and a page past the end is empty with the same total', async () => {
    const first = await panel('?limit=2');
    expect(first.total).toBe(5);
    expect(names(first.items)).toEqual(['Dan Alert', 'Bob Meds']);
    expect(names((await panel('?limit=2&offset=4')).items)).toEqual(['Eve Write_Only']);
    expect(await panel('?limit=2&offset=10')).toMatchObject({ items: [], total: 5 });
  });

  it('logs a read in the access log of the patients on the page only, naming the summary where one was shown', async () => {
    const logged = async (who: string, action: string) => {
      const res = await patients[who]!.client.request('GET', `/api/patients/${patients[who]!.id}/access-log?limit=200`);
      return (res.json().items as { action: string }[]).filter((e) => e.action === action).length;
    };
    const [dan, eve] = [await logged('Dan', 'patient.panel-summary'), await logged('Eve', 'patient.list')];
    await panel('?limit=1');
    expect(await logged('Dan', 'patient.panel-summary')).toBe(dan + 1);
    expect(await logged('Eve', 'patient.list')).toBe(eve);
    await panel('?sort=name&search=eve');
    // Eve's clinic may not read her record: it saw her name only.
    expect(await logged('Eve', 'patient.list')).toBe(eve + 1);
    expect(await logged('Eve', 'patient.panel-summary')).toBe(0);
  });

  it('refuses admins, outsiders and malformed queries without a 500', async () => {
    expect((await admin.request('GET', `/api/organizations/${org.id}/panel`)).statusCode).toBe(403);
    const outsider = (await signUp(t.app)).client;
    expect((await outsider.request('GET', `/api/organizations/${org.id}/panel`)).statusCode).toBe(404);
    for (const q of [
      '?sort=worst',
      '?filter=everything',
      '?limit=0',
      '?limit=500',
      '?offset=-1',
      '?extra=1',
      `?search=${'x'.repeat(101)}`,
    ]) {
      const res = await clinician.request('GET', `/api/organizations/${org.id}/panel${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('recomputes summaries as days pass without a write (the sweep), and drops a patient who stops sharing', async () => {
    t.clock.advanceMinutes(8 * 24 * 60);
    await ensureTriageSweepScheduled(t.deps);
    await createJobRunner(t.deps, JOB_HANDLERS, { intervalMs: 1000, batchSize: 50, lockMinutes: 5, maxAttempts: 3 }).runOnce();
    const rows = new Map((await panel('?sort=name')).items.map((r) => [r.patient.displayName.split(' ')[0], r]));
    expect(rows.get('Alice')!.triage).toMatchObject({ daysSinceCheckIn: 10, lapsed: true });
    expect(rows.get('Dan')!.triage).toMatchObject({ lapsed: true });

    const cara = patients.Cara!;
    const relationships = (await cara.client.request('GET', `/api/patients/${cara.id}/care-relationships`)).json();
    const list = (Array.isArray(relationships) ? relationships : relationships.items) as { id: string }[];
    expect((await cara.client.request('DELETE', `/api/patients/${cara.id}/care-relationships/${list[0]!.id}`)).statusCode).toBe(204);
    expect(names((await panel()).items)).not.toContain('Cara Quiet');
  });
});
