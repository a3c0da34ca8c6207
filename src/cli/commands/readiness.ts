// `painwise readiness --request '<json>'`: the Medicare coverage criteria for a planned facet, epidural or
// spinal-cord-stimulation procedure, each met / not met / missing with its LCD or NCD, and the verdict.
// Adapts argv/JSON to the domain (src/domain/coverage) and prints the result; the rules live there.

import { EXIT_FAILURE, EXIT_INVALID_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../command.ts';
import { jsonPointer } from '../../domain/shape/shape-problems.ts';
import {
  ESI_LCDS,
  evaluateReadiness,
  MAC_JURISDICTIONS,
  SCS_LCDS,
  validateReadinessRequest,
  type CoverageSettings,
  type EsiLcd,
  type MacJurisdiction,
  type ScsLcd,
} from '../../domain/coverage/index.ts';

const HELP = `Usage: painwise readiness --request '<json>' [--jurisdiction J15] [--esi-lcd L39015]
                          [--scs-lcd L36204] [--min-block-relief-hours 2]

Checks a planned pain procedure against the Medicare coverage criteria (facet LCD L38773 family, the
ESI LCDs, NCD 160.7 with LCD L36204): every criterion met, not-met or missing, with its source, and a
verdict. Decision support for clinicians: it shows the rule and the record, it decides nothing.

Request (one JSON object; only procedure and date are required; an absent fact is "missing", never assumed):
  {
    "procedure": "facet-mbb" | "facet-ia" | "facet-rfa" | "facet-rfa-repeat" | "esi-interlaminar"
                 | "esi-transforaminal" | "esi-caudal" | "scs-trial" | "scs-permanent",
    "date": "YYYY-MM-DD",                      planned date; counts look back from it
    "region": "cervical" | "thoracic" | "lumbar",
    "levels": 2, "bilateral": true,
    "guidance": "fluoroscopy" | "ct" | "ultrasound" | "none", "contrast": true,
    "patient": {
      "painOnset": "YYYY-MM-DD",
      "pattern": "axial" | "radicular" | "neurogenic-claudication" | "widespread",
      "indication": "facet-arthropathy" | "disc-herniation" | "foraminal-stenosis" | "central-stenosis"
                    | "post-laminectomy" | "herpes-zoster" | "degenerative-disc-without-stenosis"
                    | "failed-back-surgery" | "crps" | "other",
      "concordantImaging": true, "untreatedRadiculopathy": false,
      "exclusions": ["fracture" | "tumour" | "infection" | "deformity" | "fibromyalgia"
                     | "centralized-pain" | "prior-alif"],     [] when none; absent when not assessed
      "baselinePain": { "scale": "nrs", "value": 7 }, "baselineDisability": { "scale": "odi", "value": 42 },
      "conservativeCare": [{ "kind": "physical-therapy" | "nsaid" | "acetaminophen" | "spinal-manipulation"
                             | "acupuncture" | "home-exercise" | "other",
                             "weeks": 8, "outcome": "failed" | "not-tolerated" | "helped" }],
      "psychologicalEvaluation": true, "multidisciplinaryEvaluation": true, "activeSubstanceAbuse": false,
      "notRfaCandidateReason": "implanted electrical device"   why ablation is not an option (facet-ia)
    },
    "history": [{ "procedure": "facet-mbb", "date": "YYYY-MM-DD", "region": "lumbar", "levels": 2,
                  "scale": "nrs", "painBefore": 7, "painAfter": 1, "reliefDurationHours": 2,
                  "reliefDurationMonths": null, "functionImproved": null, "analgesicReductionPercent": null }]
  }
  "facet-ia" is a therapeutic intra-articular injection; diagnostic blocks are "facet-mbb".
  history: past procedures; [] when there were none, absent when not known. null = not recorded.
  Percent relief = (painBefore - painAfter) / painBefore on the history item's scale; a scale other than
  the baseline's is not-met. Scales nrs (0-10), vas and odi (0-100) are range-checked.

Settings (the sources leave these open; each is shown in the criteria it affects):
  --jurisdiction J5|J6|J8|J15|JE|JF|JH|JJ|JK|JL|JM|JN
                  the patient's MAC jurisdiction; names the facet LCD (JE/JF mapping UNCONFIRMED)
  --esi-lcd       ${ESI_LCDS.join('|')} (which MAC uses which is UNCONFIRMED)
  --scs-lcd       ${SCS_LCDS.join('|')} (default L36204, whose text the trial criteria quote)
  --min-block-relief-hours N
                  shortest diagnostic-block relief counted as consistent with the agent (hours per
                  anaesthetic UNCONFIRMED; unset: any documented duration, the clinician judges)

Not read from the request (confirm on the order): thermal modality for RFA; SCS facilities, risk
disclosure, at most 2 leads / 16 contacts, ASC or hospital; the ESI rule beyond 12 months (UNCONFIRMED).

Output: { "verdict": "meets" | "does-not-meet" | "missing-documentation",
          "criteria": [{ "id", "status": "met" | "not-met" | "missing", "detail", "source" }] }
Any not-met gives does-not-meet; else any missing gives missing-documentation.

Exit codes: 0 success (whatever the verdict), 2 invalid input (reason on stderr), 1 unexpected error.
Sources: docs/coverage-readiness.md`;

type Parsed = { help: true } | { help: false; request: string; settings: CoverageSettings } | { error: string };

const includes = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

function parseArgs(args: readonly string[]): Parsed {
  let request: string | undefined;
  const settings: { -readonly [K in keyof CoverageSettings]: CoverageSettings[K] } = {};
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (!['--request', '--jurisdiction', '--esi-lcd', '--scs-lcd', '--min-block-relief-hours'].includes(name))
      return { error: `unknown argument ${JSON.stringify(arg)}` };
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined) return { error: `${name} needs a value` };
      i++;
    }
    if (seen.has(name)) return { error: `${name} given more than once` };
    seen.add(name);
    if (name === '--request') request = value;
    else if (name === '--jurisdiction') {
      if (!includes<MacJurisdiction>(MAC_JURISDICTIONS, value))
        return { error: `--jurisdiction must be one of ${MAC_JURISDICTIONS.join(', ')}` };
      settings.jurisdiction = value;
    } else if (name === '--esi-lcd') {
      if (!includes<EsiLcd>(ESI_LCDS, value)) return { error: `--esi-lcd must be one of ${ESI_LCDS.join(', ')}` };
      settings.esiLcd = value;
    } else if (name === '--scs-lcd') {
      if (!includes<ScsLcd>(SCS_LCDS, value)) return { error: `--scs-lcd must be one of ${SCS_LCDS.join(', ')}` };
      settings.scsLcd = value;
    } else {
      const hours = Number(value);
      if (value.trim() === '' || !Number.isFinite(hours) || hours < 0)
        return { error: '--min-block-relief-hours must be a number of hours, zero or more' };
      settings.minimumBlockReliefHours = hours;
    }
  }
  if (request === undefined) return { error: "missing --request '<json>'" };
  return { help: false, request, settings };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    io.err(`painwise readiness: ${parsed.error}\nRun "painwise readiness --help" for usage.\n`);
    return EXIT_INVALID_INPUT;
  }
  if (parsed.help) {
    io.out(`${HELP}\n`);
    return EXIT_OK;
  }
  let json: unknown;
  try {
    json = JSON.parse(parsed.request);
  } catch {
    io.err('painwise readiness: --request is not valid JSON\n');
    return EXIT_INVALID_INPUT;
  }
  const input = validateReadinessRequest(json);
  if (input.kind === 'invalid') {
    const lines = input.problems.map((p) => `  - ${jsonPointer(p.path) || '(the request)'} ${p.message}`);
    io.err(`painwise readiness: invalid request:\n${lines.join('\n')}\n`);
    return EXIT_INVALID_INPUT;
  }
  try {
    const result = evaluateReadiness(input.request, parsed.settings);
    const output = {
      verdict: result.verdict,
      criteria: result.criteria.map(({ id, status, detail, source }) => ({ id, status, detail, source })),
    };
    io.out(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT_OK;
  } catch {
    io.err('painwise readiness: unexpected error while evaluating the request\n');
    return EXIT_FAILURE;
  }
}

export const readinessCommand: CliCommand = {
  name: 'readiness',
  summary: 'Medicare coverage criteria (LCD/NCD) for a planned facet, ESI or SCS procedure',
  help: HELP,
  run,
};
