import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { summarizeAsNeededOpioidUse, type AsNeededOrder, type LoggedMedicine } from './as-needed-use.ts';
import type { LocalDate } from '../time/local-date.ts';

const D = (s: string) => s as LocalDate;
const oxy: AsNeededOrder = { id: 'o1', drug: 'oxycodone', maxPerDay: 3, startDate: D('2026-06-01'), stopDate: D('2026-06-04') };
const prn = (date: string, extra: Partial<LoggedMedicine> = {}): LoggedMedicine => ({
  date: D(date),
  regimen: 'as-needed',
  formularyId: null,
  medicationOrderId: 'o1',
  ...extra,
});

describe('as-needed opioid use versus the allowance', () => {
  it('counts administrations per day against the orders in effect that day', () => {
    const logged = [
      prn('2026-06-01'),
      prn('2026-06-01'),
      ...Array.from({ length: 4 }, () => prn('2026-06-02')),
      prn('2026-06-04'), // the order stopped on the 4th: use with no allowance
      prn('2026-06-02', { regimen: 'scheduled' }), // scheduled: not counted
      prn('2026-06-03', { medicationOrderId: null, formularyId: 'ibuprofen' }), // not an opioid
      prn('2026-06-03', { medicationOrderId: null, formularyId: 'Oxycodone' }), // named by generic: counted
    ];
    const r = summarizeAsNeededOpioidUse([oxy], logged, D('2026-06-01'), D('2026-06-04'));
    expect(r.days).toEqual([
      { date: '2026-06-01', drug: 'oxycodone', taken: 2, allowed: 3, over: false },
      { date: '2026-06-02', drug: 'oxycodone', taken: 4, allowed: 3, over: true },
      { date: '2026-06-03', drug: 'oxycodone', taken: 1, allowed: 3, over: false },
      { date: '2026-06-04', drug: 'oxycodone', taken: 1, allowed: null, over: true },
    ]);
    expect(r.drugs).toEqual([{ drug: 'oxycodone', taken: 8, daysUsed: 4, daysOver: 2, allowedToday: null }]);
  });

  it('ignores orders of other classes and days outside the window', () => {
    const r = summarizeAsNeededOpioidUse(
      [{ ...oxy, id: 'x', drug: 'ibuprofen' }],
      [prn('2026-05-31', { medicationOrderId: 'x' })],
      D('2026-06-01'),
      D('2026-06-02'),
    );
    expect(r).toEqual({ from: '2026-06-01', to: '2026-06-02', days: [], drugs: [] });
  });

  it('one more logged administration never lowers taken nor clears over', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (dates, extra) => {
        const logged = dates.map((d) => prn(`2026-06-0${d}`));
        const before = summarizeAsNeededOpioidUse([oxy], logged, D('2026-06-01'), D('2026-06-04'));
        const after = summarizeAsNeededOpioidUse([oxy], [...logged, prn(`2026-06-0${extra}`)], D('2026-06-01'), D('2026-06-04'));
        for (const b of before.days) {
          const a = after.days.find((x) => x.date === b.date && x.drug === b.drug)!;
          expect(a.taken).toBeGreaterThanOrEqual(b.taken);
          if (b.over) expect(a.over).toBe(true);
        }
      }),
    );
  });
});

describe('an as-needed order without a maximum per day', () => {
  it('covers its use without counting it as over, and shows no allowance', () => {
    const orders = [{ id: 'o1', drug: 'oxycodone', maxPerDay: null, startDate: '2026-05-01' as LocalDate, stopDate: null }];
    const logged = [0, 1, 2].map(() => ({
      date: '2026-05-03' as LocalDate,
      regimen: 'as-needed' as const,
      formularyId: 'oxycodone',
      medicationOrderId: 'o1',
    }));
    const use = summarizeAsNeededOpioidUse(orders, logged, '2026-05-01' as LocalDate, '2026-05-03' as LocalDate);
    expect(use.days).toEqual([{ date: '2026-05-03', drug: 'oxycodone', taken: 3, allowed: null, over: false }]);
    expect(use.drugs[0]).toMatchObject({ taken: 3, daysOver: 0, allowedToday: null });
  });
});
