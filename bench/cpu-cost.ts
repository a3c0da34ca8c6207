// `node bench/cpu-cost.ts`: what a request costs in CPU time, split between the server process, the
// PostgreSQL server and the load generator. Throughput ratios need an idle machine; CPU time per
// request is close to what it would be idle even while other work runs, so this is how a change's
// effect is checked on a shared machine. Drives a fixed number of requests (N, default 20,000) at the
// scenarios named in SCENARIOS (default bare,me; also calibration, diary-put-spread, peg-spread), each
// twice, and reads the processes' CPU time from /proc (Linux).
// ENGINE=sqlite|postgres (default postgres, at PAINWISE_BENCH_POSTGRES_URL); THREADS sets
// PAINWISE_HTTP_THREADS; PROF=1 writes the server's CPU profile to /tmp/painwise-prof.
import { readFileSync, readdirSync } from 'node:fs';
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import { startServerProcess } from '../test/support/server-process.ts';
import { seedPopulation, type BenchPatient } from './synthetic.ts';
import { createBenchDatabase, signInOverHttp } from './bench-database.ts';
import { benchEntry } from './scenarios.ts';
import { uuidv7 } from '../src/app/system.ts';

const TICK_US = 1e6 / 100;
function ticks(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(f[11]) + Number(f[12]);
}
function postgresTicks(): number {
  let sum = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const comm = readFileSync(`/proc/${d}/comm`, 'utf8').trim();
      if (comm.startsWith('postgres')) sum += ticks(Number(d));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return sum;
}

const engine = (process.env.ENGINE ?? 'postgres') as 'sqlite' | 'postgres';
const N = Number(process.env.N ?? 20000);
const { handle, env, deps } = await createBenchDatabase(engine, process.env.PAINWISE_BENCH_POSTGRES_URL, 'painwise-cpu');
const population = await seedPopulation(deps, Number(process.env.PATIENTS ?? 100));
await handle.close();
const server = await startServerProcess({
  ...env,
  PAINWISE_LOG_LEVEL: 'warn',
  PAINWISE_BENCH_CALIBRATION: 'true',
  ...(process.env.PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/painwise-prof' } : {}),
  ...(process.env.THREADS ? { PAINWISE_HTTP_THREADS: process.env.THREADS } : {}),
});
const { cookie } = await signInOverHttp(server.baseUrl, population.benchUser);

/** Requests that go to every seeded patient in turn, each with that patient's own session. */
function spread(method: 'PUT' | 'POST', body: string, pathFor: (p: BenchPatient) => string): autocannon.Options {
  let next = 0;
  return {
    url: `${server.baseUrl}/health`,
    method,
    requests: [
      {
        setupRequest: (req) => {
          const p = population.patients[next++ % population.patients.length]!;
          const headers = { ...req.headers, 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrfToken };
          return { ...req, method, path: pathFor(p), headers, body };
        },
      },
    ],
  };
}
const calibrationBody = JSON.stringify({ startedAt: new Date().toISOString(), endedAt: null, timeZone: 'UTC', peakIntensity: 6 });
const SCENARIOS: Record<string, () => autocannon.Options> = {
  bare: () => ({ url: `${server.baseUrl}/health` }),
  me: () => ({ url: `${server.baseUrl}/api/me`, headers: { cookie } }),
  calibration: () => spread('POST', calibrationBody, (p) => `/bench/calibration/${p.patientId}`),
  'diary-put-spread': () =>
    spread(
      'PUT',
      JSON.stringify(benchEntry(new Date())),
      (p) => `/api/patients/${p.patientId}/diary-entries/${uuidv7(Date.now(), crypto.randomInt(4096))}`,
    ),
  'peg-spread': () =>
    spread(
      'POST',
      JSON.stringify({ instrumentId: 'peg', answers: { 1: 6, 2: 7, 3: 4 } }),
      (p) => `/api/patients/${p.patientId}/instrument-responses`,
    ),
};
const chosen = (process.env.SCENARIOS ?? 'bare,me').split(',');
const pid = server.child.pid!;
for (const name of [...chosen, ...chosen]) {
  const options = SCENARIOS[name];
  if (!options) throw new Error(`no scenario ${name}; there are ${Object.keys(SCENARIOS).join(', ')}`);
  await autocannon({ connections: 50, amount: 2000, ...options() });
  const s0 = ticks(pid);
  const p0 = postgresTicks();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await autocannon({ connections: 50, amount: N, ...options() });
  const wall = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const server_us = ((ticks(pid) - s0) * TICK_US) / N;
  const pg_us = ((postgresTicks() - p0) * TICK_US) / N;
  const client_us = (c1.user + c1.system) / N;
  console.log(
    `${name.padEnd(17)} server ${server_us.toFixed(1)} µs/req  postgres ${pg_us.toFixed(1)} µs/req  client ${client_us.toFixed(1)} µs/req  total ${(server_us + pg_us + client_us).toFixed(1)}  non2xx ${r.non2xx}  (${Math.round((N / wall) * 1000)} rps wall)`,
  );
}
await server.stop();
