// Clinically important change. Expected values worked by hand from Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 (NRS / IMMPACT),
// Cleeland, Brief Pain Inventory, https://www.commondataelements.ninds.nih.gov/report-viewer/25216/Brief%2520Pain%2520Inventory%2520(Short%2520Form) (BPI interference 1 point), Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x (PHQ-9 5 points), Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 (ODI 10 points or 30 %).
import { describe, expect, it } from 'vitest';
import { computeChange } from './change.ts';
import { findInstrument } from './index.ts';

/** The registered definition; fails (never skips) if the instrument leaves the registry. */
const def = (id: string) => {
  const d = findInstrument(id);
  expect(d, `${id} must stay registered`).toBeDefined();
  return d!;
};

describe('computeChange — threshold rules', () => {
  it('PHQ-9: a 5-point fall is an improvement, 4 is not (Löwe 2004)', () => {
    expect(computeChange(def('phq-9'), 15, 10)).toMatchObject({ absolute: -5, category: 'improved' });
    expect(computeChange(def('phq-9'), 15, 11)).toMatchObject({ absolute: -4, category: 'none' });
    expect(computeChange(def('phq-9'), 5, 12)).toMatchObject({ absolute: 7, percent: -140, category: 'worsened' });
  });
  it('PEG: 1 point either way is important', () => {
    expect(computeChange(def('peg'), 6, 5)).toMatchObject({ absolute: -1, category: 'improved' });
    expect(computeChange(def('peg'), 5, 5.5)).toMatchObject({ category: 'none' });
    expect(computeChange(def('peg'), 0, 0)).toMatchObject({ absolute: 0, percent: null, category: 'none' });
  });
});

describe('computeChange — IMMPACT percent rule at baseline 0', () => {
  it('a rise from 0 is worsened; 0 → 0 has no category (Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005)', () => {
    expect(computeChange(def('nrs'), 0, 8)).toMatchObject({ absolute: 8, percent: null, category: 'worsened' });
    expect(computeChange(def('nrs'), 0, 0)).toMatchObject({ absolute: 0, percent: null, category: null });
  });
});

describe('computeChange — ODI 10 points or 30 % improvement (Ostelo 2008, Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017)', () => {
  it('30 % counts for improvement; a rise needs 10 points', () => {
    expect(computeChange(def('odi'), 20, 14)).toMatchObject({ absolute: -6, percent: 30, category: 'improved' });
    expect(computeChange(def('odi'), 4, 6)).toMatchObject({ absolute: 2, percent: -50, category: 'none' });
    expect(computeChange(def('odi'), 30, 40)).toMatchObject({ absolute: 10, category: 'worsened' });
  });
});
