// `npm run bench`: starts the real server on loopback over a fresh, seeded database, drives it with
// autocannon (50 connections), prints a table and writes JSON to bench/results/. The targets are the
// project's performance goals and are checked here; figures are reported as ratios to the bare route of
// the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../test/support/server-process.ts';
import { seedPopulation } from './synthetic.ts';
import { createBenchDatabase, signInOverHttp } from './bench-database.ts';
import { refreshTriage } from '../src/app/triage.ts';
import { WHAT_WORKS_SCENARIOS } from './what-works-scenarios.ts';
import { PANEL_PATIENTS, PANEL_SCENARIOS, seedPanelClinic } from './panel.ts';

const PANEL_PASSWORD = 'panel bench password, long enough';
import { EXTRA_SCENARIOS, type ScenarioContext, type Target } from './scenarios.ts';
import { FHIR_SCENARIOS } from './fhir-scenarios.ts';
import { TRENDS_SCENARIOS } from './trends-scenarios.ts';
import { chooseTestDialects } from '../test/support/dialects.ts';
import { runLighthouse } from './lighthouse.ts';
import { buildWebIfStale } from '../e2e/harness.ts';

const lighthouseResults: import('./in-process.ts').InProcessResult[] = [];
const DURATION_SECONDS = Number(process.env.PAINWISE_BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PATIENTS = Number(process.env.PAINWISE_BENCH_PATIENTS ?? 1000);

export interface ScenarioResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly ratioToBare?: number;
  /** Write scenarios: throughput as a share of the calibration write's (the least durable work a write can do). */
  readonly ratioToCalibration?: number;
  readonly target?: string;
  readonly met?: boolean;
}

