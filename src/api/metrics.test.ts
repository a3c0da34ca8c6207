// The metrics of one process: figures of several recorders sharing a channel (as the serving threads
// do) are summed once, the process figures come once, and a thread that does not answer fails the
// scrape rather than give a partial sum.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerMetrics, type ServerMetrics } from './metrics.ts';

const QUEUE = { due: 1, scheduled: 2, running: 0, failed: 3, oldestDueRunAt: '2026-12-01T10:00:00.000Z' };
const NOW = new Date('2026-12-01T10:00:30.000Z');

let open: ServerMetrics[] = [];
afterEach(() => {
  for (const m of open) m.close();
  open = [];
});

function recorders(count: number, created = count): ServerMetrics[] {
  const channel = `test-${crypto.randomUUID()}`;
  const made = Array.from({ length: created }, (_, i) =>
    createServerMetrics({
      primary: i === 0,
      threads: { channel, count },
      poolStats: () => ({ total: 3, idle: 1, waiting: i, max: 5 }),
      jobQueue: async () => QUEUE,
      now: () => NOW,
      threadTimeoutMs: 300,
    }),
  );
  open.push(...made);
  return made;
}

const sample = (text: string, key: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${key} `));
  return line === undefined ? undefined : Number(line.slice(key.length + 1));
};

describe('createServerMetrics', () => {
  it('sums the request counts and pools of every thread, whichever thread is asked', async () => {
    const [a, b] = recorders(2);
    a!.observe('GET', '/api/me', 200, 0.002);
    a!.observe('GET', '/api/me', 204, 0.003);
    b!.observe('GET', '/api/me', 201, 0.2);
    b!.observe('GET', undefined, 404, 0.001);
    for (const asked of [a!, b!]) {
      const text = (await asked.render())!;
      expect(sample(text, 'painwise_http_request_duration_seconds_count{method="GET",route="/api/me",status_class="2xx"}')).toBe(3);
      expect(
        sample(text, 'painwise_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/me",status_class="2xx"}'),
      ).toBe(2);
      expect(sample(text, 'painwise_http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"}')).toBe(1);
      expect(sample(text, 'painwise_db_pool_connections{state="in_use"}')).toBe(4);
      expect(sample(text, 'painwise_db_pool_max_connections')).toBe(10);
      expect(sample(text, 'painwise_db_pool_waiting')).toBe(1);
      // Read once from the database, not summed: every thread sees the same queue.
      expect(sample(text, 'painwise_jobs{state="failed"}')).toBe(3);
      expect(sample(text, 'painwise_job_lag_seconds')).toBe(30);
      expect(text.match(/^process_cpu_seconds_total /gm)).toHaveLength(1);
    }
  });

  it("counts an observation on a bound in that bound's bucket, and every one in +Inf", async () => {
    const [m] = recorders(1);
    for (const seconds of [0.005, 0.0051, 20]) m!.observe('POST', '/api/x/:id', 201, seconds);
    const text = (await m!.render())!;
    const bucket = (le: string) =>
      sample(text, `painwise_http_request_duration_seconds_bucket{le="${le}",method="POST",route="/api/x/:id",status_class="2xx"}`);
    expect([bucket('0.0025'), bucket('0.005'), bucket('0.01'), bucket('10'), bucket('+Inf')]).toEqual([0, 1, 2, 2, 3]);
    expect(sample(text, 'painwise_http_request_duration_seconds_sum{method="POST",route="/api/x/:id",status_class="2xx"}')).toBeCloseTo(
      20.0101,
    );
  });

  it('fails the scrape when a thread does not answer in time', async () => {
    const [a] = recorders(3, 2);
    expect(await a!.render()).toBeNull();
  });

  it('reports no job lag when nothing is due', async () => {
    const m = createServerMetrics({
      primary: false,
      jobQueue: async () => ({ ...QUEUE, due: 0, oldestDueRunAt: null }),
      now: () => NOW,
    });
    open.push(m);
    const text = (await m.render())!;
    expect(sample(text, 'painwise_job_lag_seconds')).toBe(0);
    expect(text).not.toContain('painwise_db_pool');
    expect(text).not.toContain('process_cpu_seconds_total');
  });
});
