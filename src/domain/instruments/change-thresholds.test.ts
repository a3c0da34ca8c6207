// Boundary tests for clinically important change: the IMMPACT percent categories and every
// instrument's MCID, generated from the tables the code reads (IMMPACT_PERCENT_CATEGORIES and each
// definition's change rule) at the threshold itself and one step (0.1 point, or 1 percentage point)
// either side, in both directions. The published values are asserted separately.
//
// Sources:
// - IMMPACT: Dworkin RH et al. Interpreting the clinical importance of treatment outcomes in chronic
//   pain clinical trials: IMMPACT recommendations. J Pain 2008;9:105–121, https://doi.org/10.1016/j.jpain.2007.09.005
//   (10–20 % minimally, ≥ 30 % moderately, ≥ 50 % substantially important; BPI interference 1 point).
//   Farrar JT et al. Pain 2001;94:149 (≈ 30 % reduction), https://pubmed.ncbi.nlm.nih.gov/11690728/
// - PHQ-9 5 points: Löwe B et al. Med Care 2004;42:1194, https://doi.org/10.1097/00005650-200412000-00006
// - GAD-7 4 points: Toussaint A et al. J Affect Disord 2020;265:395, https://doi.org/10.1016/j.jad.2020.01.032
// - PEG 1 point (anchor-based MID mostly 1.0–1.75): Reed DE et al. J Pain 2023;25:142, https://pmc.ncbi.nlm.nih.gov/articles/PMC10859144/
// - ODI 10 points or 30 % improvement: Ostelo RWJG, Deyo RA, Stratford P, et al. Spine 2008;33(1):90–94
// - PROMIS 2 T-score points (MID 2–3 in chronic pain): Chen CX et al. J Pain 2018,
//   https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in
//   (applied to physical function and pain intensity as an UNCONFIRMED setting).
import { describe, expect, it } from 'vitest';
import { IMMPACT_PERCENT_CATEGORIES, computeChange, type ChangeCategory } from './change.ts';
import { INSTRUMENTS } from './index.ts';
import type { InstrumentDefinition } from './model.ts';

const round = (x: number): number => Number.parseFloat(x.toPrecision(12));

/** The IMMPACT category of a percent improvement, read from the table (highest first, inclusive). */
function immpactByTable(improvementPct: number): ChangeCategory {
  const met = IMMPACT_PERCENT_CATEGORIES.find((c) => improvementPct >= c.fromPercent);
  return met ? met.category : improvementPct < 0 ? 'worsened' : 'none';
}

const IMMPACT_INSTRUMENTS = INSTRUMENTS.filter((d) => d.change.kind === 'immpact-percent');
const THRESHOLD_INSTRUMENTS = INSTRUMENTS.filter((d) => d.change.kind === 'threshold');

describe('IMMPACT percent categories: each cut-off and one percentage point either side (generated)', () => {
  // From a baseline of 10, each percentage point of improvement is 0.1 point.
  const cases = IMMPACT_INSTRUMENTS.flatMap((d) =>
    IMMPACT_PERCENT_CATEGORIES.flatMap((c) =>
      [c.fromPercent - 1, c.fromPercent, c.fromPercent + 1].map((pct) => ({
        instrument: d.id,
        definition: d,
        cutOff: `${c.category} ≥ ${c.fromPercent} %`,
        pct,
        from: 10,
        to: round(d.direction === 'lower-is-better' ? 10 - pct / 10 : 10 + pct / 10),
        expected: immpactByTable(pct),
      })),
    ),
  );

  it('applies to at least the pain NRS', () => {
    expect(IMMPACT_INSTRUMENTS.map((d) => d.id)).toContain('nrs');
  });

  it.each(cases)('$instrument: $cutOff — $pct % ($from → $to) is $expected', ({ definition, from, to, pct, expected }) => {
    expect(computeChange(definition, from, to)).toMatchObject({ percent: pct, category: expected });
  });

  it("whole-point NRS changes at the cut-offs (instruments' worked examples: 10 → 7 is 30 %, 8 → 4 is 50 %)", () => {
    const nrs = IMMPACT_INSTRUMENTS.find((d) => d.id === 'nrs')!;
    expect(computeChange(nrs, 10, 9).category).toBe('minimal');
    expect(computeChange(nrs, 10, 7).category).toBe('moderate');
    expect(computeChange(nrs, 8, 4).category).toBe('substantial');
    expect(computeChange(nrs, 7, 5)).toMatchObject({ category: 'minimal' }); // 28.6 %: below 30 %
    expect(computeChange(nrs, 10, 10).category).toBe('none');
    expect(computeChange(nrs, 5, 6).category).toBe('worsened');
  });

  it('the published IMMPACT cut-offs (Dworkin 2008)', () => {
    expect(IMMPACT_PERCENT_CATEGORIES).toEqual([
      { category: 'substantial', fromPercent: 50 },
      { category: 'moderate', fromPercent: 30 },
      { category: 'minimal', fromPercent: 10 },
    ]);
  });
});

