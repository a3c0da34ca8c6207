// In-process throughput of computeRegimen: MME (CDC 2022) and every safety flag for 10-item regimens.
// Target: ≥ 100,000 regimens/s. Run alone: node_modules/.bin/node bench/mme-throughput.ts
import { pathToFileURL } from 'node:url';
import { computeRegimen } from '../src/domain/medications/compute-regimen.ts';
import type { PatientFacts, Regimen, RegimenItem } from '../src/domain/medications/regimen.ts';

const ITEMS_PER_REGIMEN = 10;
const DURATION_MS = 2_000;

/** Deterministic mix of opioids (incl. patches and buprenorphine), CNS depressants, NSAIDs, APAP. */
function buildRegimens(count: number): { regimen: Regimen; patient: PatientFacts }[] {
  const pool: RegimenItem[] = [
    { drug: 'oxycodone', doseMg: 10, perDay: 6, prn: true },
    { drug: 'hydrocodone-acetaminophen', doseMg: 7.5, perDay: 4, acetaminophenMg: 325 },
    { drug: 'morphine-er', doseMg: 30, perDay: 2 },
    { drug: 'fentanyl-transdermal', doseMcgPerHour: 12.5 },
    { drug: 'methadone', doseMg: 2.5, perDay: 3 },
    { drug: 'tramadol', doseMg: 50, perDay: 4 },
    { drug: 'buprenorphine-transdermal', doseMcgPerHour: 10 },
    { drug: 'alprazolam', doseMg: 0.25, perDay: 3 },
    { drug: 'gabapentin', doseMg: 300, perDay: 3 },
    { drug: 'sertraline', doseMg: 50, perDay: 1 },
    { drug: 'ibuprofen', doseMg: 400, perDay: 3 },
    { drug: 'warfarin', doseMg: 5, perDay: 1 },
    { drug: 'acetaminophen', doseMg: 500, perDay: 4 },
    { drug: 'cyclobenzaprine', doseMg: 5, perDay: 3 },
    { drug: 'codeine-acetaminophen', doseMg: 30, perDay: 4, acetaminophenMg: 300 },
    { drug: 'hydromorphone', doseMg: 2, perDay: 6, prn: true },
  ];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0);
  const out: { regimen: Regimen; patient: PatientFacts }[] = [];
  for (let r = 0; r < count; r++) {
    const items: RegimenItem[] = [];
    for (let i = 0; i < ITEMS_PER_REGIMEN; i++) items.push(pool[next() % pool.length]!);
    out.push({
      regimen: { items },
      patient: { age: 40 + (next() % 50), opioidNaive: next() % 5 === 0, kidneyDisease: next() % 7 === 0, qtcMs: 400 + (next() % 150) },
    });
  }
  return out;
}

export async function measureMmeThroughput(): Promise<{ regimensPerSecond: number; items: number }> {
  const regimens = buildRegimens(256);
  let sink = 0;
  // Warm-up so the JIT has compiled the hot path before timing.
  for (let i = 0; i < 20_000; i++) sink += computeRegimen(regimens[i & 255]!.regimen, regimens[i & 255]!.patient).flags.length;
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < DURATION_MS) {
    for (let i = 0; i < 1_000; i++, count++) {
      const r = regimens[count & 255]!;
      sink += computeRegimen(r.regimen, r.patient).flags.length;
    }
    elapsed = performance.now() - start;
  }
  if (sink === 0) throw new Error('benchmark produced no flags');
  return { regimensPerSecond: Math.round((count / elapsed) * 1000), items: ITEMS_PER_REGIMEN };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { regimensPerSecond, items } = await measureMmeThroughput();
  console.log(
    `mme-throughput: ${regimensPerSecond.toLocaleString('en-US')} regimens/s (${items} items each, MME + all flags; target ≥ 100,000)`,
  );
}
