// NRS change by the IMMPACT percent rule, worked by hand from Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005.
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { nrs } from './definition.ts';

describe('NRS change (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005)', () => {
  it('8 → 5: −3 points, 37.5 % less → moderate (≥ 30 %)', () => {
    expect(computeChange(nrs, 8, 5)).toMatchObject({ absolute: -3, percent: 37.5, category: 'moderate' });
  });
  it("7 → 5: −2 points, 28.6 % less → minimal (≥ 10 %, < 30 %): the product uses the percent rule, not Farrar's 2 points", () => {
    const change = computeChange(nrs, 7, 5);
    expect(change).toMatchObject({ absolute: -2, category: 'minimal' });
    expect(change.percent).toBeCloseTo(28.57, 2);
  });
  it('8 → 4: 50 % less → substantial', () => {
    expect(computeChange(nrs, 8, 4)).toMatchObject({ absolute: -4, percent: 50, category: 'substantial' });
  });
  it('0 → 0: percent undefined → category null', () => {
    expect(computeChange(nrs, 0, 0)).toMatchObject({ absolute: 0, percent: null, category: null });
  });
  it('an increase is worsened', () => {
    expect(computeChange(nrs, 4, 6)).toMatchObject({ absolute: 2, percent: -50, category: 'worsened' });
  });
});
