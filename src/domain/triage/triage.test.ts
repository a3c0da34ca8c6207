import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time/local-date.ts';
import { computeTriage, DEFAULT_TRIAGE_SETTINGS, priorityOf, type TriageInputs } from './triage.ts';

const today = '2026-12-07' as LocalDate;
const d = (s: string) => s as LocalDate;
const base: TriageInputs = {
  today,
  entries: [],
  lastEntryDate: null,
  peg: [],
  mmePerDay: null,
  mmeNotCalculable: 0,
  flags: [],
  dueQuestionnaires: 0,
  overdueQuestionnaires: 0,
};

describe('computeTriage', () => {
  it('splits entries into the last 7 local days and the 28 before them, ignoring older and future ones', () => {
    const t = computeTriage({
      ...base,
      lastEntryDate: today,
      entries: [
        { localDate: d('2026-12-07'), intensity: 6 },
        { localDate: d('2026-12-01'), intensity: 4 }, // day 7 of the recent window
        { localDate: d('2026-11-30'), intensity: 2 }, // first baseline day
        { localDate: d('2026-11-03'), intensity: 4 }, // last baseline day (28th)
        { localDate: d('2026-11-02'), intensity: 10 }, // too old
        { localDate: d('2026-12-08'), intensity: 10 }, // tomorrow
      ],
    });
    expect(t.painRecent).toBe(5);
    expect(t.painBaseline).toBe(3);
  });

  it('names pain change with the IMMPACT percent categories (Dworkin 2008): 8 → 4 is a 50 % reduction, substantial', () => {
    const t = computeTriage({
      ...base,
      entries: [
        { localDate: d('2026-12-06'), intensity: 4 },
        { localDate: d('2026-11-20'), intensity: 8 },
      ],
    });
    expect(t.painChange).toBe('substantial');
    expect(t.worsening).toBe(false);
  });

  it('counts a rise of the setting (2 points by default) as worsening, and a smaller rise as no important change', () => {
    const rise = (from: number, to: number, settings = DEFAULT_TRIAGE_SETTINGS) =>
      computeTriage(
        {
          ...base,
          entries: [
            { localDate: d('2026-12-06'), intensity: to },
            { localDate: d('2026-11-20'), intensity: from },
          ],
        },
        settings,
      );
    expect(rise(4, 6).worsening).toBe(true);
    expect(rise(4, 6).painChange).toBe('worsened');
    expect(rise(4, 5).worsening).toBe(false);
    expect(rise(4, 5).painChange).toBe('none');
    expect(rise(4, 5, { ...DEFAULT_TRIAGE_SETTINGS, painWorseningPoints: 1 })).toMatchObject({ worsening: true, painChange: 'worsened' });
    // Without a baseline there is no change to name.
    expect(computeTriage({ ...base, entries: [{ localDate: d('2026-12-06'), intensity: 5 }] }).painChange).toBeNull();
  });

  it('averages each day first, so a day with many check-ins counts as one day', () => {
    const t = computeTriage({
      ...base,
      entries: [
        { localDate: d('2026-12-06'), intensity: 8 },
        { localDate: d('2026-12-06'), intensity: 8 },
        { localDate: d('2026-12-06'), intensity: 8 },
        { localDate: d('2026-12-05'), intensity: 2 },
      ],
    });
    expect(t.painRecent).toBe(5);
  });

  it('names PEG change with its 1-point threshold, and a 1-point rise is worsening', () => {
    const peg = (previous: number, latest: number) =>
      computeTriage({
        ...base,
        peg: [
          { score: latest, completedAt: '2026-12-01T10:00:00.000Z' },
          { score: previous, completedAt: '2026-11-01T10:00:00.000Z' },
        ],
      });
    expect(peg(5, 6).pegChange).toBe('worsened');
    expect(peg(5, 6).worsening).toBe(true);
    expect(peg(6, 5).pegChange).toBe('improved');
    expect(peg(5, 5.5).pegChange).toBe('none');
    expect(peg(6, 5).pegScore).toBe(5);
    expect(computeTriage({ ...base, peg: [{ score: 5, completedAt: '2026-12-01T10:00:00.000Z' }] }).pegChange).toBeNull();
    // A latest PEG older than the 35 days says nothing about now.
    const old = computeTriage({
      ...base,
      peg: [
        { score: 7, completedAt: '2026-10-01T10:00:00.000Z' },
        { score: 3, completedAt: '2026-09-01T10:00:00.000Z' },
      ],
    });
    expect(old).toMatchObject({ pegChange: null, worsening: false, pegScore: 7 });
  });

  it('calls a diary lapsed from the setting’s days without a check-in (7 by default), and a patient with none lapsed', () => {
    expect(computeTriage({ ...base, lastEntryDate: d('2026-12-01') }).lapsed).toBe(false);
    expect(computeTriage({ ...base, lastEntryDate: d('2026-11-30') }).lapsed).toBe(true);
    expect(computeTriage(base).lapsed).toBe(true);
  });

  it('keeps flags above info only', () => {
    const t = computeTriage({
      ...base,
      lastEntryDate: today,
      flags: [
        { id: 'mme-at-least-50', severity: 'caution' },
        { id: 'opioid-benzodiazepine', severity: 'warning' },
        { id: 'an-informational-flag', severity: 'info' },
      ],
    });
    expect(t.flags).toEqual(['mme-at-least-50', 'opioid-benzodiazepine']);
    expect(t.priority).toBe(2000);
  });
});

describe('priorityOf', () => {
  const none = { flags: [], overdueQuestionnaires: 0, worsening: false, lapsed: false };
  it('orders safety flags above overdue questionnaires above worsening above a lapsed diary', () => {
    const flagged = priorityOf({ ...none, flags: ['x'] });
    const overdue = priorityOf({ ...none, overdueQuestionnaires: 9, worsening: true, lapsed: true });
    const worse = priorityOf({ ...none, worsening: true, lapsed: true });
    const lapsed = priorityOf({ ...none, lapsed: true });
    expect(flagged).toBeGreaterThan(overdue);
    expect(overdue).toBeGreaterThan(worse);
    expect(worse).toBeGreaterThan(lapsed);
    expect(lapsed).toBeGreaterThan(priorityOf(none));
  });
  it('counts more of a tier as more urgent, up to 9', () => {
    expect(priorityOf({ ...none, flags: ['a', 'b'] })).toBeGreaterThan(priorityOf({ ...none, flags: ['a'] }));
    expect(priorityOf({ ...none, overdueQuestionnaires: 12 })).toBe(priorityOf({ ...none, overdueQuestionnaires: 9 }));
  });
});
