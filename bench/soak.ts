// `npm run bench:soak`: a long run at a steady 70 % of the measured maximum rate, to see whether the
// server's memory or latency drift while the load does not. It starts the real server on loopback
// over a fresh SQLite file (or the PostgreSQL database named by PAINWISE_SOAK_DATABASE_URL), signs up
// patients, measures the maximum throughput of a mixed load (80 % reads, 20 % diary writes) with
// closed-loop clients, then sends that mix at 70 % of it from a fixed-rate (open-loop) client whose
// latencies count from when each request was due, so a stall is not hidden by the client waiting.
// Every sample period it records the server's resident memory and the period's p99; at the end it
// prints the least-squares slope of both over time and writes the samples to bench/results/.
//
//   PAINWISE_SOAK_MINUTES         how long the steady run lasts (default 30)
//   PAINWISE_SOAK_SAMPLE_SECONDS  sample period (default 60)
//   PAINWISE_SOAK_PROBE_SECONDS   how long the maximum is measured (default 15)
//   PAINWISE_SOAK_LOAD            share of the maximum to run at (default 0.7)
import crypto from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from '../src/app/system.ts';
import { signUpOverHttp, type HttpUser } from '../test/support/http-user.ts';
import { startServerProcess } from '../test/support/server-process.ts';
import { linearFit, percentile } from './soak-stats.ts';

const MINUTES = Number(process.env.PAINWISE_SOAK_MINUTES ?? 30);
const SAMPLE_SECONDS = Number(process.env.PAINWISE_SOAK_SAMPLE_SECONDS ?? 60);
const PROBE_SECONDS = Number(process.env.PAINWISE_SOAK_PROBE_SECONDS ?? 15);
const LOAD = Number(process.env.PAINWISE_SOAK_LOAD ?? 0.7);
const PATIENTS = 20;
const PROBE_CLIENTS = 32;
/** Requests the fixed-rate client lets be outstanding before it counts further ones as not sent. */
const MAX_IN_FLIGHT = 1000;

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Request {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** One request of the mix: 50 % a page of the diary, 30 % the patient record, 20 % a new diary entry. */
function nextRequest(baseUrl: string, users: readonly HttpUser[]): Request {
  const user = users[crypto.randomInt(users.length)]!;
  const roll = Math.random();
  const base = `${baseUrl}/api/patients/${user.patientId}`;
  if (roll < 0.5) return { method: 'GET', url: `${base}/diary-entries?limit=50`, headers: user.headers };
  if (roll < 0.8) return { method: 'GET', url: base, headers: user.headers };
  const hour = String(crypto.randomInt(24)).padStart(2, '0');
  return {
    method: 'PUT',
    url: `${base}/diary-entries/${uuidv7(Date.now(), crypto.randomInt(4096))}`,
    headers: user.headers,
    body: JSON.stringify({
      localDate: '2026-11-20',
      localTime: `${hour}:00`,
      timeZone: 'UTC',
      recordedAt: `2026-11-20T${hour}:00:00.000Z`,
      intensity: crypto.randomInt(11),
      regions: [{ code: 'lumbar-spine', intensity: 4, qualities: ['aching'] }],
    }),
  };
}

/** Sends `req` and resolves with its status, or 0 when no answer came. */
function send(req: Request): Promise<number> {
  return new Promise((resolve) => {
    const r = http.request(req.url, { method: req.method, headers: req.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
      res.on('error', () => resolve(0));
    });
    r.on('error', () => resolve(0));
    r.end(req.body);
  });
}

async function measureMaximum(baseUrl: string, users: readonly HttpUser[]): Promise<number> {
  let done = 0;
  const until = performance.now() + PROBE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: PROBE_CLIENTS }, async () => {
      while (performance.now() < until) {
        await send(nextRequest(baseUrl, users));
        done += 1;
      }
    }),
  );
  return done / PROBE_SECONDS;
}

/** Resident memory of a process in MiB (Linux: /proc; elsewhere 0). */
function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

