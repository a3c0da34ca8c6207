// Boundary tests for the CDC 2022 pain-duration definitions and age scope, generated from
// CHRONICITY_MONTHS and CDC_2022_MIN_AGE: the day (or year) itself and one either side, from onset
// dates that include month ends and a leap day. The published values are asserted separately.
//
// Source: Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for
// Prescribing Opioids for Pain — United States, 2022. MMWR Recomm Rep 2022;71(RR-3):1–95,
// https://doi.org/10.15585/mmwr.rr7103a1 — acute pain < 1 month, subacute 1–3 months, chronic > 3 months;
// outpatients aged ≥ 18 years.
import { describe, expect, it } from 'vitest';
import { CDC_2022_MIN_AGE, CHRONICITY_MONTHS, cdc2022Scope, classifyChronicity, type Chronicity, type Condition } from './condition.ts';
import { addCalendarMonths } from './calendar-months.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';

const ONSETS = ['2025-03-10', '2024-01-31', '2024-02-29', '2023-11-30'] as LocalDate[];

const chronicityOf = (onset: LocalDate, asOf: LocalDate): Chronicity | 'onset-in-future' => {
  const r = classifyChronicity(onset, asOf);
  return r.kind === 'classified' ? r.chronicity : r.kind;
};

describe('chronicity: each edge and one day either side (generated from CHRONICITY_MONTHS)', () => {
  const cases = ONSETS.flatMap((onset) => {
    const subacuteFrom = addCalendarMonths(onset, CHRONICITY_MONTHS.subacuteFromMonths);
    const chronicAfter = addCalendarMonths(onset, CHRONICITY_MONTHS.chronicAfterMonths);
    return [
      { onset, asOf: addDays(subacuteFrom, -1), expected: 'acute' },
      { onset, asOf: subacuteFrom, expected: 'subacute' },
      { onset, asOf: addDays(subacuteFrom, 1), expected: 'subacute' },
      { onset, asOf: addDays(chronicAfter, -1), expected: 'subacute' },
      { onset, asOf: chronicAfter, expected: 'subacute' },
      { onset, asOf: addDays(chronicAfter, 1), expected: 'chronic' },
      { onset, asOf: onset, expected: 'acute' },
      { onset, asOf: addDays(onset, -1), expected: 'onset-in-future' },
    ];
  });

  it.each(cases)('onset $onset, as of $asOf → $expected', ({ onset, asOf, expected }) => {
    expect(chronicityOf(onset, asOf)).toBe(expected);
  });

  it('published values: subacute from 1 month, chronic after 3 months', () => {
    expect(CHRONICITY_MONTHS).toEqual({ subacuteFromMonths: 1, chronicAfterMonths: 3 });
  });
});

describe('CDC 2022 scope: age edge and one year either side (generated from CDC_2022_MIN_AGE)', () => {
  const condition: Condition = {
    label: 'Low back pain',
    mechanism: 'nociceptive',
    onsetDate: '2025-01-01' as LocalDate,
    cancerRelated: false,
    endOfLife: false,
  };
  it.each([CDC_2022_MIN_AGE - 1, CDC_2022_MIN_AGE, CDC_2022_MIN_AGE + 1])('age %i', (age) => {
    expect(cdc2022Scope(condition, age).inScope).toBe(age >= CDC_2022_MIN_AGE);
  });
  it('published value: outpatients aged 18 or over', () => {
    expect(CDC_2022_MIN_AGE).toBe(18);
  });
});
