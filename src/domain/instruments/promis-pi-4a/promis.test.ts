// The four PROMIS summed-score tables (https://www.healthmeasures.net/explore-measurement-systems/promis): one row per possible raw score, T strictly
// increasing with the raw score (so every form is monotone), the score range is the table's ends; and the
// T-score MID of 2 points (Chen 2018, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures) applied direction-aware.
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { PI_4A_TABLE, promisPi4a } from './definition.ts';
import { PI_6A_TABLE, promisPi6a } from '../promis-pi-6a/definition.ts';
import { PF_6B_TABLE, promisPf6b } from '../promis-pf-6b/definition.ts';
import { PAIN_INTENSITY_3A_TABLE, promisPainIntensity3a } from '../promis-pain-intensity-3a/definition.ts';

const FORMS = [
  [promisPi4a, PI_4A_TABLE],
  [promisPi6a, PI_6A_TABLE],
  [promisPf6b, PF_6B_TABLE],
  [promisPainIntensity3a, PAIN_INTENSITY_3A_TABLE],
] as const;

describe.each(FORMS.map(([d, t]) => [d.id, d, t] as const))('%s table', (_id, definition, table) => {
  it('has one T and SE per raw score from n to 5n', () => {
    const n = definition.items.length;
    expect(table.minRaw).toBe(n);
    expect(table.t).toHaveLength(4 * n + 1);
    expect(table.se).toHaveLength(4 * n + 1);
    for (const item of definition.items) expect(item.options.map((o) => o.value).sort()).toEqual([1, 2, 3, 4, 5]);
  });
  it('T rises strictly with the raw score and the score range is its ends', () => {
    for (let i = 1; i < table.t.length; i++) expect(table.t[i]!).toBeGreaterThan(table.t[i - 1]!);
    expect(definition.scoreRange).toEqual({ min: table.t[0], max: table.t.at(-1) });
    for (const se of table.se) expect(se).toBeGreaterThan(0);
  });
});

describe('PROMIS T-score change (MID 2 points, Chen 2018, J Pain, https://minnesota-staging.pure.elsevier.com/en/publications/estimating-minimally-important-differences-for-the-promis-pain-in; https://www.healthmeasures.net/explore-measurement-systems/promis/obtain-administer-measures)', () => {
  it('PI: a 2-point fall is an improvement, 1.3 is not', () => {
    expect(computeChange(promisPi4a, 61.2, 59.2)).toMatchObject({ category: 'improved' });
    expect(computeChange(promisPi4a, 61.2, 59.9)).toMatchObject({ category: 'none' });
  });
  it('PF: higher is better, so a 2-point rise is an improvement and a fall a worsening', () => {
    expect(computeChange(promisPf6b, 36.8, 38.8)).toMatchObject({ category: 'improved' });
    expect(computeChange(promisPf6b, 36.8, 34.3)).toMatchObject({ category: 'worsened' });
  });
  it('PF and pain intensity mark the borrowed MID as unconfirmed', () => {
    expect(promisPf6b.change).toMatchObject({ kind: 'threshold', points: 2, unconfirmed: true });
    expect(promisPainIntensity3a.change).toMatchObject({ kind: 'threshold', points: 2, unconfirmed: true });
    expect(promisPi6a.change).toMatchObject({ kind: 'threshold', points: 2 });
    expect(promisPi6a.change).not.toHaveProperty('unconfirmed');
  });
});
