// The job table: background work any process can pick up. Claiming is one UPDATE … RETURNING, so two
// processes never run the same job; on PostgreSQL the candidate rows are taken with SKIP LOCKED.
import { sql } from 'kysely';
import type { Job, JobStore, NewJob } from '../../app/ports.ts';
import type { JobRow } from '../schema.ts';
import type { Executor } from './executor.ts';

const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  patientId: r.patientId,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  runAt: r.runAt,
  attempts: Number(r.attempts),
});

/** First key of the advisory locks taken per job kind, so they cannot meet another use of advisory locks. */
const JOB_KIND_LOCK = 0x6a6f62;

export function jobRepository(db: Executor, dialect: 'sqlite' | 'postgres'): JobStore {
  const insert = async (job: NewJob) => {
    await db
      .insertInto('job')
      .values({
        id: job.id,
        kind: job.kind,
        patientId: job.patientId,
        payload: JSON.stringify(job.payload),
        runAt: job.runAt,
        state: 'pending',
        attempts: 0,
        lockedUntil: null,
        lastError: null,
        createdAt: job.createdAt,
      })
      .execute();
  };
  return {
    enqueue: insert,
    async enqueueUnlessQueued(job, states) {
      // Without the lock two processes could each count none before either inserted (READ COMMITTED).
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(JOB_KIND_LOCK)}, hashtext(${job.kind}))`.execute(db);
      const queued = await db
        .selectFrom('job')
        .select('id')
        .where('kind', '=', job.kind)
        .where('state', 'in', [...states])
        .limit(1)
        .executeTakeFirst();
      if (queued) return false;
      await insert(job);
      return true;
    },
    async claimDue(now, lockedUntil, limit) {
      const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
      const { rows } = await sql<JobRow>`
        update job set state = 'running', locked_until = ${lockedUntil}, attempts = attempts + 1
        where id in (
          select id from job
          where run_at <= ${now} and (state = 'pending' or (state = 'running' and locked_until <= ${now}))
          order by run_at limit ${limit} ${lock}
        )
        returning *`.execute(db);
      return rows.map(toJob);
    },
    async complete(id) {
      await db.updateTable('job').set({ state: 'done', lockedUntil: null }).where('id', '=', id).execute();
    },
    async fail(id, error, retryAt) {
      await db
        .updateTable('job')
        .set(
          retryAt
            ? { state: 'pending', runAt: retryAt, lockedUntil: null, lastError: error }
            : { state: 'failed', lockedUntil: null, lastError: error },
        )
        .where('id', '=', id)
        .execute();
    },
    async countPending(kind) {
      let q = db
        .selectFrom('job')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', 'in', ['pending', 'running']);
      if (kind) q = q.where('kind', '=', kind);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
    async queueStats(now) {
      // One pass over the unfinished and failed rows (the job_due index leads with state); done jobs are not read.
      const due = sql`(state = 'pending' and run_at <= ${now}) or (state = 'running' and locked_until <= ${now})`;
      const { rows } = await sql<{ due: unknown; scheduled: unknown; running: unknown; failed: unknown; oldestDue: string | null }>`
        select
          count(case when ${due} then 1 end) as due,
          count(case when state = 'pending' and run_at > ${now} then 1 end) as scheduled,
          count(case when state = 'running' and locked_until > ${now} then 1 end) as running,
          count(case when state = 'failed' then 1 end) as failed,
          min(case when ${due} then run_at end) as oldest_due
        from job where state in ('pending', 'running', 'failed')`.execute(db);
      const r = rows[0];
      return {
        due: Number(r?.due ?? 0),
        scheduled: Number(r?.scheduled ?? 0),
        running: Number(r?.running ?? 0),
        failed: Number(r?.failed ?? 0),
        oldestDueRunAt: r?.oldestDue ?? null,
      };
    },
  };
}
