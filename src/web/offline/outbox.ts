// The offline outbox: writes made while offline (or while the server is unreachable) are kept in
// IndexedDB and replayed in order when the connection returns. Writes are idempotent on the server
// (PUT by client-generated id), so a write replayed after a lost response is answered "unchanged",
// never duplicated. A 409 keeps the item as a visible conflict holding the server's copy until the
// person chooses: keep mine (re-send against the server's version) or take the server's.
// A deferred write (a delete that Undo can still take back) is stored at once but held back while the
// page offering Undo holds it, and, should that page go away first (reload, closed tab), until its
// not-before time: the write survives the page without ever being sent while Undo is offered.

export interface OutboxItem {
  /** One pending write per resource: a newer write to the same path replaces the queued one. */
  readonly key: string;
  readonly method: 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  /** The version the person edited (sent as If-Match), or undefined for a new resource. */
  readonly baseVersion?: number | undefined;
  readonly createdAt: string;
  readonly state: 'pending' | 'conflict' | 'failed';
  readonly serverCopy?: unknown;
  readonly message?: string;
  /** A refused write's validation problems (RFC 9457 `errors`), so the form can show each on its field. */
  readonly fieldErrors?: readonly { readonly pointer: string; readonly detail: string }[];
  /** This write, among the writes to its path (items queued before it existed have none: their createdAt tells). */
  readonly writeId?: string;
  /** A deferred write: not sent before this instant (ISO 8601 UTC), nor while the page that deferred it holds it. */
  readonly notBefore?: string | undefined;
  /** The queued write a deferred one replaced, put back if the deferred one is withdrawn (Undo). */
  readonly replaced?: OutboxItem | undefined;
}

/** A write queued by `defer`: the page sends it when Undo is no longer offered, or withdraws it on Undo. */
export interface DeferredWrite {
  /** Undo is over: send the write now (it stays queued while offline, like any other). */
  send(): Promise<void>;
  /** Undo: drop the write (restoring the write it replaced, if any) unless it has gone already. */
  withdraw(): Promise<void>;
}

/** Which write an item is: a newer write to the same path replaces the item but not the write in flight. */
const writeOf = (item: OutboxItem): string => item.writeId ?? item.createdAt;

export interface OutboxStorage {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(key: string): Promise<void>;
}

export type Send = (item: OutboxItem) => Promise<{ status: number; body: unknown }>;

export class Outbox {
  readonly #storage: OutboxStorage;
  readonly #send: Send;
  readonly #now: () => Date;
  readonly #listeners = new Set<(items: readonly OutboxItem[]) => void>();
  /** Deferred writes this page still offers to undo: never sent while held, whatever their not-before. */
  readonly #held = new Set<string>();
  #flushing: Promise<void> | null = null;
  #again: Promise<void> | null = null;
  #wake: ReturnType<typeof setTimeout> | null = null;

  constructor(storage: OutboxStorage, send: Send, now: () => Date = () => new Date()) {
    this.#storage = storage;
    this.#send = send;
    this.#now = now;
  }

  subscribe(listener: (items: readonly OutboxItem[]) => void): () => void {
    this.#listeners.add(listener);
    void this.#storage.all().then(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async #notify(): Promise<void> {
    const items = await this.#storage.all();
    this.#listeners.forEach((l) => l(items));
  }

  /** Queues a write and tries to send it (and anything queued before it) at once. */
  async enqueue(write: Omit<OutboxItem, 'key' | 'state' | 'createdAt' | 'writeId'>, now = new Date()): Promise<void> {
    await this.#storage.put({ ...write, key: write.path, state: 'pending', createdAt: now.toISOString(), writeId: crypto.randomUUID() });
    await this.#notify();
    await this.flush();
  }

