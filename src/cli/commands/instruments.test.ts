// The instruments CLI as outside checks use it: every golden case through `painwise score`, the JSON
// shape, exit codes, `painwise change` on Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005, and `painwise instruments`.
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { COMMANDS } from './index.ts';
import { changeCommand, instrumentsCommand, scoreCommand } from './instruments.ts';
import { INSTRUMENTS, INSTRUMENT_GOLDEN } from '../../domain/instruments/index.ts';

async function run(command: typeof scoreCommand, args: readonly string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await command.run(args, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('painwise score', () => {
  it('is registered with instruments and change', () => {
    expect(COMMANDS).toEqual(expect.arrayContaining([scoreCommand, instrumentsCommand, changeCommand]));
  });

  for (const d of INSTRUMENTS) {
    for (const g of INSTRUMENT_GOLDEN.get(d.id) ?? []) {
      it(`${d.id}: ${g.name}`, async () => {
        const args = [d.id, '--answers', JSON.stringify(g.answers), ...(g.context?.sex ? ['--sex', g.context.sex] : [])];
        const r = await run(scoreCommand, args);
        if (g.expected.kind === 'invalid') {
          expect(r.code).toBe(2);
          expect(r.err).toContain(`"${g.expected.item}"`);
          expect(r.out).toBe('');
          return;
        }
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        const output = JSON.parse(r.out) as Record<string, unknown>;
        expect(Object.keys(output)).toEqual(['instrument', 'version', 'kind', 'score', 'scores', 'band', 'flags', 'missing']);
        expect(output.instrument).toBe(d.id);
        expect(output.kind).toBe(g.expected.kind);
        if (g.expected.kind === 'scored') {
          expect(output.score as number).toBeCloseTo(g.expected.score, 2);
          expect(output.band).toBe(g.expected.band);
        } else {
          expect(output.score).toBeNull();
          expect(output.band).toBeNull();
          expect([...(output.missing as string[])].sort()).toEqual([...g.expected.missing].sort());
        }
      });
    }
  }

  it('answers invalid JSON, unknown instruments and bad --sex with exit 2 and a message', async () => {
    for (const args of [
      ['phq-9', '--answers', '{'],
      ['nope', '--answers', '{}'],
      ['phq-9'],
      ['phq-9', '--answers', '{}', '--sex', 'x'],
      ['phq-9', '--answers', '[]'],
      ['phq-9', '--bogus', '1'],
    ]) {
      const r = await run(scoreCommand, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^painwise score: /);
      expect(r.out).toBe('');
    }
  });

  it('prints help with exit 0', async () => {
    const r = await run(scoreCommand, ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: painwise score <id>');
  });
});

describe('painwise change', () => {
  // Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 (IMMPACT / Farrar), its columns as printed: Δ points (to − from) and Δ % (reduction from baseline).
  const g1 = [
    { from: 8, to: 5, absolute: -3, percent: 37.5, category: 'moderate' },
    { from: 7, to: 5, absolute: -2, percent: 28.5714285714, category: 'minimal' },
    { from: 8, to: 4, absolute: -4, percent: 50, category: 'substantial' },
    { from: 0, to: 0, absolute: 0, percent: null, category: null },
  ];
  it('the NRS is registered (the Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 cases below need it)', () => {
    expect(INSTRUMENTS.map((d) => d.id)).toContain('nrs');
  });

  it.each(g1)(
    'NRS $from → $to (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005)',
    async (c) => {
      const r = await run(changeCommand, ['nrs', '--from', String(c.from), '--to', String(c.to)]);
      expect(r.code).toBe(0);
      const output = JSON.parse(r.out) as { absolute: number; percent: number | null; category: string | null };
      expect(output.absolute).toBe(c.absolute);
      if (c.percent === null) expect(output.percent).toBeNull();
      else expect(output.percent).toBeCloseTo(c.percent, 6);
      expect(output.category).toBe(c.category);
    },
  );

  it('PHQ-9 15 → 10 is an important improvement (5 points, Löwe 2004)', async () => {
    const r = await run(changeCommand, ['phq-9', '--from', '15', '--to', '10']);
    expect(JSON.parse(r.out)).toMatchObject({ absolute: -5, percent: expect.closeTo(33.33, 2) as unknown, category: 'improved' });
  });

  it('refuses scores outside the range or not numbers', async () => {
    for (const args of [
      ['phq-9', '--from', '30', '--to', '1'],
      ['phq-9', '--from', 'x', '--to', '1'],
      ['phq-9', '--to', '1'],
      ['phq-9', '--from', '', '--to', '1'],
    ]) {
      const r = await run(changeCommand, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^painwise change: /);
    }
  });
});

describe('painwise instruments', () => {
  it('lists every instrument with its licence status', async () => {
    const r = await run(instrumentsCommand, []);
    expect(r.code).toBe(0);
    for (const d of INSTRUMENTS) expect(r.out).toMatch(new RegExp(`^${d.id} +${d.licence.kind} `, 'm'));
  });
  it('prints one definition as JSON with item keys and allowed values', async () => {
    const r = await run(instrumentsCommand, ['phq-9']);
    const d = JSON.parse(r.out) as { id: string; items: { key: string; options: { value: number }[] }[] };
    expect(d.id).toBe('phq-9');
    expect(d.items.map((i) => i.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(d.items[8]!.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect((await run(instrumentsCommand, ['nope'])).code).toBe(2);
  });
});
