// ODI change categories by the Ostelo 2008 rule (10 points or 30 % of baseline, Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017),
// worked by hand.
import { describe, expect, it } from 'vitest';
import { computeChange } from '../change.ts';
import { odi } from './definition.ts';

describe('ODI change (10 points or 30 %)', () => {
  it('40 → 30: −10 points → improved', () => {
    expect(computeChange(odi, 40, 30)).toMatchObject({ absolute: -10, percent: 25, category: 'improved' });
  });
  it('20 → 14: −6 points but 30 % less → improved', () => {
    expect(computeChange(odi, 20, 14)).toMatchObject({ absolute: -6, percent: 30, category: 'improved' });
  });
  it('50 → 42: −8 points, 16 % less → none', () => {
    expect(computeChange(odi, 50, 42)).toMatchObject({ absolute: -8, percent: 16, category: 'none' });
  });
  it('32 → 42: +10 points → worsened', () => {
    expect(computeChange(odi, 32, 42)).toMatchObject({ absolute: 10, category: 'worsened' });
  });
});
