import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/dialects.ts';
import { FixedClock } from '../../test/support/clock.ts';
import { createKyselyStore } from '../storage/kysely-store.ts';
import { DEFAULT_SETTINGS, type AppDeps } from './context.ts';
import { createJobRunner, enqueueJob } from './jobs.ts';
import { systemIds } from './system.ts';
import type { Job } from './ports.ts';

describe.each(DIALECTS)('job table on %s', (dialect) => {
  let db: TestDatabase;
  const clock = new FixedClock('2026-06-01T12:00:00.000Z');
  const depsOver = (database: TestDatabase): AppDeps => ({
    store: createKyselyStore(database.handle),
    clock,
    ids: systemIds(clock),
    settings: DEFAULT_SETTINGS,
    hasher: { hash: async () => 'x', verify: async () => false },
  });
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('runs due jobs once, retries failures with backoff, and survives a restart', async () => {
    const first = depsOver(db);
    const ran: string[] = [];
    let failOnce = true;
    const handlers = {
      say: async (_d: AppDeps, job: Job) => {
        ran.push(String(job.payload.word));
      },
      flaky: async () => {
        if (failOnce) {
          failOnce = false;
          throw new Error('temporary');
        }
        ran.push('flaky');
      },
    };
    await enqueueJob(first, 'say', '2026-06-01T11:59:00.000Z', { word: 'due' });
    await enqueueJob(first, 'say', '2026-06-01T13:00:00.000Z', { word: 'later' });
    await enqueueJob(first, 'flaky', '2026-06-01T11:00:00.000Z', {});
    const errors: string[] = [];
    const runner = createJobRunner(first, handlers, {
      intervalMs: 1000,
      batchSize: 10,
      lockMinutes: 5,
      maxAttempts: 3,
      onError: (j) => errors.push(j.kind),
    });
    expect(await runner.runOnce()).toBe(2);
    expect(ran).toEqual(['due']);
    expect(errors).toEqual(['flaky']);

    // A "restart": a new store over the same database picks up what is due.
    clock.advanceMinutes(61);
    const second = createJobRunner(depsOver(db), handlers, { intervalMs: 1000, batchSize: 10, lockMinutes: 5, maxAttempts: 3 });
    expect(await second.runOnce()).toBe(2);
    expect(ran.sort()).toEqual(['due', 'flaky', 'later']);
    expect(await second.runOnce()).toBe(0);
    expect(await first.store.jobs.countPending()).toBe(0);
  });

  it('gives a job back when its process died holding it (the lock lapses)', async () => {
    const deps = depsOver(db);
    await enqueueJob(deps, 'say', clock.now().toISOString(), { word: 'orphan' });
    const claimed = await deps.store.jobs.claimDue(
      clock.now().toISOString(),
      new Date(clock.now().getTime() + 5 * 60_000).toISOString(),
      10,
    );
    expect(claimed).toHaveLength(1);
    expect(await deps.store.jobs.claimDue(clock.now().toISOString(), clock.now().toISOString(), 10)).toHaveLength(0);
    clock.advanceMinutes(6);
    const again = await deps.store.jobs.claimDue(clock.now().toISOString(), new Date(clock.now().getTime() + 5 * 60_000).toISOString(), 10);
    expect(again.map((j) => [j.id, j.attempts])).toEqual([[claimed[0]!.id, 2]]);
  });

  it('tells how the queue stands: due (with a lapsed lock), scheduled, running, failed, and the oldest due run-at', async () => {
    const own = await createTestDatabase(dialect);
    try {
      const deps = depsOver(own);
      const jobs = deps.store.jobs;
      const at = (minutes: number) => new Date(clock.now().getTime() + minutes * 60_000).toISOString();
      expect(await jobs.queueStats(at(0))).toEqual({ due: 0, scheduled: 0, running: 0, failed: 0, oldestDueRunAt: null });
      await enqueueJob(deps, 'say', at(-3), {});
      const [held] = await jobs.claimDue(at(0), at(10), 1); // claimed, its lock holds for 10 minutes
      await enqueueJob(deps, 'say', at(-2), {});
      await enqueueJob(deps, 'say', at(-1), {});
      const [failing] = await jobs.claimDue(at(0), at(10), 1);
      await jobs.fail(failing!.id, 'gave up', null);
      await enqueueJob(deps, 'say', at(30), {});
      expect(held).toBeDefined();
      expect(await jobs.queueStats(at(0))).toEqual({ due: 1, scheduled: 1, running: 1, failed: 1, oldestDueRunAt: at(-1) });
      // Once the lock lapses the held job is due again, and it is the oldest.
      expect(await jobs.queueStats(at(11))).toEqual({ due: 2, scheduled: 1, running: 0, failed: 1, oldestDueRunAt: at(-3) });
      await jobs.complete(held!.id);
      expect(await jobs.queueStats(at(11))).toEqual({ due: 1, scheduled: 1, running: 0, failed: 1, oldestDueRunAt: at(-1) });
    } finally {
      await own.drop();
    }
  });
});
