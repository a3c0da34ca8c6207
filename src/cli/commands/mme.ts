// `painwise mme --regimen '<json>'`: MME (CDC 2022) and safety flags for a regimen, as one JSON object.
// Adapts argv/JSON to the domain (src/domain/medications) and prints the result; the rules live there.

import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../command.ts';
import { computeRegimen } from '../../domain/medications/compute-regimen.ts';
import { validateRegimenInput } from '../../domain/medications/regimen-input.ts';

const HELP = `Usage: painwise mme --regimen '<json>'

Computes morphine milligram equivalents per day (CDC 2022 conversion factors) and safety flags
for a medication regimen. Decision support for clinicians, not a prescription.

Input (one JSON object):
  {
    "items": [
      { "drug": "oxycodone", "doseMg": 10, "perDay": 6, "prn": false, "acetaminophenMg": 325 },
      { "drug": "fentanyl-transdermal", "doseMcgPerHour": 25 }
    ],
    "patient": { "age": 70 }
  }

Item fields:
  drug             formulary id or generic/brand name, e.g. hydrocodone, morphine, methadone,
                   tramadol, fentanyl-transdermal, buprenorphine-transdermal, alprazolam,
                   gabapentin, sertraline, acetaminophen, oxycodone-acetaminophen
  doseMg           dose per administration in mg (required for opioids and acetaminophen)
  doseMcgPerHour   patch strength in mcg/h (transdermal patches instead of doseMg and perDay)
  perDay           administrations per day; for as-needed ("prn": true) the maximum per day
  prn              true for as-needed orders (counted at their maximum)
  acetaminophenMg  acetaminophen per administration (required for combination products)

Patient fields (all optional; unknown facts never trigger a flag):
  age, kidneyDisease, creatinineClearanceMlPerMin, liverDisease, alcoholDrinksPerDay,
  opioidNaive, naloxoneOnList, historyOfOverdose, substanceUseDisorder, sleepApnea,
  tapering, recentIncarceration, priorGiBleed, qtcMs

Output: { "totalMme", "perDrug": [{ "drug", "dailyDose", "unit", "factor", "mme" }],
          "notCalculable": [{ "drug", "reason", "dailyDose", "unit", "message", "source" }],
          "flags": [{ "id", "message", "source" }] }
Buprenorphine is never counted as 0: it is listed under notCalculable (CDC 2022 caution 6).

Exit codes: 0 success, 2 invalid input (reason on stderr), 1 unexpected error.
Sources: docs/clinical-sources/medications.md`;

function parseArgs(args: readonly string[]): { help: true } | { help: false; regimen: string } | { error: string } {
  let regimen: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--regimen') {
      const next = args[i + 1];
      if (next === undefined) return { error: '--regimen needs a JSON value' };
      if (regimen !== undefined) return { error: '--regimen given more than once' };
      regimen = next;
      i++;
    } else if (arg.startsWith('--regimen=')) {
      if (regimen !== undefined) return { error: '--regimen given more than once' };
      regimen = arg.slice('--regimen='.length);
    } else {
      return { error: `unknown argument ${JSON.stringify(arg)}` };
    }
  }
  if (regimen === undefined) return { error: "missing --regimen '<json>'" };
  return { help: false, regimen };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    io.err(`painwise mme: ${parsed.error}\nRun "painwise mme --help" for usage.\n`);
    return EXIT_INVALID_INPUT;
  }
  if (parsed.help) {
    io.out(`${HELP}\n`);
    return EXIT_OK;
  }
  let json: unknown;
  try {
    json = JSON.parse(parsed.regimen);
  } catch {
    io.err('painwise mme: --regimen is not valid JSON\n');
    return EXIT_INVALID_INPUT;
  }
  const input = validateRegimenInput(json);
  if (input.kind === 'invalid') {
    io.err(`painwise mme: invalid regimen:\n${input.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return EXIT_INVALID_INPUT;
  }
  try {
    const result = computeRegimen(input.regimen, input.patient);
    const output = {
      totalMme: result.totalMme,
      perDrug: result.perDrug.map(({ drug, dailyDose, unit, factor, mme }) => ({ drug, dailyDose, unit, factor, mme })),
      notCalculable: result.notCalculable,
      flags: result.flags.map(({ id, message, source }) => ({ id, message, source })),
    };
    io.out(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT_OK;
  } catch {
    io.err('painwise mme: unexpected error while computing the regimen\n');
    return EXIT_FAILURE;
  }
}

export const mmeCommand: CliCommand = {
  name: 'mme',
  summary: 'Morphine milligram equivalents (CDC 2022) and safety flags for a regimen',
  help: HELP,
  run,
};
