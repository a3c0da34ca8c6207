// GAD-7 change by the 4-point MCID (Toussaint 2020, Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092).
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { gad7 } from './definition.ts';

describe('GAD-7 change (4 points)', () => {
  it('a 4-point fall is improved, 3 is not, a 4-point rise is worsened', () => {
    expect(computeChange(gad7, 15, 11)).toMatchObject({ absolute: -4, category: 'improved' });
    expect(computeChange(gad7, 15, 12)).toMatchObject({ absolute: -3, category: 'none' });
    expect(computeChange(gad7, 5, 9)).toMatchObject({ absolute: 4, category: 'worsened' });
  });
  it('prorated values compare unrounded: 11.2 → 7.2 is a 4-point fall', () => {
    expect(computeChange(gad7, 11.2, 7.2)).toMatchObject({ absolute: -4, category: 'improved' });
  });
});