/** Mid-range: room for the threshold either way, and (ODI) far enough up that the percent clause is not met first. */
const midRange = (d: InstrumentDefinition): number => (d.scoreRange.min + d.scoreRange.max) / 2;
/** A baseline low enough that the percent clause is met before the points. */
const percentBaseline = (points: number, percent: number): number => round(((points * 100) / percent) * 0.6);

describe('MCID thresholds: the value itself and 0.1 point either side, improving and worsening (generated)', () => {
  const STEP = 0.1;
  const cases = THRESHOLD_INSTRUMENTS.flatMap((d) => {
    const rule = d.change as Extract<InstrumentDefinition['change'], { kind: 'threshold' }>;
    const from = midRange(d);
    return (['improving', 'worsening'] as const).flatMap((way) =>
      [rule.points - STEP, rule.points, rule.points + STEP].map((magnitude) => {
        const down = (way === 'improving') === (d.direction === 'lower-is-better');
        const important = magnitude >= rule.points;
        return {
          instrument: d.id,
          definition: d,
          way,
          from,
          to: round(down ? from - magnitude : from + magnitude),
          magnitude: round(magnitude),
          points: rule.points,
          expected: !important ? 'none' : way === 'improving' ? 'improved' : 'worsened',
        };
      }),
    );
  });

  it.each(cases)('$instrument: ≥ $points points, $way by $magnitude ($from → $to) is $expected', ({ definition, from, to, expected }) => {
    expect(computeChange(definition, from, to).category).toBe(expected);
  });

  const percentCases = THRESHOLD_INSTRUMENTS.flatMap((d) => {
    const rule = d.change as Extract<InstrumentDefinition['change'], { kind: 'threshold' }>;
    if (rule.percent === undefined) return [];
    const from = percentBaseline(rule.points, rule.percent);
    const sign = d.direction === 'lower-is-better' ? -1 : 1;
    return [rule.percent - 1, rule.percent, rule.percent + 1].map((pct) => ({
      instrument: d.id,
      definition: d,
      percent: rule.percent,
      pct,
      from,
      to: round(from + (sign * pct * from) / 100),
      expected: pct >= rule.percent! ? 'improved' : 'none',
    }));
  });

  it.each(percentCases)(
    '$instrument: ≥ $percent % improvement, $pct % ($from → $to) is $expected',
    ({ definition, from, to, expected }) => {
      expect(computeChange(definition, from, to).category).toBe(expected);
    },
  );

  it('a percent clause never makes a rise important on its own', () => {
    for (const c of percentCases) {
      const rise = round(c.from - (c.to - c.from));
      expect(computeChange(c.definition, c.from, rise).category, c.instrument).toBe('none');
    }
  });
});

describe('MCID thresholds: published values', () => {
  const PUBLISHED: Readonly<Record<string, { kind: string; points?: number; percent?: number }>> = {
    nrs: { kind: 'immpact-percent' },
    dvprs: { kind: 'immpact-percent' },
    'phq-9': { kind: 'threshold', points: 5 },
    'gad-7': { kind: 'threshold', points: 4 },
    'bpi-sf': { kind: 'threshold', points: 1 },
    peg: { kind: 'threshold', points: 1 },
    odi: { kind: 'threshold', points: 10, percent: 30 },
    'promis-pi-4a': { kind: 'threshold', points: 2 },
    'promis-pi-6a': { kind: 'threshold', points: 2 },
    'promis-pf-6b': { kind: 'threshold', points: 2 },
    'promis-pain-intensity-3a': { kind: 'threshold', points: 2 },
    pgic: { kind: 'rating' },
  };

  it('every instrument with a change rule has its published value here; the rest have none', () => {
    const withRule = INSTRUMENTS.filter((d) => d.change.kind !== 'none')
      .map((d) => d.id)
      .sort();
    expect(withRule).toEqual(Object.keys(PUBLISHED).sort());
  });

  it.each(Object.entries(PUBLISHED))('%s', (id, want) => {
    const d = INSTRUMENTS.find((x) => x.id === id);
    expect(d, `${id} must stay registered`).toBeDefined();
    const rule = d!.change;
    expect(rule.kind).toBe(want.kind);
    if (rule.kind === 'threshold') {
      expect(rule.points).toBe(want.points);
      expect(rule.percent).toBe(want.percent);
    }
  });
});
