import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTaperPauses, planTaper, WEEKLY_THEN_REMAINING_RATE, type TaperPlan, type TaperRate } from './taper.ts';
import type { LocalDate } from '../time/local-date.ts';
import type { Regimen, RegimenItem } from './regimen.ts';

const START = '2026-01-15' as LocalDate;

function planned(regimen: Regimen, options?: Parameters<typeof planTaper>[2]): TaperPlan {
  const r = planTaper(regimen, START, options);
  if (r.kind !== 'planned') throw new Error(`expected a plan, got ${JSON.stringify(r)}`);
  return r.plan;
}

const dosesOf = (plan: TaperPlan, drug: string) => plan.steps.map((s) => s.items.find((i) => i.drug === drug)!.dailyDose);

describe('taper planner (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1)', () => {
  // Hand-worked: 60 mg/day oxycodone, 10 % of original (6 mg) per month → ideals 54, 48, 42, 36, 30,
  // 24, 18, 12, 6, 0; nearest total from 5/10 mg tablets (ties up) → 55, 50, 40, 35, 30, 25, 20, 10, 5, 0.
  it('default: 10 % of the original dose per month, rounded to available strengths, with MME per step', () => {
    const plan = planned({ items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }] });
    expect(dosesOf(plan, 'oxycodone')).toEqual([60, 55, 50, 40, 35, 30, 25, 20, 10, 5, 0]);
    expect(plan.steps.map((s) => s.totalMme)).toEqual([90, 82.5, 75, 60, 52.5, 45, 37.5, 30, 15, 7.5, 0]);
    expect(plan.steps.map((s) => s.plannedStart)).toEqual([
      '2026-01-15',
      '2026-02-15',
      '2026-03-15',
      '2026-04-15',
      '2026-05-15',
      '2026-06-15',
      '2026-07-15',
      '2026-08-15',
      '2026-09-15',
      '2026-10-15',
      '2026-11-15',
    ]);
    expect(plan.source).toContain('https://doi.org/10.15585/mmwr.rr7103a1');
  });

  // Hand-worked: 10 % of 60 mg per week to 30 % (18 mg), then 10 % of the remaining dose per week:
  // weeks 1–7: 54→55, 48→50, 42→40, 36→35, 30, 24→25, 18→20; then 16.2→15 (wk 8), 14.58→15, 13.122→15,
  // 11.8098→10 (wk 11), 10.62882, 9.565938, 8.6093442, 7.74840978 → 10, 6.973568802→5 (wk 16);
  // at the smallest strength (5 mg) the next step stops (wk 17).
  it('10 % of original per week to 30 %, then 10 % of the remaining dose per week', () => {
    const plan = planned({ items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }] }, { rate: WEEKLY_THEN_REMAINING_RATE });
    expect(dosesOf(plan, 'oxycodone')).toEqual([60, 55, 50, 40, 35, 30, 25, 20, 15, 10, 5, 0]);
    expect(plan.steps.map((s) => s.interval)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 16, 17]);
    expect(plan.steps[9]!.plannedStart).toBe('2026-04-02'); // 11 weeks after 2026-01-15
  });

  it('stops at a target above zero', () => {
    // 120 mg/day morphine-er with 30 mg strength, target 50 % → 60 mg; ideals 108→120, 96→90, 84→90, 72→60 …
    const plan = planned({ items: [{ drug: 'morphine-er', doseMg: 60, perDay: 2 }] }, { targetPercentOfOriginal: 50 });
    expect(dosesOf(plan, 'morphine-er')).toEqual([120, 90, 60]);
  });

  it('tapers patches over achievable patch combinations', () => {
    // 50 mcg/h, strengths 12/25/50: 45 → 48 (12+12+12+12? no: nearest of 48, 49, 50 … ) is checked by properties;
    // here only the end points: starts at 50 and ends at 0 with MME = mcg/h × 2.4 on each step.
    const plan = planned({ items: [{ drug: 'fentanyl-transdermal', doseMcgPerHour: 50 }] });
    const doses = dosesOf(plan, 'fentanyl-transdermal');
    expect(doses[0]).toBe(50);
    expect(doses.at(-1)).toBe(0);
    for (const s of plan.steps) expect(s.totalMme).toBeCloseTo(s.items[0]!.dailyDose * 2.4, 9);
  });

  it('keeps buprenorphine MME not calculable on every step', () => {
    const plan = planned({
      items: [
        { drug: 'buprenorphine-transdermal', doseMcgPerHour: 10 },
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
      ],
    });
    for (const s of plan.steps) expect(s.notCalculable).toEqual(['buprenorphine-transdermal']);
  });

  it('notes opioid-first when a benzodiazepine is listed, and unrounded drugs', () => {
    const plan = planned({
      items: [
        { drug: 'tapentadol', doseMg: 50, perDay: 3 },
        { drug: 'alprazolam', doseMg: 0.5, perDay: 2 },
      ],
    });
    expect(plan.notes.join(' ')).toContain('tapering the opioid first');
    expect(plan.notes.join(' ')).toContain('No strengths on file for tapentadol');
    expect(plan.notes.join(' ')).not.toContain('strengthsByDrug');
    expect(dosesOf(plan, 'tapentadol')).toEqual([150, 135, 120, 105, 90, 75, 60, 45, 30, 15, 0]);
  });

  it('names unrounded drugs by their generic names, not their formulary ids', () => {
    const plan = planned({ items: [{ drug: 'hydrocodone-er', doseMg: 30, perDay: 2 }] });
    expect(plan.notes.join(' ')).toContain('No strengths on file for hydrocodone extended-release:');
  });

  it('reports what it cannot plan', () => {
    expect(planTaper({ items: [{ drug: 'ibuprofen', doseMg: 400, perDay: 3 }] }, START).kind).toBe('nothing-to-taper');
    expect(planTaper({ items: [{ drug: 'tapentadol', doseMg: 50, perDay: 3 }] }, START, { rate: WEEKLY_THEN_REMAINING_RATE })).toEqual({
      kind: 'needs-strengths',
      drugs: ['tapentadol'],
    });
    expect(
      planTaper({ items: [{ drug: 'oxycodone', doseMg: 5, perDay: 2 }] }, START, {
        rate: { kind: 'percent-of-original', percent: 0, interval: 'week' },
      }).kind,
    ).toBe('invalid-options');
    expect(
      planTaper({ items: [{ drug: 'oxycodone', doseMg: 5, perDay: 1 }] }, START, {
        rate: { kind: 'percent-of-original', percent: 0.01, interval: 'week' },
      }).kind,
    ).toBe('invalid-options');
  });
});

