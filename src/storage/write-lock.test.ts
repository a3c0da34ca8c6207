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
    if (workerData.sync && i % 2 === 1) {
      // An autocommit write: blocking, but in turn.
      lock.runExclusive(() => { const seen = Atomics.load(counter, 0); Atomics.store(counter, 0, seen + 1); });
      continue;
    }
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
    // Two workers hold the lock across awaits; the third alternates with blocking autocommit writes.
    const workers = [false, false, true].map(
      (sync) =>
        new Worker(WORKER, {
          eval: true,
          workerData: { module: new URL('./write-lock.ts', import.meta.url).href, lock: lockBuffer, counter: counterBuffer, rounds, sync },
        }),
    );
    const finished = workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.once('message', (m) => (m === 'done' ? resolve(m) : reject(new Error(String(m)))));
          w.once('error', reject);
        }),
    );
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
    const first = lock.acquire().then(() => {
      order.push('first');
      lock.release();
    });
    const second = lock.acquire().then(() => {
      order.push('second');
      lock.release();
    });
    let timerRan = false;
    await new Promise((r) => setTimeout(r, 5)).then(() => {
      timerRan = true;
    });
    expect(timerRan).toBe(true);
    expect(order).toEqual([]);
    lock.release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });

  it('runs a blocking write of a thread that is already queued for a turn without deadlocking it', async () => {
    const buffer = writeLockBuffer();
    const module = new URL('./write-lock.ts', import.meta.url).href;
    // One thread holds the lock until told to let go …
    const holder = new Worker(
      `
      const { workerData, parentPort } = require('node:worker_threads');
      (async () => {
        const { sharedWriteLock } = await import(workerData.module);
        const lock = sharedWriteLock(workerData.lock);
        await lock.acquire();
        parentPort.postMessage('holding');
        parentPort.once('message', () => lock.release());
      })();
    `,
      { eval: true, workerData: { module, lock: buffer } },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    // … while another queues its group commit and then makes an autocommit write, which must wait for
    // that same turn. It runs in a thread of its own so that a deadlock fails the test instead of hanging it.
    const queuer = new Worker(
      `
      const { workerData, parentPort } = require('node:worker_threads');
      (async () => {
        const { sharedWriteLock } = await import(workerData.module);
        const lock = sharedWriteLock(workerData.lock);
        const order = [];
        const queued = lock.acquire().then(() => order.push('batch'));
        await Promise.resolve();
        parentPort.postMessage('queued');
        lock.runExclusive(() => order.push('autocommit'));
        await queued;
        lock.release();
        order.push(lock.runExclusive(() => 'next'));
        parentPort.postMessage(order);
      })();
    `,
      { eval: true, workerData: { module, lock: buffer } },
    );
    await new Promise((resolve) => queuer.once('message', resolve));
    holder.postMessage('release');
    const order = await Promise.race([
      new Promise((resolve) => queuer.once('message', resolve)),
      new Promise((resolve) => setTimeout(() => resolve('deadlocked'), 5000)),
    ]);
    await Promise.all([holder.terminate(), queuer.terminate()]);
    expect(order).toEqual(['autocommit', 'batch', 'next']);
  });
});
