// A lock that the threads of one server process take in turn before they write to the one SQLite file.
// SQLite admits one writer at a time; without this, a second thread's transaction would meet SQLite's
// busy handler, which sleeps the thread for 1, 2, 5 … ms. With it, a thread waits without blocking its
// event loop (Atomics.waitAsync) and keeps reading requests meanwhile, which then join its next batch.
// A ticket lock: threads are served in the order they asked, so none can starve another.

export interface WriteLock {
  /** Waits for this thread's turn without blocking its event loop (the group commit's batches). */
  acquire(): Promise<void>;
  release(): void;
  /**
   * Runs one short write that is not part of a batch (an autocommit statement) in this thread's turn,
   * blocking the thread until then, as SQLite's busy handler would but in turn and without sleeping.
   * Within this thread's own turn it runs at once.
   */
  runExclusive<T>(write: () => T): T;
}

/** For a process with one writing thread: nothing to wait for. */
export const UNSHARED_WRITE_LOCK: WriteLock = { acquire: () => Promise.resolve(), release: () => {}, runExclusive: (write) => write() };

const NEXT_TICKET = 0;
const NOW_SERVING = 1;

/** The memory a shared lock lives in; give the same buffer to every thread (worker_threads `workerData`). */
export function writeLockBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

export function sharedWriteLock(buffer: SharedArrayBuffer): WriteLock {
  const cells = new Int32Array(buffer);
  let heldHere = false;
  // The ticket this thread's group commit is waiting on, if any (one at a time: one committer per thread).
  let pendingTicket: number | null = null;
  const waitSync = (ticket: number): void => {
    for (;;) {
      const serving = Atomics.load(cells, NOW_SERVING);
      if (serving === ticket) return;
      Atomics.wait(cells, NOW_SERVING, serving);
    }
  };
  const release = (): void => {
    heldHere = false;
    Atomics.add(cells, NOW_SERVING, 1);
    Atomics.notify(cells, NOW_SERVING);
  };
  return {
    async acquire() {
      const ticket = Atomics.add(cells, NEXT_TICKET, 1);
      if (Atomics.load(cells, NOW_SERVING) !== ticket) {
        pendingTicket = ticket;
        // A pending waitAsync does not keep a thread's event loop alive; were the loop to end while this
        // ticket waits, every other thread would wait for it for ever. The timer keeps it alive.
        const keepAlive = setInterval(() => {}, 1 << 30);
        try {
          for (;;) {
            const serving = Atomics.load(cells, NOW_SERVING);
            if (serving === ticket) break;
            const wait = Atomics.waitAsync(cells, NOW_SERVING, serving);
            if (wait.async) await wait.value;
          }
        } finally {
          clearInterval(keepAlive);
          pendingTicket = null;
        }
      }
      heldHere = true;
    },
    release,
    runExclusive(write) {
      if (heldHere) return write();
      if (pendingTicket !== null) {
        // This thread already queued for a turn; a second ticket behind it would wait for the first,
        // which cannot be taken while the thread is blocked. Wait for the first instead and leave it
        // held: the pending acquire finds its turn come when it resumes.
        waitSync(pendingTicket);
        heldHere = true;
        return write();
      }
      const ticket = Atomics.add(cells, NEXT_TICKET, 1);
      waitSync(ticket);
      heldHere = true;
      try {
        return write();
      } finally {
        release();
      }
    },
  };
}
