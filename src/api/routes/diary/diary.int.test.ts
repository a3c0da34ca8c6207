import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import { diaryEntryArbitrary } from '../../../domain/diary/diary.arbitraries.ts';
import { summarizeDay } from '../../../domain/diary/day-summary.ts';
import type { DiaryEntry } from '../../../domain/diary/entry.ts';

/** The request body for an entry: everything but id and provenance (the server sets who entered it). */
function bodyOf(entry: DiaryEntry): Record<string, unknown> {
  const { id: _id, provenance, ...rest } = entry;
  return { ...rest, mode: provenance.mode };
}

const entryAt = (overrides: Partial<Record<string, unknown>> = {}) => ({
  localDate: '2026-06-01',
  localTime: '13:55',
  timeZone: 'Europe/Berlin',
  recordedAt: '2026-06-01T12:00:00Z',
  intensity: 5,
  regions: [{ code: 'lumbar-spine', intensity: 5, qualities: ['aching'] }],
  mode: 'real-time',
  ...overrides,
});

/** Instants from 2025 up to `now`. */
const recordedBy = (now: Date) => fc.integer({ min: Date.UTC(2025, 0, 1), max: now.getTime() }).map((ms) => new Date(ms));

let idCounter = 0;
const newId = () => `019a0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

describe.each(DIALECTS)('pain diary on %s', (dialect) => {
  let t: TestApp;
  let patient: Client;
  let pid: string;
  const url = (id?: string) => `/api/patients/${pid}/diary-entries${id ? `/${id}` : ''}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    patient = s.client;
    pid = s.me.patient!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('upserts idempotently by client id and detects conflicts by version', async () => {
    const id = newId();
    const created = await patient.request('PUT', url(id), entryAt());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'created',
      version: 1,
      deleted: false,
      entry: { id, intensity: 5, provenance: { source: 'self', mode: 'real-time' } },
    });
    expect(created.headers.etag).toBe('"1"');

    const retried = await patient.request('PUT', url(id), entryAt());
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'unchanged', version: 1 });

    const blind = await patient.request('PUT', url(id), entryAt({ intensity: 7 }));
    expect(blind.statusCode).toBe(409);
    expect(blind.json()).toMatchObject({ code: 'diary-entry-conflict', current: { version: 1, entry: { intensity: 5 } } });

    const updated = await patient.request('PUT', url(id), entryAt({ intensity: 7 }), { 'if-match': '"1"' });
    expect(updated.json()).toMatchObject({ status: 'updated', version: 2, entry: { intensity: 7 } });
    // The same edit again (its answer was lost, so the outbox retries with the version it edited): unchanged, not a conflict.
    const retriedEdit = await patient.request('PUT', url(id), entryAt({ intensity: 7 }), { 'if-match': '"1"' });
    expect(retriedEdit.statusCode).toBe(200);
    expect(retriedEdit.json()).toMatchObject({ status: 'unchanged', version: 2, entry: { intensity: 7 } });
    // Retries answer only what the writer sent, so they are not reads; the blind write's conflict showed
    // the stored entry: the access log says it was read, once.
    const log = (await patient.request('GET', `/api/patients/${pid}/access-log?limit=200`)).json().items as {
      action: string;
      resourceId: string | null;
    }[];
    expect(log.filter((e) => e.action === 'diary-entry.read' && e.resourceId === id)).toHaveLength(1);

    const stale = await patient.request('PUT', url(id), entryAt({ intensity: 2 }), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, entry: { intensity: 7 } });

    expect((await patient.request('PUT', url(id), entryAt(), { 'if-match': 'banana' })).json().code).toBe('invalid-if-match');
    // If-Match compares strongly (RFC 9110 §13.1.1): a weak validator is refused, not taken as a match.
    expect((await patient.request('PUT', url(id), entryAt(), { 'if-match': 'W/"1"' })).json().code).toBe('invalid-if-match');

    // A version is ≥ 1, so "0" (or a zero-padded or half-quoted one) is malformed: 400 problem+json, and nothing changes.
    for (const bad of ['"0"', '0', '"00"', '"01"', '"2', '2"', '""']) {
      for (const res of [
        await patient.request('PUT', url(id), entryAt({ intensity: 1 }), { 'if-match': bad }),
        await patient.request('DELETE', url(id), undefined, { 'if-match': bad }),
      ]) {
        expect(res.statusCode, bad).toBe(400);
        expect(res.headers['content-type'], bad).toMatch(/^application\/problem\+json/);
        expect(res.json().code, bad).toBe('invalid-if-match');
      }
    }
    // Still version 2 with intensity 7 (neither written over with 1 nor deleted): retrying the edit from version 1 is unchanged.
    expect((await patient.request('PUT', url(id), entryAt({ intensity: 7 }), { 'if-match': '"1"' })).json()).toMatchObject({
      status: 'unchanged',
      version: 2,
      deleted: false,
    });

    const deleted = await patient.request('DELETE', url(id), undefined, { 'if-match': '"2"' });
    expect(deleted.json()).toMatchObject({ version: 3, deleted: true, entry: null });
    expect((await patient.request('DELETE', url(id))).json()).toMatchObject({ status: 'unchanged', deleted: true });
    const afterDelete = await patient.request('PUT', url(id), entryAt(), { 'if-match': '"2"' });
    expect(afterDelete.statusCode).toBe(409);
  });

  it('rejects entries that break the domain rules with JSON pointers, and writes nothing', async () => {
    const res = await patient.request('PUT', url(newId()), entryAt({ worstSinceLast: 2, regions: [{ code: 'tail', qualities: [] }] }));
    expect(res.statusCode).toBe(400);
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/worstSinceLast', '/regions/0/code']));
  });

  it('pulls changes after a cursor, with tombstones, oldest first', async () => {
    const first = await patient.request('GET', url());
    const { cursor } = first.json();
    const a = newId();
    const b = newId();
    await patient.request('PUT', url(a), entryAt({ intensity: 1 }));
    await patient.request('PUT', url(b), entryAt({ intensity: 2 }));
    await patient.request('DELETE', url(a));
    const page = (await patient.request('GET', `${url()}?since=${cursor}`)).json();
    expect(page.items.map((i: { id: string; deleted: boolean }) => [i.id, i.deleted])).toEqual([
      [b, false],
      [a, true],
    ]);
    expect(page.hasMore).toBe(false);
    const none = (await patient.request('GET', `${url()}?since=${page.cursor}`)).json();
    expect(none.items).toEqual([]);
    expect((await patient.request('GET', `${url()}?since=not-a-cursor`)).statusCode).toBe(400);
  });

  it("refuses a cursor past the diary's last change (forged, or another patient's) instead of echoing it forever", async () => {
    const cursorOf = (seq: number) => Buffer.from(`s${seq}`, 'utf8').toString('base64url');
    const expectInvalid = async (since: string) => {
      const res = await patient.request('GET', `${url()}?since=${since}`);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'validation-failed',
        detail: expect.stringMatching(/pull from the start/),
        errors: [{ pointer: '/query/since', detail: expect.stringMatching(/past the last change/) }],
      });
    };
    await expectInvalid(cursorOf(999_999_999_999_999));
    // The cursor of the last change itself is fine: an empty page, the same cursor back.
    const latest = (await patient.request('GET', url())).json().cursor as string;
    const none = await patient.request('GET', `${url()}?since=${latest}`);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toMatchObject({ items: [], cursor: latest, hasMore: false });
    const seq = Number(Buffer.from(latest, 'base64url').toString('utf8').slice(1));
    await expectInvalid(cursorOf(seq + 1));
    // Another patient's cursor, further on than this diary has come.
    const other = await signUp(t.app, { patient: true });
    const otherUrl = `/api/patients/${other.me.patient!.id}/diary-entries`;
    for (let i = 0; i < seq + 2; i++) await other.client.request('PUT', `${otherUrl}/${newId()}`, entryAt());
    await expectInvalid((await other.client.request('GET', otherUrl)).json().cursor);
    // A patient with no diary yet: any cursor but the start is past the end; no cursor is the start.
    const fresh = await signUp(t.app, { patient: true });
    const freshUrl = `/api/patients/${fresh.me.patient!.id}/diary-entries`;
    expect((await fresh.client.request('GET', `${freshUrl}?since=${cursorOf(1)}`)).statusCode).toBe(400);
    expect((await fresh.client.request('GET', `${freshUrl}?since=${cursorOf(0)}`)).statusCode).toBe(200);
  });

  it('keeps each entry on its own local date across time zones and DST', async () => {
    const s = await signUp(t.app, { patient: true, timeZone: 'America/New_York' });
    const u = (id: string) => `/api/patients/${s.me.patient!.id}/diary-entries/${id}`;
    // 23:50 in New York on 2026-03-07 is 04:50 UTC on the 8th; 30 minutes later the person is in Tokyo (UTC+9), where it is the 8th.
    await s.client.request('PUT', u(newId()), {
      localDate: '2026-03-07',
      localTime: '23:50',
      timeZone: 'America/New_York',
      recordedAt: '2026-03-08T04:50:00Z',
      intensity: 4,
      mode: 'real-time',
    });
    await s.client.request('PUT', u(newId()), {
      localDate: '2026-03-08',
      localTime: '14:20',
      timeZone: 'Asia/Tokyo',
      recordedAt: '2026-03-08T05:20:00Z',
      intensity: 8,
      mode: 'real-time',
    });
    // 2026-03-08 is the 23-hour day in New York: 03:30 local is 07:30 UTC.
    await s.client.request('PUT', u(newId()), {
      localDate: '2026-03-08',
      localTime: '03:30',
      timeZone: 'America/New_York',
      recordedAt: '2026-03-08T07:30:00Z',
      intensity: 6,
      mode: 'real-time',
    });
    const days = (await s.client.request('GET', `/api/patients/${s.me.patient!.id}/day-summaries?from=2026-03-01&to=2026-03-31`)).json();
    expect(
      days.map((d: { localDate: string; entryCount: number; maxIntensity: number }) => [d.localDate, d.entryCount, d.maxIntensity]),
    ).toEqual([
      ['2026-03-07', 1, 4],
      ['2026-03-08', 2, 8],
    ]);
  });

  it('pushes a batch of 500 in one transaction with a result per item', async () => {
    const items: { id: string; entry: Record<string, unknown> }[] = Array.from({ length: 500 }, (_, i) => ({
      id: newId(),
      entry: entryAt({ intensity: i % 11, localTime: '13:50' }),
    }));
    items[10] = { ...items[10]!, entry: entryAt({ intensity: 6, worstSinceLast: 2 }) };
    items[20] = { id: items[19]!.id, entry: entryAt() };
    // Malformed entries (out of range, an unknown field, the wrong type) are that item's `invalid`, not a 400 for all.
    items[30] = { ...items[30]!, entry: entryAt({ intensity: 11 }) };
    items[40] = { ...items[40]!, entry: { ...entryAt(), colour: 'red' } };
    items[50] = { ...items[50]!, entry: entryAt({ regions: 'back' }) };
    const res = await patient.request('POST', `${url()}/batch`, { items });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { id: string; status: string; errors?: { pointer: string }[] }[];
    expect(results).toHaveLength(500);
    expect(results.filter((r) => r.status === 'created')).toHaveLength(495);
    expect(results[10]!.status).toBe('invalid');
    expect(results[20]!.status).toBe('invalid');
    expect(results[30]).toMatchObject({ id: items[30]!.id, status: 'invalid', errors: [{ pointer: '/items/30/entry/intensity' }] });
    expect(results[40]).toMatchObject({ status: 'invalid', errors: [{ pointer: '/items/40/entry/colour' }] });
    expect(results[50]).toMatchObject({ status: 'invalid', errors: [{ pointer: '/items/50/entry/regions' }] });
    // Nothing of the refused items was stored.
    expect((await patient.request('PUT', url(items[30]!.id), entryAt({ intensity: 3 }))).statusCode).toBe(201);
    // The shape around the entries is still checked as a whole.
    expect((await patient.request('POST', `${url()}/batch`, { items: [{ id: 'not-a-uuid', entry: entryAt() }] })).statusCode).toBe(400);
    expect((await patient.request('POST', `${url()}/batch`, { items: [{ id: newId(), entry: 'text' }] })).statusCode).toBe(400);
    const again = (await patient.request('POST', `${url()}/batch`, { items: items.slice(0, 5) })).json().results;
    expect(again.map((r: { status: string }) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('gives a caregiver who may write the diary but not read it no copy of the entry with a conflict', async () => {
    const writerOnly = (await signUp(t.app)).client;
    const { code } = (
      await patient.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Neighbour', scopes: ['write-diary'] })
    ).json();
    await writerOnly.request('POST', '/api/caregiver-invitations/accept', { code });
    const id = newId();
    expect((await patient.request('PUT', url(id), entryAt({ intensity: 4, notes: 'private' }))).statusCode).toBe(201);
    for (const [headers, body] of [
      [{}, entryAt({ intensity: 6 })],
      [{ 'if-match': '"9"' }, entryAt({ intensity: 6 })],
    ] as const) {
      const res = await writerOnly.request('PUT', url(id), body, headers);
      expect(res.statusCode).toBe(409);
      expect(res.json().current).toBeNull();
    }
    const batch = (await writerOnly.request('POST', `${url()}/batch`, { items: [{ id, entry: entryAt({ intensity: 6 }) }] })).json()
      .results;
    expect(batch).toEqual([expect.objectContaining({ status: 'conflict', current: null })]);
    const deleted = await writerOnly.request('DELETE', url(id), undefined, { 'if-match': '"9"' });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().current).toBeNull();
    // The owner still gets the copy.
    expect((await patient.request('PUT', url(id), entryAt({ intensity: 6 }))).json().current).toMatchObject({
      entry: { notes: 'private' },
    });
  });

  it('records the caregiver as the source of entries they make', async () => {
    const helper = (await signUp(t.app)).client;
    const { code } = (
      await patient.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Son', scopes: ['read', 'write-diary'] })
    ).json();
    await helper.request('POST', '/api/caregiver-invitations/accept', { code });
    const res = await helper.request('PUT', url(newId()), entryAt());
    expect(res.json().entry.provenance).toMatchObject({ source: 'caregiver' });
  });

  it('keeps day summaries identical to a full recomputation under any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Recorded no later than the test clock's now: a recordedAt in the future is refused.
        fc.array(diaryEntryArbitrary({ zones: ['Europe/Berlin', 'Asia/Tokyo'], instants: recordedBy(t.clock.now()) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('edit', 'delete', 'move')), { maxLength: 6 }),
        async (entries, ops) => {
          const s = await signUp(t.app, { patient: true });
          const base = `/api/patients/${s.me.patient!.id}`;
          const live = new Map<string, { entry: DiaryEntry; version: number }>();
          for (const e of entries) {
            const res = await s.client.request('PUT', `${base}/diary-entries/${e.id}`, bodyOf(e));
            if (res.statusCode === 201) live.set(e.id, { entry: e, version: 1 });
          }
          for (const [n, op] of ops) {
            const ids = [...live.keys()];
            if (ids.length === 0) break;
            const id = ids[n % ids.length]!;
            const current = live.get(id)!;
            if (op === 'delete') {
              await s.client.request('DELETE', `${base}/diary-entries/${id}`);
              live.delete(id);
              continue;
            }
            const other = entries[n % entries.length]!;
            const changed =
              op === 'edit'
                ? {
                    ...current.entry,
                    intensity: (current.entry.intensity + 3) % 11,
                    worstSinceLast: null,
                    leastSinceLast: null,
                    regions: other.regions,
                  }
                : { ...other, id }; // "move": take another entry's time (possibly another day)
            const res = await s.client.request('PUT', `${base}/diary-entries/${id}`, bodyOf(changed), {
              'if-match': `"${current.version}"`,
            });
            expect(res.statusCode).toBe(200);
            // A save of what is stored (a move onto its own time) answers the stored version.
            const { status, version } = res.json();
            expect(version).toBe(status === 'unchanged' ? current.version : current.version + 1);
            live.set(id, { entry: changed, version });
          }
          const stored = (await s.client.request('GET', `${base}/day-summaries?from=2024-01-01&to=2025-12-31`))
            .json()
            .concat((await s.client.request('GET', `${base}/day-summaries?from=2026-01-01&to=2027-12-31`)).json());
          const byDate = new Map<string, DiaryEntry[]>();
          for (const { entry } of live.values()) byDate.set(entry.localDate, [...(byDate.get(entry.localDate) ?? []), entry]);
          const expected = [...byDate.keys()].sort().map((d) => summarizeDay(byDate.get(d)!));
          expect(stored).toEqual(JSON.parse(JSON.stringify(expected)));
        },
      ),
      { numRuns: 12 },
    );
  });
  it('lets concurrent writes to one entry take turns: one edit wins, retried creates and deletes land once, summaries stay exact', async () => {
    // Before the patient row was locked first, PostgreSQL answered both stale edits 200 (one lost), a
    // retried create 500 (duplicate key) and left day summaries off a full recomputation.
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    const base = `/api/patients/${s.me.patient!.id}/diary-entries`;
    const day = { localDate: '2026-05-31', recordedAt: '2026-05-31T10:00:00Z', localTime: '12:00' };
    for (let round = 0; round < 5; round++) {
      const id = newId();
      const creates = await Promise.all([0, 1, 2].map(() => s.client.request('PUT', `${base}/${id}`, entryAt({ ...day, intensity: 5 }))));
      expect(creates.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
      expect(creates.filter((r) => r.json().status === 'unchanged')).toHaveLength(2);
      const edits = await Promise.all(
        [2, 9].map((intensity) => s.client.request('PUT', `${base}/${id}`, entryAt({ ...day, intensity }), { 'if-match': '"1"' })),
      );
      expect(edits.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = edits.find((r) => r.statusCode === 200)!.json().entry.intensity as number;
      const pulled = (await s.client.request('GET', base)).json().items.find((i: { id: string }) => i.id === id);
      expect(pulled).toMatchObject({ version: 2, entry: { intensity: winner } });
      if (round % 2 === 1) {
        const deletes = await Promise.all([0, 1].map(() => s.client.request('DELETE', `${base}/${id}`)));
        expect(deletes.every((r) => r.statusCode < 300)).toBe(true);
      }
    }
    const live = (await s.client.request('GET', base))
      .json()
      .items.filter((i: { deleted: boolean }) => !i.deleted)
      .map((i: { entry: DiaryEntry }) => i.entry);
    const stored = (await s.client.request('GET', `/api/patients/${s.me.patient!.id}/day-summaries?from=2026-05-31&to=2026-05-31`)).json();
    expect(stored).toEqual(JSON.parse(JSON.stringify([summarizeDay(live)])));
  });
  it('refuses text no store keeps (NUL, an unpaired surrogate) with the field named, per item in a batch, and changes nothing', async () => {
    // PostgreSQL refused the NUL with a 500; the surrogate became U+FFFD in the CSV export, so the diary no longer re-imported.
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    const base = `/api/patients/${s.me.patient!.id}/diary-entries`;
    const nul = await s.client.request(
      'PUT',
      `${base}/${newId()}`,
      entryAt({ medicines: [{ name: 'Ibu\u0000profen', regimen: 'scheduled' }] }),
    );
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    expect(nul.json().errors).toEqual([expect.objectContaining({ pointer: '/medicines/0/name' })]);
    const surrogate = await s.client.request('PUT', `${base}/${newId()}`, entryAt({ notes: 'a\ud800b' }));
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().errors[0].pointer).toBe('/notes');
    const good = newId();
    const batch = await s.client.request('POST', `${base}/batch`, {
      items: [
        { id: good, entry: entryAt({ notes: 'fine 🙂' }) },
        { id: newId(), entry: entryAt({ notes: 'bad \u0000' }) },
      ],
    });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results.map((r: { status: string }) => r.status)).toEqual(['created', 'invalid']);
    expect(batch.json().results[1].errors[0].pointer).toBe('/items/1/entry/notes');
    const pulled = (await s.client.request('GET', base)).json().items;
    expect(pulled.map((i: { id: string }) => i.id)).toEqual([good]);
    // Elsewhere too (a flare): the JSON parser refuses it before any route runs.
    const flare = await s.client.request('PUT', `/api/patients/${s.me.patient!.id}/flares/${newId()}`, {
      startedAt: '2026-05-20T08:00:00Z',
      endedAt: null,
      timeZone: 'UTC',
      notes: 'x\u0000',
    });
    expect(flare.statusCode).toBe(400);
    expect(flare.json().errors[0].pointer).toBe('/notes');
  });
  it('takes a full batch of 500 entries with long notes (past the general 1 MiB body limit), and an import of more than 1 MB', async () => {
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    const base = `/api/patients/${s.me.patient!.id}/diary-entries`;
    const notes = 'Walked to the shop and back, then rested. '.repeat(60); // about 2,500 characters
    const items = Array.from({ length: 500 }, (_, i) => ({ id: newId(), entry: entryAt({ notes, intensity: i % 11 }) }));
    expect(Buffer.byteLength(JSON.stringify({ items }))).toBeGreaterThan(1_048_576);
    const res = await s.client.request('POST', `${base}/batch`, { items });
    expect(res.statusCode).toBe(200);
    expect(res.json().results.filter((r: { status: string }) => r.status === 'created')).toHaveLength(500);
    // Its export is past 1 MB too, and imports into another account whole.
    const csv = (await s.client.request('GET', `/api/patients/${s.me.patient!.id}/diary-export.csv`)).body;
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1_048_576);
    const other = await signUp(t.app, { patient: true });
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${other.me.patient!.id}/diary-import`,
      payload: csv,
      headers: { 'content-type': 'text/csv', cookie: other.client.cookie!, 'x-csrf-token': other.client.csrf! },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ imported: 500 });
  });
});
