// Background work through the job table : any process can run any job, claims are exclusive,
// a job whose process died is picked up again when its lock lapses, and failures retry with backoff.
import type { AppDeps } from './context.ts';
import { addMinutesIso, nowIso } from './context.ts';
import type { Job } from './ports.ts';

export type JobHandler = (deps: AppDeps, job: Job) => Promise<void>;

export interface JobRunnerOptions {
  readonly intervalMs: number;
  readonly batchSize: number;
  /** How long a claimed job stays locked to its process. */
  readonly lockMinutes: number;
  readonly maxAttempts: number;
  /** Told about failures by job id and kind only — never the payload (it may name a patient). */
  readonly onError?: (job: Pick<Job, 'id' | 'kind' | 'attempts'>, error: unknown) => void;
}

export const DEFAULT_JOB_RUNNER: JobRunnerOptions = { intervalMs: 5_000, batchSize: 20, lockMinutes: 5, maxAttempts: 5 };

export async function enqueueJob(
  deps: Pick<AppDeps, 'store' | 'ids' | 'clock'>,
  kind: string,
  runAt: string,
  payload: Record<string, unknown>,
  patientId: string | null = null,
): Promise<string> {
  const id = deps.ids.newId();
  await deps.store.jobs.enqueue({ id, kind, patientId, payload, runAt, createdAt: deps.clock.now().toISOString() });
  return id;
}

export interface JobRunner {
  /** Claims and runs the jobs due now; resolves with how many ran. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobRunner(
  deps: AppDeps,
  handlers: Readonly<Record<string, JobHandler>>,
  options: JobRunnerOptions = DEFAULT_JOB_RUNNER,
): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  async function runOnce(): Promise<number> {
    const now = nowIso(deps);
    const jobs = await deps.store.jobs.claimDue(now, addMinutesIso(now, options.lockMinutes), options.batchSize);
    for (const job of jobs) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(deps, job);
        await deps.store.jobs.complete(job.id);
      } catch (error) {
        options.onError?.({ id: job.id, kind: job.kind, attempts: job.attempts }, error);
        const retryAt = job.attempts < options.maxAttempts ? addMinutesIso(nowIso(deps), 2 ** job.attempts) : null;
        await deps.store.jobs.fail(job.id, error instanceof Error ? error.message.slice(0, 500) : 'failed', retryAt);
      }
    }
    return jobs.length;
  }
  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = runOnce()
          .catch((error: unknown) => {
            options.onError?.({ id: '-', kind: '-', attempts: 0 }, error);
            return 0;
          })
          .finally(() => {
            running = undefined;
          });
      }, options.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

/** Housekeeping: forget sign-in failures, known devices, expired sign-ups, unfinished two-step sign-ins and passkey challenges past their time. Re-enqueues itself hourly. */
export const MAINTENANCE_JOB = 'maintenance.prune';

export const maintenanceHandler: JobHandler = async (deps) => {
  const now = nowIso(deps);
  // The table also counts sign-ups (sign-up-throttle.ts), whose window may be the longer one.
  const window = Math.max(deps.settings.signInWindowMinutes, deps.settings.signUpWindowMinutes);
  await deps.store.signInFailures.pruneBefore(addMinutesIso(now, -window));
  await deps.store.pendingSignUps.pruneExpiredBefore(now);
  await deps.store.passkeys.pruneChallengesBefore(now);
  await deps.store.knownDevices.pruneUnusedBefore(addMinutesIso(now, -deps.settings.signInKnownDeviceDays * 24 * 60));
  await deps.store.secondFactors.prunePendingSignInsBefore(now);
  await scheduleRecurringJob(deps, MAINTENANCE_JOB, addMinutesIso(now, 60), 'after-run');
};

export async function ensureMaintenanceScheduled(deps: AppDeps): Promise<void> {
  await scheduleRecurringJob(deps, MAINTENANCE_JOB, nowIso(deps), 'at-start');
}

/**
 * Schedules a job that schedules its own next run (housekeeping) unless one is queued already: every
 * process makes sure of it as it starts, and processes started together would otherwise each start a
 * chain of their own, run ever after. At start a running one counts (it will schedule its successor);
 * after a run only a waiting one does (the running one is the caller), which also lets chains made
 * twice before fold into one as they run.
 */
export async function scheduleRecurringJob(
  deps: Pick<AppDeps, 'store' | 'ids' | 'clock'>,
  kind: string,
  runAt: string,
  when: 'at-start' | 'after-run',
): Promise<void> {
  const job = { id: deps.ids.newId(), kind, patientId: null, payload: {}, runAt, createdAt: deps.clock.now().toISOString() };
  await deps.store.transaction((tx) => tx.jobs.enqueueUnlessQueued(job, when === 'at-start' ? ['pending', 'running'] : ['pending']));
}
