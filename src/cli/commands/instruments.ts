// `painwise instruments [<id>]`, `painwise score <id> --answers '<json>' [--sex …]` and
// `painwise change <id> --from <score> --to <score>`: the instruments registry from the command line.
// Thin adapters: the rules live in src/domain/instruments. Output is one JSON object (or a table for the
// list); exit 0 for scored or incomplete, 2 with a message on stderr for invalid input.

import { EXIT_INVALID_INPUT, EXIT_OK, type CliCommand, type CliIo } from '../command.ts';
import {
  computeChange,
  describeInstrument,
  findInstrument,
  INSTRUMENTS,
  scoreRaw,
  type InstrumentDefinition,
  type Sex,
} from '../../domain/instruments/index.ts';

const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

const LIST_HELP = `Usage: painwise instruments [<id>]

Without an id: lists every instrument with its id, title and licence status.
  free      no permission is needed to present it to patients
  licensed  an organization admin must confirm a licence before patients see it in Painwise;
            scoring it (painwise score) is always allowed — a scoring rule is not the licensed part
With an id: prints the definition as JSON — item keys, allowed values with their labels, score
range, bands, clinically important change rule, LOINC codes, licence, source and the settings that
stand in for facts the sources leave unconfirmed.

Exit codes: 0 success, 2 unknown instrument.`;

const SCORE_HELP = `Usage: painwise score <id> --answers '<json>' [--sex female|male|other|unknown]

Scores one response exactly as published. <id> is an instrument id from "painwise instruments".
--answers maps each item key to its answer value, e.g. for PHQ-9:
  '{"1":1,"2":1,"3":2,"4":1,"5":0,"6":1,"7":0,"8":0,"9":0}'
Item keys are the published item numbers as strings ("1", "2" …) or, where a form has no
numbering, the keys listed by "painwise instruments <id>". Leave an item out (or null) when it was
not answered; yes/no items accept 0/1 or true/false. --sex is used by sex-weighted instruments (ORT).

Prints one JSON object:
  { "instrument", "version", "kind": "scored" | "incomplete", "score", "scores", "band", "flags", "missing" }
  score    the primary score (PHQ-9 total, PEG mean, ODI percent, STarT Back total, PROMIS T …),
           unrounded; null when incomplete
  scores   every named score and subscale
  band     kebab-case id of the published band (e.g. "moderately-severe") or null
  flags    e.g. "crisis" (PHQ-9 item 9 above 0), "item-9-unknown"
  missing  item keys not answered (allowed by the missing-item rule when scored; blocking when incomplete)

Exit codes: 0 scored or incomplete, 2 invalid input (message on stderr).`;

const CHANGE_HELP = `Usage: painwise change <id> --from <score> --to <score>

Clinically important change between two results of one instrument, direction-aware.
Prints { "absolute", "percent", "category" }:
  absolute  to − from (signed; a fall in pain from 8 to 5 is −3)
  percent   reduction from baseline, (from − to) / from × 100 (8 to 5 is 37.5; a rise is negative);
            null when from is 0 (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005)
  category  NRS and DVPRS intensity (IMMPACT, Dworkin 2008): "substantial" (≥ 50 % better),
            "moderate" (≥ 30 %), "minimal" (≥ 10 %), "none", or "worsened"; null at baseline 0.
            Instruments with an MCID (PEG 1, BPI interference 1, ODI 10 points or 30 %, PHQ-9 5,
            GAD-7 4, PROMIS T per setting): "improved", "worsened" or "none".
            null where the sources give no threshold or the baseline is 0 with no change.

Exit codes: 0 success, 2 invalid input.`;

function fail(io: CliIo, command: string, message: string): number {
  io.err(`painwise ${command}: ${message}\nRun "painwise ${command} --help" for usage.\n`);
  return EXIT_INVALID_INPUT;
}

function instrumentOrFail(io: CliIo, command: string, id: string | undefined): InstrumentDefinition | number {
  if (id === undefined || id.startsWith('-')) return fail(io, command, 'missing <id> (see "painwise instruments")');
  const d = findInstrument(id);
  return d ?? fail(io, command, `unknown instrument ${JSON.stringify(id)}; known: ${INSTRUMENTS.map((i) => i.id).join(', ')}`);
}

/** Parses `--name value` / `--name=value` flags; positional arguments are returned in order. */
function parseFlags(
  args: readonly string[],
  allowed: readonly string[],
): { positional: string[]; flags: Map<string, string>; help: boolean } | { error: string } {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { positional, flags, help: true };
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!allowed.includes(name)) return { error: `unknown option --${name}` };
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i++;
    }
    if (value === undefined) return { error: `--${name} needs a value` };
    if (flags.has(name)) return { error: `--${name} given more than once` };
    flags.set(name, value);
  }
  return { positional, flags, help: false };
}

