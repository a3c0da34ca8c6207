// `painwise grade neuropathic|nociplastic --findings '<json>'`: the grade of one pain mechanism with the
// criteria it was worked from, as one JSON object. A thin adapter: the rules live in src/domain/mechanism.

import { EXIT_INVALID_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../command.ts';
import {
  gradeNeuropathic,
  gradeNociplastic,
  NOCIPLASTIC_COMORBIDITIES,
  validateNeuropathicFindings,
  validateNociplasticFindings,
  type CriterionResult,
} from '../../domain/mechanism/index.ts';

const HELP = `Usage: painwise grade neuropathic|nociplastic --findings '<json>'

Grades one pain mechanism from a clinician's findings and lists every criterion with its answer.
Decision support for clinicians, not a diagnosis.

Each finding is true (yes), false (no), or null / left out (not assessed). "Not assessed" never
counts as yes: a grade that needs a criterion is not reached until it is answered yes.

neuropathic — Finnerup 2016 grading system (Pain 157:1599, Figure 2):
  '{"historySuggestive":true,"distributionPlausible":true,"sensorySigns":false,"confirmatoryTest":true}'
  historySuggestive      history of a relevant lesion or disease, suggestive of neural origin
  distributionPlausible  pain distribution neuroanatomically plausible
  sensorySigns           sensory signs in the same neuroanatomically plausible distribution
  confirmatoryTest       a diagnostic test confirms a lesion or disease of the somatosensory system
  grade: "unlikely" (history or distribution not yes), "possible" (both yes), "probable" (+ sensory
  signs), "definite" (+ sensory signs + confirmatory test). A confirmatory test without sensory signs
  stays "probable" (Figure 2 footnote c).

nociplastic — Kosek 2021 criteria and grading (Pain 162:2629):
  '{"durationMonths":6,"regional":true,"notEntirelyExplained":true,"clinicalHypersensitivity":true,
    "historyOfHypersensitivity":true,"comorbidities":["sleep-disturbance"]}'
  durationMonths             months of pain; at least 3 meets criterion 1
  regional                   regional (multifocal or widespread) rather than discrete distribution
  notEntirelyExplained       not entirely explained by nociceptive or neuropathic mechanisms
  clinicalHypersensitivity   clinical signs of pain hypersensitivity in the region of pain
  historyOfHypersensitivity  history of pain hypersensitivity in the region of pain
  comorbidities              list of: ${NOCIPLASTIC_COMORBIDITIES.join(', ')}
                             ([] = assessed, none present)
  grade: "not-applicable" (duration, regional or not-entirely-explained not yes), "unlikely" (no
  clinical signs), "possible", "probable" (+ history of hypersensitivity and a comorbidity; the
  verbatim Kosek 2021 wording of this step is UNCONFIRMED, the rule follows secondary sources).

Output: { "grade", "criteria": [{ "id", "answer": "yes"|"no"|"not-assessed", "detail", "source" }] }

Exit codes: 0 success, 2 invalid input (reason on stderr).
Sources: docs/clinical-sources/mechanism.md`;

type Graded =
  | { readonly kind: 'graded'; readonly grade: string; readonly criteria: readonly CriterionResult[] }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

const GRADERS: Readonly<Record<string, (raw: unknown) => Graded>> = {
  neuropathic: (raw) => {
    const v = validateNeuropathicFindings(raw);
    return v.kind === 'valid' ? { kind: 'graded', ...gradeNeuropathic(v.findings) } : v;
  },
  nociplastic: (raw) => {
    const v = validateNociplasticFindings(raw);
    return v.kind === 'valid' ? { kind: 'graded', ...gradeNociplastic(v.findings) } : v;
  },
};

function fail(io: CliIo, message: string): number {
  io.err(`painwise grade: ${message}\nRun "painwise grade --help" for usage.\n`);
  return EXIT_INVALID_INPUT;
}

function parseArgs(args: readonly string[]): { help: true } | { help: false; mechanism?: string; findings?: string } | { error: string } {
  let mechanism: string | undefined;
  let findings: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--findings' || arg.startsWith('--findings=')) {
      if (findings !== undefined) return { error: '--findings given more than once' };
      const value = arg === '--findings' ? args[++i] : arg.slice('--findings='.length);
      if (value === undefined) return { error: '--findings needs a JSON value' };
      findings = value;
    } else if (arg.startsWith('-')) return { error: `unknown argument ${JSON.stringify(arg)}` };
    else if (mechanism !== undefined) return { error: `unexpected argument ${JSON.stringify(arg)}` };
    else mechanism = arg;
  }
  return { help: false, mechanism, findings };
}

export const gradeCommand: CliCommand = {
  name: 'grade',
  summary: 'Grade neuropathic (Finnerup 2016) or nociplastic (Kosek 2021) pain from findings',
  help: HELP,
  async run(args, io) {
    const parsed = parseArgs(args);
    if ('error' in parsed) return fail(io, parsed.error);
    if (parsed.help) {
      io.out(`${HELP}\n`);
      return EXIT_OK;
    }
    const known = Object.keys(GRADERS);
    if (parsed.mechanism === undefined) return fail(io, `missing mechanism (${known.join(' or ')})`);
    const grader = Object.hasOwn(GRADERS, parsed.mechanism) ? GRADERS[parsed.mechanism] : undefined;
    if (grader === undefined) return fail(io, `unknown mechanism ${JSON.stringify(parsed.mechanism)}; known: ${known.join(', ')}`);
    if (parsed.findings === undefined) return fail(io, "missing --findings '<json>'");
    let json: unknown;
    try {
      json = JSON.parse(parsed.findings);
    } catch {
      return fail(io, '--findings is not valid JSON');
    }
    const result = grader(json);
    if (result.kind === 'invalid')
      return fail(io, `invalid ${parsed.mechanism} findings:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
    const { grade, criteria } = result;
    const output = { grade, criteria: criteria.map(({ id, answer, detail, source }) => ({ id, answer, detail, source })) };
    io.out(`${JSON.stringify(output, null, 2)}\n`);
    return EXIT_OK;
  },
};