export async function drive(name: string, options: autocannon.Options): Promise<ScenarioResult> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_SECONDS, ...options });
  // autocannon reports p97.5 and p99 directly; p95 is interpolated from its histogram percentiles.
  const l = result.latency as unknown as Record<string, number>;
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: l.p50 ?? 0,
    p95Ms: l.p97_5 !== undefined && l.p90 !== undefined ? l.p90 + (l.p97_5 - l.p90) * (5 / 7.5) : 0,
    p99Ms: l.p99 ?? 0,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function benchEngine(engine: 'sqlite' | 'postgres', postgresUrl?: string): Promise<ScenarioResult[]> {
  const { handle, env, deps, drop: cleanup } = await createBenchDatabase(engine, postgresUrl, 'painwise-bench');
  process.stdout.write(`[${engine}] seeding ${PATIENTS} patients… `);
  const population = await seedPopulation(deps, PATIENTS);
  // Their panel summaries now, as a running server's sweep would have made them, so that no sweep runs
  // beside the measured scenarios.
  for (const p of population.patients) await refreshTriage(deps, p.patientId);
  console.log('done');
  process.stdout.write(`[${engine}] seeding a clinic panel of ${PANEL_PATIENTS} patients… `);
  const panelClinic = await seedPanelClinic(handle.db, await deps.hasher.hash(PANEL_PASSWORD), PANEL_PASSWORD);
  await handle.close();
  console.log('done');

  // The calibration route exists only because this setting is on, and only in this benchmark's server.
  const server = await startServerProcess({
    ...env,
    PAINWISE_LOG_LEVEL: 'warn',
    PAINWISE_BENCH_CALIBRATION: 'true',
  });
  try {
    const { cookie, body: me } = await signInOverHttp<{ csrfToken: string; patient: { id: string } }>(server.baseUrl, population.benchUser);
    const physician = await signInOverHttp(server.baseUrl, panelClinic.physician);
    if (physician.status !== 200) throw new Error(`the panel physician could not sign in: ${physician.status}`);
    const ctx: ScenarioContext = {
      baseUrl: server.baseUrl,
      cookie,
      csrfToken: me.csrfToken,
      patientId: me.patient.id,
      patients: population.patients,
      panel: {
        organizationId: panelClinic.organizationId,
        cookie: physician.cookie,
      },
      drive,
    };

    // Lighthouse first, while the server is quiet, as a person's phone would find it.
    if (engine === 'sqlite' && process.env.PAINWISE_BENCH_LIGHTHOUSE !== '0')
      lighthouseResults.push(...(await runLighthouse(server.baseUrl, cookie)));
    const results: ScenarioResult[] = [];
    const bare = await drive('bare route GET /health', { url: `${server.baseUrl}/health` });
    results.push(bare);
    let calibrationRps = 0;
    const judge = (r: ScenarioResult, target: Target | undefined): ScenarioResult => {
      const ratioToBare = r.requestsPerSecond / bare.requestsPerSecond;
      const rated = { ...r, ratioToBare };
      if (!target) return rated;
      const pKey = target.percentile ?? 'p99Ms';
      const ratioToCalibration = r.ratioToCalibration ?? r.requestsPerSecond / calibrationRps;
      const met =
        (target.minRatio === undefined || ratioToBare >= target.minRatio) &&
        (target.minCalibrationRatio === undefined || ratioToCalibration >= target.minCalibrationRatio) &&
        r[pKey] <= target.maxMs &&
        r.non2xx === 0;
      const parts = [
        ...(target.minRatio === undefined ? [] : [`≥ ${target.minRatio * 100} % of bare`]),
        ...(target.minCalibrationRatio === undefined ? [] : [`≥ ${target.minCalibrationRatio * 100} % of calibration`]),
        `${pKey === 'p99Ms' ? 'p99' : 'p95'} ≤ ${target.maxMs} ms`,
      ];
      return { ...rated, target: parts.join(', '), met };
    };
    const meTarget: Target = engine === 'sqlite' ? { minRatio: 0.8, maxMs: 25 } : { minRatio: 0.4, maxMs: 50 };
    results.push(judge(await drive('GET /api/me (authenticated)', { url: `${server.baseUrl}/api/me`, headers: { cookie } }), meTarget));
    // Validate a small body, insert one record row and its audit row in one transaction: what any durable
    // write must cost at least. A record takes its patient's next change sequence under the patient's
    // lock, so the calibration writes go to every seeded patient in turn (one patient's would queue).
    let nextPatient = 0;
    const calibrationBody = JSON.stringify({ startedAt: new Date().toISOString(), endedAt: null, timeZone: 'UTC', peakIntensity: 6 });
    const calibration = await drive('calibration write (record + audit row, no session)', {
      url: `${server.baseUrl}/bench/calibration/${me.patient.id}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: calibrationBody,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/bench/calibration/${population.patients[nextPatient++ % population.patients.length]!.patientId}`,
            body: calibrationBody,
          }),
        },
      ],
    });
    calibrationRps = calibration.requestsPerSecond;
    results.push({ ...calibration, ratioToBare: calibration.requestsPerSecond / bare.requestsPerSecond, ratioToCalibration: 1 });
    // PAINWISE_BENCH_ONLY=<text>[|<text>…] runs only the scenarios whose name contains one of them (for working on a few).
    const only = process.env.PAINWISE_BENCH_ONLY?.split('|').filter(Boolean);
    for (const scenario of [...EXTRA_SCENARIOS, ...WHAT_WORKS_SCENARIOS, ...TRENDS_SCENARIOS, ...FHIR_SCENARIOS, ...PANEL_SCENARIOS].filter(
      (x) => !only || only.some((text) => x.name.includes(text)),
    )) {
      const r = await scenario.run(ctx);
      const rated = scenario.write ? { ...r, ratioToCalibration: r.requestsPerSecond / calibrationRps } : r;
      // Scenarios timed on one connection carry their own target and verdict.
      results.push(rated.target ? rated : judge(rated, scenario.targets?.[engine]));
    }
    const signInResult = await drive('POST /api/auth/sign-in (argon2id; reported only)', {
      url: `${server.baseUrl}/api/auth/sign-in`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(population.benchUser),
      duration: Math.min(5, DURATION_SECONDS),
    });
    results.push(signInResult);
    return results;
  } finally {
    await server.stop();
    await cleanup();
  }
}

