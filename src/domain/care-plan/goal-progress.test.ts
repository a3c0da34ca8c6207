import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { movementOf, weeklyMeans } from './goal-progress.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';

const AS_OF = '2026-06-14' as LocalDate;
const day = (back: number) => addDays(AS_OF, -back);

describe('goal progress', () => {
  it('weekly means end on asOf, skip empty weeks and ignore later days', () => {
    const days = [
      { date: day(0), value: 4 },
      { date: day(6), value: 6 }, // week 0: mean 5
      { date: day(7), value: 8 }, // week 1: 8
      { date: day(21), value: 2 }, // week 3: 2 (week 2 empty)
      { date: day(-1), value: 10 }, // after asOf: ignored
      { date: day(28), value: 10 }, // week 4: outside 4 weeks
    ];
    expect(weeklyMeans(days, AS_OF, 4)).toEqual([
      { date: day(21), value: 2, count: 1 },
      { date: day(7), value: 8, count: 1 },
      { date: AS_OF, value: 5, count: 2 },
    ]);
  });

  it('direction decides better and worse', () => {
    expect(movementOf(6, 4, 'lower-is-better')).toBe('better');
    expect(movementOf(6, 4, 'higher-is-better')).toBe('worse');
    expect(movementOf(0.1 + 0.2, 0.3, 'higher-is-better')).toBe('same');
  });

  it('reordering the day values leaves the weekly means unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ back: fc.integer({ min: -3, max: 40 }), value: fc.integer({ min: 0, max: 10 }) }), { maxLength: 40 }),
        (raw) => {
          const days = raw.map((r) => ({ date: day(r.back), value: r.value }));
          const a = weeklyMeans(days, AS_OF, 6);
          const b = weeklyMeans([...days].reverse(), AS_OF, 6);
          expect(b.map((p) => [p.date, p.count])).toEqual(a.map((p) => [p.date, p.count]));
          b.forEach((p, i) => expect(p.value).toBeCloseTo(a[i]!.value, 9));
        },
      ),
    );
  });
});
