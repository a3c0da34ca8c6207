// Checks the mutation score of each area against its target, from Stryker's JSON report, and prints one
// line per area. Exit code 1 when an area is under its target (or the report is missing), so CI fails.
// Usage: node scripts/check-mutation-scores.ts [reports/mutation/mutation.json]
//
// Score = detected / (detected + undetected), where detected = killed or timed out, and undetected =
// survived or not reached by any test. Mutants the type checker rejects, and those switched off with a
// "Stryker disable" comment (equivalent mutants, listed in docs/mutation-testing.md), do not count.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface Area {
  readonly name: string;
  readonly target: number;
  readonly owns: (file: string) => boolean;
}

// Medication and questionnaire scoring decide what a clinician sees, so they carry the higher target.
const AREAS: readonly Area[] = [
  { name: 'src/domain/medications', target: 90, owns: (f) => f.startsWith('src/domain/medications/') },
  { name: 'src/domain/instruments', target: 90, owns: (f) => f.startsWith('src/domain/instruments/') },
  {
    name: 'src/domain (rest)',
    target: 85,
    owns: (f) => f.startsWith('src/domain/') && !f.startsWith('src/domain/medications/') && !f.startsWith('src/domain/instruments/'),
  },
  { name: 'record engine (If-Match)', target: 90, owns: (f) => f === 'src/api/if-match.ts' },
];

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

interface Mutant {
  readonly status: string;
}
interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly Mutant[] }>>;
}

const reportPath = process.argv[2] ?? 'reports/mutation/mutation.json';
let report: Report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
} catch (error) {
  console.log(`mutation scores: cannot read ${reportPath} (${(error as Error).message}); run npm run test:mutation first`);
  process.exit(1);
}

let failed = false;
for (const area of AREAS) {
  let detected = 0;
  let undetected = 0;
  let files = 0;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (!area.owns(file.split(path.sep).join('/'))) continue;
    files++;
    for (const m of mutants) {
      if (DETECTED.has(m.status)) detected++;
      else if (UNDETECTED.has(m.status)) undetected++;
    }
  }
  const counted = detected + undetected;
  if (counted === 0) {
    console.log(`${area.name}: no mutants in this report (${files} files) — not checked`);
    continue;
  }
  const score = (100 * detected) / counted;
  const ok = score >= area.target;
  if (!ok) failed = true;
  console.log(
    `${area.name}: ${score.toFixed(2)} % (${detected}/${counted} detected, ${undetected} undetected, ${files} files) target ≥ ${area.target} % ${ok ? 'ok' : 'FAILED'}`,
  );
}
process.exit(failed ? 1 : 0);