function printTable(engine: string, results: readonly ScenarioResult[]): void {
  console.log(`\n${engine}`);
  console.log(
    'scenario'.padEnd(56),
    'req/s'.padStart(8),
    'ratio'.padStart(7),
    'cal.'.padStart(7),
    'p50'.padStart(7),
    'p95'.padStart(7),
    'p99'.padStart(7),
    ' non2xx',
    ' target',
  );
  for (const r of results) {
    console.log(
      r.name.padEnd(56),
      String(r.requestsPerSecond).padStart(8),
      (r.ratioToBare === undefined ? '' : `${(r.ratioToBare * 100).toFixed(0)}%`).padStart(7),
      (r.ratioToCalibration === undefined ? '' : `${(r.ratioToCalibration * 100).toFixed(0)}%`).padStart(7),
      `${r.p50Ms.toFixed(1)}`.padStart(7),
      `${r.p95Ms.toFixed(1)}`.padStart(7),
      `${r.p99Ms.toFixed(1)}`.padStart(7),
      String(r.non2xx).padStart(7),
      r.target ? ` ${r.target}${r.met === undefined ? '' : r.met ? ' — met' : ' — NOT MET'}` : '',
    );
  }
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
console.log(
  `Painwise bench — ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario`,
);
const report: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine,
  connections: CONNECTIONS,
  durationSeconds: DURATION_SECONDS,
  engines: {},
};
buildWebIfStale();
// PAINWISE_BENCH_ENGINES=sqlite or =postgres runs one engine (for working on one); both run otherwise.
const engines = (process.env.PAINWISE_BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((e) => e.trim());
const measured: ScenarioResult[] = [];
if (engines.includes('sqlite')) {
  const sqlite = await benchEngine('sqlite');
  printTable('SQLite', sqlite);
  (report.engines as Record<string, unknown>).sqlite = sqlite;
  measured.push(...sqlite);
}
if (engines.includes('postgres')) {
  // The server the tests would use: a configured URL (PAINWISE_BENCH_POSTGRES_URL first), else a local
  // one that lets this user create databases. PostgreSQL is measured whenever one is reachable.
  const choice = await chooseTestDialects({
    ...process.env,
    PAINWISE_TEST_DIALECTS: undefined,
    PAINWISE_TEST_POSTGRES_URL: process.env.PAINWISE_BENCH_POSTGRES_URL || process.env.PAINWISE_TEST_POSTGRES_URL,
  });
  if (choice.postgresUrl) {
    const postgres = await benchEngine('postgres', choice.postgresUrl);
    printTable('PostgreSQL', postgres);
    (report.engines as Record<string, unknown>).postgres = postgres;
    measured.push(...postgres);
  } else {
    console.log(
      `\nPostgreSQL: not measured (${choice.reason}; set PAINWISE_BENCH_POSTGRES_URL to a server where the user may create databases).`,
    );
    process.exitCode = 1;
  }
}
const inProcess = [...lighthouseResults, ...(await import('./in-process.ts').then((m) => m.runInProcessBenchmarks()))];
if (inProcess.length > 0) {
  console.log('\nIn-process and Lighthouse');
  for (const r of inProcess)
    console.log(`${r.name.padEnd(56)} ${r.figure}${r.target ? `  target ${r.target}${r.met ? ' — met' : ' — NOT MET'}` : ''}`);
  report.inProcess = inProcess;
}
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
const file = path.join(import.meta.dirname, 'results', `bench-${report.at as string}.json`.replace(/:/g, '-'));
writeFileSync(file, JSON.stringify(report, null, 2));
console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
const missed = [...measured, ...inProcess].filter((r) => r.met === false);
if (missed.length > 0) {
  console.log(`Targets not met: ${missed.map((r) => r.name).join('; ')}`);
  process.exitCode = 1;
}
