// Steady writers against a server that may die and come back (its address may change): each writer
// PUTs new diary entries one after another and keeps the id of every one answered 201, which is what
// the server has promised to keep. Anything else (an error, a refused connection, a 503) promises nothing.
import type { HttpUser } from './http-user.ts';
import { putDiaryEntry } from './http-user.ts';

export interface WriteLoad {
  /** Ids of the entries answered 201. */
  readonly acknowledged: readonly string[];
  /** Answers by status, and `error` for requests that got none. */
  readonly outcomes: ReadonlyMap<string, number>;
  /** Resolves once `count` more writes have been acknowledged than now. */
  acknowledgedMore(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function startWriteLoad(baseUrl: () => string, user: HttpUser, writers = 4): WriteLoad {
  const acknowledged: string[] = [];
  const outcomes = new Map<string, number>();
  let running = true;
  const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  const writer = async () => {
    while (running) {
      try {
        const res = await putDiaryEntry(baseUrl(), user, { signal: AbortSignal.timeout(30_000) });
        count(String(res.status));
        if (res.status === 201) acknowledged.push(new URL(res.url).pathname.split('/').at(-1)!);
        await res.arrayBuffer();
        if (res.status !== 201) await new Promise((r) => setTimeout(r, 20));
      } catch {
        count('error');
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, writer));
  return {
    acknowledged,
    outcomes,
    async acknowledgedMore(more, timeoutMs = 60_000) {
      const target = acknowledged.length + more;
      const deadline = Date.now() + timeoutMs;
      while (acknowledged.length < target) {
        if (Date.now() > deadline) throw new Error(`only ${acknowledged.length} of ${target} writes acknowledged in time`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Every diary entry id the server serves for the user's patient, read page by page from the diary pull. */
export async function diaryEntryIds(baseUrl: string, user: HttpUser): Promise<Set<string>> {
  const ids = new Set<string>();
  let since: string | undefined;
  for (;;) {
    const res = await fetch(
      `${baseUrl}/api/patients/${user.patientId}/diary-entries?limit=5000${since ? `&since=${encodeURIComponent(since)}` : ''}`,
      { headers: user.headers },
    );
    if (res.status !== 200) throw new Error(`the diary pull answered ${res.status}`);
    const page = (await res.json()) as { items: { id: string; deleted: boolean }[]; cursor: string; hasMore: boolean };
    for (const item of page.items) if (!item.deleted) ids.add(item.id);
    if (!page.hasMore) return ids;
    since = page.cursor;
  }
}
