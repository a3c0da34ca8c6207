import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTodaysQuota, MINUTES_PER_DAY, planPacing, quotaAtLevel, type PacingPlan } from './pacing.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';

const START = '2026-03-02' as LocalDate;
const d = (n: number) => addDays(START, n);

function plan(amounts: number[], goal?: number, overrides = {}, unit = 'minutes'): PacingPlan {
  const r = planPacing(
    {
      activity: 'walking',
      unit,
      sessions: amounts.map((amount, i) => ({ date: d(-i - 1), amount })),
      startDate: START,
      ...(goal !== undefined ? { goal } : {}),
    },
    overrides,
  );
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
    expect(computeTodaysQuota(p, [], d(0))).toEqual({ kind: 'quota', quota: 16, level: 0, lastFlare: null, ongoingFlareSince: null });
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

  it('stays bounded for a plan started long ago: holds at the maximum level without a goal, never beyond a day of minutes', () => {
    // Two years at +10 %/week used to give 16 × 1.1^104 ≈ 320,000 minutes a day.
    const p = plan([20, 25, 15]);
    const twoYears = computeTodaysQuota(p, [], d(730));
    // Default maximumLevelWithoutGoal 12 (product choice): floor(16 × 1.1^12) = floor(50.21…) = 50.
    expect(twoYears).toEqual({ kind: 'quota', quota: 50, level: 12, lastFlare: null, ongoingFlareSince: null });
    expect(quotaAtLevel(p, 104)).toBe(50);
    // A flare steps back from the level in use, not from an unbounded one.
    expect(computeTodaysQuota(p, [d(700)], d(701))).toMatchObject({ level: 11, quota: quotaAtLevel(p, 11) });
    // With a goal the plan rises to the goal, but a quota in minutes never exceeds a day.
    const big = plan([600, 600, 600], 1_000_000, { startingQuotaPercentOfBaseline: 100, weeklyIncreasePercent: 100 });
    expect(quotaAtLevel(big, 2)).toBe(MINUTES_PER_DAY);
    expect(computeTodaysQuota(big, [], d(3650))).toMatchObject({ quota: MINUTES_PER_DAY });
    // Other units are bounded by the goal only; steps may well exceed 1,440 a day.
    const steps = plan([2000, 2000, 2000], 5000, {}, 'steps');
    expect(quotaAtLevel(steps, 1)).toBe(1760);
    expect(quotaAtLevel(steps, 500)).toBe(5000);
    // A starting quota of 0 (sessions of 1 minute at 80 %) stays 0 at any level, at once (it used to
    // loop once per level over ever larger numbers: minutes for a million levels, past the test's
    // timeout); with a goal and no level bound, a quota of 1 meets the largest cap within a few
    // thousand levels.
    const zero = plan([1, 1, 1], 30);
    expect(zero.startingQuota).toBe(0);
    expect(quotaAtLevel(zero, 1_000_000)).toBe(0);
    expect(quotaAtLevel(plan([2, 1, 1], Number.MAX_SAFE_INTEGER, { weeklyIncreasePercent: 1 }, 'steps'), 1_000_000)).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    // No weekly increase: the starting quota however long the plan runs (and quickly).
    expect(quotaAtLevel(plan([20, 20, 20], 40, { weeklyIncreasePercent: 0 }), 1_000_000)).toBe(16);
    // The setting is a documented override.
    expect(computeTodaysQuota(plan([20, 25, 15], undefined, { maximumLevelWithoutGoal: 0 }), [], d(100))).toMatchObject({
      quota: 16,
      level: 0,
    });
    expect(
      planPacing(
        { activity: 'walking', unit: 'minutes', sessions: [20, 20, 20].map((amount) => ({ date: d(-1), amount })), startDate: START },
        { maximumLevelWithoutGoal: -1 },
      ).kind,
    ).toBe('invalid');
  });

  it('steps back once per flare day, holds while a flare lasts and ignores flares over before the start', () => {
    const p = plan([20, 25, 15]);
    // Two flares on day 15 step back once (level 2 → 1), like one.
    expect(computeTodaysQuota(p, [d(15), d(15)], d(16))).toEqual(computeTodaysQuota(p, [d(15)], d(16)));
    expect(computeTodaysQuota(p, [d(15), { start: d(15), end: d(15) }], d(16))).toMatchObject({ level: 1, lastFlare: d(15) });
    // Flares on different days each step back: day 15 → level 1; day 16 → level 0.
    expect(computeTodaysQuota(p, [d(15), d(16)], d(16))).toMatchObject({ level: 0, lastFlare: d(16) });
    // A flare from day 15 to day 24 holds level 1 until it ends; progression restarts from day 24.
    expect(computeTodaysQuota(p, [{ start: d(15), end: d(24) }], d(30))).toMatchObject({ level: 1 });
    expect(computeTodaysQuota(p, [{ start: d(15), end: d(24) }], d(31))).toMatchObject({ level: 2 });
    // An ongoing flare holds until today.
    expect(computeTodaysQuota(p, [{ start: d(15), end: null }], d(60))).toMatchObject({
      level: 1,
      lastFlare: d(15),
      ongoingFlareSince: d(15),
    });
    // Once it has ended, nothing is held on its account any more.
    expect(computeTodaysQuota(p, [{ start: d(15), end: d(20) }], d(60))).toMatchObject({ lastFlare: d(15), ongoingFlareSince: null });
    // A flare going on since before the start is what holds level 0, though no step back is dated in the plan.
    expect(computeTodaysQuota(p, [{ start: d(-3), end: null }], d(30))).toMatchObject({
      level: 0,
      lastFlare: null,
      ongoingFlareSince: d(-3),
    });
    // Before the start: over before it, no effect; still going at the start, level 0 until it ends.
    expect(computeTodaysQuota(p, [{ start: d(-10), end: d(-1) }], d(7))).toMatchObject({ level: 1, lastFlare: null });
    expect(computeTodaysQuota(p, [{ start: d(-3), end: d(5) }], d(7))).toMatchObject({ level: 0 });
    expect(computeTodaysQuota(p, [{ start: d(-3), end: d(5) }], d(12))).toMatchObject({ level: 1 });
    // A flare after today is not counted yet.
    expect(computeTodaysQuota(p, [d(30)], d(20))).toMatchObject({ level: 2, lastFlare: null });
  });

  it('reports what it cannot plan', () => {
    expect(planPacing({ activity: 'walking', unit: 'minutes', sessions: [{ date: d(-1), amount: 10 }], startDate: START })).toEqual({
      kind: 'insufficient-sessions',
      have: 1,
      need: 3,
    });
    expect(
      planPacing({ activity: 'walking', unit: 'minutes', sessions: [0, 0, 0].map((amount) => ({ date: d(-1), amount })), startDate: START })
        .kind,
    ).toBe('no-tolerance');
    expect(
      planPacing({
        activity: 'walking',
        unit: 'minutes',
        sessions: [1.5, 2, 3].map((amount) => ({ date: d(-1), amount })),
        startDate: START,
      }).kind,
    ).toBe('invalid');
    expect(computeTodaysQuota(plan([20, 20, 20]), [], d(-1))).toEqual({ kind: 'not-started' });
  });

  const sessions = fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 3, maxLength: 20 }).filter((a) => a.some((x) => x > 0));
  const settings = fc.record({
    startingQuotaPercentOfBaseline: fc.integer({ min: 0, max: 100 }),
    weeklyIncreasePercent: fc.integer({ min: 0, max: 50 }),
    flareStepBackWeeks: fc.integer({ min: 0, max: 4 }),
    maximumLevelWithoutGoal: fc.integer({ min: 0, max: 60 }),
  });
  const unit = fc.constantFrom('minutes', 'steps');
  const goal = fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined });

  it('starting quota never exceeds baseline; quota never exceeds the goal, the maximum level or a day of minutes', () => {
    fc.assert(
      fc.property(sessions, settings, goal, unit, fc.integer({ min: 0, max: 5000 }), (s, set, g, u, day) => {
        const p = plan(s, g, set, u);
        expect(p.startingQuota).toBeLessThanOrEqual(p.baseline);
        const q = computeTodaysQuota(p, [], d(day));
        if (q.kind !== 'quota') throw new Error('quota expected');
        if (g !== undefined) expect(q.quota).toBeLessThanOrEqual(g);
        if (g === undefined) expect(q.level).toBeLessThanOrEqual(set.maximumLevelWithoutGoal);
        if (u === 'minutes') expect(q.quota).toBeLessThanOrEqual(MINUTES_PER_DAY);
        expect(Number.isSafeInteger(q.quota)).toBe(true);
      }),
    );
  });

  it('without flares the quota never decreases over time', () => {
    fc.assert(
      fc.property(
        sessions,
        settings,
        goal,
        unit,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (s, set, g, u, a, b) => {
          const p = plan(s, g, set, u);
          const early = computeTodaysQuota(p, [], d(Math.min(a, b)));
          const late = computeTodaysQuota(p, [], d(Math.max(a, b)));
          if (early.kind !== 'quota' || late.kind !== 'quota') throw new Error('quota expected');
          expect(late.quota).toBeGreaterThanOrEqual(early.quota);
        },
      ),
    );
  });

  // Flares as (start, length in days or ongoing), some starting before the plan.
  const flare = fc
    .record({ start: fc.integer({ min: -20, max: 200 }), days: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) })
    .map(({ start, days }) => ({ start: d(start), end: days === null ? null : d(start + days) }));

  it('a flare never raises the quota on any later day', () => {
    fc.assert(
      fc.property(
        sessions,
        settings,
        goal,
        fc.array(flare, { maxLength: 5 }),
        flare,
        fc.integer({ min: 0, max: 300 }),
        (s, set, g, flares, extraFlare, day) => {
          const p = plan(s, g, set);
          const without = computeTodaysQuota(p, flares, d(day));
          const withExtra = computeTodaysQuota(p, [...flares, extraFlare], d(day));
          if (without.kind !== 'quota' || withExtra.kind !== 'quota') throw new Error('quota expected');
          expect(withExtra.quota).toBeLessThanOrEqual(without.quota);
        },
      ),
    );
  });
});
