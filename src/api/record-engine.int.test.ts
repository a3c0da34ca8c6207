// One protocol for every record a device creates under its own id: random sequences of create, retry,
// edit, stale edit, retried edit, delete and pull, checked against one model for every record kind,
// and against the patient's one change feed: every write appears in it once, after every earlier
// change, a tombstone as a tombstone, and nothing else does; a pull from any cursor it handed out
// gives exactly the changes after it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { type Client, createTestApp, signUp, type TestApp } from '../../test/support/test-app.ts';

interface Kind {
  readonly name: string;
  /** The record's URL for a patient and client id (the naloxone check has one per patient). */
  url(pid: string, id: string): string;
  /** A valid body; different `n` give different bodies. */
  body(n: number): Record<string, unknown>;
  /** The audit action prefix. */
  readonly resource: string;
  /** The kind's name in the change feed. */
  readonly feedKind: string;
  readonly deletable: boolean;
  /** What a delete answers (the diary answers with the tombstone). */
  readonly deleteStatus: 200 | 204;
  /** The versions of the live records a pull shows, by id. */
  pull(client: Client, pid: string): Promise<Map<string, number>>;
}

const versionsOf = (items: { id: string; version: number }[]) => new Map(items.map((i) => [i.id, i.version]));
const listed = (path: string) => async (client: Client, pid: string) =>
  versionsOf((await client.request('GET', `/api/patients/${pid}/${path}?limit=100`)).json().items);

const KINDS: readonly Kind[] = [
  {
    name: 'diary entry',
    url: (pid, id) => `/api/patients/${pid}/diary-entries/${id}`,
    body: (n) => ({
      localDate: '2026-05-30',
      localTime: '08:15',
      timeZone: 'Europe/Berlin',
      recordedAt: '2026-05-30T06:15:00Z',
      intensity: n,
      regions: [{ code: 'lumbar-spine', intensity: n, qualities: ['aching'] }],
    }),
    resource: 'diary-entry',
    feedKind: 'diary_entry',
    deletable: true,
    deleteStatus: 200,
    async pull(client, pid) {
      const items = (await client.request('GET', `/api/patients/${pid}/diary-entries`)).json().items as {
        id: string;
        version: number;
        deleted: boolean;
      }[];
      return versionsOf(items.filter((i) => !i.deleted));
    },
  },
  {
    name: 'flare',
    url: (pid, id) => `/api/patients/${pid}/flares/${id}`,
    body: (n) => ({ startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: n }),
    resource: 'flare',
    feedKind: 'flare',
    deleteStatus: 204,
    deletable: true,
    pull: listed('flares'),
  },
  {
    name: 'block diary',
    url: (pid, id) => `/api/patients/${pid}/block-diaries/${id}`,
    body: (n) => ({
      procedureLabel: `Medial branch block ${n}`,
      procedureAt: '2026-05-28T21:00:00Z',
      timeZone: 'UTC',
      baselineIntensity: 7,
    }),
    resource: 'block_diary',
    feedKind: 'block_diary',
    deleteStatus: 204,
    deletable: true,
    pull: listed('block-diaries'),
  },
  {
    name: 'condition',
    url: (pid, id) => `/api/patients/${pid}/conditions/${id}`,
    body: (n) => ({ label: `Low back pain ${n}`, mechanism: 'nociceptive', onsetDate: '2026-01-01' }),
    resource: 'condition',
    feedKind: 'condition',
    deleteStatus: 204,
    deletable: true,
    pull: listed('conditions'),
  },
  {
    name: 'procedure',
    url: (pid, id) => `/api/patients/${pid}/procedures/${id}`,
    body: (n) => ({
      type: 'trigger-point-injection',
      date: '2026-05-01',
      side: 'left',
      intent: 'therapeutic',
      imageGuidance: 'none',
      notes: `note ${n}`,
      followUpInstrument: 'none',
    }),
    resource: 'procedure',
    feedKind: 'procedure',
    deleteStatus: 204,
    deletable: true,
    pull: listed('procedures'),
  },
  {
    name: 'conservative care',
    url: (pid, id) => `/api/patients/${pid}/conservative-care/${id}`,
    body: (n) => ({ treatment: `Massage ${n}`, modality: 'complementary', startDate: '2026-01-01', outcome: 'unknown' }),
    resource: 'conservative_care',
    feedKind: 'conservative_care',
    deleteStatus: 204,
    deletable: true,
    pull: listed('conservative-care'),
  },
  {
    name: 'medication order',
    url: (pid, id) => `/api/patients/${pid}/medication-orders/${id}`,
    body: (n) => ({
      formularyId: 'oxycodone',
      doseMg: 5 + n,
      schedule: 'scheduled',
      timesPerDay: 2,
      route: 'oral',
      startDate: '2026-05-01',
    }),
    resource: 'medication_order',
    feedKind: 'medication_order',
    deleteStatus: 204,
    deletable: false,
    async pull(client, pid) {
      const list = (await client.request('GET', `/api/patients/${pid}/medication-orders`)).json();
      return versionsOf([...list.current, ...list.history]);
    },
  },
  {
    name: 'naloxone check',
    url: (pid) => `/api/patients/${pid}/naloxone-check`,
    body: (n) => ({ hasNaloxone: true, location: `kitchen drawer ${n}` }),
    resource: 'naloxone_check',
    feedKind: 'naloxone_check',
    deleteStatus: 204,
    deletable: false,
    async pull(client, pid) {
      const res = await client.request('GET', `/api/patients/${pid}/naloxone-check`);
      const body = res.statusCode === 200 ? res.json() : null;
      return body && typeof body.version === 'number' ? new Map([[pid, body.version]]) : new Map();
    },
  },
  {
    // Without treatments or red flags, so a write is the intake's row alone.
    name: 'intake',
    url: (pid, id) => `/api/patients/${pid}/intakes/${id}`,
    body: (n) => ({ onsetAbout: `winter ${n}`, course: 'comes-and-goes', worseWith: ['sitting'], finished: false }),
    resource: 'intake',
    feedKind: 'intake',
    deleteStatus: 204,
    deletable: true,
    pull: listed('intakes'),
  },
];

