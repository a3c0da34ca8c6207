import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { Client, createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';
import { MME_GOLDEN_CASES, type MmeGoldenCase } from '../../../domain/medications/mme.golden.ts';

let idCounter = 0;
const newId = () => `019b0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

/** A golden regimen item as a medication order (as-needed items at their maximum per day). */
function orderOf(item: Record<string, unknown>, startDate = '2026-05-01'): Record<string, unknown> {
  const patch = item.doseMcgPerHour !== undefined;
  return {
    formularyId: item.drug,
    ...(item.doseMg !== undefined ? { doseMg: item.doseMg } : {}),
    ...(patch ? { doseMcgPerHour: item.doseMcgPerHour } : {}),
    ...(item.acetaminophenMg !== undefined ? { acetaminophenMg: item.acetaminophenMg } : {}),
    schedule: item.prn ? 'as-needed' : 'scheduled',
    ...(item.perDay !== undefined ? (item.prn ? { maxPerDay: item.perDay } : { timesPerDay: item.perDay }) : {}),
    route: patch ? 'transdermal' : 'oral',
    startDate,
    // These cases are about the figures; the pause before a high-risk order has its own test.
    confirmHighRisk: ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'],
  };
}

const golden = (prefix: string): MmeGoldenCase => MME_GOLDEN_CASES.find((c) => c.name.startsWith(prefix))!;

describe.each(DIALECTS)('medications, MME and tapers on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let writer: Client;
  let reader: Client;
  let caregiver: Client;

  async function newPatient(): Promise<{ client: Client; pid: string }> {
    const s = await signUp(t.app, { patient: true, timeZone: 'America/New_York' });
    return { client: s.client, pid: s.me.patient!.id };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, pid } = await newPatient());
    writer = (await clinicianWithAccess(t, owner, pid, ['read', 'write'])).clinician;
    reader = (await clinicianWithAccess(t, owner, pid, ['read'])).clinician;
    caregiver = await caregiverOf(t, owner, pid);
  });
  afterAll(async () => {
    await t.close();
  });

  for (const name of ['M13', 'M4', 'M17']) {
    it(`returns the domain's MME and flags for golden regimen ${name} entered as orders`, async () => {
      const c = golden(name);
      const p = await newPatient();
      for (const item of c.input.items) {
        const res = await p.client.request('PUT', `/api/patients/${p.pid}/medication-orders/${newId()}`, orderOf(item));
        expect(res.statusCode, res.body).toBe(201);
      }
      const summary = (await p.client.request('GET', `/api/patients/${p.pid}/medications/summary`)).json();
      expect(summary.orders).toHaveLength(c.input.items.length);
      expect(summary.regimen.totalMme).toBe(c.expected.totalMme);
      expect(summary.regimen.perDrug).toEqual(c.expected.perDrug);
      expect(summary.regimen.notCalculable.map((n: { drug: string }) => n.drug)).toEqual(c.expected.notCalculable);
      expect(summary.regimen.flags.map((f: { id: string }) => f.id).sort()).toEqual([...c.expected.flags].sort());
      for (const flag of summary.regimen.flags) expect(flag.source).toMatch(/\S/);
      // The typing helper gives the same answer for the same regimen, without a patient.
      const typed = (await writer.request('POST', '/api/mme', c.input)).json();
      expect(typed.totalMme).toBe(c.expected.totalMme);
      expect(typed.flags.map((f: { id: string }) => f.id).sort()).toEqual([...c.expected.flags].sort());
    });
  }

  it('keeps stopped orders in the history and leaves them out of the current regimen', async () => {
    const p = await newPatient();
    const id = newId();
    const url = `/api/patients/${p.pid}/medication-orders/${id}`;
    expect((await p.client.request('PUT', url, orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }))).statusCode).toBe(201);
    expect((await p.client.request('GET', `/api/patients/${p.pid}/medications/summary`)).json().regimen.totalMme).toBe(90);
    const blind = await p.client.request('PUT', url, { ...orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }), stopDate: '2026-05-20' });
    expect(blind.statusCode).toBe(409);
    expect(blind.json()).toMatchObject({ code: 'clinical-record-conflict', current: { version: 1, stopDate: null } });
    const stopped = await p.client.request(
      'PUT',
      url,
      { ...orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }), stopDate: '2026-05-20' },
      { 'if-match': '"1"' },
    );
    expect(stopped.json()).toMatchObject({ status: 'updated', version: 2, stopDate: '2026-05-20' });
    const stale = await p.client.request('PUT', url, orderOf({ drug: 'oxycodone', doseMg: 5, perDay: 6 }), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2 });
    const list = (await p.client.request('GET', `/api/patients/${p.pid}/medication-orders`)).json();
    expect(list.current).toEqual([]);
    expect(list.history.map((o: { id: string }) => o.id)).toEqual([id]);
    expect((await p.client.request('GET', `/api/patients/${p.pid}/medications/summary`)).json().regimen.totalMme).toBe(0);
  });

  it('answers dose-rule violations with pointers and writes nothing', async () => {
    const before = await snapshotDatabase(t.database.handle);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }), formularyId: 'unobtainium' }, '/formularyId'],
      [{ ...orderOf({ drug: 'oxycodone', perDay: 6 }) }, '/doseMg'],
      [{ ...orderOf({ drug: 'oxycodone', doseMg: 10 }) }, '/timesPerDay'],
      [{ ...orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 4, prn: true }), timesPerDay: 4 }, '/timesPerDay'],
      [{ ...orderOf({ drug: 'fentanyl-transdermal', doseMcgPerHour: 25 }), route: 'oral' }, '/route'],
      [{ ...orderOf({ drug: 'fentanyl-transdermal', doseMcgPerHour: 25 }), timesPerDay: 1 }, '/timesPerDay'],
      [{ ...orderOf({ drug: 'oxycodone', doseMg: 10.00001, perDay: 6 }) }, '/doseMg'],
      [{ ...orderOf({ drug: 'hydrocodone-acetaminophen', doseMg: 10, perDay: 6 }) }, '/acetaminophenMg'],
      [{ ...orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }), stopDate: '2026-04-01' }, '/stopDate'],
      [{ ...orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }), startDate: '2026-02-30' }, '/startDate'],
    ];
    for (const [body, pointer] of cases) {
      const res = await owner.request('PUT', `/api/patients/${pid}/medication-orders/${newId()}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().errors.map((e: { pointer: string }) => e.pointer),
        JSON.stringify(body),
      ).toContain(pointer);
    }
    const mme = await owner.request('POST', '/api/mme', { items: [{ drug: 'oxycodone', perDay: 2 }, { drug: 'nothing-like-it' }] });
    expect(mme.statusCode).toBe(400);
    expect(mme.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/items/0/doseMg', '/items/1/drug']);
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
    expect((await new Client(t.app).request('POST', '/api/mme', { items: [] })).statusCode).toBe(401);
  });

  it('lets a clinician with write scope order medicines; refuses read-only clinicians and caregivers', async () => {
    const body = orderOf({ drug: 'gabapentin', doseMg: 300, perDay: 3 });
    expect((await writer.request('PUT', `/api/patients/${pid}/medication-orders/${newId()}`, body)).statusCode).toBe(201);
    const before = await snapshotDatabase(t.database.handle);
    expect((await reader.request('PUT', `/api/patients/${pid}/medication-orders/${newId()}`, body)).statusCode).toBe(403);
    expect((await caregiver.request('PUT', `/api/patients/${pid}/medication-orders/${newId()}`, body)).statusCode).toBe(403);
    expect((await caregiver.request('PUT', `/api/patients/${pid}/taper-plans/${newId()}`, { startDate: '2026-06-15' })).statusCode).toBe(
      403,
    );
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
    expect((await reader.request('GET', `/api/patients/${pid}/medications/summary`)).statusCode).toBe(200);
    expect((await caregiver.request('GET', `/api/patients/${pid}/medications/summary`)).statusCode).toBe(200);
  });

  it('plans a taper from the current regimen, never increasing, and pauses and resumes it', async () => {
    const p = await newPatient();
    const none = await p.client.request('PUT', `/api/patients/${p.pid}/taper-plans/${newId()}`, { startDate: '2026-06-15' });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('nothing-to-taper');
    await p.client.request(
      'PUT',
      `/api/patients/${p.pid}/medication-orders/${newId()}`,
      orderOf({ drug: 'oxycodone', doseMg: 10, perDay: 6 }),
    );
    await p.client.request(
      'PUT',
      `/api/patients/${p.pid}/medication-orders/${newId()}`,
      orderOf({ drug: 'alprazolam', doseMg: 0.5, perDay: 2 }),
    );
    const id = newId();
    const url = `/api/patients/${p.pid}/taper-plans/${id}`;
    const created = await writer.request('PUT', url, { startDate: '2026-06-15' });
    expect(created.statusCode).toBe(404); // the writer is not this patient's clinician
    const made = await p.client.request('PUT', url, { startDate: '2026-06-15', strengthsByDrug: { oxycodone: [5, 10] } });
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json();
    const doses = plan.plan.steps.map(
      (s: { items: { drug: string; dailyDose: number }[] }) => s.items.find((i) => i.drug === 'oxycodone')!.dailyDose,
    );
    expect(doses[0]).toBe(60);
    expect(doses.at(-1)).toBe(0);
    for (let i = 1; i < doses.length; i++) expect(doses[i]).toBeLessThanOrEqual(doses[i - 1]);
    expect(plan.plan.steps[0].totalMme).toBe(90);
    expect(plan.plan.notes.join(' ')).toMatch(/benzodiazepine/);
    expect(plan.schedule.steps[1].plainLanguage).toMatch(/^From 2026-07-15: oxycodone 55 mg a day in total\.$/);
    expect((await p.client.request('PUT', url, { startDate: '2026-06-15', strengthsByDrug: { oxycodone: [5, 10] } })).json().status).toBe(
      'unchanged',
    );

    const paused = await p.client.request('POST', `${url}/pause`, { on: '2026-07-01' });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().schedule.pausedSince).toBe('2026-07-01');
    expect(paused.json().schedule.steps[1].scheduledStart).toBeNull();
    expect((await p.client.request('POST', `${url}/pause`, { on: '2026-07-02' })).json().code).toBe('taper-pause-invalid');
    const resumed = (await p.client.request('POST', `${url}/resume`, { on: '2026-07-11' })).json();
    expect(resumed.schedule.pausedSince).toBeNull();
    expect(resumed.schedule.steps[1].scheduledStart).toBe('2026-07-25');
    const read = (await p.client.request('GET', url)).json();
    expect(read.events).toEqual([
      { kind: 'pause', on: '2026-07-01' },
      { kind: 'resume', on: '2026-07-11' },
    ]);
    expect((await p.client.request('GET', `/api/patients/${p.pid}/taper-plans`)).json().items).toHaveLength(1);
    // A taper under way (started before today) is a fact the flag rules read.
    expect((await p.client.request('GET', `/api/patients/${p.pid}/medications/summary`)).json().patientFacts.tapering).toBeUndefined();
    expect((await p.client.request('PUT', `/api/patients/${p.pid}/taper-plans/${newId()}`, { startDate: '2026-05-25' })).statusCode).toBe(
      201,
    );
    expect((await p.client.request('GET', `/api/patients/${p.pid}/medications/summary`)).json().patientFacts).toMatchObject({
      tapering: true,
    });

    // Dates whose schedule would pass 9999-12-31 are the client's error (400 problem+json), not a 500.
    const late = await p.client.request('PUT', `/api/patients/${p.pid}/taper-plans/${newId()}`, {
      startDate: '9999-10-01',
      strengthsByDrug: { oxycodone: [5, 10] },
    });
    expect(late.statusCode, late.body).toBe(400);
    expect(late.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(late.json().errors).toEqual([expect.objectContaining({ pointer: '/startDate' })]);
    expect((await p.client.request('POST', `${url}/pause`, { on: '2026-08-01' })).statusCode).toBe(200);
    const farResume = await p.client.request('POST', `${url}/resume`, { on: '9999-12-31' });
    expect(farResume.statusCode, farResume.body).toBe(400);
    expect(farResume.json().errors).toEqual([expect.objectContaining({ pointer: '/on' })]);
    expect((await p.client.request('GET', url)).json().events).toHaveLength(3);
  });
});
