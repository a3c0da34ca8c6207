import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findInstrument } from '../instruments/index.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';
import { INSTRUMENT_GOLDEN, NRS_GOLDEN } from './trends.golden.ts';
import { entryValue } from './trend-measures.ts';
import {
  baselinePeriod,
  classifyTrendChange,
  computeTrend,
  dailyValues,
  importantBand,
  weeklyMeans,
  type DatedValue,
  type TrendRule,
} from './trends.ts';
import type { DiaryEntry } from '../diary/entry.ts';

const TODAY = '2026-06-30' as LocalDate;
const back = (n: number) => addDays(TODAY, -n);
const NRS: TrendRule = { kind: 'nrs' };
const SCALE = { min: 0, max: 10 };

describe('NRS comparison (IMMPACT and Farrar, instruments.md G1)', () => {
  it.each(NRS_GOLDEN)('$baseline → $latest', (g) => {
    const c = classifyTrendChange(NRS, 'lower-is-better', g.baseline, g.latest);
    expect(c.absolute).toBeCloseTo(g.absolute, 9);
    if (g.percent === null) expect(c.percent).toBeNull();
    else expect(c.percent).toBeCloseTo(g.percent, 6);
    expect(c.category).toBe(g.immpact);
    expect(c.thresholdPublished).toBe(true);
    expect(c.farrar).toMatchObject({ twoPoints: g.farrarTwoPoints, thirtyPercent: g.farrarThirtyPercent });
    expect(c.rule).toMatch(/Dworkin 2008/);
    expect(c.rule).toMatch(/Farrar 2001/);
    const band = importantBand(NRS, 'lower-is-better', g.baseline, SCALE);
    if (g.band === null) expect(band).toBeNull();
    else expect(band).toMatchObject({ from: 0, to: g.band, threshold: g.band });
  });
});

describe("a questionnaire's own threshold (instruments.md §3, §5, §6)", () => {
  it.each(INSTRUMENT_GOLDEN)('$instrumentId $baseline → $latest', (g) => {
    const definition = findInstrument(g.instrumentId)!;
    const rule: TrendRule = { kind: 'instrument', definition };
    const c = classifyTrendChange(rule, definition.direction, g.baseline, g.latest);
    expect(c.category).toBe(g.category);
    expect(c.thresholdPublished).toBe(true);
    expect(c.farrar).toBeUndefined();
    const band = importantBand(rule, definition.direction, g.baseline, definition.scoreRange);
    if (g.band === null) expect(band).toBeNull();
    else expect(band?.threshold).toBeCloseTo(g.band, 9);
  });

  it('says "no threshold published" where the sources give none, and still measures the change', () => {
    const c = classifyTrendChange({ kind: 'none' }, 'higher-is-better', 6, 7.5);
    expect(c).toMatchObject({
      absolute: 1.5,
      direction: 'better',
      category: null,
      thresholdPublished: false,
      rule: 'no threshold published',
    });
    expect(importantBand({ kind: 'none' }, 'higher-is-better', 6, { min: 0, max: 12 })).toBeNull();
    // PCS has no MCID in the sources: its definition says so, and so does the trend.
    const pcs = findInstrument('pcs')!;
    const p = classifyTrendChange({ kind: 'instrument', definition: pcs }, pcs.direction, 30, 20);
    expect(p).toMatchObject({ category: null, thresholdPublished: false, rule: 'no threshold published' });
    expect(importantBand({ kind: 'instrument', definition: pcs }, pcs.direction, 30, pcs.scoreRange)).toBeNull();
  });
});

describe('daily and weekly values', () => {
  it('leaves days without a value as gaps, never zeros', () => {
    const days = dailyValues(
      [
        { date: back(4), value: 6 },
        { date: back(4), value: 3 },
        { date: back(1), value: 0 },
      ],
      back(5),
      TODAY,
      'mean',
    );
    expect(days.map((d) => d.value)).toEqual([null, 4.5, null, null, 0, null]);
    expect(days.map((d) => d.count)).toEqual([0, 2, 0, 0, 1, 0]);
  });

  it('sums a summed measure per day', () => {
    const days = dailyValues(
      [
        { date: TODAY, value: 20 },
        { date: TODAY, value: 25 },
      ],
      TODAY,
      TODAY,
      'sum',
    );
    expect(days).toEqual([{ date: TODAY, value: 45, count: 2 }]);
  });

  it('makes weeks that end on the last day, the oldest possibly short, empty weeks null', () => {
    const days = dailyValues(
      [
        { date: back(0), value: 2 },
        { date: back(6), value: 4 },
        { date: back(15), value: 9 },
      ],
      back(15),
      TODAY,
      'mean',
    );
    expect(weeklyMeans(days)).toEqual([
      { from: back(15), to: back(14), value: 9, days: 1 },
      { from: back(13), to: back(7), value: null, days: 0 },
      { from: back(6), to: TODAY, value: 3, days: 2 },
    ]);
  });

  it('every date in the range appears once, in order, whatever the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ back: fc.integer({ min: -3, max: 40 }), value: fc.integer({ min: 0, max: 10 }) })),
        fc.integer({ min: 0, max: 30 }),
        (values, span) => {
          const days = dailyValues(
            values.map((v) => ({ date: back(v.back), value: v.value })),
            back(span),
            TODAY,
            'mean',
          );
          expect(days).toHaveLength(span + 1);
          days.forEach((d, i) => expect(d.date).toBe(back(span - i)));
          for (const d of days) expect(d.value === null).toBe(d.count === 0);
        },
      ),
    );
  });
});

