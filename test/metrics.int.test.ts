// GET /metrics on a real server process over loopback, on every engine: requests are counted by route
// template and status class (summed over the serving threads), no id of any kind appears in the text,
// the token is required when set, and with metrics off the path is an unknown one (404 problem+json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/api/build-app.ts';
import { DEFAULT_SETTINGS } from '../src/app/context.ts';
import { argon2idHasher, systemClock, systemIds, uuidv7 } from '../src/app/system.ts';
import { createKyselyStore } from '../src/storage/kysely-store.ts';
import { createTestDatabase, DIALECTS } from './support/dialects.ts';
import { putDiaryEntry, signUpOverHttp } from './support/http-user.ts';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';
import { TEST_ARGON2 } from './support/test-app.ts';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const THREADS = os.platform() === 'linux' ? 2 : 1;
const DIARY_ENTRY = '/api/patients/:patientId/diary-entries/:entryId';
const DIARY_LIST = '/api/patients/:patientId/diary-entries';

/** `name{labels}` → value, for every sample line of an exposition text. */
function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    const key = line.slice(0, cut);
    expect(samples.has(key), `series ${key} appears once`).toBe(false);
    samples.set(key, Number(line.slice(cut + 1)));
  }
  return samples;
}

const series = (name: string, labels: Record<string, string>): string =>
  `${name}{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;
const requestCount = (method: string, route: string, statusClass: string): string =>
  series('painwise_http_request_duration_seconds_count', { method, route, status_class: statusClass });

describe.each(DIALECTS)('Prometheus metrics on %s', (dialect) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-metrics-'));
  let database: EmptyPostgresDatabase | undefined;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async (): Promise<{ text: string; samples: Map<string, number> }> => {
    const res = await fetch(`${server!.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    return { text, samples: parseExposition(text) };
  };

  it('counts requests by route template over every thread and names no patient or record', async () => {
    if (dialect === 'postgres') database = await createEmptyPostgresDatabase();
    server = await startServerProcess({
      PAINWISE_METRICS: 'true',
      PAINWISE_METRICS_TOKEN: TOKEN,
      PAINWISE_HTTP_THREADS: String(THREADS),
      ...(database ? { DATABASE_URL: database.url } : { PAINWISE_DATA_DIR: dataDir }),
    });
    const user = await signUpOverHttp(server.baseUrl);
    const before = (await scrape()).samples;

    // Each fetch below runs on its own connection when they are all in flight, so the kernel spreads
    // them over the threads; a count short of the total would mean a thread's figures were missed.
    const writes = await Promise.all(Array.from({ length: 12 }, () => putDiaryEntry(server!.baseUrl, user)));
    expect(writes.map((r) => r.status)).toEqual(Array(12).fill(201));
    const list = `${server.baseUrl}/api/patients/${user.patientId}/diary-entries`;
    const reads = await Promise.all(Array.from({ length: 8 }, () => fetch(list, { headers: user.headers })));
    expect(reads.map((r) => r.status)).toEqual(Array(8).fill(200));
    const stranger = `${server.baseUrl}/api/patients/${uuidv7(Date.now(), 7)}/diary-entries`;
    const refused = await Promise.all(Array.from({ length: 5 }, () => fetch(stranger, { headers: user.headers })));
    expect(refused.map((r) => r.status)).toEqual(Array(5).fill(404));
    const unknown = await Promise.all(Array.from({ length: 3 }, () => fetch(`${server!.baseUrl}/api/no-such-thing/${user.patientId}`)));
    expect(unknown.map((r) => r.status)).toEqual(Array(3).fill(404));
    await Promise.all([...writes, ...reads, ...refused, ...unknown].map((r) => r.arrayBuffer()));

    // Several scrapes, each on a new connection and so on any thread, all see every request.
    for (let i = 0; i < 3; i++) {
      const { text, samples } = await scrape();
      const moved = (key: string) => (samples.get(key) ?? 0) - (before.get(key) ?? 0);
      expect(moved(requestCount('PUT', DIARY_ENTRY, '2xx'))).toBe(12);
      expect(moved(requestCount('GET', DIARY_LIST, '2xx'))).toBe(8);
      expect(moved(requestCount('GET', DIARY_LIST, '4xx'))).toBe(5);
      expect(moved(requestCount('GET', 'unmatched', '4xx'))).toBe(3);
      const inf = series('painwise_http_request_duration_seconds_bucket', {
        le: '+Inf',
        method: 'PUT',
        route: DIARY_ENTRY,
        status_class: '2xx',
      });
      expect(moved(inf)).toBe(12);
      // The scrapes themselves are not counted.
      expect([...samples.keys()].some((k) => k.includes('route="/metrics"'))).toBe(false);

      expect(text).not.toMatch(UUID);
      expect(text).not.toContain(user.patientId);
      expect(text).not.toContain('example.test');

      // The job queue, read from the database; the primary schedules the maintenance and sweep jobs at start.
      const jobs = ['due', 'scheduled', 'running', 'failed'].map((state) => samples.get(series('painwise_jobs', { state })));
      expect(jobs.every((n) => Number.isInteger(n) && n! >= 0)).toBe(true);
      expect(jobs.reduce((a, b) => a! + b!, 0)).toBeGreaterThanOrEqual(1);
      expect(samples.get('painwise_job_lag_seconds')).toBeGreaterThanOrEqual(0);
      // Process figures once, not once per thread.
      expect(samples.get('process_cpu_seconds_total')).toBeGreaterThan(0);
      expect(samples.get('process_start_time_seconds')).toBeGreaterThan(0);

      if (dialect === 'postgres') {
        // Each thread's pool may open its share of PAINWISE_DB_POOL_SIZE (10): summed, the process's.
        expect(samples.get('painwise_db_pool_max_connections')).toBe(THREADS * Math.max(2, Math.ceil(10 / THREADS)));
        expect(samples.get(series('painwise_db_pool_connections', { state: 'idle' }))).toBeGreaterThanOrEqual(0);
        expect(samples.get(series('painwise_db_pool_connections', { state: 'in_use' }))).toBeGreaterThanOrEqual(0);
        expect(samples.get('painwise_db_pool_waiting')).toBe(0);
      } else {
        // SQLite has no pool: each thread holds one connection and uses it synchronously.
        expect(text).not.toContain('painwise_db_pool');
      }
    }
  });

  it('answers 401 problem+json without the token or with a wrong one', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await fetch(`${server!.baseUrl}/metrics`, authorization ? { headers: { authorization } } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('painwise_http');
    }
  });
});

describe('metrics off (the default)', () => {
  const webRoot = mkdtempSync(path.join(os.tmpdir(), 'painwise-metrics-web-'));
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  it('answers /metrics 404 problem+json like any unknown path, even where the web app would answer pages', async () => {
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
    const database = await createTestDatabase(DIALECTS[0]!);
    const app = await buildApp(
      {
        store: createKyselyStore(database.handle),
        clock: systemClock,
        ids: systemIds(systemClock),
        hasher: argon2idHasher(TEST_ARGON2),
        settings: DEFAULT_SETTINGS,
        cookies: { secure: false, idleMinutes: DEFAULT_SETTINGS.sessionIdleMinutes },
      },
      { logLevel: 'silent', webRoot },
    );
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address() as { port: number };
      // A page path still gets the web app, so the 404 below is the metrics path's own.
      const page = await fetch(`http://127.0.0.1:${address.port}/today`);
      expect(page.status).toBe(200);
      const res = await fetch(`http://127.0.0.1:${address.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe('route-not-found');
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