describe('taper pauses', () => {
  const plan = planned({ items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }] });

  it('a closed pause shifts later steps by its length; earlier steps keep their dates', () => {
    const r = applyTaperPauses(plan, [
      { kind: 'pause', on: '2026-03-01' as LocalDate },
      { kind: 'resume', on: '2026-03-15' as LocalDate },
    ]);
    if (r.kind !== 'scheduled') throw new Error('expected schedule');
    expect(r.steps.slice(0, 4).map((s) => s.scheduledStart)).toEqual(['2026-01-15', '2026-02-15', '2026-03-29', '2026-04-29']);
    expect(r.pausedSince).toBeNull();
  });

  it('an open pause holds every step from the pause on', () => {
    const r = applyTaperPauses(plan, [{ kind: 'pause', on: '2026-05-01' as LocalDate }]);
    if (r.kind !== 'scheduled') throw new Error('expected schedule');
    expect(r.steps.map((s) => s.scheduledStart).slice(0, 6)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', null, null]);
    expect(r.pausedSince).toBe('2026-05-01');
  });

  it('rejects events out of order', () => {
    expect(applyTaperPauses(plan, [{ kind: 'resume', on: '2026-05-01' as LocalDate }]).kind).toBe('invalid-events');
    expect(
      applyTaperPauses(plan, [
        { kind: 'pause', on: '2026-05-01' as LocalDate },
        { kind: 'resume', on: '2026-04-01' as LocalDate },
      ]).kind,
    ).toBe('invalid-events');
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────────
const opioidItem: fc.Arbitrary<RegimenItem> = fc.oneof(
  fc.record({
    drug: fc.constantFrom(
      'oxycodone',
      'morphine',
      'morphine-er',
      'methadone',
      'hydromorphone',
      'tramadol',
      'tapentadol',
      'oxycodone-er',
      'codeine',
    ),
    doseMg: fc.integer({ min: 1, max: 4000 }).map((n) => n / 20),
    perDay: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    drug: fc.constantFrom('fentanyl-transdermal', 'buprenorphine-transdermal'),
    doseMcgPerHour: fc.integer({ min: 1, max: 200 }).map((n) => n / 2),
  }),
);
const rate: fc.Arbitrary<TaperRate> = fc.oneof(
  fc.record({
    kind: fc.constant('percent-of-original' as const),
    percent: fc.integer({ min: 10, max: 5000 }).map((n) => n / 100),
    interval: fc.constantFrom('week' as const, 'month' as const),
  }),
  fc.record({
    kind: fc.constant('weekly-then-remaining' as const),
    percentOfOriginal: fc.integer({ min: 1, max: 50 }),
    switchAtPercentOfOriginal: fc.integer({ min: 0, max: 60 }),
    percentOfRemaining: fc.integer({ min: 1, max: 50 }),
  }),
);
const strengths = fc.array(
  fc.integer({ min: 1, max: 400 }).map((n) => n / 4),
  { minLength: 1, maxLength: 4 },
);
const scenario = fc.record({
  items: fc.array(opioidItem, { minLength: 1, maxLength: 4 }),
  rate,
  target: fc.constantFrom(0, 0, 10, 25, 50, 90),
  strengths,
  useOverride: fc.boolean(),
});

describe('taper properties', () => {
  it('doses never increase, MME never increases, dates advance, and the last step reaches the target', () => {
    fc.assert(
      fc.property(scenario, ({ items, rate: r, target, strengths: s, useOverride }) => {
        const ids = [...new Set(items.map((i) => i.drug))];
        const strengthsByDrug =
          useOverride || r.kind === 'weekly-then-remaining' ? Object.fromEntries(ids.map((id) => [id, s])) : undefined;
        const result = planTaper({ items }, START, {
          rate: r,
          targetPercentOfOriginal: target,
          ...(strengthsByDrug ? { strengthsByDrug } : {}),
        });
        expect(result.kind).toBe('planned');
        if (result.kind !== 'planned') return;
        const steps = result.plan.steps;
        for (let i = 1; i < steps.length; i++) {
          expect(steps[i]!.plannedStart > steps[i - 1]!.plannedStart).toBe(true);
          expect(steps[i]!.totalMme).toBeLessThanOrEqual(steps[i - 1]!.totalMme);
          steps[i]!.items.forEach((item, j) => expect(item.dailyDose).toBeLessThanOrEqual(steps[i - 1]!.items[j]!.dailyDose));
        }
        const first = steps[0]!;
        const last = steps.at(-1)!;
        last.items.forEach((item, j) => {
          const original = first.items[j]!.dailyDose;
          if (target === 0) expect(item.dailyDose).toBe(0);
          else expect(item.dailyDose * 100).toBeGreaterThanOrEqual(original * target - 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('pauses never change doses and shift every later step by the closed pause lengths', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), ({ items }, pauseOffset, length) => {
        const plan = planned({ items });
        const pause = { kind: 'pause' as const, on: addDaysText(START, pauseOffset) };
        const resume = { kind: 'resume' as const, on: addDaysText(START, pauseOffset + length) };
        const r = applyTaperPauses(plan, [pause, resume]);
        if (r.kind !== 'scheduled') throw new Error('expected schedule');
        r.steps.forEach((s, i) => {
          expect(s.items).toEqual(plan.steps[i]!.items);
          const shifted = s.scheduledStart! !== s.plannedStart;
          if (s.index > 0 && s.plannedStart >= pause.on) expect(shifted || length === 0).toBe(true);
          if (s.plannedStart < pause.on) expect(s.scheduledStart).toBe(s.plannedStart);
        });
        for (let i = 1; i < r.steps.length; i++) expect(r.steps[i]!.scheduledStart! >= r.steps[i - 1]!.scheduledStart!).toBe(true);
      }),
    );
  });
});

function addDaysText(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10) as LocalDate;
}
