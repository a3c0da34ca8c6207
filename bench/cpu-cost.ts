// `node bench/cpu-cost.ts`: what a request costs in CPU time, split between the server process, the
// PostgreSQL server and the load generator. Throughput ratios need an idle machine; CPU time per
// request is close to what it would be idle even while other work runs, so this is how a change's
// effect is checked on a shared machine. Drives a fixed number of requests (N, default 20,000) at the
// bare route and at GET /api/me, twice each, and reads the processes' CPU time from /proc (Linux).
// ENGINE=sqlite|postgres (default postgres, at PAINWISE_BENCH_POSTGRES_URL); THREADS sets
// PAINWISE_HTTP_THREADS; PROF=1 writes the server's CPU profile to /tmp/painwise-prof.
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEFAULT_SETTINGS } from '../src/app/context.ts';
import { argon2idHasher, systemClock, systemIds } from '../src/app/system.ts';
import { migrateToLatest, openDatabase, type DatabaseTarget } from '../src/storage/database.ts';
import { createKyselyStore } from '../src/storage/kysely-store.ts';
import { startServerProcess } from '../test/support/server-process.ts';
import { seedPopulation } from './synthetic.ts';

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
let target: DatabaseTarget;
let env: Record<string, string>;
if (engine === 'sqlite') {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'painwise-cpu-'));
  target = { dialect: 'sqlite', path: path.join(dir, 'painwise.sqlite') };
  env = { PAINWISE_DATA_DIR: dir, DATABASE_URL: '' };
} else {
  const base = process.env.PAINWISE_BENCH_POSTGRES_URL!;
  const name = `painwise_cpu_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  target = { dialect: 'postgres', url: url.toString() };
  env = { DATABASE_URL: url.toString() };
}
const handle = openDatabase(target);
await migrateToLatest(handle.db);
const deps = {
  store: createKyselyStore(handle),
  clock: systemClock,
  ids: systemIds(),
  hasher: argon2idHasher(),
  settings: DEFAULT_SETTINGS,
};
const population = await seedPopulation(deps, 10);
await handle.close();
const server = await startServerProcess({
  ...env,
  PAINWISE_LOG_LEVEL: 'warn',
  ...(process.env.PROF ? { NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/painwise-prof' } : {}),
  ...(process.env.THREADS ? { PAINWISE_HTTP_THREADS: process.env.THREADS } : {}),
});
const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(population.benchUser),
});
const cookie = signIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const pid = server.child.pid!;
for (const [name, url] of [
  ['bare', '/health'],
  ['me', '/api/me'],
  ['bare', '/health'],
  ['me', '/api/me'],
] as const) {
  await autocannon({ connections: 50, amount: 2000, url: server.baseUrl + url, headers: { cookie } });
  const s0 = ticks(pid);
  const p0 = postgresTicks();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await autocannon({ connections: 50, amount: N, url: server.baseUrl + url, headers: { cookie } });
  const wall = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  const server_us = ((ticks(pid) - s0) * TICK_US) / N;
  const pg_us = ((postgresTicks() - p0) * TICK_US) / N;
  const client_us = (c1.user + c1.system) / N;
  console.log(
    `${name.padEnd(5)} ${url.padEnd(10)} server ${server_us.toFixed(1)} µs/req  postgres ${pg_us.toFixed(1)} µs/req  client ${client_us.toFixed(1)} µs/req  total ${(server_us + pg_us + client_us).toFixed(1)}  non2xx ${r.non2xx}  (${Math.round((N / wall) * 1000)} rps wall)`,
  );
}
await server.stop();
