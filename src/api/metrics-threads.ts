// How the serving threads of one process pool their metrics for a scrape. A scrape reaches whichever
// thread the kernel gave its connection; that thread asks the others on a BroadcastChannel (one name
// per process, so two servers in one process never mix) and waits for every answer. Asking at scrape
// time costs nothing per request, and every thread answers from its event loop between requests.
import { BroadcastChannel, threadId } from 'node:worker_threads';
import type { MetricJson } from './request-histogram.ts';

/** What one thread contributes to a scrape. */
export interface ThreadReport {
  /** Figures to add up over threads (prom-client's JSON form). */
  readonly summed: readonly MetricJson[];
  /** The process-wide figures, in exposition text; only the primary thread sends them. */
  readonly processText?: string;
}

export interface ThreadExchange {
  /** Every other thread's report, or null when one did not answer within the timeout. */
  gather(): Promise<ThreadReport[] | null>;
  close(): void;
}

type Message = { readonly ask: string } | { readonly answer: string; readonly report: ThreadReport };

export function createThreadExchange(
  channelName: string,
  threadCount: number,
  report: () => Promise<ThreadReport>,
  timeoutMs: number,
): ThreadExchange {
  const channel = new BroadcastChannel(channelName);
  // An idle channel must not keep a closing thread alive.
  channel.unref();
  const pending = new Map<string, { reports: ThreadReport[]; done: (reports: ThreadReport[] | null) => void }>();
  let asked = 0;
  channel.onmessage = (event) => {
    const message = (event as { readonly data: Message }).data;
    if ('ask' in message) {
      void report().then(
        (r) => channel.postMessage({ answer: message.ask, report: r } satisfies Message),
        () => {}, // the asker times out and answers 503
      );
      return;
    }
    const request = pending.get(message.answer);
    if (!request) return; // another thread's question
    request.reports.push(message.report);
    if (request.reports.length === threadCount - 1) request.done(request.reports);
  };
  return {
    gather() {
      if (threadCount <= 1) return Promise.resolve([]);
      const id = `${threadId}:${++asked}`;
      return new Promise((resolve) => {
        const timer = setTimeout(() => finish(null), timeoutMs);
        const finish = (reports: ThreadReport[] | null) => {
          clearTimeout(timer);
          pending.delete(id);
          resolve(reports);
        };
        pending.set(id, { reports: [], done: finish });
        channel.postMessage({ ask: id } satisfies Message);
      });
    },
    close() {
      for (const request of pending.values()) request.done(null);
      channel.close();
    },
  };
}
