// A client that spreads requests over several server processes, as a load balancer in front of them
// would: round-robin over the processes still taken to be up, or one chosen process on purpose; and a
// pool that keeps a fixed number of requests in flight.
import type { ServerProcess } from './server-process.ts';

export class Balancer {
  readonly #servers: readonly ServerProcess[];
  readonly #down = new Set<number>();
  #turn = 0;

  constructor(servers: readonly ServerProcess[]) {
    this.#servers = servers;
  }

  get size(): number {
    return this.#servers.length;
  }

  /** The next process up, in turn. */
  next(): number {
    for (let tried = 0; tried < this.#servers.length; tried++) {
      const i = this.#turn++ % this.#servers.length;
      if (!this.#down.has(i)) return i;
    }
    throw new Error('every server process is down');
  }

  /** Stops sending to a process (it was killed). */
  markDown(i: number): void {
    this.#down.add(i);
  }

  /** Sends through process `via`, or the next in turn; answers with the process used. */
  async fetch(path: string, init: RequestInit = {}, via?: number): Promise<{ res: Response; via: number }> {
    const i = via ?? this.next();
    return { res: await fetch(`${this.#servers[i]!.baseUrl}${path}`, init), via: i };
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
