// One protocol for every record a device creates under its own id: random sequences of create, retry,
// edit, stale edit, retried edit, delete and pull, checked against one model for every record kind.
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
  /** The audit resource type and action prefix. */
  readonly resource: string;
  readonly deletable: boolean;
  /** The versions of the live records a pull shows, by id. */
  pull(client: Client, pid: string): Promise<Map<string, number>>;
}

const versionsOf = (items: { id: string; version: number }[]) => new Map(items.map((i) => [i.id, i.version]));
const listed = (path: string) => async (client: Client, pid: string) =>
  versionsOf((await client.request('GET', `/api/patients/${pid}/${path}?limit=100`)).json().items);

const KINDS: readonly Kind[] = [
  {
    name: 'flare',
    url: (pid, id) => `/api/patients/${pid}/flares/${id}`,
    body: (n) => ({ startedAt: '2026-05-20T08:00:00Z', endedAt: null, timeZone: 'UTC', peakIntensity: n }),
    resource: 'flare',
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
    deletable: true,
    pull: listed('block-diaries'),
  },
  {
    name: 'condition',
    url: (pid, id) => `/api/patients/${pid}/conditions/${id}`,
    body: (n) => ({ label: `Low back pain ${n}`, mechanism: 'nociceptive', onsetDate: '2026-01-01' }),
    resource: 'condition',
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
    deletable: true,
    pull: listed('procedures'),
  },
  {
    name: 'conservative care',
    url: (pid, id) => `/api/patients/${pid}/conservative-care/${id}`,
    body: (n) => ({ treatment: `Massage ${n}`, modality: 'complementary', startDate: '2026-01-01', outcome: 'unknown' }),
    resource: 'conservative_care',
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
    deletable: false,
    async pull(client, pid) {
      const res = await client.request('GET', `/api/patients/${pid}/naloxone-check`);
      const body = res.statusCode === 200 ? res.json() : null;
      return body && typeof body.version === 'number' ? new Map([[pid, body.version]]) : new Map();
    },
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
        for (const { op, n } of steps) {
          const where = `${op}(${n}) over ${JSON.stringify(model)}`;
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
              expect(res.statusCode, where).toBe(204);
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
});
