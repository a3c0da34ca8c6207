// The insight scenarios of `npm run bench`: "what works for me" over five years of one person's diary.
import http from 'node:http';
import { uuidv7 } from '../src/app/system.ts';
import { seededRandom } from '../src/domain/insight/prng.ts';
import { percentile, pullStats, timedGets, type Scenario, type ScenarioContext } from './scenarios.ts';

const YEARS_DAYS = 1826;
const TECHNIQUES = ['heat', 'stretching', 'walking', 'pacing', 'relaxation', 'breathing', 'tens', 'music'];
const TRIGGERS = ['stress', 'poor-sleep', 'weather-change', 'prolonged-sitting', 'lifting', 'work'];
const MOODS = ['very-low', 'low', 'neutral', 'good', 'very-good'];

/** A patient of their own: not one whose diary other scenarios grow. */
const fiveYearPatient = (ctx: ScenarioContext) => ctx.patients[2] ?? ctx.patients[0]!;

/** Three check-ins a day over five years (≈ 5,500), naming techniques, medicines, triggers, sleep, activity and mood. */
async function seedFiveYears(ctx: ScenarioContext): Promise<number> {
  const who = fiveYearPatient(ctx);
  const random = seededRandom(5);
  const pick = <T>(list: readonly T[], p: number) => list.filter(() => random.uniform() < p);
  const recordedAt = new Date().toISOString();
  const headers = { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrfToken };
  let items: { id: string; entry: Record<string, unknown> }[] = [];
  let written = 0;
  const flush = async () => {
    const res = await fetch(`${ctx.baseUrl}/api/patients/${who.patientId}/diary-entries/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ items }),
    });
    if (!res.ok) throw new Error(`seeding five years failed: ${res.status} ${await res.text()}`);
    written += items.length;
    items = [];
  };
  for (let daysAgo = YEARS_DAYS; daysAgo >= 1; daysAgo--) {
    const localDate = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    for (const localTime of ['08:00', '14:00', '20:00']) {
      items.push({
        id: uuidv7(Date.now(), written + items.length),
        entry: {
          localDate,
          localTime,
          timeZone: 'UTC',
          recordedAt,
          mode: 'recalled',
          intensity: Math.min(10, Math.max(0, Math.round(5 + 1.5 * random.normal()))),
          interference: { activity: Math.floor(random.uniform() * 11), sleep: 4, mood: 3, stress: 5 },
          ...(localTime === '08:00' ? { sleep: { hours: 4 + Math.floor(random.uniform() * 20) / 4, quality: null } } : {}),
          ...(localTime === '20:00' ? { activity: { minutes: Math.floor(random.uniform() * 120), meaningful: [] } } : {}),
          mood: MOODS[Math.floor(random.uniform() * MOODS.length)],
          techniques: pick(TECHNIQUES, 0.2).map((id) => ({ id })),
          triggers: pick(TRIGGERS, 0.15),
          medicines: pick(['Ibuprofen', 'Paracetamol', 'Gabapentin'], 0.3).map((name) => ({ name, regimen: 'as-needed' })),
        },
      });
      if (items.length === 500) await flush();
    }
  }
  if (items.length > 0) await flush();
  return written;
}

const whatWorksUrl = (ctx: ScenarioContext) =>
  `${ctx.baseUrl}/api/patients/${fiveYearPatient(ctx).patientId}/insights/what-works?outcome=intensity&days=${YEARS_DAYS}`;

export const WHAT_WORKS_SCENARIOS: readonly Scenario[] = [
  {
    name: 'What works over five years of entries — p95, 1 connection',
    run: async (ctx) => {
      const entries = await seedFiveYears(ctx);
      const who = fiveYearPatient(ctx);
      const url = whatWorksUrl(ctx);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const reads = await timedGets(url, who.cookie, agent, 10, 100);
      agent.destroy();
      const count = (JSON.parse(reads.lastBody.toString('utf8')) as { items: unknown[] }).items.length;
      return {
        ...pullStats(`What works, ${entries} entries over 5 years, ${count} comparisons (1 conn., 100 reads)`, reads.samples),
        target: 'p95 ≤ 50 ms',
        met: percentile(reads.samples, 95) <= 50,
      };
    },
  },
  {
    // The same read just after a check-in each time, so no answer computed before can be reused: the
    // whole five years are read and compared every time.
    name: 'What works over five years after a check-in — p95, 1 connection',
    run: async (ctx) => {
      const who = fiveYearPatient(ctx);
      const headers = { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrfToken };
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const samples: number[] = [];
      for (let i = 0; i < 60; i++) {
        const now = new Date();
        const entry = {
          localDate: now.toISOString().slice(0, 10),
          localTime: now.toISOString().slice(11, 16),
          timeZone: 'UTC',
          recordedAt: now.toISOString(),
          intensity: 5,
          mode: 'real-time',
        };
        const put = await fetch(`${ctx.baseUrl}/api/patients/${who.patientId}/diary-entries/${uuidv7(Date.now(), i)}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify(entry),
        });
        if (put.status !== 201) throw new Error(`check-in before the read failed: ${put.status}`);
        const one = await timedGets(whatWorksUrl(ctx), who.cookie, agent, 0, 1);
        if (i >= 10) samples.push(one.samples[0]!); // the first 10 warm up
      }
      agent.destroy();
      samples.sort((a, b) => a - b);
      return {
        ...pullStats('What works over 5 years after a check-in (1 conn., 50 reads)', samples),
        target: 'p95 ≤ 50 ms',
        met: percentile(samples, 95) <= 50,
      };
    },
  },
];