  /**
   * Queues a write that is not sent yet: it waits while this page holds it (until `send` or `withdraw`)
   * and, if the page goes away first, until `notBefore`, after which any flush sends it.
   */
  async defer(
    write: Omit<OutboxItem, 'key' | 'state' | 'createdAt' | 'writeId' | 'notBefore' | 'replaced'>,
    notBefore: Date,
    now = this.#now(),
  ): Promise<DeferredWrite> {
    const writeId = crypto.randomUUID();
    this.#held.add(writeId);
    const replaced = (await this.#storage.all()).find((i) => i.key === write.path);
    await this.#storage.put({
      ...write,
      key: write.path,
      state: 'pending',
      createdAt: now.toISOString(),
      writeId,
      notBefore: notBefore.toISOString(),
      replaced,
    });
    await this.#notify();
    const mine = async () => {
      this.#held.delete(writeId);
      const item = (await this.#storage.all()).find((i) => i.key === write.path);
      return item?.writeId === writeId ? item : undefined;
    };
    return {
      send: async () => {
        const item = await mine();
        if (item) await this.#storage.put({ ...item, notBefore: undefined, replaced: undefined });
        await this.flush();
      },
      withdraw: async () => {
        const item = await mine();
        // Only a write still waiting: one sent, or replaced by a newer write to the same path, stands.
        if (item && item.state === 'pending') await (item.replaced ? this.#storage.put(item.replaced) : this.#storage.remove(item.key));
        await this.#notify();
      },
    };
  }

  /** Sends pending items oldest first; stops at the first network failure (they stay queued). */
  flush(): Promise<void> {
    // A flush asked for while one is finishing may have come too late for it (a deferred write just
    // released): it runs once more afterwards.
    if (this.#flushing)
      return (this.#again ??= this.#flushing.then(() => {
        this.#again = null;
        return this.flush();
      }));
    this.#flushing = this.#flushOnce().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  async #flushOnce(): Promise<void> {
    // Writes queued while this flush runs are sent by it too (each write once): enqueue() joins a
    // flush already under way instead of starting its own.
    const attempted = new Set<string>();
    let stopped = false;
    while (!stopped) {
      const items = (await this.#storage.all())
        .filter((i) => i.state === 'pending' && this.#due(i) && !attempted.has(writeOf(i)))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      if (items.length === 0) break;
      for (const item of items) {
        attempted.add(writeOf(item));
        let result: { status: number; body: unknown };
        try {
          result = await this.#send(item);
        } catch {
          stopped = true; // offline or unreachable: keep everything for the next attempt
          break;
        }
        if (result.status === 401) {
          stopped = true;
          break;
        } // signed out: keep the writes until the person signs in again
        // A newer write to the same resource was queued while this one was in flight: it stands (it is
        // sent next, with its own outcome); this answer must not remove or overwrite it.
        const current = (await this.#storage.all()).find((i) => i.key === item.key);
        if (!current || writeOf(current) !== writeOf(item)) continue;
        if (result.status >= 200 && result.status < 300) await this.#storage.remove(item.key);
        else if (result.status === 409) {
          const problem = result.body as { current?: unknown; detail?: string } | undefined;
          await this.#storage.put({ ...item, state: 'conflict', serverCopy: problem?.current ?? null, message: problem?.detail ?? '' });
        } else {
          const problem = result.body as { detail?: string; errors?: { pointer: string; detail: string }[] } | undefined;
          await this.#storage.put({
            ...item,
            state: 'failed',
            message: problem?.detail ?? `HTTP ${result.status}`,
            fieldErrors: problem?.errors ?? [],
          });
        }
      }
    }
    await this.#notify();
    await this.#wakeForDeferred();
  }

  #due(item: OutboxItem): boolean {
    if (item.writeId !== undefined && this.#held.has(item.writeId)) return false;
    return item.notBefore === undefined || Date.parse(item.notBefore) <= this.#now().getTime();
  }

  /** A deferred write left by a page that went away is sent once its not-before time comes. */
  async #wakeForDeferred(): Promise<void> {
    if (this.#wake !== null) clearTimeout(this.#wake);
    this.#wake = null;
    // Only writes still before their time: one that is due but unsent (offline) waits for the next flush.
    const now = this.#now().getTime();
    const waiting = (await this.#storage.all())
      .filter((i) => i.state === 'pending' && i.notBefore !== undefined && !(i.writeId !== undefined && this.#held.has(i.writeId)))
      .map((i) => Date.parse(i.notBefore!))
      .filter((at) => at > now);
    if (waiting.length === 0) return;
    this.#wake = setTimeout(
      () => {
        this.#wake = null;
        void this.flush();
      },
      Math.min(...waiting) - now,
    );
  }

  /** Conflict resolution: send my version again over the server's current version. */
  async keepMine(key: string): Promise<void> {
    const item = (await this.#storage.all()).find((i) => i.key === key);
    if (item?.state !== 'conflict') return;
    const serverVersion = (item.serverCopy as { version?: number } | null)?.version;
    await this.#storage.put({ ...item, state: 'pending', baseVersion: serverVersion, serverCopy: undefined, message: undefined });
    await this.flush();
  }

  /** Conflict resolution (or giving up on a failed write): drop my change, keep the server's. */
  async discard(key: string): Promise<void> {
    await this.#storage.remove(key);
    await this.#notify();
  }
}

export function memoryStorage(): OutboxStorage {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()],
    put: async (item) => {
      items.set(item.key, item);
    },
    remove: async (key) => {
      items.delete(key);
    },
  };
}

/** IndexedDB storage (database "painwise", object store "outbox"). */
export function indexedDbStorage(): OutboxStorage {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('painwise', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('outbox', { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  let db: Promise<IDBDatabase> | null = null;
  const run = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>) =>
    (db ??= open()).then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const request = work(d.transaction('outbox', mode).objectStore('outbox'));
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
    );
  return {
    all: () => run('readonly', (s) => s.getAll() as IDBRequest<OutboxItem[]>),
    put: async (item) => {
      await run('readwrite', (s) => s.put(item));
    },
    remove: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}
