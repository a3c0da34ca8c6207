// A lock that the threads of one server process take in turn before they write to the one SQLite file.
// SQLite admits one writer at a time; without this, a second thread's transaction would meet SQLite's
// busy handler, which sleeps the thread for 1, 2, 5 … ms. With it, a thread waits without blocking its
// event loop (Atomics.waitAsync) and keeps reading requests meanwhile, which then join its next batch.
// A ticket lock: threads are served in the order they asked, so none can starve another.

export interface WriteLock {
  acquire(): Promise<void>;
  release(): void;
}

/** For a process with one writing thread: nothing to wait for. */
export const UNSHARED_WRITE_LOCK: WriteLock = { acquire: () => Promise.resolve(), release: () => {} };

const NEXT_TICKET = 0;
const NOW_SERVING = 1;

/** The memory a shared lock lives in; give the same buffer to every thread (worker_threads `workerData`). */
export function writeLockBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
}

export function sharedWriteLock(buffer: SharedArrayBuffer): WriteLock {
  const cells = new Int32Array(buffer);
  return {
    async acquire() {
      const ticket = Atomics.add(cells, NEXT_TICKET, 1);
      if (Atomics.load(cells, NOW_SERVING) === ticket) return;
      // A pending waitAsync does not keep a thread's event loop alive; were the loop to end while this
      // ticket waits, every other thread would wait for it for ever. The timer keeps it alive.
      const keepAlive = setInterval(() => {}, 1 << 30);
      try {
        for (;;) {
          const serving = Atomics.load(cells, NOW_SERVING);
          if (serving === ticket) return;
          const wait = Atomics.waitAsync(cells, NOW_SERVING, serving);
          if (wait.async) await wait.value;
        }
      } finally {
        clearInterval(keepAlive);
      }
    },
    release() {
      Atomics.add(cells, NOW_SERVING, 1);
      Atomics.notify(cells, NOW_SERVING);
    },
  };
}
