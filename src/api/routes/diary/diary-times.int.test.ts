// When and where a diary record says it happened: time zones as canonical IANA names, local times
// that never existed, and times in the future — refused over HTTP with the field named, writing nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

let idCounter = 0;
const newId = () => `019a0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

/** A real-time entry at the test clock's now (2026-06-01T12:00Z, 14:00 in Berlin). */
const entryAt = (overrides: Record<string, unknown> = {}) => ({
  localDate: '2026-06-01',
  localTime: '14:00',
  timeZone: 'Europe/Berlin',
  recordedAt: '2026-06-01T12:00:00Z',
  intensity: 5,
  mode: 'real-time',
  ...overrides,
});

const NOW = '2026-06-01T12:00:00.000Z';

describe.each(DIALECTS)('diary times on %s', (dialect) => {
  let t: TestApp;
  let patient: Client;
  let pid: string;
  const entryUrl = (id: string) => `/api/patients/${pid}/diary-entries/${id}`;
  const pulled = async () =>
    (await patient.request('GET', `/api/patients/${pid}/diary-entries`)).json().items as { id: string; entry: { timeZone: string } }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    patient = s.client;
    pid = s.me.patient!.id;
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    t.clock.set(NOW);
  });

  /** Expects a 400 problem naming `pointer` whose detail matches `detail`, and that nothing was written. */
  async function expectRefused(
    res: { statusCode: number; headers: Record<string, unknown>; json(): { errors: { pointer: string; detail: string }[] } },
    pointer: string,
    detail: RegExp,
    before: number,
  ) {
    expect(res.statusCode).toBe(400);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    expect(res.json().errors).toEqual(expect.arrayContaining([{ pointer, detail: expect.stringMatching(detail) }]));
    expect(await pulled()).toHaveLength(before);
  }

  it('refuses offset-style zones and stores IANA names in their canonical spelling (entries, batches, flares, block diaries)', async () => {
    const before = (await pulled()).length;
    for (const timeZone of ['+01:00', '-23:59']) {
      await expectRefused(
        await patient.request('PUT', entryUrl(newId()), entryAt({ timeZone })),
        '/timeZone',
        /IANA time zone name/,
        before,
      );
      const batch = await patient.request('POST', `/api/patients/${pid}/diary-entries/batch`, {
        items: [{ id: newId(), entry: entryAt({ timeZone }) }],
      });
      expect(batch.json().results[0]).toMatchObject({ status: 'invalid', errors: [{ pointer: '/items/0/entry/timeZone' }] });
      const flare = await patient.request('PUT', `/api/patients/${pid}/flares/${newId()}`, { startedAt: '2026-05-31T08:00:00Z', timeZone });
      expect(flare.statusCode).toBe(400);
      expect(flare.json().errors).toEqual([expect.objectContaining({ pointer: '/timeZone' })]);
      const block = await patient.request('PUT', `/api/patients/${pid}/block-diaries/${newId()}`, {
        procedureLabel: 'Medial branch block',
        procedureAt: '2026-05-31T08:00:00Z',
        timeZone,
        baselineIntensity: 7,
      });
      expect(block.statusCode).toBe(400);
      expect(block.json().errors).toEqual([expect.objectContaining({ pointer: '/timeZone' })]);
    }
    expect((await patient.request('GET', `/api/patients/${pid}/flares`)).json().items).toEqual([]);

    const id = newId();
    const created = await patient.request('PUT', entryUrl(id), entryAt({ timeZone: 'europe/berlin' }));
    expect(created.statusCode).toBe(201);
    expect(created.json().entry.timeZone).toBe('Europe/Berlin');
    // The same entry sent again in the other spelling is the same content: unchanged, not a conflict.
    expect((await patient.request('PUT', entryUrl(id), entryAt({ timeZone: 'Europe/Berlin' }))).json().status).toBe('unchanged');
    const utc = await patient.request('PUT', entryUrl(newId()), entryAt({ timeZone: 'Etc/UTC', localTime: '12:00' }));
    expect(utc.json().entry.timeZone).toBe('UTC');
    const gmt = await patient.request('PUT', entryUrl(newId()), entryAt({ timeZone: 'Etc/GMT-2' }));
    expect(gmt.json().entry.timeZone).toBe('Etc/GMT-2');
    const csv = (await patient.request('GET', `/api/patients/${pid}/diary-export.csv`)).body;
    expect(csv).toContain(',Europe/Berlin,');
    expect(csv).not.toContain('europe/berlin');

    const flare = await patient.request('PUT', `/api/patients/${pid}/flares/${newId()}`, {
      startedAt: '2026-05-31T08:00:00Z',
      timeZone: 'america/new_york',
    });
    expect(flare.json().timeZone).toBe('America/New_York');
    const block = await patient.request('PUT', `/api/patients/${pid}/block-diaries/${newId()}`, {
      procedureLabel: 'Medial branch block',
      procedureAt: '2026-05-31T08:00:00Z',
      timeZone: 'utc',
      baselineIntensity: 7,
    });
    expect(block.json().timeZone).toBe('UTC');
  });

  it('refuses a local time the zone skipped when clocks went forward, saying why, in a PUT and in a batch', async () => {
    const before = (await pulled()).length;
    const cases = [
      {
        body: {
          localDate: '2026-03-29',
          localTime: '02:30',
          timeZone: 'Europe/Berlin',
          recordedAt: '2026-03-30T08:00:00Z',
          mode: 'recalled',
        },
        pointer: '/localTime',
        detail: /^02:30 did not exist on 2026-03-29 in Europe\/Berlin: clocks went forward$/,
      },
      {
        body: {
          localDate: '2026-03-08',
          localTime: '02:30',
          timeZone: 'America/New_York',
          recordedAt: '2026-03-09T08:00:00Z',
          mode: 'recalled',
        },
        pointer: '/localTime',
        detail: /^02:30 did not exist on 2026-03-08 in America\/New_York: clocks went forward$/,
      },
      {
        body: {
          localDate: '2011-12-30',
          localTime: '09:00',
          timeZone: 'Pacific/Apia',
          recordedAt: '2012-01-02T08:00:00Z',
          mode: 'recalled',
        },
        pointer: '/localDate',
        detail: /^2011-12-30 did not exist in Pacific\/Apia/,
      },
      // Real time: 01:00Z is 03:00 in Berlin that morning, five minutes from the stated 02:55 that no clock showed.
      {
        body: {
          localDate: '2026-03-29',
          localTime: '02:55',
          timeZone: 'Europe/Berlin',
          recordedAt: '2026-03-29T01:00:00Z',
          mode: 'real-time',
        },
        pointer: '/localTime',
        detail: /^02:55 did not exist/,
      },
    ];
    for (const c of cases) {
      await expectRefused(await patient.request('PUT', entryUrl(newId()), entryAt(c.body)), c.pointer, c.detail, before);
      const batch = await patient.request('POST', `/api/patients/${pid}/diary-entries/batch`, {
        items: [{ id: newId(), entry: entryAt(c.body) }],
      });
      expect(batch.json().results[0]).toMatchObject({
        status: 'invalid',
        errors: [{ pointer: `/items/0/entry${c.pointer}`, detail: expect.stringMatching(c.detail) }],
      });
    }
    expect(await pulled()).toHaveLength(before);
  });

  it("refuses a recordedAt more than a day after the server's clock, and a recalled entry dated after its recording", async () => {
    const before = (await pulled()).length;
    // The audit's case: the year 9999, consistent with itself.
    const farFuture = entryAt({ localDate: '9999-12-31', localTime: '12:00', timeZone: 'UTC', recordedAt: '9999-12-31T12:00:00Z' });
    await expectRefused(await patient.request('PUT', entryUrl(newId()), farFuture), '/recordedAt', /^cannot be in the future/, before);
    await expectRefused(
      await patient.request('PUT', entryUrl(newId()), { ...farFuture, mode: 'recalled' }),
      '/recordedAt',
      /^cannot be in the future/,
      before,
    );
    const batch = await patient.request('POST', `/api/patients/${pid}/diary-entries/batch`, { items: [{ id: newId(), entry: farFuture }] });
    expect(batch.json().results[0]).toMatchObject({ status: 'invalid', errors: [{ pointer: '/items/0/entry/recordedAt' }] });
    // 25 hours ahead is refused; 23 is a device's clock set wrong (by hand, or in another zone), and the entry is kept.
    await expectRefused(
      await patient.request(
        'PUT',
        entryUrl(newId()),
        entryAt({ localDate: '2026-06-02', localTime: '15:00', recordedAt: '2026-06-02T13:00:00Z' }),
      ),
      '/recordedAt',
      /1440 minutes after the server's time/,
      before,
    );
    expect(
      (
        await patient.request(
          'PUT',
          entryUrl(newId()),
          entryAt({ localDate: '2026-06-02', localTime: '13:00', recordedAt: '2026-06-02T11:00:00Z' }),
        )
      ).statusCode,
    ).toBe(201);
    // Recalled: dated after the moment it was recorded, in its own zone (recorded 14:00 in Berlin).
    await expectRefused(
      await patient.request('PUT', entryUrl(newId()), entryAt({ localDate: '9999-12-31', mode: 'recalled' })),
      '/localTime',
      /cannot be later than when it was recorded/,
      before + 1,
    );
    await expectRefused(
      await patient.request('PUT', entryUrl(newId()), entryAt({ localTime: '14:10', mode: 'recalled' })),
      '/localTime',
      /cannot be later than when it was recorded/,
      before + 1,
    );
    expect((await patient.request('PUT', entryUrl(newId()), entryAt({ localTime: '13:10', mode: 'recalled' }))).statusCode).toBe(201);

    // A CSV import is held to the same clock: a file imported "25 hours earlier" than its newest row is refused by row.
    const csv = (await patient.request('GET', `/api/patients/${pid}/diary-export.csv`)).body;
    const other = await signUp(t.app, { patient: true });
    const imp = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/patients/${other.me.patient!.id}/diary-import`,
        payload: csv,
        headers: { 'content-type': 'text/csv', cookie: other.client.cookie!, 'x-csrf-token': other.client.csrf! },
      });
    t.clock.set('2026-05-31T11:00:00.000Z');
    const refused = await imp();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pointer: expect.stringMatching(/^\/rows\/\d+\/recorded_at$/),
          detail: expect.stringMatching(/cannot be in the future/),
        }),
      ]),
    );
    expect((await other.client.request('GET', `/api/patients/${other.me.patient!.id}/diary-entries`)).json().items).toEqual([]);
    t.clock.set(NOW);
    expect((await imp()).statusCode).toBe(200);
  });
});
