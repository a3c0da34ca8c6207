// "What works for me" checked by simulation: pain as AR(1) (φ 0.6, marginal SD 1.5 points), a planted
// same-day effect of 1 point on a factor used on a random half of 180 days beside 20 factors with no
// effect. The seeds were fixed before the first run; docs/insight.md gives the same figures over many
// more people and seeds.
import { describe, expect, it } from 'vitest';
import { seededRandom } from './prng.ts';
import { PLANTED_FACTOR_ID, simulatePerson, type SimulationDesign } from './simulation.ts';
import { whatWorks } from './what-works.ts';

const DESIGN: SimulationDesign = { days: 180, phi: 0.6, sd: 1.5, effect: -1, nullFactors: 20 };
const said = (verdict: string) => verdict === 'lower' || verdict === 'higher';
const covers = (ci: readonly [number, number] | null, truth: number) => ci !== null && ci[0] <= truth && truth <= ci[1];

describe('what works, by simulation', () => {
  // Coverage is a share of runs, so it is measured over 1,000 people (a share of 200 would wander by
  // ±1.5 points by chance alone); the detection rate over the first 200 of them.
  it('finds a planted 1-point effect, right sign, in at least 80 % of 200 people, its interval covering it in 92–97 % of 1,000', () => {
    const random = seededRandom(2025);
    let found = 0;
    let covered = 0;
    let intervals = 0;
    let allCovered = 0;
    for (let person = 0; person < 1000; person++) {
      const items = whatWorks(simulatePerson(random, DESIGN));
      for (const item of items) {
        const planted = item.factor.id === PLANTED_FACTOR_ID && item.lag === 0;
        const truth = planted ? DESIGN.effect : 0;
        intervals++;
        if (covers(item.ci, truth)) allCovered++;
        if (!planted) continue;
        if (item.verdict === 'lower' && person < 200) found++;
        if (covers(item.ci, truth)) covered++;
      }
    }
    expect(found / 200).toBeGreaterThanOrEqual(0.8);
    expect(covered / 1000).toBeGreaterThanOrEqual(0.92);
    expect(covered / 1000).toBeLessThanOrEqual(0.97);
    expect(allCovered / intervals).toBeGreaterThanOrEqual(0.92);
    expect(allCovered / intervals).toBeLessThanOrEqual(0.97);
  });

  it('shows any verdict to at most 10 % of 1,000 people when nothing has an effect, intervals covering 0 in 92–97 %', () => {
    const random = seededRandom(2026);
    let shown = 0;
    let intervals = 0;
    let covered = 0;
    for (let person = 0; person < 1000; person++) {
      const items = whatWorks(simulatePerson(random, { ...DESIGN, effect: 0 }));
      if (items.some((i) => said(i.verdict))) shown++;
      for (const item of items) {
        intervals++;
        if (covers(item.ci, 0)) covered++;
      }
      // Every comparison of a simulated person has 90 days with and 90 without.
      expect(items.every((i) => i.verdict !== 'not-enough-data')).toBe(true);
    }
    expect(shown / 1000).toBeLessThanOrEqual(0.1);
    expect(covered / intervals).toBeGreaterThanOrEqual(0.92);
    expect(covered / intervals).toBeLessThanOrEqual(0.97);
  });
});