interface Sample {
  readonly minute: number;
  readonly rssMiB: number;
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failed: number;
  readonly notSent: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-soak-'));
  const databaseUrl = process.env.PAINWISE_SOAK_DATABASE_URL;
  const server = await startServerProcess(databaseUrl ? { DATABASE_URL: databaseUrl } : { PAINWISE_DATA_DIR: dataDir, DATABASE_URL: '' });
  const pid = server.child.pid!;
  try {
    const users: HttpUser[] = [];
    for (let i = 0; i < PATIENTS; i++) users.push(await signUpOverHttp(server.baseUrl));
    const maximum = await measureMaximum(server.baseUrl, users);
    const rate = maximum * LOAD;
    console.log(
      `soak on ${databaseUrl ? 'PostgreSQL' : 'SQLite'}: maximum ${maximum.toFixed(0)} requests/s over ${PROBE_SECONDS} s; ` +
        `running ${MINUTES} min at ${(LOAD * 100).toFixed(0)} % = ${rate.toFixed(0)} requests/s, sampling every ${SAMPLE_SECONDS} s`,
    );

    const samples: Sample[] = [];
    let latencies: number[] = [];
    let failed = 0;
    let notSent = 0;
    let inFlight = 0;
    let issued = 0;
    const start = performance.now();
    const sampleCount = Math.max(1, Math.round((MINUTES * 60) / SAMPLE_SECONDS));
    let nextSample = start + SAMPLE_SECONDS * 1000;
    // Until the last period's sample is taken, so a 5-minute run has five.
    while (samples.length < sampleCount) {
      const now = performance.now();
      // Open loop: every request due by now is sent now, each timed from when it was due.
      const due = Math.floor(((now - start) / 1000) * rate);
      for (; issued < due; issued++) {
        const dueAt = start + (issued / rate) * 1000;
        if (inFlight >= MAX_IN_FLIGHT) {
          notSent += 1;
          continue;
        }
        inFlight += 1;
        void send(nextRequest(server.baseUrl, users)).then((status) => {
          inFlight -= 1;
          latencies.push(performance.now() - dueAt);
          if (status < 200 || status >= 300) failed += 1;
        });
      }
      if (now >= nextSample) {
        const sample: Sample = {
          minute: (now - start) / 60_000,
          rssMiB: rssMiB(pid),
          requests: latencies.length,
          p50Ms: percentile(latencies, 50),
          p99Ms: percentile(latencies, 99),
          failed,
          notSent,
        };
        samples.push(sample);
        console.log(
          `  ${sample.minute.toFixed(1).padStart(5)} min  rss ${sample.rssMiB.toFixed(1)} MiB  ${sample.requests} requests  ` +
            `p50 ${sample.p50Ms.toFixed(1)} ms  p99 ${sample.p99Ms.toFixed(1)} ms  failed ${failed}  not sent ${notSent}`,
        );
        latencies = [];
        failed = 0;
        notSent = 0;
        nextSample += SAMPLE_SECONDS * 1000;
      }
      await new Promise((r) => setTimeout(r, 2));
    }

    // The first sample includes warm-up (compilation, caches filling), so the slopes are given without it too.
    const slopeOf = (key: 'rssMiB' | 'p99Ms', from: number) => linearFit(samples.slice(from).map((s) => ({ x: s.minute, y: s[key] })));
    const summary = {
      engine: databaseUrl ? 'postgres' : 'sqlite',
      at: new Date().toISOString(),
      cpus: os.cpus().length,
      minutes: MINUTES,
      maximumRequestsPerSecond: Math.round(maximum),
      rateRequestsPerSecond: Math.round(rate),
      memorySlopeMiBPerMinute: slopeOf('rssMiB', 0).slope,
      memorySlopeMiBPerMinuteAfterWarmUp: slopeOf('rssMiB', 1).slope,
      p99SlopeMsPerMinute: slopeOf('p99Ms', 0).slope,
      p99SlopeMsPerMinuteAfterWarmUp: slopeOf('p99Ms', 1).slope,
      failed: samples.reduce((s, x) => s + x.failed, 0),
      notSent: samples.reduce((s, x) => s + x.notSent, 0),
      samples,
    };
    console.log(
      `memory slope ${summary.memorySlopeMiBPerMinute.toFixed(3)} MiB/min (after warm-up ${summary.memorySlopeMiBPerMinuteAfterWarmUp.toFixed(3)}); ` +
        `p99 slope ${summary.p99SlopeMsPerMinute.toFixed(3)} ms/min (after warm-up ${summary.p99SlopeMsPerMinuteAfterWarmUp.toFixed(3)}); ` +
        `${summary.failed} failed, ${summary.notSent} not sent`,
    );
    const resultsDir = path.join(import.meta.dirname, 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `soak-${summary.engine}-${summary.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`written to ${path.relative(process.cwd(), file)}`);
  } finally {
    agent.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
