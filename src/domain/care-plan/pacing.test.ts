import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTodaysQuota, planPacing, quotaAtLevel, type PacingPlan } from './pacing.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';

const START = '2026-03-02' as LocalDate;
const d = (n: number) => addDays(START, n);

function plan(amounts: number[], goal?: number, overrides = {}): PacingPlan {
  const r = planPacing({ activity: 'walking', unit: 'minutes', sessions: amounts.map((amount, i) => ({ date: d(-i - 1), amount })), startDate: START,
    ...(goal !== undefined ? { goal } : {}) }, overrides);
  if (r.kind !== 'planned') throw new Error(JSON.stringify(r));
  return r.plan;
}

describe('activity pacing (settings: clinical convention, unconfirmed)', () => {
  // Worked by hand with the default settings (80 %, +10 %/week, 1-week step back):
  // sessions 20, 25, 15 min → baseline 20; start quota 16; week 1: 17.6 → 17; week 2: 19.36 → 19;
  // week 3: 21.296 → 21.
  it('baseline, starting quota and weekly increases', () => {
    const p = plan([20, 25, 15]);
    expect(p.baseline).toBe(20);
    expect(p.startingQuota).toBe(16);
    expect([0, 1, 2, 3].map((l) => quotaAtLevel(p, l))).toEqual([16, 17, 19, 21]);
    expect(computeTodaysQuota(p, [], d(0))).toEqual({ kind: 'quota', quota: 16, level: 0, lastFlare: null });
    expect(computeTodaysQuota(p, [], d(6))).toMatchObject({ quota: 16, level: 0 });
    expect(computeTodaysQuota(p, [], d(7))).toMatchObject({ quota: 17, level: 1 });
    expect(computeTodaysQuota(p, [], d(20))).toMatchObject({ quota: 19, level: 2 });
  });

  it('steps back one week after a flare and restarts progression from the flare', () => {
    const p = plan([20, 25, 15]);
    // day 15 is level 2; flare → level 1 (17 min); a week after the flare → level 2 again.
    expect(computeTodaysQuota(p, [d(15)], d(15))).toMatchObject({ quota: 17, level: 1, lastFlare: d(15) });
    expect(computeTodaysQuota(p, [d(15)], d(21))).toMatchObject({ level: 1 });
    expect(computeTodaysQuota(p, [d(15)], d(22))).toMatchObject({ quota: 19, level: 2 });
    expect(computeTodaysQuota(p, [d(2)], d(3))).toMatchObject({ quota: 16, level: 0 });
  });

  it('caps at the goal and keeps a fractional baseline exact', () => {
    const p = plan([10, 11, 11], 12);
    expect(p.baselineText).toBe('10.666666…');
    expect(p.startingQuota).toBe(8); // floor(32 × 80 / 300) = floor(8.53)
    expect(quotaAtLevel(p, 50)).toBe(12);
  });

  it('reports what it cannot plan', () => {
    expect(planPacing({ activity: 'walking', unit: 'minutes', sessions: [{ date: d(-1), amount: 10 }], startDate: START }))
      .toEqual({ kind: 'insufficient-sessions', have: 1, need: 3 });
    expect(planPacing({ activity: 'walking', unit: 'minutes', sessions: [0, 0, 0].map((amount) => ({ date: d(-1), amount })), startDate: START }).kind).toBe('no-tolerance');
    expect(planPacing({ activity: 'walking', unit: 'minutes', sessions: [1.5, 2, 3].map((amount) => ({ date: d(-1), amount })), startDate: START }).kind).toBe('invalid');
    expect(computeTodaysQuota(plan([20, 20, 20]), [], d(-1))).toEqual({ kind: 'not-started' });
  });

  const sessions = fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 3, maxLength: 20 }).filter((a) => a.some((x) => x > 0));
  const settings = fc.record({ startingQuotaPercentOfBaseline: fc.integer({ min: 0, max: 100 }), weeklyIncreasePercent: fc.integer({ min: 0, max: 50 }),
    flareStepBackWeeks: fc.integer({ min: 0, max: 4 }) });
  const goal = fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined });

  it('starting quota never exceeds baseline; quota never exceeds the goal', () => {
    fc.assert(fc.property(sessions, settings, goal, fc.integer({ min: 0, max: 400 }), (s, set, g, day) => {
      const p = plan(s, g, set);
      expect(p.startingQuota).toBeLessThanOrEqual(p.baseline);
      const q = computeTodaysQuota(p, [], d(day));
      if (q.kind !== 'quota') throw new Error('quota expected');
      if (g !== undefined) expect(q.quota).toBeLessThanOrEqual(Math.max(g, p.startingQuota));
    }));
  });

  it('without flares the quota never decreases over time', () => {
    fc.assert(fc.property(sessions, settings, goal, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (s, set, g, a, b) => {
      const p = plan(s, g, set);
      const early = computeTodaysQuota(p, [], d(Math.min(a, b)));
      const late = computeTodaysQuota(p, [], d(Math.max(a, b)));
      if (early.kind !== 'quota' || late.kind !== 'quota') throw new Error('quota expected');
      expect(late.quota).toBeGreaterThanOrEqual(early.quota);
    }));
  });

  it('a flare never raises the quota on any later day', () => {
    fc.assert(fc.property(sessions, settings, fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 5 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 300 }),
      (s, set, flareDays, extraFlare, day) => {
        const p = plan(s, undefined, set);
        const flares = flareDays.map(d);
        const without = computeTodaysQuota(p, flares, d(day));
        const withExtra = computeTodaysQuota(p, [...flares, d(extraFlare)], d(day));
        if (without.kind !== 'quota' || withExtra.kind !== 'quota') throw new Error('quota expected');
        expect(withExtra.quota).toBeLessThanOrEqual(without.quota);
      }));
  });
});
