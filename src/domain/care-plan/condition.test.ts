import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cdc2022Scope, classifyChronicity, PAIN_MECHANISMS, type Condition } from './condition.ts';
import { CHRONICITY_GOLDEN_CASES } from './condition.golden.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';
import { addCalendarMonths } from './calendar-months.ts';

describe('chronicity (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1)', () => {
  for (const c of CHRONICITY_GOLDEN_CASES) {
    it(c.name, () => {
      const r = classifyChronicity(c.input.onset as LocalDate, c.input.asOf as LocalDate);
      expect(r.kind === 'classified' ? r.chronicity : r.kind).toBe(c.expected);
    });
  }

  const date = fc.integer({ min: 0, max: 20_000 }).map((n) => addDays('1990-01-01' as LocalDate, n));
  const order: Record<string, number> = { acute: 0, subacute: 1, chronic: 2 };

  it('never goes back from chronic to acute as time passes', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (onset, a, b) => {
        const r1 = classifyChronicity(onset, addDays(onset, Math.min(a, b)));
        const r2 = classifyChronicity(onset, addDays(onset, Math.max(a, b)));
        if (r1.kind !== 'classified' || r2.kind !== 'classified') throw new Error('classified expected');
        expect(order[r2.chronicity]!).toBeGreaterThanOrEqual(order[r1.chronicity]!);
      }),
    );
  });

  it('is acute within 27 days and chronic after 93 days, whatever the month lengths', () => {
    fc.assert(
      fc.property(date, (onset) => {
        expect(classifyChronicity(onset, addDays(onset, 27))).toMatchObject({ chronicity: 'acute' });
        expect(classifyChronicity(onset, addDays(onset, 93))).toMatchObject({ chronicity: 'chronic' });
      }),
    );
  });

  it('calendar months add monotonically', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 24 }), (d, m) => {
        expect(addCalendarMonths(d, m + 1) > addCalendarMonths(d, m)).toBe(true);
      }),
    );
  });

  it('clamps to the right month end in years 0–99 too (not read as 1900–1999)', () => {
    // Year 0 is a leap year in the proleptic Gregorian calendar and 1900 is not: read as 1900, February
    // would end on the 28th.
    expect(addCalendarMonths('0000-01-31' as LocalDate, 1)).toBe('0000-02-29');
    expect(addCalendarMonths('0001-01-31' as LocalDate, 1)).toBe('0001-02-28');
  });
});

describe('CDC 2022 scope', () => {
  const base: Condition = {
    label: 'low back pain',
    mechanism: 'nociceptive',
    onsetDate: '2026-01-01' as LocalDate,
    cancerRelated: false,
    endOfLife: false,
  };
  it('in scope for an adult outpatient condition', () => {
    expect(cdc2022Scope(base, 40)).toEqual({ inScope: true, reasons: [] });
  });
  it('cancer, end of life, palliative care, sickle cell and under 18 are outside', () => {
    expect(cdc2022Scope({ ...base, cancerRelated: true, endOfLife: true, palliativeCare: true, sickleCellDisease: true }, 17)).toEqual({
      inScope: false,
      reasons: ['cancer-related', 'end-of-life', 'palliative-care', 'sickle-cell-disease', 'under-18'],
    });
  });
  it('has the five mechanism categories', () => {
    expect(PAIN_MECHANISMS).toEqual(['nociceptive', 'neuropathic', 'nociplastic', 'mixed', 'unknown']);
  });
});
