import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage, Outbox, type OutboxItem } from './outbox.ts';

function server(responses: (item: OutboxItem) => { status: number; body?: unknown } | 'offline') {
  const sent: OutboxItem[] = [];
  return {
    sent,
    send: async (item: OutboxItem) => {
      const r = responses(item);
      if (r === 'offline') throw new TypeError('network');
      sent.push(item);
      return { status: r.status, body: r.body };
    },
  };
}

describe('Outbox', () => {
  it('keeps writes while offline and replays them in order when back online', async () => {
    let online = false;
    const s = server(() => (online ? { status: 201 } : 'offline'));
    const outbox = new Outbox(memoryStorage(), s.send);
    await outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 1 } }, new Date('2026-01-01T00:00:00Z'));
    await outbox.enqueue({ method: 'PUT', path: '/e/2', body: { n: 2 } }, new Date('2026-01-01T00:00:01Z'));
    let seen: readonly OutboxItem[] = [];
    outbox.subscribe((items) => {
      seen = items;
    });
    expect(s.sent).toEqual([]);
    online = true;
    await outbox.flush();
    expect(s.sent.map((i) => i.path)).toEqual(['/e/1', '/e/2']);
    expect(seen).toEqual([]);
  });

  it('keeps a newer write to a resource queued while an older one is in flight, and sends it after', async () => {
    const storage = memoryStorage();
    let outbox: Outbox;
    const sent: unknown[] = [];
    let first = true;
    let later: Promise<void> = Promise.resolve();
    outbox = new Outbox(storage, async (item) => {
      sent.push(item.body);
      if (first) {
        first = false;
        // While the first answer is on its way, the person saves again (the form's second save); the save
        // joins the flush under way, so it is not awaited here, only given the time to be queued.
        later = outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 2 } });
        await new Promise((resolve) => setTimeout(resolve, 0));
        return { status: 400, body: { detail: 'refused' } };
      }
      return { status: 200, body: {} };
    });
    await outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 1 } });
    await later;
    // The first answer (a refusal) neither overwrote nor removed the newer write; that one was sent and stored.
    expect(sent).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await storage.all()).toEqual([]);
  });

  it('a success for an older write does not remove a newer one queued meanwhile', async () => {
    const storage = memoryStorage();
    let online = true;
    let outbox: Outbox;
    const sent: unknown[] = [];
    let later: Promise<void> = Promise.resolve();
    outbox = new Outbox(storage, async (item) => {
      if (!online) throw new TypeError('network');
      sent.push(item.body);
      if ((item.body as { n: number }).n === 1) {
        online = false; // the newer write is queued and then the connection drops
        later = outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 2 } });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      return { status: 200, body: {} };
    });
    await outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 1 } });
    await later;
    expect(sent).toEqual([{ n: 1 }]);
    expect((await storage.all()).map((i) => [i.body, i.state])).toEqual([[{ n: 2 }, 'pending']]);
  });

  it('replaces a queued write to the same resource with the newer one', async () => {
    const s = server(() => 'offline');
    const storage = memoryStorage();
    const outbox = new Outbox(storage, s.send);
    await outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 1 } });
    await outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 2 } });
    expect((await storage.all()).map((i) => i.body)).toEqual([{ n: 2 }]);
  });

  it('holds a conflict with the server copy until the person resolves it', async () => {
    let current = { version: 3 };
    const s = server((item) =>
      item.baseVersion === current.version ? { status: 200 } : { status: 409, body: { current, detail: 'changed' } },
    );
    const storage = memoryStorage();
    const outbox = new Outbox(storage, s.send);
    await outbox.enqueue({ method: 'PUT', path: '/e/9', body: { n: 1 }, baseVersion: 2 });
    const [conflict] = await storage.all();
    expect(conflict).toMatchObject({ state: 'conflict', serverCopy: { version: 3 }, message: 'changed' });
    await outbox.keepMine('/e/9');
    expect(await storage.all()).toEqual([]);
    expect(s.sent.at(-1)).toMatchObject({ baseVersion: 3 });
    current = { version: 5 };
    await outbox.enqueue({ method: 'PUT', path: '/e/9', body: { n: 2 }, baseVersion: 4 });
    await outbox.discard('/e/9');
    expect(await storage.all()).toEqual([]);
  });

  it('keeps a refused write with its field errors, and does not send it again', async () => {
    const errors = [{ pointer: '/worstSinceLast', detail: 'the worst pain since the last entry cannot be lower than the pain now' }];
    const s = server(() => ({ status: 400, body: { detail: 'The request is not valid.', errors } }));
    const storage = memoryStorage();
    const outbox = new Outbox(storage, s.send);
    await outbox.enqueue({ method: 'PUT', path: '/e/3', body: { n: 1 } });
    expect(await storage.all()).toMatchObject([{ state: 'failed', message: 'The request is not valid.', fieldErrors: errors }]);
    await outbox.flush();
    expect(s.sent).toHaveLength(1);
  });

  it('replaces a refused write when the same resource is saved again, so nothing is left behind', async () => {
    const s = server((item) => ((item.body as { n: number }).n === 1 ? { status: 400, body: { detail: 'not valid' } } : { status: 201 }));
    const storage = memoryStorage();
    const outbox = new Outbox(storage, s.send);
    await outbox.enqueue({ method: 'PUT', path: '/e/4', body: { n: 1 } });
    expect(await storage.all()).toMatchObject([{ state: 'failed' }]);
    await outbox.enqueue({ method: 'PUT', path: '/e/4', body: { n: 2 } });
    expect(s.sent.map((i) => i.body)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await storage.all()).toEqual([]);
  });

  describe('a deferred write (a delete Undo can take back)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    const at = (iso: string) => new Date(iso);

    it('is stored at once but not sent while the page holds it, even after its time and by other flushes', async () => {
      let now = at('2026-01-01T00:00:00Z');
      const s = server(() => ({ status: 204 }));
      const storage = memoryStorage();
      const outbox = new Outbox(storage, s.send, () => now);
      const deferred = await outbox.defer({ method: 'DELETE', path: '/e/1', baseVersion: 2 }, at('2026-01-01T00:00:06Z'));
      expect(await storage.all()).toMatchObject([
        { method: 'DELETE', path: '/e/1', state: 'pending', notBefore: '2026-01-01T00:00:06.000Z' },
      ]);
      now = at('2026-01-01T00:01:00Z'); // Undo still offered (the toast has focus): held past its time
      await outbox.enqueue({ method: 'PUT', path: '/e/2', body: { n: 2 } });
      await outbox.flush();
      expect(s.sent.map((i) => i.path)).toEqual(['/e/2']);
      await deferred.send();
      expect(s.sent.map((i) => [i.method, i.path, i.baseVersion])).toEqual([
        ['PUT', '/e/2', undefined],
        ['DELETE', '/e/1', 2],
      ]);
      expect(await storage.all()).toEqual([]);
    });

    it('withdrawn (Undo), is never sent, and a write it replaced is put back', async () => {
      const s = server(() => 'offline');
      const storage = memoryStorage();
      const outbox = new Outbox(storage, s.send);
      await outbox.enqueue({ method: 'PUT', path: '/e/1', body: { n: 1 }, baseVersion: 1 }); // an edit made offline
      const deferred = await outbox.defer({ method: 'DELETE', path: '/e/1', baseVersion: 1 }, new Date(Date.now() + 6000));
      expect((await storage.all()).map((i) => i.method)).toEqual(['DELETE']);
      await deferred.withdraw();
      expect(await storage.all()).toMatchObject([{ method: 'PUT', path: '/e/1', body: { n: 1 }, state: 'pending' }]);
      await deferred.send(); // a late timeout after Undo changes nothing
      expect(await storage.all()).toMatchObject([{ method: 'PUT', body: { n: 1 } }]);
      expect(s.sent).toEqual([]);
    });

    it('survives the page: a new page (no hold) sends it once its not-before time has come', async () => {
      vi.useFakeTimers({ now: at('2026-01-01T00:00:00Z') });
      const s = server(() => ({ status: 204 }));
      const storage = memoryStorage(); // IndexedDB outlives the page
      await new Outbox(storage, s.send).defer({ method: 'DELETE', path: '/e/1', baseVersion: 3 }, at('2026-01-01T00:00:06Z'));
      // Reloaded two seconds later: the new page's outbox flushes on start, and waits for the rest of the window.
      vi.setSystemTime(at('2026-01-01T00:00:02Z'));
      const reloaded = new Outbox(storage, s.send);
      await reloaded.flush();
      expect(s.sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(4000);
      expect(s.sent.map((i) => [i.method, i.path])).toEqual([['DELETE', '/e/1']]);
      expect(await storage.all()).toEqual([]);
    });

    it('released while offline, stays queued and goes with the next flush', async () => {
      let online = false;
      const s = server(() => (online ? { status: 204 } : 'offline'));
      const storage = memoryStorage();
      const outbox = new Outbox(storage, s.send);
      const deferred = await outbox.defer({ method: 'DELETE', path: '/e/1' }, new Date(Date.now() + 6000));
      await deferred.send();
      expect(await storage.all()).toMatchObject([{ method: 'DELETE', state: 'pending', notBefore: undefined }]);
      online = true;
      await outbox.flush();
      expect(s.sent.map((i) => i.method)).toEqual(['DELETE']);
      expect(await storage.all()).toEqual([]);
    });
  });
});
