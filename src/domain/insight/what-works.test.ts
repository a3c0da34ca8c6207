// The day-by-day series a diary makes, the verdict rules and the sentences.
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time/local-date.ts';
import { dailySeries, type FactorEntry } from './diary-factors.ts';
import { whatWorks } from './what-works.ts';
import { whatWorksSentence, type SentenceFacts } from './what-works-words.ts';

const entry = (localDate: string, intensity: number, more: Partial<FactorEntry> = {}): FactorEntry => ({
  localDate: localDate as LocalDate,
  intensity,
  interference: { activity: null, sleep: null, mood: null, stress: null },
  sleep: { hours: null, quality: null },
  activity: { minutes: null, meaningful: [] },
  mood: null,
  triggers: [],
  ownTriggers: [],
  medicines: [],
  techniques: [],
  ...more,
});
const medicine = (name: string) => ({
  name,
  dose: null,
  unit: null,
  takenAt: null,
  regimen: 'as-needed' as const,
  formularyId: null,
  medicationOrderId: null,
});

describe('dailySeries', () => {
  const from = '2026-03-01' as LocalDate;
  const series = dailySeries(
    [
      entry('2026-02-28', 9, { techniques: [{ id: 'rest', label: null, helped: null }] }),
      entry('2026-03-01', 4, {
        techniques: [{ id: 'own', label: ' Warm Bath ', helped: null }],
        medicines: [medicine('Ibuprofen')],
        sleep: { hours: 5, quality: null },
        activity: { minutes: 10, meaningful: [] },
        mood: 'low',
        interference: { activity: 4, sleep: 2, mood: null, stress: null },
      }),
      entry('2026-03-01', 6, { medicines: [medicine('ibuprofen ')], mood: 'neutral' }),
      entry('2026-03-02', 7, { sleep: { hours: 6.5, quality: null }, activity: { minutes: 60, meaningful: [] }, mood: 'good' }),
      entry('2026-03-04', 3, {
        triggers: ['stress'],
        ownTriggers: ['Loud music'],
        sleep: { hours: 8, quality: null },
        activity: { minutes: 120, meaningful: [] },
      }),
    ],
    from,
    5,
  );
  const factor = (kind: string, id: string) => [...(series.factors.find((f) => f.kind === kind && f.id === id)?.values ?? [])];

  it('averages the day, leaves days without check-ins and dates outside the period unknown', () => {
    expect([...series.outcomes.intensity]).toEqual([5, 7, Number.NaN, 3, Number.NaN]);
    expect([...series.outcomes.interference]).toEqual([3, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect(series.factors.some((f) => f.id === 'rest')).toBe(false);
  });

  it('counts a factor on a day any check-in names it, medicines and own words compared without case', () => {
    expect(factor('technique', 'own:warm bath')).toEqual([1, 0, -1, 0, -1]);
    expect(factor('medicine', 'ibuprofen')).toEqual([1, 0, -1, 0, -1]);
    expect(factor('trigger', 'stress')).toEqual([0, 0, -1, 1, -1]);
    expect(factor('trigger', 'own:loud music')).toEqual([0, 0, -1, 1, -1]);
  });

  it('compares short sleep with 7 hours or more, the most active third with the least, low and good mood with the rest', () => {
    expect(factor('sleep', 'under-6-hours')).toEqual([1, -1, -1, 0, -1]);
    expect(factor('activity', 'most-active-third')).toEqual([0, -1, -1, 1, -1]);
    // The first day's moods (low, neutral) average 1.5: neither low nor good.
    expect(factor('mood', 'low')).toEqual([0, 0, -1, -1, -1]);
    expect(factor('mood', 'good')).toEqual([0, 1, -1, -1, -1]);
  });
});

describe('whatWorks', () => {
  it('says nothing before 14 days with and 14 without, and tells how many more are needed', () => {
    const days = 40;
    const values = Int8Array.from({ length: days }, (_, d) => (d < 10 ? 1 : 0));
    const intensity = Float64Array.from({ length: days }, (_, d) => (d < 10 ? 3 : 6));
    const items = whatWorks({
      days,
      outcomes: { intensity, interference: new Float64Array(days).fill(Number.NaN) },
      factors: [{ kind: 'technique', id: 'heat', label: 'heat', values }],
    });
    expect(items.map((i) => [i.lag, i.verdict, i.daysWith, i.daysWithout, i.qValue])).toEqual([
      [0, 'not-enough-data', 10, 30, null],
      [1, 'not-enough-data', 10, 29, null],
    ]);
    expect(items[0]!.sentence).toBe(
      'Not enough data yet to compare days you used heat with days you did not: 4 more days with are needed.',
    );
  });
});

describe('whatWorksSentence', () => {
  const facts: SentenceFacts = {
    kind: 'technique',
    id: 'heat',
    label: 'heat',
    lag: 1,
    outcome: 'intensity',
    verdict: 'lower',
    difference: -0.93,
    ci: [-1.42, -0.41],
    daysWith: 61,
    daysWithout: 120,
    needWith: 0,
    needWithout: 0,
  };
  it('says the pattern, its interval and its days, and that it is no proof', () => {
    expect(whatWorksSentence(facts)).toBe(
      'On days after you used heat, your pain averaged 0.9 points lower than on days after you did not (0.4 to 1.4 lower), over 181 days (61 with, 120 without). This is a pattern in your diary, not proof that heat caused it.',
    );
  });
  it('says "the same as" when the difference rounds to nothing, and names only the side still short of days', () => {
    expect(whatWorksSentence({ ...facts, verdict: 'no-clear-difference', difference: -0.03, ci: [-0.64, 0.57] })).toMatch(
      /^On days after you used heat, your pain averaged the same as on days after you did not \(from 0\.6 lower to 0\.6 higher\)/,
    );
    const waiting = { ...facts, verdict: 'not-enough-data', difference: null, ci: null } as const;
    expect(whatWorksSentence({ ...waiting, needWith: 1, needWithout: 0 })).toMatch(/: 1 more day with is needed\.$/);
    expect(whatWorksSentence({ ...waiting, needWith: 0, needWithout: 3 })).toMatch(/: 3 more days without are needed\.$/);
    expect(whatWorksSentence({ ...waiting, needWith: 2, needWithout: 1 })).toMatch(
      /: 2 more days with and 1 more day without are needed\.$/,
    );
  });
  it('says when there is no clear difference, and names sleep, activity and mood without a cause', () => {
    expect(whatWorksSentence({ ...facts, lag: 0, verdict: 'no-clear-difference', difference: 0.2, ci: [-0.3, 0.7] })).toBe(
      'On days you used heat, your pain averaged 0.2 points higher than on days you did not (from 0.3 lower to 0.7 higher), over 181 days (61 with, 120 without). That is no clear difference: a gap this size could well be chance.',
    );
    expect(
      whatWorksSentence({ ...facts, kind: 'sleep', id: 'under-6-hours', lag: 0, verdict: 'higher', difference: 1, ci: [0.5, 1.5] }),
    ).toBe(
      'On days you reported under 6 hours of sleep, your pain averaged 1.0 point higher than on days you reported 7 hours or more (0.5 to 1.5 higher), over 181 days (61 with, 120 without). This is a pattern in your diary, not proof that one caused the other.',
    );
    expect(
      whatWorksSentence({
        ...facts,
        kind: 'mood',
        id: 'low',
        outcome: 'interference',
        verdict: 'higher',
        difference: 1.26,
        ci: [0.6, 1.9],
      }),
    ).toMatch(
      /^On days after your mood was low, your pain's interference with your day averaged 1\.3 points higher than on days after it was not/,
    );
  });
});
