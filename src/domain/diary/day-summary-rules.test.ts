import { describe, expect, it } from 'vitest';
import {
  accumulateDay,
  accumulateDays,
  applyToSummary,
  datesAffectedBy,
  emptyDaySummary,
  nrsStats,
  summarizeAccumulator,
  summarizeDay,
} from './day-summary.ts';
import type { DiaryEntry } from './entry.ts';
import { testEntry } from './entry.fixtures.ts';
import type { LocalDate } from '../time/local-date.ts';

// The day summary's contract, rule by rule: what each field of a day counts, that the stored form keeps
// one key order (equal content, equal JSON), and that removing what a stored summary never held fails,
// naming what drifted, instead of storing a negative count.
const entry = (overrides: Record<string, unknown> = {}): DiaryEntry => testEntry(overrides);
const DATE = '2026-03-08' as LocalDate;
const drift = (what: string) => `day summary would go negative (${what}): the stored summary does not match the stored entries`;

describe('nrsStats', () => {
  it('reads count, mean, lowest and highest value from a histogram', () => {
    expect(nrsStats([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ count: 0, mean: null, min: null, max: null });
    expect(nrsStats([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toEqual({ count: 1, mean: 0, min: 0, max: 0 });
    expect(nrsStats([0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0])).toEqual({ count: 3, mean: 13 / 3, min: 2, max: 9 });
    expect(nrsStats([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4])).toEqual({ count: 4, mean: 10, min: 10, max: 10 });
    expect(nrsStats([0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual({ count: 4, mean: 13 / 4, min: 1, max: 10 });
  });
});

describe('what a day counts', () => {
  it('one entry with nothing but a rating', () => {
    const s = summarizeDay([entry({ intensity: 0 })])!;
    expect(s).toEqual({
      localDate: DATE,
      entryCount: 1,
      meanIntensity: 0,
      maxIntensity: 0,
      minIntensity: 0,
      worstSinceLast: { count: 0, mean: null, min: null, max: null },
      leastSinceLast: { count: 0, mean: null, min: null, max: null },
      interference: {
        activity: { count: 0, mean: null, min: null, max: null },
        sleep: { count: 0, mean: null, min: null, max: null },
        mood: { count: 0, mean: null, min: null, max: null },
        stress: { count: 0, mean: null, min: null, max: null },
      },
      sleepHours: null,
      sleepQuality: {},
      activityMinutes: null,
      mood: {},
      regions: [],
      qualities: {},
      triggers: {},
      medicinesTaken: 0,
      medicinesScheduled: 0,
      medicinesAsNeeded: 0,
    });
  });

  it('sleep is the mean of the hours reported, in quarter hours exactly; activity the total; zero is a report', () => {
    const s = summarizeDay([
      entry({ sleep: { hours: 6.75 }, activity: { minutes: 0 } }),
      entry({ sleep: { hours: 0 } }),
      entry({ sleep: { hours: 7.25, quality: 'good' }, activity: { minutes: 1440 } }),
      entry({ sleep: { quality: 'good' } }),
    ])!;
    expect(s.sleepHours).toBe(14 / 3);
    expect(s.activityMinutes).toBe(1440);
    expect(s.sleepQuality).toEqual({ good: 2 });
    expect(summarizeDay([entry({ activity: { minutes: 0 } })])!.activityMinutes).toBe(0);
    expect(summarizeDay([entry({ sleep: { hours: 0 } })])!.sleepHours).toBe(0);
  });

  it('worst and least since the last entry, mood and each interference item are counted separately', () => {
    const s = summarizeDay([
      entry({ intensity: 5, worstSinceLast: 8, leastSinceLast: 2, mood: 'low', interference: { activity: 1, stress: 9 } }),
      entry({ intensity: 6, worstSinceLast: 6, leastSinceLast: 3, mood: 'low', interference: { activity: 3 } }),
      entry({ intensity: 4, mood: 'good', interference: { mood: 10 } }),
    ])!;
    expect(s.worstSinceLast).toEqual({ count: 2, mean: 7, min: 6, max: 8 });
    expect(s.leastSinceLast).toEqual({ count: 2, mean: 2.5, min: 2, max: 3 });
    expect(s.mood).toEqual({ low: 2, good: 1 });
    expect(s.interference).toEqual({
      activity: { count: 2, mean: 2, min: 1, max: 3 },
      sleep: { count: 0, mean: null, min: null, max: null },
      mood: { count: 1, mean: 10, min: 10, max: 10 },
      stress: { count: 1, mean: 9, min: 9, max: 9 },
    });
    expect([s.meanIntensity, s.minIntensity, s.maxIntensity]).toEqual([5, 4, 6]);
  });

  it('lists regions most often marked first, ties by code, with the mean and highest rating given there', () => {
    const s = summarizeDay([
      entry({ regions: [{ code: 'knee-right', intensity: 3 }, { code: 'hip-left' }, { code: 'foot-left', intensity: 10 }] }),
      entry({ regions: [{ code: 'knee-right', intensity: 6 }, { code: 'foot-left' }] }),
      entry({ regions: [{ code: 'ankle-left', intensity: 1 }] }),
    ])!;
    expect(s.regions).toEqual([
      { code: 'foot-left', entries: 2, meanIntensity: 10, maxIntensity: 10 },
      { code: 'knee-right', entries: 2, meanIntensity: 4.5, maxIntensity: 6 },
      { code: 'ankle-left', entries: 1, meanIntensity: 1, maxIntensity: 1 },
      { code: 'hip-left', entries: 1, meanIntensity: null, maxIntensity: null },
    ]);
  });

  it('counts qualities over regions, triggers over entries, medicines by regimen', () => {
    const s = summarizeDay([
      entry({
        regions: [
          { code: 'knee-right', qualities: ['throbbing', 'burning'] },
          { code: 'knee-left', qualities: ['burning'] },
        ],
        triggers: ['stress', 'poor-sleep'],
        medicines: [
          { name: 'a', regimen: 'scheduled' },
          { name: 'b', regimen: 'scheduled' },
        ],
      }),
      entry({ triggers: ['stress'], medicines: [{ name: 'c', regimen: 'as-needed' }] }),
    ])!;
    expect(s.qualities).toEqual({ burning: 2, throbbing: 1 });
    expect(s.triggers).toEqual({ 'poor-sleep': 1, stress: 2 });
    expect([s.medicinesTaken, s.medicinesScheduled, s.medicinesAsNeeded]).toEqual([3, 2, 1]);
  });
});

describe('the stored form', () => {
  it('starts empty for a date', () => {
    expect(emptyDaySummary(DATE)).toEqual({
      format: 1,
      localDate: DATE,
      entryCount: 0,
      intensity: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      worstSinceLast: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      leastSinceLast: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      interference: {
        activity: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        sleep: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        mood: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        stress: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      },
      sleepQuarterHours: { sum: 0, count: 0 },
      sleepQuality: {},
      activityMinutes: { sum: 0, count: 0 },
      mood: {},
      regions: {},
      qualities: {},
      triggers: {},
      medicines: { taken: 0, scheduled: 0, asNeeded: 0 },
    });
  });

  it('keeps tallies in vocabulary order and regions by code, whatever order the entries came in', () => {
    const a = entry({
      sleep: { quality: 'very-good' },
      mood: 'very-good',
      regions: [{ code: 'knee-right', qualities: ['cold-painful', 'burning'] }],
      triggers: ['heat', 'poor-sleep'],
    });
    const b = entry({
      sleep: { quality: 'very-poor' },
      mood: 'very-low',
      regions: [{ code: 'ankle-left', qualities: ['aching'] }],
      triggers: ['stress'],
    });
    for (const entries of [
      [a, b],
      [b, a],
    ]) {
      const acc = accumulateDay(entries)!;
      expect(Object.keys(acc.sleepQuality)).toEqual(['very-poor', 'very-good']);
      expect(Object.keys(acc.mood)).toEqual(['very-low', 'very-good']);
      expect(Object.keys(acc.regions)).toEqual(['ankle-left', 'knee-right']);
      expect(Object.keys(acc.qualities)).toEqual(['burning', 'aching', 'cold-painful']);
      expect(Object.keys(acc.triggers)).toEqual(['poor-sleep', 'stress', 'heat']);
      expect(acc.sleepQuarterHours).toEqual({ sum: 0, count: 0 });
    }
    expect(JSON.stringify(accumulateDay([a, b]))).toBe(JSON.stringify(accumulateDay([b, a])));
  });

  it('drops a tally that falls to zero instead of keeping a zero count', () => {
    const a = entry({
      mood: 'low',
      sleep: { quality: 'poor' },
      regions: [{ code: 'hip-left', qualities: ['aching'] }],
      triggers: ['stress'],
    });
    const b = entry({ mood: 'good' });
    const after = applyToSummary(accumulateDay([a, b]), { before: a })!;
    expect(after).toEqual(accumulateDay([b]));
    expect(after.mood).toEqual({ good: 1 });
    expect(after.sleepQuality).toEqual({});
    expect(after.regions).toEqual({});
    expect(after.qualities).toEqual({});
    expect(after.triggers).toEqual({});
  });

  it('stores sleep as whole quarter hours and activity as minutes', () => {
    const acc = accumulateDay([entry({ sleep: { hours: 6.75 }, activity: { minutes: 30 } }), entry({ sleep: { hours: 0.25 } })])!;
    expect(acc.sleepQuarterHours).toEqual({ sum: 28, count: 2 });
    expect(acc.activityMinutes).toEqual({ sum: 30, count: 1 });
  });

  it('groups entries by their own local date, dates ascending', () => {
    const days = accumulateDays([
      entry({ localDate: '2026-03-08' }),
      entry({ localDate: '2026-03-06', provenance: { enteredBy: 'u', mode: 'recalled', source: 'self' } }),
      entry({ localDate: '2026-03-08', intensity: 9 }),
      entry({ localDate: '2026-03-07', provenance: { enteredBy: 'u', mode: 'recalled', source: 'self' } }),
    ]);
    expect([...days.keys()]).toEqual(['2026-03-06', '2026-03-07', '2026-03-08']);
    expect(days.get(DATE)!.entryCount).toBe(2);
    expect(accumulateDays([]).size).toBe(0);
  });

  it('refuses to mix days, naming both', () => {
    const other = entry({ localDate: '2026-03-07', provenance: { enteredBy: 'u', mode: 'recalled', source: 'self' } });
    expect(() => accumulateDay([entry(), other])).toThrow('accumulateDay: entries from 2026-03-08 and 2026-03-07');
  });
});

describe('applyToSummary', () => {
  it('takes the date from the summary, else the entry after, else the entry before', () => {
    const a = entry();
    const moved = { ...a, localDate: '2026-03-07' as LocalDate };
    expect(applyToSummary(undefined, { after: a })).toEqual(accumulateDay([a]));
    expect(applyToSummary(undefined, { before: a, after: moved })).toEqual(accumulateDay([moved]));
    expect(applyToSummary(accumulateDay([a]), { before: a, after: moved })).toBeUndefined();
    expect(() => applyToSummary(undefined, { before: a })).toThrow(drift('entryCount'));
    expect(() => applyToSummary(undefined, {})).toThrow('applyToSummary: a change needs a before or an after entry');
  });

  it('refuses a summary of another date than the one asked for', () => {
    const a = entry();
    expect(() => applyToSummary(accumulateDay([a]), { after: a }, '2026-03-07' as LocalDate)).toThrow(
      'applyToSummary: summary of 2026-03-08 given for 2026-03-07',
    );
  });

  it('leaves out a side of the change that falls on another date', () => {
    const a = entry();
    const b = entry({ localDate: '2026-03-07', provenance: { enteredBy: 'u', mode: 'recalled', source: 'self' } });
    expect(applyToSummary(accumulateDay([a]), { before: b, after: a }, DATE)).toEqual(accumulateDay([a, a]));
    expect(applyToSummary(accumulateDay([a]), { before: a, after: b }, DATE)).toBeUndefined();
    expect(datesAffectedBy({ before: a, after: a })).toEqual([DATE]);
    expect(datesAffectedBy({ after: b })).toEqual(['2026-03-07']);
    expect(datesAffectedBy({ before: b })).toEqual(['2026-03-07']);
    expect(datesAffectedBy({})).toEqual([]);
  });

  it('names the count that would go negative when asked to remove what the summary never held', () => {
    const held = accumulateDay([entry({ intensity: 4 }), entry({ intensity: 4 })])!;
    const cases: [Record<string, unknown>, string][] = [
      [{ intensity: 5 }, 'intensity'],
      [{ intensity: 4, worstSinceLast: 6 }, 'worstSinceLast'],
      [{ intensity: 4, leastSinceLast: 1 }, 'leastSinceLast'],
      [{ intensity: 4, interference: { stress: 2 } }, 'interference.stress'],
      [{ intensity: 4, sleep: { hours: 6 } }, 'sleep'],
      [{ intensity: 4, sleep: { quality: 'poor' } }, 'sleepQuality'],
      [{ intensity: 4, activity: { minutes: 10 } }, 'activityMinutes'],
      [{ intensity: 4, mood: 'low' }, 'mood'],
      [{ intensity: 4, regions: [{ code: 'hip-left' }] }, 'regions.hip-left'],
      [{ intensity: 4, triggers: ['stress'] }, 'triggers.stress'],
      [{ intensity: 4, medicines: [{ name: 'a', regimen: 'scheduled' }] }, 'medicines'],
    ];
    for (const [overrides, what] of cases) expect(() => applyToSummary(held, { before: entry(overrides) }), what).toThrow(drift(what));
    // A region held without that rating, or without that quality.
    const withRegion = accumulateDay([entry({ intensity: 4, regions: [{ code: 'hip-left', intensity: 3 }] })])!;
    expect(() => applyToSummary(withRegion, { before: entry({ intensity: 4, regions: [{ code: 'hip-left', intensity: 2 }] }) })).toThrow(
      drift('regions.hip-left.intensity'),
    );
    expect(() =>
      applyToSummary(withRegion, { before: entry({ intensity: 4, regions: [{ code: 'hip-left', intensity: 3, qualities: ['aching'] }] }) }),
    ).toThrow(drift('qualities.aching'));
    // Medicines of one regimen held, another's removed.
    const scheduled = accumulateDay([entry({ intensity: 4, medicines: [{ name: 'a', regimen: 'scheduled' }] })])!;
    expect(() => applyToSummary(scheduled, { before: entry({ intensity: 4, medicines: [{ name: 'a', regimen: 'as-needed' }] }) })).toThrow(
      drift('medicines'),
    );
    const asNeeded = accumulateDay([entry({ intensity: 4, medicines: [{ name: 'a', regimen: 'as-needed' }] })])!;
    expect(() => applyToSummary(asNeeded, { before: entry({ intensity: 4, medicines: [{ name: 'a', regimen: 'scheduled' }] }) })).toThrow(
      drift('medicines'),
    );
    // Sleep hours held in total but not reported as often.
    const sleepy = accumulateDay([entry({ intensity: 4, sleep: { hours: 8 } })])!;
    expect(() => applyToSummary(sleepy, { before: entry({ intensity: 4, sleep: { hours: 9 } }) })).toThrow(drift('sleep'));
  });

  it('removes exactly what an entry added', () => {
    const rich = {
      intensity: 4,
      worstSinceLast: 6,
      leastSinceLast: 1,
      interference: { activity: 1, sleep: 2, mood: 3, stress: 4 },
      sleep: { hours: 6.5, quality: 'poor' },
      activity: { minutes: 10 },
      mood: 'low',
      regions: [{ code: 'hip-left', intensity: 3, qualities: ['aching'] }],
      triggers: ['stress'],
      medicines: [
        { name: 'a', regimen: 'scheduled' },
        { name: 'b', regimen: 'as-needed' },
      ],
    };
    const keep = entry({ intensity: 2 });
    const gone = entry(rich);
    expect(applyToSummary(accumulateDay([keep, gone]), { before: gone })).toEqual(accumulateDay([keep]));
    expect(summarizeAccumulator(applyToSummary(accumulateDay([keep]), { after: gone })!)).toEqual(summarizeDay([keep, gone]));
  });
});