describe('baseline against the latest 14 days', () => {
  const series = (pairs: [number, number][]): DatedValue[] => pairs.map(([b, value]) => ({ date: back(b), value }));

  it('takes the first 14 days from the first day with a value, and the 14 days ending today', () => {
    // Baseline days 60…47 at 8, a late day at 2 (day 40, outside both), latest days 13…0 at 5.
    const values = series([
      ...Array.from({ length: 14 }, (_, i): [number, number] => [60 - i, 8]),
      [40, 2],
      ...Array.from({ length: 14 }, (_, i): [number, number] => [13 - i, 5]),
    ]);
    const t = computeTrend({ values, from: back(89), to: TODAY, perDay: 'mean', rule: NRS, direction: 'lower-is-better', scale: SCALE });
    expect(t.days).toHaveLength(90);
    expect(t.baseline).toEqual({ from: back(60), to: back(47), mean: 8, days: 14 });
    expect(t.latest).toEqual({ from: back(13), to: TODAY, mean: 5, days: 14 });
    expect(t.change).toMatchObject({ absolute: -3, percent: 37.5, category: 'moderate', direction: 'better' });
    expect(t.band).toMatchObject({ from: 0, to: 5.6 });
  });

  it('never lets the baseline run into the latest 14 days', () => {
    const days = dailyValues(
      series([
        [20, 6],
        [10, 4],
      ]),
      back(29),
      TODAY,
      'mean',
    );
    expect(baselinePeriod(days, back(13))).toEqual({ from: back(20), to: back(14) });
    expect(baselinePeriod(dailyValues(series([[5, 6]]), back(29), TODAY, 'mean'), back(13))).toBeNull();
  });

  it('uses a chosen baseline period, even one before the range shown', () => {
    const values = series([
      [200, 8],
      [199, 6],
      [3, 3.5],
    ]);
    const t = computeTrend({
      values,
      from: back(29),
      to: TODAY,
      perDay: 'mean',
      rule: NRS,
      direction: 'lower-is-better',
      scale: SCALE,
      baseline: { from: back(200), to: back(190) },
    });
    expect(t.days).toHaveLength(30);
    expect(t.baseline).toEqual({ from: back(200), to: back(190), mean: 7, days: 2 });
    expect(t.change).toMatchObject({ category: 'substantial' });
  });

  it('"all" starts at the first day with a value; no comparison without data in both periods', () => {
    const t = computeTrend({
      values: series([[20, 6]]),
      from: null,
      to: TODAY,
      perDay: 'mean',
      rule: NRS,
      direction: 'lower-is-better',
      scale: SCALE,
    });
    expect(t.from).toBe(back(20));
    expect(t.latest.mean).toBeNull();
    expect(t.change).toBeNull();
    const empty = computeTrend({
      values: [],
      from: null,
      to: TODAY,
      perDay: 'mean',
      rule: NRS,
      direction: 'lower-is-better',
      scale: SCALE,
    });
    expect(empty.days).toEqual([{ date: TODAY, value: null, count: 0 }]);
  });
});

describe('diary measures', () => {
  it('reads each measure from an entry, with mood as its place on the five-step scale', () => {
    const entry = {
      intensity: 6,
      worstSinceLast: 8,
      leastSinceLast: null,
      interference: { activity: 5, sleep: null, mood: 2, stress: 7 },
      sleep: { hours: 6.5, quality: null },
      activity: { minutes: 30 },
      mood: 'low',
    } as unknown as DiaryEntry;
    expect(entryValue(entry, 'pain-now')).toBe(6);
    expect(entryValue(entry, 'pain-worst')).toBe(8);
    expect(entryValue(entry, 'pain-least')).toBeNull();
    expect(entryValue(entry, 'interference-sleep')).toBeNull();
    expect(entryValue(entry, 'interference-stress')).toBe(7);
    expect(entryValue(entry, 'sleep-hours')).toBe(6.5);
    expect(entryValue(entry, 'activity-minutes')).toBe(30);
    expect(entryValue(entry, 'mood')).toBe(2);
  });
});
