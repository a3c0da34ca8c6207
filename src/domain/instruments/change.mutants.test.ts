// Clinically important change at the edges of each rule, worked by hand from the published rules:
// - IMMPACT: Dworkin RH et al. Interpreting the clinical importance of treatment outcomes in chronic
//   pain clinical trials: IMMPACT recommendations. J Pain 2008;9:105, doi 10.1016/j.jpain.2007.09.005 —
//   pain intensity decrease of 10–20 % minimally important, ≥ 30 % moderately important, ≥ 50 %
//   substantial; BPI interference ≥ 1-point decrease; PGIC rates change itself.
// - PHQ-9: Löwe B et al. Monitoring depression treatment outcomes with the Patient Health
//   Questionnaire-9. Med Care 2004;42:1194 — 5 points.
// - ODI: Ostelo RW et al. Interpreting change scores for pain and functional status in low back pain:
//   towards international consensus regarding minimal important change. Spine 2008;33:90 — 10 points
//   or 30 % improvement from baseline.
import { describe, expect, it } from 'vitest';
import { computeChange } from './change.ts';
import { findInstrument } from './index.ts';

const def = (id: string) => {
  const found = findInstrument(id);
  if (!found) throw new Error(`instrument ${id} is not registered`);
  return found;
};

describe('IMMPACT percent rule on the pain NRS (lower is better)', () => {
  it.each([
    [10, 5, 50, 'substantial'],
    [10, 6, 40, 'moderate'],
    [10, 7, 30, 'moderate'],
    [10, 8, 20, 'minimal'],
    [10, 9, 10, 'minimal'],
    [10, 10, 0, 'none'],
    [4, 2, 50, 'substantial'],
    [7, 5, 28.6, 'minimal'],
  ])('%d → %d is a %d %% reduction: %s', (from, to, percent, category) => {
    const change = computeChange(def('nrs'), from, to);
    expect(change.absolute).toBe(to - from);
    expect(change.percent).toBeCloseTo(percent, 1);
    expect(change.category).toBe(category);
  });

  it('from a baseline of 0, no change has no category and says why', () => {
    expect(computeChange(def('nrs'), 0, 0)).toMatchObject({ category: null, note: 'percent change is undefined when the baseline is 0' });
  });

  it('a rise is worsened, with a negative percent', () => {
    expect(computeChange(def('nrs'), 5, 6)).toMatchObject({ absolute: 1, percent: -20, category: 'worsened' });
  });

  it('names the rule and its source', () => {
    expect(computeChange(def('nrs'), 8, 4).rule).toMatch(/^IMMPACT percent change \(Dworkin 2008/);
  });
});

describe('threshold rules', () => {
  it('a worsening by exactly the threshold counts (PHQ-9: 5 points)', () => {
    expect(computeChange(def('phq-9'), 10, 15)).toMatchObject({ absolute: 5, category: 'worsened' });
    expect(computeChange(def('phq-9'), 10, 14)).toMatchObject({ absolute: 4, category: 'none' });
  });

  it('from a baseline of 0 only points count, and the percent is null (PEG: 1 point)', () => {
    expect(computeChange(def('peg'), 0, 1)).toMatchObject({ absolute: 1, percent: null, category: 'worsened' });
  });

  it('a one-point PEG change computed from means is still one point (no floating-point noise)', () => {
    const change = computeChange(def('peg'), 41 / 7, 34 / 7);
    expect(change.absolute).toBe(-1);
    expect(change.category).toBe('improved');
  });

  it('ODI: 30 % improvement counts without 10 points, 29 % does not; a 30 % rise is not enough', () => {
    expect(computeChange(def('odi'), 10, 7)).toMatchObject({ absolute: -3, percent: 30, category: 'improved' });
    expect(computeChange(def('odi'), 10, 7.1)).toMatchObject({ category: 'none' });
    expect(computeChange(def('odi'), 40, 30)).toMatchObject({ absolute: -10, percent: 25, category: 'improved' });
    expect(computeChange(def('odi'), 10, 13)).toMatchObject({ absolute: 3, percent: -30, category: 'none' });
  });

  it('describes the threshold in words, singular and plural, with the percent clause when there is one', () => {
    expect(computeChange(def('peg'), 6, 5).rule).toMatch(/^important change ≥ 1 point \(/);
    expect(computeChange(def('phq-9'), 15, 10).rule).toMatch(/^important change ≥ 5 points \(Löwe 2004/);
    expect(computeChange(def('odi'), 40, 30).rule).toMatch(/^important change ≥ 10 points or 30 % \(Ostelo 2008/);
  });
});

describe('instruments without a change threshold', () => {
  it('PGIC rates change itself: no category, the band is the answer', () => {
    const change = computeChange(def('pgic'), 3, 6);
    expect(change).toMatchObject({ absolute: 3, category: null, note: 'this instrument rates change itself; read its band' });
    expect(change.rule).toMatch(/^IMMPACT, Dworkin 2008/);
  });

  it('a screener has no category, says why, and says no threshold was found', () => {
    const change = computeChange(def('dn4'), 2, 5);
    expect(change.category).toBeNull();
    expect(change.note).toMatch(/no clinically important change/);
    expect(change.rule).toBe('no clinically important change threshold in the sources');
  });
});
