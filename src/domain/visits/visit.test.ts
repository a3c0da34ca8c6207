import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time/local-date.ts';
import { asNeededUse, FIRST_PREPARATION_DAYS, FIVE_QUESTIONS, preparationWindow, worstDays } from './visit.ts';

const d = (s: string) => s as LocalDate;

describe('the five questions', () => {
  it('are the five a patient is told to bring, in order, each with a reason', () => {
    expect(FIVE_QUESTIONS.map((q) => q.topic)).toEqual(['cause', 'options', 'other-therapies', 'progress', 'self-care']);
    for (const q of FIVE_QUESTIONS) {
      expect(q.text.endsWith('?')).toBe(true);
      expect(q.why.length).toBeGreaterThan(40);
    }
  });
});

describe('the days a preparation covers', () => {
  it('runs from the day after the last earlier visit to the day before this one', () => {
    expect(preparationWindow(d('2026-12-20'), [d('2026-10-01'), d('2026-11-02'), d('2027-01-10')], d('2026-12-25'))).toEqual({
      from: '2026-11-03',
      to: '2026-12-19',
    });
  });

  it('looks back the first-preparation days when there is no earlier visit', () => {
    expect(FIRST_PREPARATION_DAYS).toBe(90);
    // Counted by hand: 20 Dec back to 20 Nov is 30 days, to 20 Oct 61, to 21 Sep 90.
    expect(preparationWindow(d('2026-12-20'), [], d('2026-12-25'))).toEqual({ from: '2026-09-21', to: '2026-12-19' });
  });

  it('ends today for a visit still to come', () => {
    expect(preparationWindow(d('2026-12-20'), [], d('2026-12-08'))).toEqual({ from: '2026-09-21', to: '2026-12-08' });
  });

  it('ignores a visit on the same day as this one and never starts after it ends', () => {
    expect(preparationWindow(d('2026-12-20'), [d('2026-12-20')], d('2026-12-30')).from).toBe('2026-09-21');
    // A visit the day after the last one covers no day before it: the window collapses to its end.
    expect(preparationWindow(d('2026-12-21'), [d('2026-12-20')], d('2026-12-30'))).toEqual({ from: '2026-12-20', to: '2026-12-20' });
  });
});

describe('worst days', () => {
  it('are the highest pain first, the most recent of equal days first, at most the count', () => {
    const days = [
      { localDate: '2026-11-01', maxIntensity: 7 },
      { localDate: '2026-11-02', maxIntensity: 9 },
      { localDate: '2026-11-03', maxIntensity: 7 },
      { localDate: '2026-11-04', maxIntensity: 3 },
    ];
    expect(worstDays(days, 3).map((x) => x.localDate)).toEqual(['2026-11-02', '2026-11-03', '2026-11-01']);
    expect(worstDays([], 3)).toEqual([]);
  });
});

describe('as-needed use', () => {
  it('counts takings and days per medicine whatever the case, scheduled doses left out', () => {
    const use = asNeededUse([
      {
        localDate: '2026-11-01',
        medicines: [
          { name: 'Ibuprofen', regimen: 'as-needed' },
          { name: 'Duloxetine', regimen: 'scheduled' },
        ],
      },
      { localDate: '2026-11-01', medicines: [{ name: ' ibuprofen ', regimen: 'as-needed' }] },
      {
        localDate: '2026-11-02',
        medicines: [
          { name: 'Paracetamol', regimen: 'as-needed' },
          { name: 'Ibuprofen', regimen: 'as-needed' },
        ],
      },
      {
        localDate: '2026-11-03',
        medicines: [
          { name: '  ', regimen: 'as-needed' },
          { name: 'Codeine', regimen: null },
        ],
      },
    ]);
    expect(use).toEqual([
      { name: 'Ibuprofen', times: 3, days: 2 },
      { name: 'Paracetamol', times: 1, days: 1 },
    ]);
  });
});
