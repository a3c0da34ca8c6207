// Prometheus metrics of one server process, served at GET /metrics when PAINWISE_METRICS is on.
//
// Requests are labelled by route template (`/api/patients/:patientId/diary-entries`), method and
// status class, never by URL: a URL carries patient and record ids, and a label per id would both leak
// them and grow without bound. Nothing else here reads patient data; the job figures are counts.
//
// Each serving thread records its own requests (a worker thread has its own module state). Whichever
// thread a scrape reaches asks the others over a BroadcastChannel for their figures and sums them, so a
// scrape describes the whole process however the kernel spread the connections (metrics-threads.ts).
import client from 'prom-client';
import type { JobQueueStats } from '../app/ports.ts';
import type { PoolStats } from '../storage/database.ts';
import { createThreadExchange, type ThreadExchange, type ThreadReport } from './metrics-threads.ts';
import { requestHistogram, type MetricJson } from './request-histogram.ts';

/** Seconds; from a cached read (a millisecond) to a large export (several seconds). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The label of requests no route matched (unknown paths, the web app's page fallback). */
export const UNMATCHED_ROUTE = 'unmatched';

export interface ServerMetricsOptions {
  /** The primary thread reports the process-wide figures (CPU, memory, file descriptors, event loop). */
  readonly primary: boolean;
  /** When the process serves on several threads: the channel they share and how many they are. */
  readonly threads?: { readonly channel: string; readonly count: number };
  /** PostgreSQL: this thread's pool. */
  readonly poolStats?: () => PoolStats;
  /** The job queue as the database holds it (shared by every process on it). */
  readonly jobQueue: (now: string) => Promise<JobQueueStats>;
  readonly now: () => Date;
  /** How long a scrape waits for the other threads before it fails (a partial sum would make counters go back). */
  readonly threadTimeoutMs?: number;
}

export interface ServerMetrics {
  /** Records one answered request; `route` is the template, or undefined when no route matched. */
  observe(method: string, route: string | undefined, statusCode: number, seconds: number): void;
  /** The whole process's exposition text, or null when another thread did not report in time. */
  render(): Promise<string | null>;
  readonly contentType: string;
  close(): void;
}

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'];

export function createServerMetrics(options: ServerMetricsOptions): ServerMetrics {
  // Summed over threads: request histograms and the pools (each thread has its own pool).
  const summed = new client.Registry();
  const duration = requestHistogram(
    'painwise_http_request_duration_seconds',
    'Time from receiving a request to answering it, by route template, method and status class; its _count is the request rate.',
    LATENCY_BUCKETS,
  );
  const { poolStats } = options;
  if (poolStats) {
    new client.Gauge({
      name: 'painwise_db_pool_connections',
      help: 'PostgreSQL connections the process holds open, by whether a request is using them.',
      labelNames: ['state'] as const,
      registers: [summed],
      collect() {
        const s = poolStats();
        this.set({ state: 'in_use' }, s.total - s.idle);
        this.set({ state: 'idle' }, s.idle);
      },
    });
    new client.Gauge({
      name: 'painwise_db_pool_waiting',
      help: 'Requests waiting for a PostgreSQL connection because every pooled one is in use.',
      registers: [summed],
      collect() {
        this.set(poolStats().waiting);
      },
    });
    new client.Gauge({
      name: 'painwise_db_pool_max_connections',
      help: 'The most PostgreSQL connections the process may open (PAINWISE_DB_POOL_SIZE, shared among its threads).',
      registers: [summed],
      collect() {
        this.set(poolStats().max);
      },
    });
  }

  // Process-wide figures, from the primary thread only: summing them over threads would count the
  // process several times. The nodejs_* heap, event-loop and GC figures are those of the primary thread.
  const processRegistry = options.primary ? new client.Registry() : undefined;
  if (processRegistry) client.collectDefaultMetrics({ register: processRegistry });

  // Read from the database by the thread that answers the scrape: the queue is shared by every
  // process on the database, so each process reports the same figures (aggregate with max, not sum).
  const jobsRegistry = new client.Registry();
  let queue: Promise<JobQueueStats> | undefined;
  const readQueue = (): Promise<JobQueueStats> => {
    queue ??= options.jobQueue(options.now().toISOString()).finally(() => {
      queue = undefined;
    });
    return queue;
  };
  new client.Gauge({
    name: 'painwise_jobs',
    help: 'Background jobs in the job table by state (due: waiting to be claimed now; scheduled: to run later).',
    labelNames: ['state'] as const,
    registers: [jobsRegistry],
    async collect() {
      const q = await readQueue();
      for (const state of ['due', 'scheduled', 'running', 'failed'] as const) this.set({ state }, q[state]);
    },
  });
  new client.Gauge({
    name: 'painwise_job_lag_seconds',
    help: 'How long the oldest due job has waited past its run-at (0 when none is due); the runner looks every 5 s.',
    registers: [jobsRegistry],
    async collect() {
      const q = await readQueue();
      const lag = q.oldestDueRunAt ? (options.now().getTime() - Date.parse(q.oldestDueRunAt)) / 1000 : 0;
      this.set(Math.max(0, lag));
    },
  });

  const report = async (): Promise<ThreadReport> => ({
    summed: [duration.toJSON(), ...((await summed.getMetricsAsJSON()) as unknown as MetricJson[])],
    ...(processRegistry ? { processText: await processRegistry.metrics() } : {}),
  });
  const exchange: ThreadExchange | undefined = options.threads
    ? createThreadExchange(options.threads.channel, options.threads.count, report, options.threadTimeoutMs ?? 2000)
    : undefined;

  return {
    observe(method, route, statusCode, seconds) {
      duration.observe(method, route ?? UNMATCHED_ROUTE, STATUS_CLASSES[Math.floor(statusCode / 100) - 1] ?? 'other', seconds);
    },
    async render() {
      const own = await report();
      const others = exchange ? await exchange.gather() : [];
      if (others === null) return null;
      const reports = [own, ...others];
      const summedText = await client.AggregatorRegistry.aggregate(
        reports.map((r) => r.summed) as unknown as Parameters<typeof client.AggregatorRegistry.aggregate>[0],
      ).metrics();
      const processText = reports.find((r) => r.processText !== undefined)?.processText ?? '';
      return `${summedText}\n${processText}\n${await jobsRegistry.metrics()}`;
    },
    contentType: client.Registry.PROMETHEUS_CONTENT_TYPE,
    close() {
      exchange?.close();
      processRegistry?.clear();
    },
  };
}