export const instrumentsCommand: CliCommand = {
  name: 'instruments',
  summary: 'List validated instruments, or print one definition as JSON',
  help: LIST_HELP,
  async run(args, io) {
    const parsed = parseFlags(args, []);
    if ('error' in parsed) return fail(io, 'instruments', parsed.error);
    if (parsed.help) {
      io.out(`${LIST_HELP}\n`);
      return EXIT_OK;
    }
    if (parsed.positional.length > 1) return fail(io, 'instruments', 'expected at most one instrument id');
    if (parsed.positional.length === 1) {
      const d = instrumentOrFail(io, 'instruments', parsed.positional[0]);
      if (typeof d === 'number') return d;
      io.out(`${JSON.stringify(describeInstrument(d), null, 2)}\n`);
      return EXIT_OK;
    }
    const width = Math.max(...INSTRUMENTS.map((d) => d.id.length));
    const lines = INSTRUMENTS.map((d) => `${d.id.padEnd(width)}  ${d.licence.kind.padEnd(8)}  ${d.title}`);
    io.out(`${'id'.padEnd(width)}  licence   title\n${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'Score one instrument response exactly as published (JSON out)',
  help: SCORE_HELP,
  async run(args, io) {
    const parsed = parseFlags(args, ['answers', 'sex']);
    if ('error' in parsed) return fail(io, 'score', parsed.error);
    if (parsed.help) {
      io.out(`${SCORE_HELP}\n`);
      return EXIT_OK;
    }
    if (parsed.positional.length > 1) return fail(io, 'score', `unexpected argument ${JSON.stringify(parsed.positional[1])}`);
    const d = instrumentOrFail(io, 'score', parsed.positional[0]);
    if (typeof d === 'number') return d;
    const rawAnswers = parsed.flags.get('answers');
    if (rawAnswers === undefined) return fail(io, 'score', "missing --answers '<json>'");
    const sex = parsed.flags.get('sex');
    if (sex !== undefined && !SEXES.includes(sex as Sex)) return fail(io, 'score', `--sex must be one of ${SEXES.join(', ')}`);
    let answers: unknown;
    try {
      answers = JSON.parse(rawAnswers);
    } catch {
      return fail(io, 'score', '--answers is not valid JSON');
    }
    const outcome = scoreRaw(d, answers, sex === undefined ? {} : { sex: sex as Sex });
    if (!outcome.ok) return fail(io, 'score', `invalid answers for ${d.id}:\n${outcome.errors.map((e) => `  - ${e.message}`).join('\n')}`);
    const r = outcome.result;
    io.out(
      `${JSON.stringify(
        {
          instrument: d.id,
          version: d.version,
          kind: r.kind,
          score: r.kind === 'scored' ? r.score : null,
          scores: r.scores,
          band: r.kind === 'scored' ? r.band : null,
          flags: r.flags,
          missing: r.missing,
        },
        null,
        2,
      )}\n`,
    );
    return EXIT_OK;
  },
};

export const changeCommand: CliCommand = {
  name: 'change',
  summary: 'Clinically important change between two scores of one instrument',
  help: CHANGE_HELP,
  async run(args, io) {
    const parsed = parseFlags(args, ['from', 'to']);
    if ('error' in parsed) return fail(io, 'change', parsed.error);
    if (parsed.help) {
      io.out(`${CHANGE_HELP}\n`);
      return EXIT_OK;
    }
    if (parsed.positional.length > 1) return fail(io, 'change', `unexpected argument ${JSON.stringify(parsed.positional[1])}`);
    const d = instrumentOrFail(io, 'change', parsed.positional[0]);
    if (typeof d === 'number') return d;
    const values: number[] = [];
    for (const name of ['from', 'to'] as const) {
      const text = parsed.flags.get(name);
      if (text === undefined) return fail(io, 'change', `missing --${name} <score>`);
      const value = text.trim() === '' ? Number.NaN : Number(text);
      if (!Number.isFinite(value)) return fail(io, 'change', `--${name} must be a number`);
      if (value < d.scoreRange.min || value > d.scoreRange.max)
        return fail(io, 'change', `--${name} must be within ${d.shortTitle}'s range ${d.scoreRange.min}–${d.scoreRange.max}`);
      values.push(value);
    }
    const c = computeChange(d, values[0]!, values[1]!);
    io.out(`${JSON.stringify({ absolute: c.absolute, percent: c.percent, category: c.category }, null, 2)}\n`);
    return EXIT_OK;
  },
};
