import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';
import { importedEntryId } from '../../../app/diary.ts';

let n = 0;
const newId = () => `019b0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;

describe.each(DIALECTS)('flares, block diaries and CSV on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('computes block-diary relief from the stored readings (UW Health HF 5656, https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083 formula)', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const id = newId();
    const res = await client.request('PUT', `/api/patients/${me.patient!.id}/block-diaries/${id}`, {
      procedureLabel: 'Right L4-L5 medial branch block',
      procedureAt: '2026-05-28T09:00:00Z',
      timeZone: 'Europe/Berlin',
      baselineIntensity: 8,
      readings: [
        { offsetMinutes: 15, intensity: 2, patientReportedReliefPct: 70 },
        { offsetMinutes: 30, intensity: 1, patientReportedReliefPct: 90 },
        { offsetMinutes: 60, intensity: 4, patientReportedReliefPct: 50 },
      ],
    });
    expect(res.statusCode).toBe(201);
    const got = (await client.request('GET', `/api/patients/${me.patient!.id}/block-diaries/${id}`)).json();
    // (8 − 2)/8 = 75 %, (8 − 1)/8 = 87.5 %, (8 − 4)/8 = 50 % — worked by hand from reliefPct = (baseline − NRS)/baseline × 100.
    expect(got.relief.readings.map((r: { reliefPct: number }) => r.reliefPct)).toEqual([75, 87.5, 50]);
    expect(got.relief.nrs).toMatchObject({ kind: 'computed', peakReliefPct: 87.5, peakAtMinutes: 30 });
    // Patient-reported relief is kept beside the NRS-derived one: 70, 90, 50 → peak 90 at 30 minutes.
    expect(got.relief.patientReported).toMatchObject({ peakReliefPct: 90, peakAtMinutes: 30 });
    expect(got.schedule[0]).toEqual({ offsetMinutes: 15, dueAt: '2026-05-28T09:15:00.000Z' });
  });

  it('lets concurrent flare writes take turns: one stale edit wins, a retried create lands once', async () => {
    // Before the patient row was locked first, PostgreSQL accepted both stale edits and answered a retried create 500.
    const { client, me } = await signUp(t.app, { patient: true });
    const base = `/api/patients/${me.patient!.id}/flares`;
    for (let round = 0; round < 5; round++) {
      const url = `${base}/${newId()}`;
      const body = { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 6 };
      const creates = await Promise.all([0, 1, 2].map(() => client.request('PUT', url, body)));
      expect(creates.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
      const edits = await Promise.all(
        [7, 9].map((peakIntensity) => client.request('PUT', url, { ...body, peakIntensity }, { 'if-match': '"1"' })),
      );
      expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    }
  });

  it('deletes a flare or block diary only at the version the client saw (If-Match), and a repeated delete is done', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const flares = `/api/patients/${me.patient!.id}/flares`;
    const url = `${flares}/${newId()}`;
    const body = { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 6 };
    await client.request('PUT', url, body);
    expect((await client.request('PUT', url, { ...body, peakIntensity: 8 }, { 'if-match': '"1"' })).statusCode).toBe(200);
    // A device that saw version 1 cannot wipe version 2: 409 with the newer copy, and nothing deleted.
    const stale = await client.request('DELETE', url, undefined, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ peakIntensity: 8, version: 2 });
    expect((await client.request('GET', flares)).json().items).toHaveLength(1);
    expect((await client.request('DELETE', url, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await client.request('DELETE', url, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
    expect((await client.request('GET', flares)).json().items).toHaveLength(0);
    expect((await client.request('DELETE', `${flares}/${newId()}`)).statusCode).toBe(404);

    const diaries = `/api/patients/${me.patient!.id}/block-diaries`;
    const diary = `${diaries}/${newId()}`;
    const d = { procedureLabel: 'Genicular nerve block', procedureAt: '2026-05-28T09:00:00Z', timeZone: 'UTC', baselineIntensity: 7 };
    await client.request('PUT', diary, d);
    await client.request('PUT', diary, { ...d, readings: [{ offsetMinutes: 15, intensity: 3 }] }, { 'if-match': '"1"' });
    expect((await client.request('DELETE', diary, undefined, { 'if-match': '"1"' })).json().current).toMatchObject({
      version: 2,
      readings: [{ offsetMinutes: 15, intensity: 3 }],
    });
    expect((await client.request('DELETE', diary, undefined, { 'if-match': '"2"' })).statusCode).toBe(204);
  });

  it('answers a retried flare create or edit whose answer was lost as unchanged, with no new version and no audit row', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const id = newId();
    const url = `/api/patients/${pid}/flares/${id}`;
    const body = { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 6 };
    await client.request('PUT', url, body);
    const rows = async () =>
      (
        (await client.request('GET', `/api/patients/${pid}/access-log?limit=200`)).json().items as {
          action: string;
          resourceId: string | null;
        }[]
      ).filter((e) => e.action.startsWith('flare.') && e.resourceId === id).length;
    const before = await rows();
    // The same create again (an outbox retry): unchanged; it carries back only what was sent, so nothing is audited.
    expect((await client.request('PUT', url, body)).json()).toMatchObject({ status: 'unchanged', version: 1 });
    expect(await rows()).toBe(before);
    // An edit applied, then sent again with the version it edited: unchanged, not a conflict with itself.
    expect((await client.request('PUT', url, { ...body, peakIntensity: 8 }, { 'if-match': '"1"' })).json()).toMatchObject({
      status: 'updated',
      version: 2,
    });
    const retried = await client.request('PUT', url, { ...body, peakIntensity: 8 }, { 'if-match': '"1"' });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'unchanged', version: 2, peakIntensity: 8 });
    expect(await rows()).toBe(before + 1);
    // A different edit from version 1 is still a conflict.
    expect((await client.request('PUT', url, { ...body, peakIntensity: 3 }, { 'if-match': '"1"' })).statusCode).toBe(409);
  });

  it('lists flares on a timeline and refuses an end before the start', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const base = `/api/patients/${me.patient!.id}/flares`;
    expect(
      (
        await client.request('PUT', `${base}/${newId()}`, {
          startedAt: '2026-05-20T08:00:00Z',
          endedAt: '2026-05-21T08:00:00Z',
          timeZone: 'UTC',
          peakIntensity: 8,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await client.request('PUT', `${base}/${newId()}`, {
          startedAt: '2026-05-30T08:00:00Z',
          endedAt: null,
          timeZone: 'UTC',
          peakIntensity: 7,
        })
      ).statusCode,
    ).toBe(201);
    const bad = await client.request('PUT', `${base}/${newId()}`, {
      startedAt: '2026-05-30T08:00:00Z',
      endedAt: '2026-05-29T08:00:00Z',
      timeZone: 'UTC',
    });
    expect(bad.statusCode).toBe(400);
    const list = (await client.request('GET', base)).json().items;
    expect(list.map((f: { ongoing: boolean; durationMinutes: number | null }) => [f.ongoing, f.durationMinutes])).toEqual([
      [true, null],
      [false, 1440],
    ]);
  });

  it('gives a caregiver who may write the diary but not read it no copy of a flare with a conflict', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const writerOnly = (await signUp(t.app)).client;
    const { code } = (
      await client.request('POST', `/api/patients/${me.patient!.id}/caregivers`, { label: 'Neighbour', scopes: ['write-diary'] })
    ).json();
    await writerOnly.request('POST', '/api/caregiver-invitations/accept', { code });
    const url = `/api/patients/${me.patient!.id}/flares/${newId()}`;
    expect(
      (
        await client.request('PUT', url, {
          startedAt: '2026-05-20T08:00:00Z',
          endedAt: null,
          timeZone: 'UTC',
          peakIntensity: 6,
          notes: 'private',
        })
      ).statusCode,
    ).toBe(201);
    const res = await writerOnly.request('PUT', url, {
      startedAt: '2026-05-20T08:00:00Z',
      endedAt: null,
      timeZone: 'UTC',
      peakIntensity: 7,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().current).toBeNull();
    expect(
      (await client.request('PUT', url, { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 7 })).json()
        .current,
    ).toMatchObject({ notes: 'private' });
  });

  it('answers a save over a flare deleted on another device with a conflict and no copy (not a loop over the tombstone)', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const url = `/api/patients/${me.patient!.id}/flares/${newId()}`;
    const flare = { startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: 6 };
    expect((await client.request('PUT', url, flare)).statusCode).toBe(201);
    expect((await client.request('DELETE', url, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    for (const headers of [{ 'if-match': '"1"' }, { 'if-match': '"2"' }, {}] as Record<string, string>[]) {
      const res = await client.request('PUT', url, { ...flare, peakIntensity: 7 }, headers);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ current: null, detail: expect.stringMatching(/deleted on another device/) });
    }
  });

  it('exports CSV and imports it into another account all-or-nothing, recognising duplicates', async () => {
    const a = await signUp(t.app, { patient: true });
    const ids = [newId(), newId()];
    for (const [i, id] of ids.entries()) {
      await a.client.request('PUT', `/api/patients/${a.me.patient!.id}/diary-entries/${id}`, {
        localDate: '2026-05-31',
        localTime: `0${i + 8}:00`,
        timeZone: 'UTC',
        recordedAt: '2026-06-01T10:00:00Z',
        intensity: 4 + i,
        mode: 'recalled',
        regions: [{ code: 'knee-left', intensity: 4, qualities: ['aching'] }],
        notes: i === 0 ? '=cmd, "quoted", and\na new line' : '',
      });
    }
    const exported = await a.client.request('GET', `/api/patients/${a.me.patient!.id}/diary-export.csv`);
    expect(exported.headers['content-type']).toContain('text/csv');
    const csv = exported.body;

    // The spreadsheet layout of the same entries: words and one column per measure, never imported back.
    const sheet = await a.client.request('GET', `/api/patients/${a.me.patient!.id}/diary-export.csv?layout=spreadsheet`);
    expect(sheet.headers['content-disposition']).toContain('painwise-diary-spreadsheet.csv');
    expect(sheet.body.startsWith('\uFEFFDate,Time,Time zone,Pain now (0–10)')).toBe(true);
    expect(sheet.body).toContain('2026-05-31,08:00,UTC,4,');
    expect(sheet.body).toContain('Knee, left 4');
    expect(sheet.body).toContain(`"'=cmd, ""quoted"", and`);
    const badLayout = await a.client.request('GET', `/api/patients/${a.me.patient!.id}/diary-export.csv?layout=excel`);
    expect(badLayout.statusCode).toBe(400);
    expect(badLayout.headers['content-type']).toContain('application/problem+json');

    const b = await signUp(t.app, { patient: true });
    const imp = (body: string) =>
      b.client.request('POST', `/api/patients/${b.me.patient!.id}/diary-import`, undefined, { 'content-type': 'text/csv' }).then(() =>
        t.app.inject({
          method: 'POST',
          url: `/api/patients/${b.me.patient!.id}/diary-import`,
          payload: body,
          headers: { 'content-type': 'text/csv', cookie: b.client.cookie!, 'x-csrf-token': b.client.csrf! },
        }),
      );
    // The same ids belong to account A (the person moves their diary to account B on this server): B
    // imports both under ids of its own, derived so that importing the file again finds them present.
    const moved = await imp(csv);
    expect(moved.json()).toEqual({ imported: 2, alreadyPresent: 0, newIds: 2 });
    // Imported again: nothing is imported, so no row is reported as given a new id now.
    expect((await imp(csv)).json()).toEqual({ imported: 0, alreadyPresent: 2, newIds: 0 });
    const inB = (await b.client.request('GET', `/api/patients/${b.me.patient!.id}/diary-entries`)).json().items as { id: string }[];
    expect(inB.map((i) => i.id).sort()).toEqual(ids.map((id) => importedEntryId(b.me.patient!.id, id)).sort());
    for (const id of inB.map((i) => i.id)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Entered into B by B: the file's author (A) and source are not taken on trust; its mode stays.
    for (const item of inB as unknown as { entry: { provenance: { enteredBy: string; source: string; mode: string } } }[]) {
      expect(item.entry.provenance).toEqual({ enteredBy: b.me.user.id, source: 'self', mode: 'recalled' });
    }
    // Two rows that come to one id (row 3 carries the id row 2 takes here) are refused by row, not a 500.
    // Rows count records with the header as row 1, as the parser's reports do; row 2's notes span lines
    // 2–3, so row 3 starts on line 4.
    const clash = await imp(csv.replaceAll(ids[1]!, importedEntryId(b.me.patient!.id, ids[0]!)));
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors).toEqual(
      expect.arrayContaining([
        { pointer: '/rows/3/id', detail: expect.stringMatching(/^Line 4: this row is the same entry as row 2 \(line 2\) once imported/) },
      ]),
    );
    for (const e of clash.json().errors) expect(e).toEqual({ pointer: '/rows/3/id', detail: expect.stringMatching(/^Line 4: /) });
    expect(clash.json().detail).toMatch(/nothing was imported/);
    expect(clash.json()).not.toHaveProperty('newIds');
    // The parser names the same row the same way.
    const unparsable = await imp(csv.replace(ids[1]!, 'not-an-id'));
    expect(unparsable.json().errors).toEqual([{ pointer: '/rows/3/id', detail: 'Line 4: must be a UUID' }]);
    // A's entries are untouched.
    expect(
      (await a.client.request('GET', `/api/patients/${a.me.patient!.id}/diary-entries`))
        .json()
        .items.map((i: { id: string; version: number }) => [i.id, i.version])
        .sort(),
    ).toEqual(ids.map((id) => [id, 1]).sort());

    // A re-import into A recognises both entries as already present.
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${a.me.patient!.id}/diary-import`,
      payload: csv,
      headers: { 'content-type': 'text/csv', cookie: a.client.cookie!, 'x-csrf-token': a.client.csrf! },
    });
    expect(again.json()).toEqual({ imported: 0, alreadyPresent: 2, newIds: 0 });
    // Row 3 (line 4) changed since: the whole file is refused, naming the row and its line.
    const edited = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${a.me.patient!.id}/diary-import`,
      payload: csv.replace(',09:00,', ',09:01,'),
      headers: { 'content-type': 'text/csv', cookie: a.client.cookie!, 'x-csrf-token': a.client.csrf! },
    });
    expect(edited.statusCode).toBe(400);
    expect(edited.json().errors).toEqual([
      { pointer: '/rows/3/id', detail: expect.stringMatching(/^Line 4: entry [0-9a-f-]+ already exists with different content/) },
    ]);

    // A file with fresh ids imports both; a broken file imports nothing and names the row.
    const fresh = csv.replaceAll(ids[0]!, newId()).replaceAll(ids[1]!, newId());
    // Ids that are not this account's are always imported under ids of its own, used elsewhere or not.
    expect((await imp(fresh)).json()).toEqual({ imported: 2, alreadyPresent: 0, newIds: 2 });
    const broken = await imp(fresh.replace(',5,', ',15,'));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors).toEqual([{ pointer: '/rows/3/intensity', detail: 'Line 4: must be a whole number from 0 to 10' }]);
    const pulled = (await b.client.request('GET', `/api/patients/${b.me.patient!.id}/diary-entries`)).json().items;
    expect(pulled).toHaveLength(4);
    expect(pulled.find((i: { entry: { notes: string } }) => i.entry.notes.startsWith('=')).entry.notes).toBe(
      '=cmd, "quoted", and\na new line',
    );
  });
});
