import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/dialects.ts';
import { FixedClock } from '../../test/support/clock.ts';
import { createKyselyStore } from '../storage/kysely-store.ts';
import { DEFAULT_SETTINGS, type AppDeps } from './context.ts';
import { createJobRunner, enqueueJob, ensureMaintenanceScheduled, MAINTENANCE_JOB, maintenanceHandler } from './jobs.ts';
import { ensureTriageSweepScheduled, TRIAGE_SWEEP_JOB, triageSweepHandler } from './triage.ts';
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

  it('runs each job once when several runners claim at the same moment', async () => {
    // As several processes polling the table at once: each claim takes what no other has taken.
    const runners = [depsOver(db), depsOver(db), depsOver(db)];
    const ran: string[] = [];
    const handlers = {
      count: async (_d: AppDeps, job: Job) => {
        ran.push(job.id);
      },
    };
    const ids: string[] = [];
    for (let i = 0; i < 90; i++) ids.push(await enqueueJob(runners[0]!, 'count', clock.now().toISOString(), {}));
    const options = { intervalMs: 1000, batchSize: 7, lockMinutes: 5, maxAttempts: 1 };
    const each = runners.map((deps) => createJobRunner(deps, handlers, options));
    while ((await Promise.all(each.map((r) => r.runOnce()))).some((n) => n > 0));
    expect(ran.sort()).toEqual(ids.sort());
  });

  it('schedules each recurring job once when several processes start at the same moment', async () => {
    // Processes started together (a deploy, a restart of every replica) each make sure the recurring
    // housekeeping is scheduled; each on its own connection, as three processes would be.
    const fresh = await createTestDatabase(dialect);
    try {
      const starting = [depsOver(fresh), depsOver(fresh), depsOver(fresh)];
      await Promise.all(starting.flatMap((deps) => [ensureMaintenanceScheduled(deps), ensureTriageSweepScheduled(deps)]));
      await Promise.all(starting.flatMap((deps) => [ensureMaintenanceScheduled(deps), ensureTriageSweepScheduled(deps)]));
      const { store } = starting[0]!;
      expect(await store.jobs.countPending(MAINTENANCE_JOB)).toBe(1);
      expect(await store.jobs.countPending(TRIAGE_SWEEP_JOB)).toBe(1);

      // A second chain (made before this was so) folds into the first when both have run at once (with
      // the sweep that is due as well).
      await enqueueJob(starting[1]!, MAINTENANCE_JOB, clock.now().toISOString(), {});
      const runners = starting.map((deps) =>
        createJobRunner(
          deps,
          { [MAINTENANCE_JOB]: maintenanceHandler, [TRIAGE_SWEEP_JOB]: triageSweepHandler },
          { intervalMs: 1000, batchSize: 1, lockMinutes: 5, maxAttempts: 1 },
        ),
      );
      expect(await Promise.all(runners.map((r) => r.runOnce()))).toEqual([1, 1, 1]);
      expect(await store.jobs.countPending(MAINTENANCE_JOB)).toBe(1);
      expect(await store.jobs.countPending(TRIAGE_SWEEP_JOB)).toBe(1);
    } finally {
      await fresh.drop();
    }
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
