// The port of the job queue (app/jobs.ts): what the runner and the use cases that schedule work need
// from the table that holds jobs.

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly patientId: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly runAt: string;
  readonly attempts: number;
}

export interface NewJob {
  id: string;
  kind: string;
  patientId: string | null;
  payload: Record<string, unknown>;
  runAt: string;
  createdAt: string;
}

export interface JobStore {
  enqueue(job: NewJob): Promise<void>;
  /**
   * Inside a transaction: enqueues the job unless one of its kind is in one of `states`; true if it did.
   * Processes doing so at once make one: PostgreSQL takes a lock per kind until the transaction ends.
   */
  enqueueUnlessQueued(job: NewJob, states: readonly ('pending' | 'running')[]): Promise<boolean>;
  /** Marks up to `limit` due jobs as running until `lockedUntil` and returns them; a job whose lock lapsed (its process died) is due again. */
  claimDue(now: string, lockedUntil: string, limit: number): Promise<readonly Job[]>;
  complete(id: string): Promise<void>;
  fail(id: string, error: string, retryAt: string | null): Promise<void>;
  countPending(kind?: string): Promise<number>;
  /** How the queue stands at `now`, for monitoring: counts by state and the oldest due job's run-at. */
  queueStats(now: string): Promise<JobQueueStats>;
}

export interface JobQueueStats {
  /** Ready to be claimed now: pending and due, or running under a lock that lapsed. */
  readonly due: number;
  /** Pending, to run later. */
  readonly scheduled: number;
  /** Claimed by a process whose lock still holds. */
  readonly running: number;
  /** Gave up after the last attempt; kept for inspection. */
  readonly failed: number;
  /** The run-at of the oldest due job, or null when none is due. */
  readonly oldestDueRunAt: string | null;
}
