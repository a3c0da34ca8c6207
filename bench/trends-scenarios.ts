// The Insights reads of `npm run bench`: trends of a patient with five years of check-ins.
import http from 'node:http';
import { uuidv7 } from '../src/app/system.ts';
import { percentile, pullStats, recalledEntry, timedGets, type Scenario, type ScenarioContext } from './scenarios.ts';

/** Five years of three check-ins a day: about the 5,500 entries a long-standing diary holds. */
const YEARS_DAYS = 5 * 365;
const PER_DAY = 3;
const TARGET_MS = 30;

// A patient of its own, so the other scenarios' entries do not change what is read.
const trendPatient = (ctx: ScenarioContext) => ctx.patients[2] ?? ctx.patients[0]!;

async function seedFiveYears(ctx: ScenarioContext): Promise<void> {
  const who = trendPatient(ctx);
  const headers = { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrfToken };
  let items: { id: string; entry: Record<string, unknown> }[] = [];
  const flush = async () => {
    const res = await fetch(`${ctx.baseUrl}/api/patients/${who.patientId}/diary-entries/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ items }),
    });
    if (!res.ok) throw new Error(`seeding five years failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    items = [];
  };
  for (let d = 1; d <= YEARS_DAYS; d++) {
    for (let i = 0; i < PER_DAY; i++) items.push({ id: uuidv7(Date.now(), (d * PER_DAY + i) % 4096), entry: recalledEntry(d, i) });
    if (items.length >= 498) await flush();
  }
  if (items.length > 0) await flush();
}

async function timeTrend(ctx: ScenarioContext, query: string, label: string) {
  const who = trendPatient(ctx);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const reads = await timedGets(`${ctx.baseUrl}/api/patients/${who.patientId}/insights/trends?${query}`, who.cookie, agent, 10, 100);
  agent.destroy();
  const days = (JSON.parse(reads.lastBody.toString('utf8')) as { days: unknown[] }).days.length;
  const p95 = percentile(reads.samples, 95);
  return {
    ...pullStats(`${label} (${days} days, 1 conn., 100 reads)`, reads.samples),
    target: `p95 ≤ ${TARGET_MS} ms`,
    met: p95 <= TARGET_MS,
  };
}

export const TRENDS_SCENARIOS: readonly Scenario[] = [
  {
    name: 'Trends: pain over all of five years of check-ins — p95, 1 connection',
    run: async (ctx) => {
      await seedFiveYears(ctx);
      return timeTrend(ctx, 'measure=pain-now&range=all', 'Trends, pain, all of 5 years');
    },
  },
  {
    // After the scenario above, which seeded the five years.
    name: 'Trends: pain over 365 days of five years of check-ins — p95, 1 connection',
    run: (ctx) => timeTrend(ctx, 'measure=pain-now&range=365d', 'Trends, pain, 365 days'),
  },
];
