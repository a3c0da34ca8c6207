// The FHIR API under load: a search for one patient's newest 100 pain-severity Observations while
// 1,500 diary entries are on file, by 50 connections, as a share of the bare route's throughput.
import type { Scenario } from './scenarios.ts';
import { benchEntry } from './scenarios.ts';
import { uuidv7 } from '../src/app/system.ts';

const ENTRIES = 1_500;

export const FHIR_SCENARIOS: readonly Scenario[] = [
  {
    name: 'FHIR search: 100 pain Observations of a patient with 1,500 entries',
    targets: { sqlite: { minRatio: 0.25, maxMs: 50 } },
    run: async (ctx) => {
      // A patient of its own (the last seeded), so no other scenario's writes change what is searched.
      const patient = ctx.patients.at(-1)!;
      const headers = { 'content-type': 'application/json', cookie: patient.cookie, 'x-csrf-token': patient.csrfToken };
      const base = `${ctx.baseUrl}/api/patients/${patient.patientId}/diary-entries`;
      for (let start = 0; start < ENTRIES; start += 500) {
        const items = [];
        for (let i = start; i < Math.min(ENTRIES, start + 500); i++) {
          // Four entries a day going back a year and more, each with 3 rated regions (4 pain Observations).
          const at = new Date(Date.now() - Math.floor(i / 4) * 86_400_000 - (i % 4) * 3_600_000 - 86_400_000);
          items.push({
            id: uuidv7(at.getTime(), i % 4096),
            entry: { ...benchEntry(at), recordedAt: new Date().toISOString(), mode: 'recalled' },
          });
        }
        const res = await fetch(`${base}/batch`, { method: 'POST', headers, body: JSON.stringify({ items }) });
        if (!res.ok) throw new Error(`seeding the FHIR patient failed: ${res.status} ${await res.text()}`);
      }
      const url = `${ctx.baseUrl}/fhir/R4/Observation?patient=${patient.patientId}&code=http://loinc.org|72514-3&_count=100`;
      const check = await fetch(url, { headers: { cookie: patient.cookie } });
      const bundle = (await check.json()) as { entry?: unknown[] };
      if (check.status !== 200 || bundle.entry?.length !== 100)
        throw new Error(`the FHIR search answered ${check.status} with ${bundle.entry?.length} entries`);
      return ctx.drive('FHIR search: 100 pain Observations of a patient with 1,500 entries', { url, headers: { cookie: patient.cookie } });
    },
  },
];