type Op = 'put' | 'edit' | 'editRetry' | 'staleEdit' | 'delete' | 'deleteAgain' | 'staleDelete' | 'pull';
const OPS: readonly Op[] = ['put', 'edit', 'editRetry', 'staleEdit', 'delete', 'deleteAgain', 'staleDelete', 'pull'];

/** What the server should hold: nothing yet, or a version, the body it was written with, and whether it is a tombstone. */
type Model = { version: number; n: number; deleted: boolean } | null;

let ids = 0;
const newId = () => `019b1000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

describe.each(DIALECTS)('the record engine on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(KINDS.map((k) => [k.name, k] as const))('keeps one protocol for a %s', async (_name, kind) => {
    const ops = fc.array(
      fc.record({
        op: fc.constantFrom(...OPS.filter((o) => kind.deletable || !o.toLowerCase().includes('delete'))),
        n: fc.integer({ min: 0, max: 3 }),
      }),
      {
        minLength: 1,
        maxLength: 10,
      },
    );
    await fc.assert(
      fc.asyncProperty(ops, async (steps) => {
        const { client, me } = await signUp(t.app, { patient: true });
        const pid = me.patient!.id;
        const id = kind.resource === 'naloxone_check' ? pid : newId();
        const url = kind.url(pid, id);
        let model: Model = null;
        let changes = 0;
        const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });
        const feed = async (since: string | undefined, limit = 100) => {
          const res = await client.request('GET', `/api/patients/${pid}/changes?limit=${limit}${since ? `&since=${since}` : ''}`);
          expect(res.statusCode).toBe(200);
          return res.json() as {
            items: { kind: string; id: string; version: number; changeSeq: number; deleted: boolean; body: unknown }[];
            cursor: string;
            hasMore: boolean;
          };
        };
        // Every cursor the feed handed out, with the last change sequence it stood after.
        const cursors: { cursor: string | undefined; seq: number }[] = [{ cursor: undefined, seq: 0 }];
        // A write shows in the feed once, after every earlier change, as what the model holds; anything else not at all.
        const feedShows = async (changed: boolean, where: string) => {
          const { cursor, seq } = cursors.at(-1)!;
          const page = await feed(cursor);
          if (!changed) {
            expect(page.items, where).toEqual([]);
            return;
          }
          expect(page.items, where).toHaveLength(1);
          const item = page.items[0]!;
          expect(item, where).toMatchObject({ kind: kind.feedKind, id, version: model!.version, deleted: model!.deleted });
          if (model!.deleted) expect(item.body, where).toBeNull();
          else expect(item.body, where).toEqual(expect.any(Object));
          expect(item.changeSeq, where).toBeGreaterThan(seq);
          cursors.push({ cursor: page.cursor, seq: item.changeSeq });
        };
        for (const { op, n } of steps) {
          const where = `${op}(${n}) over ${JSON.stringify(model)}`;
          const changesBefore = changes;
          if (op === 'put') {
            const res = await client.request('PUT', url, kind.body(n));
            if (model === null) {
              expect(res.statusCode, where).toBe(201);
              expect(res.json().version, where).toBe(1);
              model = { version: 1, n, deleted: false };
              changes += 1;
            } else if (!model.deleted && model.n === n) {
              // A retry: the stored version, nothing new.
              expect(res.statusCode, where).toBe(200);
              expect(res.json(), where).toMatchObject({ status: 'unchanged', version: model.version });
            } else {
              expect(res.statusCode, where).toBe(409);
              if (model.deleted) expect(res.json().current, where).toBeNull();
              else expect(res.json().current.version, where).toBe(model.version);
            }
          } else if (op === 'edit') {
            const res = await client.request('PUT', url, kind.body(n), ifMatch(model?.version ?? 1));
            if (model === null || model.deleted) {
              expect(res.statusCode, where).toBe(409);
            } else if (model.n === n) {
              expect(res.statusCode, where).toBe(200);
              expect(res.json(), where).toMatchObject({ status: 'unchanged', version: model.version });
            } else {
              expect(res.statusCode, where).toBe(200);
              expect(res.json(), where).toMatchObject({ status: 'updated', version: model.version + 1 });
              expect(res.headers.etag, where).toBe(`"${model.version + 1}"`);
              model = { version: model.version + 1, n, deleted: false };
              changes += 1;
            }
          } else if (op === 'editRetry') {
            // The edit that made the current version, sent again with the version it was made on.
            if (model === null || model.deleted || model.version < 2) continue;
            const res = await client.request('PUT', url, kind.body(model.n), ifMatch(model.version - 1));
            expect(res.statusCode, where).toBe(200);
            expect(res.json(), where).toMatchObject({ status: 'unchanged', version: model.version });
          } else if (op === 'staleEdit') {
            const res = await client.request('PUT', url, kind.body(n), ifMatch((model?.version ?? 0) + 1));
            expect(res.statusCode, where).toBe(409);
            expect(res.headers['content-type'], where).toContain('application/problem+json');
          } else if (op === 'delete' || op === 'deleteAgain') {
            const res = await client.request('DELETE', url, undefined, op === 'delete' && model ? ifMatch(model.version) : {});
            if (model === null) {
              expect(res.statusCode, where).toBe(404);
            } else {
              expect(res.statusCode, where).toBe(kind.deleteStatus);
              if (!model.deleted) {
                model = { version: model.version + 1, n: model.n, deleted: true };
                changes += 1;
              }
            }
          } else if (op === 'staleDelete') {
            if (model === null || model.deleted || model.version < 2) continue;
            const res = await client.request('DELETE', url, undefined, ifMatch(model.version - 1));
            expect(res.statusCode, where).toBe(409);
            expect(res.json().current.version, where).toBe(model.version);
          } else {
            const pulled = await kind.pull(client, pid);
            expect(pulled.get(id), where).toBe(model && !model.deleted ? model.version : undefined);
          }
          await feedShows(changes > changesBefore, where);
        }
        // From any cursor handed out, in pages of one: exactly the changes after it.
        const all = (await feed(undefined)).items;
        expect(all.map((i) => i.id)).toEqual(model ? [id] : []);
        for (const { cursor, seq } of cursors) {
          const pulled = [];
          let since = cursor;
          for (;;) {
            const page = await feed(since, 1);
            pulled.push(...page.items);
            since = page.cursor;
            if (!page.hasMore) break;
          }
          expect(pulled).toEqual(all.filter((i) => i.changeSeq > seq));
        }
        // Every change, and only a change, left one audit row of its own kind.
        const log = (await client.request('GET', `/api/patients/${pid}/access-log?limit=200`)).json().items as {
          action: string;
          resourceId: string | null;
        }[];
        const written = log.filter(
          (e) => e.resourceId === id && /\.(create|update|delete)$/.test(e.action) && e.action.startsWith(`${kind.resource}.`),
        );
        expect(written.length).toBe(changes);
        const pulled = await kind.pull(client, pid);
        expect(pulled.get(id)).toBe(model && !model.deleted ? model.version : undefined);
      }),
      { numRuns: dialect === 'postgres' ? 10 : 25 },
    );
  });
  it('keeps one change feed across every kind: each record once, at its last write, from any cursor', async () => {
    const step = fc.record({
      k: fc.nat(KINDS.length - 1),
      slot: fc.nat(1),
      op: fc.constantFrom('put', 'edit', 'delete'),
      n: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
        const { client, me } = await signUp(t.app, { patient: true });
        const pid = me.patient!.id;
        const slots = new Map<string, string>();
        const models = new Map<string, { version: number; n: number; deleted: boolean }>();
        // The key of each record written, in the order of the writes.
        const writes: string[] = [];
        for (const { k, slot, op, n } of steps) {
          const kind = KINDS[k]!;
          const slotKey = `${kind.name}/${kind.resource === 'naloxone_check' ? 0 : slot}`;
          if (!slots.has(slotKey)) slots.set(slotKey, kind.resource === 'naloxone_check' ? pid : newId());
          const id = slots.get(slotKey)!;
          const key = `${kind.feedKind}/${id}`;
          const m = models.get(key);
          const where = `${op}(${n}) of ${key} over ${JSON.stringify(m)}`;
          if (op === 'put') {
            if (m) continue;
            expect((await client.request('PUT', kind.url(pid, id), kind.body(n))).statusCode, where).toBe(201);
            models.set(key, { version: 1, n, deleted: false });
          } else if (op === 'edit') {
            if (!m || m.deleted || m.n === n) continue;
            const res = await client.request('PUT', kind.url(pid, id), kind.body(n), { 'if-match': `"${m.version}"` });
            expect(res.statusCode, where).toBe(200);
            models.set(key, { version: m.version + 1, n, deleted: false });
          } else {
            if (!m || m.deleted || !kind.deletable) continue;
            const res = await client.request('DELETE', kind.url(pid, id), undefined, { 'if-match': `"${m.version}"` });
            expect(res.statusCode, where).toBe(kind.deleteStatus);
            models.set(key, { ...m, version: m.version + 1, deleted: true });
          }
          writes.push(key);
        }
        type Item = { kind: string; id: string; version: number; changeSeq: number; deleted: boolean; body: unknown };
        const pullFrom = async (since: string | undefined, limit: number) => {
          const items: Item[] = [];
          const cursors: { cursor: string; seq: number }[] = [];
          for (;;) {
            const res = await client.request('GET', `/api/patients/${pid}/changes?limit=${limit}${since ? `&since=${since}` : ''}`);
            expect(res.statusCode).toBe(200);
            const page = res.json() as { items: Item[]; cursor: string; hasMore: boolean };
            items.push(...page.items);
            since = page.cursor;
            cursors.push({ cursor: page.cursor, seq: items.at(-1)?.changeSeq ?? 0 });
            if (!page.hasMore) return { items, cursors };
          }
        };
        const { items: all, cursors } = await pullFrom(undefined, 3);
        // Each record once, in the order of its last write, with strictly growing sequences.
        const lastWrites = writes.filter((key, i) => writes.lastIndexOf(key) === i);
        expect(all.map((i) => `${i.kind}/${i.id}`)).toEqual(lastWrites);
        all.forEach((item, i) => {
          if (i > 0) expect(item.changeSeq).toBeGreaterThan(all[i - 1]!.changeSeq);
          const m = models.get(`${item.kind}/${item.id}`)!;
          expect(item).toMatchObject({ version: m.version, deleted: m.deleted });
          expect(item.body === null).toBe(m.deleted);
        });
        // From every cursor it handed out: exactly the changes after it.
        for (const { cursor, seq } of cursors) {
          expect((await pullFrom(cursor, 2)).items).toEqual(all.filter((i) => i.changeSeq > seq));
        }
      }),
      { numRuns: dialect === 'postgres' ? 8 : 15 },
    );
  });
  it('refuses a feed cursor it did not hand out, or one past the last change, with a 400 that says to pull from the start', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const feed = (since: string) => client.request('GET', `/api/patients/${pid}/changes?since=${since}`);
    expect((await client.request('PUT', KINDS[1]!.url(pid, newId()), KINDS[1]!.body(1))).statusCode).toBe(201);
    const { cursor } = (await client.request('GET', `/api/patients/${pid}/changes`)).json();
    expect((await feed(cursor)).json()).toMatchObject({ items: [], cursor, hasMore: false });
    for (const forged of ['banana', Buffer.from('s999').toString('base64url')]) {
      const res = await feed(forged);
      expect(res.statusCode, forged).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ pointer: '/query/since', detail: expect.any(String) }]);
    }
  });
});
