// The shared write lock: threads that take it in turn never interleave, even when each holds it across
// awaits, and a thread that waits keeps its event loop running.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sharedWriteLock, writeLockBuffer } from './write-lock.ts';

// Each thread adds 1 to a shared counter ROUNDS times by read, yield, write: without mutual exclusion,
// updates are lost. The workers load the module under test itself.
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
(async () => {
  const { sharedWriteLock } = await import(workerData.module);
  const lock = sharedWriteLock(workerData.lock);
  const counter = new Int32Array(workerData.counter);
  for (let i = 0; i < workerData.rounds; i++) {
    await lock.acquire();
    const seen = Atomics.load(counter, 0);
    await new Promise((r) => setImmediate(r));
    Atomics.store(counter, 0, seen + 1);
    lock.release();
  }
  parentPort.postMessage('done');
})().catch((error) => parentPort.postMessage(String(error)));
`;

describe('sharedWriteLock', () => {
  it('lets one holder at a time through, across threads and awaits', async () => {
    const lockBuffer = writeLockBuffer();
    const counterBuffer = new SharedArrayBuffer(4);
    const rounds = 200;
    const lock = sharedWriteLock(lockBuffer);
    const counter = new Int32Array(counterBuffer);
    const workers = [1, 2, 3].map(() => new Worker(WORKER, { eval: true, workerData: { module: new URL('./write-lock.ts', import.meta.url).href, lock: lockBuffer, counter: counterBuffer, rounds } }));
    const finished = workers.map((w) => new Promise((resolve, reject) => { w.once('message', (m) => (m === 'done' ? resolve(m) : reject(new Error(String(m))))); w.once('error', reject); }));
    // This thread takes part too, through the module under test.
    for (let i = 0; i < rounds; i++) {
      await lock.acquire();
      const seen = Atomics.load(counter, 0);
      await new Promise((r) => setImmediate(r));
      Atomics.store(counter, 0, seen + 1);
      lock.release();
    }
    await Promise.all(finished);
    await Promise.all(workers.map((w) => w.terminate()));
    expect(Atomics.load(counter, 0)).toBe(4 * rounds);
  });

  it('serves waiters in the order they asked, and waiting does not block the event loop', async () => {
    const lock = sharedWriteLock(writeLockBuffer());
    const order: string[] = [];
    await lock.acquire();
    const first = lock.acquire().then(() => { order.push('first'); lock.release(); });
    const second = lock.acquire().then(() => { order.push('second'); lock.release(); });
    let timerRan = false;
    await new Promise((r) => setTimeout(r, 5)).then(() => { timerRan = true; });
    expect(timerRan).toBe(true);
    expect(order).toEqual([]);
    lock.release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });
});
