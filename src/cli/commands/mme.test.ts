import { describe, expect, it } from 'vitest';
import { mmeCommand } from './mme.ts';
import { COMMANDS } from './index.ts';
import type { CliIo } from '../command.ts';
import { MME_GOLDEN_CASES } from '../../domain/medications/mme.golden.ts';

function makeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function mme(args: readonly string[]) {
  const t = makeIo();
  const code = await mmeCommand.run(args, t.io);
  return { code, out: t.out(), err: t.err() };
}

describe('painwise mme', () => {
  it('is registered', () => {
    expect(COMMANDS).toContain(mmeCommand);
  });

  for (const c of MME_GOLDEN_CASES) {
    it(`golden ${c.name}`, async () => {
      const r = await mme(['--regimen', JSON.stringify(c.input)]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const output = JSON.parse(r.out) as {
        totalMme: number;
        perDrug: unknown[];
        notCalculable: { drug: string }[];
        flags: { id: string; message: string; source: string }[];
      };
      expect(Object.keys(output)).toEqual(['totalMme', 'perDrug', 'notCalculable', 'flags']);
      expect(output.totalMme).toBe(c.expected.totalMme);
      expect(output.perDrug).toEqual(c.expected.perDrug);
      expect(output.notCalculable.map((n) => n.drug)).toEqual(c.expected.notCalculable);
      expect(output.flags.map((f) => f.id).sort()).toEqual([...c.expected.flags].sort());
      for (const f of output.flags) expect(Object.keys(f)).toEqual(['id', 'message', 'source']);
    });
  }

  it('accepts --regimen=<json> and the example from the issue', async () => {
    const json =
      '{ "items": [ { "drug": "oxycodone", "doseMg": 10, "perDay": 6, "prn": false, "acetaminophenMg": 325 } ], "patient": { "age": 70 } }';
    const r = await mme([`--regimen=${json}`]);
    expect(r.code).toBe(0);
    const output = JSON.parse(r.out);
    expect(output.totalMme).toBe(90);
    expect(output.flags.map((f: { id: string }) => f.id)).toEqual([
      'mme-at-least-50',
      'mme-at-least-90',
      'older-adult-caution',
      'naloxone-not-on-list',
    ]);
  });

  it('prints help', async () => {
    const r = await mme(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("painwise mme --regimen '<json>'");
    expect(r.out).toContain('doseMcgPerHour');
  });

  const invalid: [string, readonly string[], RegExp][] = [
    ['no arguments', [], /missing --regimen/],
    ['unknown argument', ['--regimen', '{}', '--fast'], /unknown argument/],
    ['bad JSON', ['--regimen', '{items:'], /not valid JSON/],
    ['not an object', ['--regimen', '[]'], /JSON object/],
    ['missing items', ['--regimen', '{}'], /items is required/],
    ['unknown drug', ['--regimen', '{"items":[{"drug":"unobtainium","doseMg":1,"perDay":1}]}'], /"unobtainium" is not in the formulary/],
    ['negative dose', ['--regimen', '{"items":[{"drug":"oxycodone","doseMg":-5,"perDay":2}]}'], /doseMg must be positive/],
    ['missing dose', ['--regimen', '{"items":[{"drug":"oxycodone","perDay":2}]}'], /doseMg is required/],
    ['missing perDay', ['--regimen', '{"items":[{"drug":"morphine","doseMg":15}]}'], /perDay is required/],
    ['patch given doseMg', ['--regimen', '{"items":[{"drug":"fentanyl-transdermal","doseMg":25}]}'], /doseMcgPerHour/],
    [
      'combination without acetaminophen content',
      ['--regimen', '{"items":[{"drug":"hydrocodone-acetaminophen","doseMg":5,"perDay":4}]}'],
      /acetaminophenMg is required/,
    ],
    ['string dose', ['--regimen', '{"items":[{"drug":"oxycodone","doseMg":"10","perDay":2}]}'], /doseMg must be a number/],
    ['too many decimals', ['--regimen', '{"items":[{"drug":"oxycodone","doseMg":0.30000000000000004,"perDay":2}]}'], /decimal places/],
    ['typo field', ['--regimen', '{"items":[{"drug":"oxycodone","dose":10,"perDay":2}]}'], /items\[0\]\.dose is not a known field/],
    ['bad patient fact', ['--regimen', '{"items":[],"patient":{"age":"old"}}'], /patient\.age/],
    ['huge dose', ['--regimen', '{"items":[{"drug":"methadone","doseMg":9999999,"perDay":999}]}'], /too large/],
  ];
  for (const [name, args, message] of invalid) {
    it(`exits 2 on ${name}`, async () => {
      const r = await mme(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    });
  }
});
