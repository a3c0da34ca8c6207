// A procedure and its follow-up questionnaires are one unit of work: if assigning or
// cancelling a follow-up fails part way, the procedure write is rolled back with it, so there is never
// a procedure without its follow-ups, nor follow-ups of a deleted procedure or of an old date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';
import type { Database, Repositories } from '../../../app/ports.ts';

let idCounter = 0;
const newId = () => `019c2000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

type AssignmentMethod = 'insert' | 'cancel';

describe.each(DIALECTS)('procedure save and its follow-ups are atomic on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let realStore: Database;
  const base = () => `/api/patients/${pid}`;
  const procedure = {
    type: 'medial-branch-block',
    date: '2026-05-29',
    levels: ['L4-L5'],
    side: 'right',
    intent: 'diagnostic',
    imageGuidance: 'fluoroscopy',
  };

  /** The next transactions' `instrumentAssignments[method]` fails on its `nth` call (1-based). */
  function failOn(method: AssignmentMethod, nth: number): void {
    let calls = 0;
    const store = realStore;
    const wrapTx = (tx: Repositories): Repositories =>
      new Proxy(tx, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver);
          if (key !== 'instrumentAssignments') return value;
          return new Proxy(value as object, {
            get(a, k, r) {
              const fn = Reflect.get(a, k, r);
              if (k !== method || typeof fn !== 'function') return typeof fn === 'function' ? fn.bind(a) : fn;
              return async (...args: unknown[]) => {
                calls += 1;
                if (calls === nth) throw new Error(`injected failure in instrumentAssignments.${method}`);
                return fn.apply(a, args);
              };
            },
          });
        },
      });
    (t.deps as { store: Database }).store = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'transaction') return <T>(work: (tx: Repositories) => Promise<T>) => target.transaction((tx) => work(wrapTx(tx)));
        return Reflect.get(target, key, receiver);
      },
    });
  }
  const heal = () => {
    (t.deps as { store: Database }).store = realStore;
  };

  const activeFollowUps = async () => (await t.deps.store.instrumentAssignments.listForPatient(pid)).filter((a) => a.cancelledAt === null);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    realStore = t.deps.store;
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    owner = s.client;
    pid = s.me.patient!.id;
  });
  afterAll(async () => {
    heal();
    await t.close();
  });

  it('a failed follow-up on create leaves no procedure and no follow-ups', async () => {
    const id = newId();
    failOn('insert', 3);
    const res = await owner.request('PUT', `${base()}/procedures/${id}`, procedure);
    heal();
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.deps.store.carePlan.procedures.find(id)).toBeUndefined();
    expect(await activeFollowUps()).toEqual([]);
    // The same request then succeeds in full: 3 follow-ups × (PEG, PGIC).
    expect((await owner.request('PUT', `${base()}/procedures/${id}`, procedure)).statusCode).toBe(201);
    expect(await activeFollowUps()).toHaveLength(6);
  });

  it('a failed re-assignment on edit keeps the old date and its follow-ups', async () => {
    const id = newId();
    expect((await owner.request('PUT', `${base()}/procedures/${id}`, procedure)).statusCode).toBe(201);
    const before = (await activeFollowUps()).map((a) => a.id).sort();
    // The old follow-ups are cancelled first; the first new one then fails.
    failOn('insert', 1);
    const res = await owner.request('PUT', `${base()}/procedures/${id}`, { ...procedure, date: '2026-06-05' }, { 'if-match': '"1"' });
    heal();
    expect(res.statusCode).toBe(500);
    const stored = await t.deps.store.carePlan.procedures.find(id);
    expect(stored).toMatchObject({ version: 1, body: { date: '2026-05-29' } });
    expect((await activeFollowUps()).map((a) => a.id).sort()).toEqual(before);
  });

  it('a failed cancellation on delete keeps the procedure and its follow-ups', async () => {
    const id = newId();
    expect((await owner.request('PUT', `${base()}/procedures/${id}`, procedure)).statusCode).toBe(201);
    const before = (await activeFollowUps()).map((a) => a.id).sort();
    failOn('cancel', 2);
    const res = await owner.request('DELETE', `${base()}/procedures/${id}`);
    heal();
    expect(res.statusCode).toBe(500);
    expect(await t.deps.store.carePlan.procedures.find(id)).toMatchObject({ deletedAt: null, version: 1 });
    expect((await activeFollowUps()).map((a) => a.id).sort()).toEqual(before);
    expect((await owner.request('DELETE', `${base()}/procedures/${id}`)).statusCode).toBe(204);
    expect((await activeFollowUps()).length).toBe(before.length - 6);
  });
});
