// The pause before a high-risk order: crossing 50 or 90 MME a day, or adding an opioid–benzodiazepine
// pair, is refused until the clinician confirms having read the flags (CDC 2022 for the MME
// thresholds; the FDA 2016 boxed warning for the pair), and the confirmation is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { type Client, createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

let ids = 0;
const newId = () => `019b2000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

// Oxycodone's CDC 2022 conversion factor is 1.5: 5 mg twice a day is 15 MME/day, 10 mg four times 60,
// 20 mg four times 120.
const oxycodone = (doseMg: number, timesPerDay: number, extra: Record<string, unknown> = {}) => ({
  formularyId: 'oxycodone',
  doseMg,
  schedule: 'scheduled',
  timesPerDay,
  route: 'oral',
  startDate: '2026-05-01',
  ...extra,
});
const alprazolam = (extra: Record<string, unknown> = {}) => ({
  formularyId: 'alprazolam',
  doseMg: 0.5,
  schedule: 'scheduled',
  timesPerDay: 2,
  route: 'oral',
  startDate: '2026-05-01',
  ...extra,
});

describe.each(DIALECTS)('the pause before a high-risk medication order on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let clinician: Client;
  let pid: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true });
    owner = s.client;
    pid = s.me.patient!.id;
    clinician = (await clinicianWithAccess(t, owner, pid, ['read', 'write'])).clinician;
  });
  afterAll(async () => {
    await t.close();
  });

  const confirmations = async () =>
    ((await owner.request('GET', `/api/patients/${pid}/access-log?limit=200`)).json().items as { action: string }[])
      .map((e) => e.action)
      .filter((a) => a.startsWith('medication_order.confirmed.'));

  it('asks for a confirmation when an order first crosses 50 MME/day or pairs an opioid with a benzodiazepine, and audits it', async () => {
    const order = newId();
    const url = `/api/patients/${pid}/medication-orders/${order}`;
    expect((await clinician.request('PUT', url, oxycodone(5, 2))).statusCode).toBe(201);

    const unconfirmed = await clinician.request('PUT', url, oxycodone(10, 4), { 'if-match': '"1"' });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.headers['content-type']).toContain('application/problem+json');
    expect(unconfirmed.json().code).toBe('high-risk-order-unconfirmed');
    expect(unconfirmed.json().flags.map((f: { id: string }) => f.id)).toEqual(['mme-at-least-50']);
    expect(unconfirmed.json().flags[0].source).toContain('CDC');
    // Nothing was written.
    const list = (await clinician.request('GET', `/api/patients/${pid}/medication-orders`)).json();
    expect(list.current.find((o: { id: string }) => o.id === order)).toMatchObject({ version: 1, doseMg: 5 });
    expect(await confirmations()).toEqual([]);

    const confirmed = await clinician.request('PUT', url, oxycodone(10, 4, { confirmHighRisk: ['mme-at-least-50'] }), {
      'if-match': '"1"',
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'updated', version: 2, doseMg: 10 });
    expect(confirmed.json()).not.toHaveProperty('confirmHighRisk');
    // Confirming one flag does not confirm another: the benzodiazepine below needs its own.
    expect(await confirmations()).toEqual(['medication_order.confirmed.mme-at-least-50']);

    // A change that raises nothing new (the regimen is already above 50) saves without a pause.
    expect((await clinician.request('PUT', url, oxycodone(10, 4, { instructions: 'With food' }), { 'if-match': '"2"' })).statusCode).toBe(
      200,
    );

    const benzo = `/api/patients/${pid}/medication-orders/${newId()}`;
    expect((await clinician.request('PUT', benzo, alprazolam({ confirmHighRisk: ['mme-at-least-50'] }))).statusCode).toBe(422);
    const pair = await clinician.request('PUT', benzo, alprazolam());
    expect(pair.statusCode).toBe(422);
    expect(pair.json().flags.map((f: { id: string }) => f.id)).toEqual(['opioid-benzodiazepine']);
    expect((await clinician.request('PUT', benzo, alprazolam({ confirmHighRisk: ['opioid-benzodiazepine'] }))).statusCode).toBe(201);
    expect(await confirmations()).toContain('medication_order.confirmed.opioid-benzodiazepine');
  });

  it('weighs an order that starts later on the day it starts, and crossing 90 MME/day asks again', async () => {
    const later = await clinician.request(
      'PUT',
      `/api/patients/${pid}/medication-orders/${newId()}`,
      oxycodone(5, 4, { startDate: '2026-07-01' }),
    );
    // 60 + 30 = 90 MME/day from July: at 90 the second threshold is reached.
    expect(later.statusCode).toBe(422);
    expect(later.json().flags.map((f: { id: string }) => f.id)).toEqual(['mme-at-least-90']);
    // A confirmation that is not one of the flags is malformed.
    expect(
      (
        await clinician.request(
          'PUT',
          `/api/patients/${pid}/medication-orders/${newId()}`,
          oxycodone(5, 1, { confirmHighRisk: ['anything'] }),
        )
      ).statusCode,
    ).toBe(400);
    // Stopped before today, it weighs nothing.
    const past = await clinician.request(
      'PUT',
      `/api/patients/${pid}/medication-orders/${newId()}`,
      oxycodone(20, 4, { startDate: '2026-01-01', stopDate: '2026-02-01' }),
    );
    expect(past.statusCode).toBe(201);
  });
});
