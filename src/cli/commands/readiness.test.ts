// `painwise readiness` as an outside check uses it: the real CLI process (bin/painwise.js) for the golden
// cases L1–L8, the output's shape and the exit codes; the argument handling in-process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { COMMANDS } from './index.ts';
import { readinessCommand } from './readiness.ts';
import { READINESS_GOLDEN_CASES } from '../../domain/coverage/readiness.golden.ts';

const BIN = path.resolve(import.meta.dirname, '../../../bin/painwise.js');

/** Runs `painwise <args>` in a child Node process, as a user would. */
function painwise(args: readonly string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function inProcess(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await readinessCommand.run(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

type Output = { verdict: string; criteria: { id: string; status: string; detail: string; source: string }[] };

describe('painwise readiness (real process)', () => {
  it('is registered', () => {
    expect(COMMANDS).toContain(readinessCommand);
  });

  for (const c of READINESS_GOLDEN_CASES) {
    it(`golden ${c.name}`, () => {
      const r = painwise(['readiness', '--request', JSON.stringify(c.input)]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const output = JSON.parse(r.out) as Output;
      expect(Object.keys(output)).toEqual(['verdict', 'criteria']);
      expect(output.verdict).toBe(c.expected.verdict);
      for (const k of output.criteria) {
        expect(Object.keys(k)).toEqual(['id', 'status', 'detail', 'source']);
        expect(['met', 'not-met', 'missing']).toContain(k.status);
        expect(k.source).toMatch(/LCD|NCD|article/);
      }
      expect(Object.fromEntries(output.criteria.map((k) => [k.id, k.status]))).toMatchObject(c.expected.criteria);
    });
  }

  it('answers "missing-documentation" with exit 0 when only the procedure and date are known', () => {
    const r = painwise(['readiness', '--request={"procedure":"esi-caudal","date":"2026-03-02"}']);
    expect(r.code).toBe(0);
    const output = JSON.parse(r.out) as Output;
    expect(output.verdict).toBe('missing-documentation');
    expect(output.criteria.every((k) => k.status === 'missing')).toBe(true);
  });

  it('documents the request, the settings and the exit codes in --help', () => {
    const r = painwise(['readiness', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("painwise readiness --request '<json>'");
    for (const text of ['facet-rfa-repeat', 'conservativeCare', '--jurisdiction', 'UNCONFIRMED', 'Exit codes'])
      expect(r.out).toContain(text);
    expect(painwise(['--help']).out).toContain('readiness');
  });

  it('exits 2 with a message on invalid input', () => {
    const bad = painwise(['readiness', '--request', '{"procedure":"facet-rfa","date":"2026-03-02","levels":"two"}']);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('/levels must be a whole number of levels');
    const none = painwise(['readiness']);
    expect(none.code).toBe(2);
    expect(none.err).toContain("missing --request '<json>'");
  });
});

describe('painwise readiness arguments', () => {
  const invalid: [string, readonly string[], RegExp][] = [
    ['unknown argument', ['--request', '{}', '--fast'], /unknown argument "--fast"/],
    ['a flag without its value', ['--request'], /--request needs a value/],
    ['bad JSON', ['--request', '{procedure:'], /not valid JSON/],
    ['not an object', ['--request', '[]'], /\(the request\) must be a JSON object/],
    ['missing procedure', ['--request', '{"date":"2026-03-02"}'], /\/procedure is required/],
    ['unknown procedure', ['--request', '{"procedure":"vertebroplasty","date":"2026-03-02"}'], /\/procedure must be one of/],
    ['typo field', ['--request', '{"procedure":"scs-trial","date":"2026-03-02","patinet":{}}'], /\/patinet is not a known field/],
    [
      'NRS out of range',
      ['--request', '{"procedure":"scs-trial","date":"2026-03-02","patient":{"baselinePain":{"scale":"nrs","value":12}}}'],
      /at most 10/,
    ],
    [
      'history after the planned date',
      [
        '--request',
        '{"procedure":"facet-rfa","date":"2026-03-02","history":[{"procedure":"facet-mbb","date":"2026-04-01","region":"lumbar"}]}',
      ],
      /after the planned date/,
    ],
    ['unknown jurisdiction', ['--request', '{}', '--jurisdiction', 'J99'], /--jurisdiction must be one of/],
    ['unknown ESI LCD', ['--request', '{}', '--esi-lcd', 'L1'], /--esi-lcd must be one of/],
    ['negative hours', ['--request', '{}', '--min-block-relief-hours', '-1'], /zero or more/],
    ['a setting twice', ['--request', '{}', '--scs-lcd', 'L36204', '--scs-lcd=L35136'], /given more than once/],
  ];
  for (const [name, args, message] of invalid) {
    it(`exits 2 on ${name}`, async () => {
      const r = await inProcess(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    });
  }

  it('applies the settings to the sources', async () => {
    const request = JSON.stringify({ procedure: 'facet-mbb', date: '2026-03-02' });
    const r = await inProcess(['--request', request, '--jurisdiction=JF']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Output).criteria[0]!.source).toContain('LCD L38803');
    const esi = await inProcess(['--request', JSON.stringify({ procedure: 'esi-caudal', date: '2026-03-02' }), '--esi-lcd', 'L33906']);
    expect((JSON.parse(esi.out) as Output).criteria[0]!.source).toContain('LCD L33906');
  });
});
