import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from './grade.ts';
import { COMMANDS } from './index.ts';
import type { CliIo } from '../command.ts';
import { NEUROPATHIC_GOLDEN_CASES, NOCIPLASTIC_GOLDEN_CASES } from '../../domain/mechanism/mechanism.golden.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', '..', 'bin', 'painwise.js');

async function grade(args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await gradeCommand.run(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

/** The real `painwise` process, as `npx painwise` starts it. */
function painwise(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, out: stdout, err: stderr });
    });
  });
}

type Output = { grade: string; criteria: { id: string; answer: string; detail: string; source: string }[] };

describe('painwise grade (in process)', () => {
  it('is registered', () => {
    expect(COMMANDS).toContain(gradeCommand);
  });

  const cases = [
    ...NEUROPATHIC_GOLDEN_CASES.map((c) => ['neuropathic', c] as const),
    ...NOCIPLASTIC_GOLDEN_CASES.map((c) => ['nociplastic', c] as const),
  ];
  for (const [mechanism, c] of cases) {
    it(`golden ${mechanism}: ${c.name}`, async () => {
      const r = await grade([mechanism, '--findings', JSON.stringify(c.input)]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const output = JSON.parse(r.out) as Output;
      expect(Object.keys(output)).toEqual(['grade', 'criteria']);
      expect(output.grade).toBe(c.expected.grade);
      expect(output.criteria.map((k) => k.answer)).toEqual(c.expected.answers);
      for (const k of output.criteria) expect(Object.keys(k)).toEqual(['id', 'answer', 'detail', 'source']);
    });
  }

  it('accepts --findings=<json> and reads missing keys as not assessed', async () => {
    const r = await grade(['nociplastic', '--findings={"durationMonths":3,"regional":true,"notEntirelyExplained":true}']);
    expect(r.code).toBe(0);
    const output = JSON.parse(r.out) as Output;
    expect(output.grade).toBe('unlikely');
    expect(output.criteria.map((k) => k.answer)).toEqual(['yes', 'yes', 'yes', 'not-assessed', 'not-assessed', 'not-assessed']);
  });

  const invalid: [string, readonly string[], RegExp][] = [
    ['no arguments', [], /missing mechanism/],
    ['no findings', ['neuropathic'], /missing --findings/],
    ['unknown mechanism', ['nociceptive', '--findings', '{}'], /unknown mechanism "nociceptive"/],
    ['inherited property name', ['constructor', '--findings', '{}'], /unknown mechanism/],
    ['two mechanisms', ['neuropathic', 'nociplastic', '--findings', '{}'], /unexpected argument "nociplastic"/],
    ['unknown option', ['neuropathic', '--findings', '{}', '--fast'], /unknown argument "--fast"/],
    ['findings twice', ['neuropathic', '--findings', '{}', '--findings', '{}'], /more than once/],
    ['findings without value', ['neuropathic', '--findings'], /needs a JSON value/],
    ['bad JSON', ['neuropathic', '--findings', '{history:'], /not valid JSON/],
    ['an array', ['neuropathic', '--findings', '[]'], /JSON object/],
    ['a typo', ['neuropathic', '--findings', '{"sensorysigns":true}'], /sensorysigns is not a known finding/],
    ['a string answer', ['neuropathic', '--findings', '{"sensorySigns":"yes"}'], /sensorySigns must be true, false or null/],
    ['a neuropathic key for nociplastic', ['nociplastic', '--findings', '{"sensorySigns":true}'], /not a known finding/],
    ['negative duration', ['nociplastic', '--findings', '{"durationMonths":-3}'], /durationMonths must be between/],
    ['unknown comorbidity', ['nociplastic', '--findings', '{"comorbidities":["insomnia"]}'], /comorbidities\[0\] must be one of/],
  ];
  for (const [name, args, message] of invalid) {
    it(`exits 2 on ${name}`, async () => {
      const r = await grade(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    });
  }
});

// A process start takes seconds on a loaded machine; each test waits longer than the default for it.
describe('npx painwise grade (real process)', { timeout: 90_000 }, () => {
  it('neuropathic example: signs false, test true → probable', async () => {
    const r = await painwise([
      'grade',
      'neuropathic',
      '--findings',
      '{"historySuggestive":true,"distributionPlausible":true,"sensorySigns":false,"confirmatoryTest":true}',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const output = JSON.parse(r.out) as Output;
    expect(output.grade).toBe('probable');
    expect(output.criteria.map((k) => [k.id, k.answer])).toEqual([
      ['history-suggestive', 'yes'],
      ['distribution-plausible', 'yes'],
      ['sensory-signs', 'no'],
      ['confirmatory-test', 'yes'],
    ]);
  });

  it('nociplastic example: all six criteria → probable', async () => {
    const r = await painwise([
      'grade',
      'nociplastic',
      '--findings',
      '{"durationMonths":6,"regional":true,"notEntirelyExplained":true,"clinicalHypersensitivity":true,"historyOfHypersensitivity":true,"comorbidities":["sleep-disturbance"]}',
    ]);
    expect(r.code).toBe(0);
    const output = JSON.parse(r.out) as Output;
    expect(output.grade).toBe('probable');
    expect(output.criteria.map((k) => k.id)).toEqual([
      'duration',
      'regional',
      'not-entirely-explained',
      'clinical-hypersensitivity',
      'history-of-hypersensitivity',
      'comorbidity',
    ]);
  });

  it('exits 2 with a message on stderr and nothing on stdout for invalid findings', async () => {
    const r = await painwise(['grade', 'nociplastic', '--findings', '{"durationMonths":"six"}']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/durationMonths must be a number/);
  });

  it('exits 2 on JSON that does not parse', async () => {
    const r = await painwise(['grade', 'neuropathic', '--findings', '{']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not valid JSON/);
  });

  it('documents both mechanisms in --help and is listed by painwise --help', async () => {
    const help = await painwise(['grade', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain("painwise grade neuropathic|nociplastic --findings '<json>'");
    expect(help.out).toContain('sleep-disturbance');
    expect(help.out).toContain('footnote c');
    const top = await painwise(['--help']);
    expect(top.out).toMatch(/grade\s+Grade neuropathic/);
  });
});
