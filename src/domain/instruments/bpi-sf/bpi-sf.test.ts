// BPI-SF interference change by the IMMPACT 1-point rule, worked by hand from Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form).
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { bpiSf } from './definition.ts';

describe('BPI-SF interference change (Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form); Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005)', () => {
  it('a 1-point drop 41/7 → 34/7 (5.86 → 4.86) meets the IMMPACT minimal threshold', () => {
    expect(computeChange(bpiSf, 41 / 7, 34 / 7)).toMatchObject({ absolute: -1, category: 'improved' });
  });
  it('a 0.75-point drop is not important; a 1-point rise is worsened', () => {
    expect(computeChange(bpiSf, 6.75, 6)).toMatchObject({ category: 'none' });
    expect(computeChange(bpiSf, 4, 5)).toMatchObject({ absolute: 1, category: 'worsened' });
  });
});
