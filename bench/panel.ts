// The clinic panel at clinic scale: a second clinic of PANEL_PATIENTS patients, each with a panel
// summary, read page by page by one of its physicians. The patients, their sharing and their summaries
// are written in bulk (signing up ten thousand people through the use cases would take most of the
// run); the summaries come from the domain's own computation over varied synthetic diaries, so the
// flags, filters and order spread as they would in a clinic.
import http from 'node:http';
import { type Kysely, sql } from 'kysely';
import { computeTriage } from '../src/domain/triage/triage.ts';
import { addDays, type LocalDate } from '../src/domain/time/local-date.ts';
import { seededRandom } from '../src/cli/demo-diary.ts';
import type { DatabaseSchema } from '../src/storage/schema.ts';
import { triageRow } from '../src/storage/repositories/triage.repository.ts';
import { systemIds } from '../src/app/system.ts';
import { percentile, pullStats, type Scenario, timedGets } from './scenarios.ts';

export const PANEL_PATIENTS = Number(process.env.PAINWISE_BENCH_PANEL_PATIENTS ?? 10_000);
const BATCH = 500;
const FLAG_IDS = ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine', 'opioid-gabapentinoid', 'older-adult-caution'];

export interface PanelClinic {
  readonly organizationId: string;
  readonly physician: { readonly email: string; readonly password: string };
}

export async function seedPanelClinic(db: Kysely<DatabaseSchema>, passwordHash: string, password: string): Promise<PanelClinic> {
  const random = seededRandom(7);
  const ids = systemIds();
  const now = new Date().toISOString();
  const today = now.slice(0, 10) as LocalDate;
  const organizationId = ids.newId();
  const physicianId = ids.newId();
  const physician = { email: 'physician@panel.bench.test', password };
  await db
    .insertInto('user_account')
    .values({ id: physicianId, email: physician.email, displayName: 'Dr Panel', passwordHash, createdAt: now })
    .execute();
  await db
    .insertInto('organization')
    .values({ id: organizationId, name: 'Panel Clinic', shareCode: 'PANELBENCH', createdAt: now })
    .execute();
  await db
    .insertInto('membership')
    .values({ id: ids.newId(), organizationId, userId: physicianId, role: 'physician', createdAt: now })
    .execute();
  for (let start = 0; start < PANEL_PATIENTS; start += BATCH) {
    const users = [];
    const patients = [];
    const shares = [];
    const summaries = [];
    const alerts = [];
    for (let i = start; i < Math.min(PANEL_PATIENTS, start + BATCH); i++) {
      const userId = ids.newId();
      const patientId = ids.newId();
      users.push({ id: userId, email: `panel${i}@bench.test`, displayName: `Panel Patient ${i}`, passwordHash, createdAt: now });
      patients.push({
        id: patientId,
        userId,
        displayName: `Panel Patient ${i}`,
        timeZone: 'Europe/Berlin',
        birthYear: 1950,
        sex: 'female' as const,
        createdAt: now,
      });
      shares.push({
        id: ids.newId(),
        patientId,
        organizationId,
        scopes: '["read","write"]',
        grantedByUserId: userId,
        createdAt: now,
        expiresAt: null,
        revokedAt: null,
      });
      // A diary of 0–35 days with a level and a drift, a PEG pair for half, flags for one in ten.
      const level = Math.floor(random() * 8) + 1;
      const drift = random() < 0.2 ? 2 + Math.floor(random() * 2) : 0;
      const days = Math.floor(random() * 36);
      const entries = Array.from({ length: days }, (_, d) => ({
        localDate: addDays(today, -d),
        intensity: Math.min(10, level + (d < 7 ? drift : 0)),
      }));
      const triage = computeTriage({
        today,
        entries,
        lastEntryDate: days > 0 ? today : random() < 0.5 ? null : addDays(today, -40),
        peg:
          random() < 0.5
            ? [
                { score: level, completedAt: now },
                { score: level - 1, completedAt: now },
              ]
            : [],
        mmePerDay: random() < 0.2 ? Math.round(random() * 120) : null,
        mmeNotCalculable: random() < 0.02 ? 1 : 0,
        flags: random() < 0.1 ? [{ id: FLAG_IDS[Math.floor(random() * FLAG_IDS.length)]!, severity: 'caution' as const }] : [],
        dueQuestionnaires: random() < 0.3 ? 1 : 0,
        overdueQuestionnaires: random() < 0.05 ? 1 : 0,
      });
      summaries.push(triageRow({ ...triage, patientId, computedAt: now }));
      if (random() < 0.02)
        alerts.push({
          id: ids.newId(),
          patientId,
          organizationId,
          rule: 'phq9-item9-positive',
          severity: 'urgent',
          evidence: '{}',
          status: 'open',
          createdAt: now,
          updatedAt: now,
          acknowledgedBy: null,
        });
    }
    await db.insertInto('user_account').values(users).execute();
    await db.insertInto('patient').values(patients).execute();
    await db.insertInto('care_relationship').values(shares).execute();
    await db.insertInto('patient_triage').values(summaries).execute();
    if (alerts.length > 0) await db.insertInto('alert').values(alerts).execute();
  }
  // A bulk load is followed by the statistics autovacuum would gather within a minute in service;
  // measured straight after the load, the planner would still think these tables empty.
  await sql`analyze`.execute(db);
  return { organizationId, physician };
}

/** One clinician's session on the panel clinic. */
export interface PanelSession {
  readonly organizationId: string;
  readonly cookie: string;
}

const PANEL_TARGET_MS = 100;

function panelScenario(name: string, query: string): Scenario {
  return {
    name,
    run: async (ctx) => {
      const panel = ctx.panel!;
      const url = `${ctx.baseUrl}/api/organizations/${panel.organizationId}/panel${query}`;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const reads = await timedGets(url, panel.cookie, agent, 10, 100);
      agent.destroy();
      const { total } = JSON.parse(reads.lastBody.toString('utf8')) as { total: number };
      return {
        ...pullStats(`${name} (${total} match, 1 conn., 100 reads)`, reads.samples),
        target: `p95 ≤ ${PANEL_TARGET_MS} ms`,
        met: percentile(reads.samples, 95) <= PANEL_TARGET_MS,
      };
    },
  };
}

export const PANEL_SCENARIOS: readonly Scenario[] = [
  panelScenario(`Clinic panel of ${PANEL_PATIENTS} patients, worst first — p95`, '?limit=50'),
  panelScenario('Clinic panel, page 100 by name — p95', '?sort=name&limit=50&offset=4950'),
  panelScenario('Clinic panel, name search + worsening filter — p95', '?search=patient%201&filter=worsening&limit=50'),
];
