import { describe, expect, it } from 'vitest';
import { citationOf, doseInWords, drugName, opioidComponentOf, orderPeriodInWords, taperDosesInWords } from './plan-format.ts';

const order = {
  doseMg: null,
  doseMcgPerHour: null,
  acetaminophenMg: null,
  schedule: 'scheduled',
  timesPerDay: null,
  maxPerDay: null,
} as const;

describe('medicines in words', () => {
  it('says how much and how often, as-needed at its maximum', () => {
    expect(doseInWords({ ...order, doseMg: 60, timesPerDay: 1 })).toBe('60 mg, once a day');
    expect(doseInWords({ ...order, doseMg: 75, timesPerDay: 2 })).toBe('75 mg, twice a day');
    expect(doseInWords({ ...order, doseMg: 10, acetaminophenMg: 325, timesPerDay: 6 })).toBe(
      '10 mg with 325 mg acetaminophen, 6 times a day',
    );
    expect(doseInWords({ ...order, doseMg: 5, schedule: 'as-needed', maxPerDay: 4 })).toBe('5 mg, up to 4 times a day when needed');
    expect(doseInWords({ ...order, doseMcgPerHour: 25 })).toBe('25 mcg/h patch');
  });

  it('names a medicine by its generic name, and an unknown id as it is', () => {
    expect(drugName('hydrocodone-acetaminophen')).toBe('hydrocodone and acetaminophen');
    expect(drugName('not-in-the-formulary')).toBe('not-in-the-formulary');
  });
});

describe('citations', () => {
  it("keeps the published sources and drops the references to the project's own notes", () => {
    expect(citationOf('CDC 2022 Clinical Practice Guideline (MMWR Recomm Rep 2022;71(RR-3)) R4, R7, R8 — guidelines.md §1.4')).toBe(
      'CDC 2022 Clinical Practice Guideline (MMWR Recomm Rep 2022;71(RR-3)) R4, R7, R8',
    );
    expect(
      citationOf('FDA Drug Safety Communication 31 Aug 2016 (boxed warning); CDC 2022 R11; AGS Beers 2023 — guidelines.md §1.8, §8'),
    ).toBe('FDA Drug Safety Communication 31 Aug 2016 (boxed warning); CDC 2022 R11; AGS Beers 2023');
    expect(citationOf('FDA Drug Safety Communication 31 Aug 2016 (guidelines.md §8)')).toBe('FDA Drug Safety Communication 31 Aug 2016');
    expect(citationOf('extended-release / long-acting formulation (CDC 2022 R3, guidelines.md §1.3); methadone is long-acting')).toBe(
      'extended-release / long-acting formulation (CDC 2022 R3); methadone is long-acting',
    );
    expect(
      citationOf(
        'CDC 2022 R5 and implementation considerations (draft) — guidelines.md §1.6; percentages UNCONFIRMED in final wording (§10 item 1)',
      ),
    ).toBe('CDC 2022 R5 and implementation considerations (draft); percentages UNCONFIRMED in final wording');
    expect(citationOf('cdc.gov Assess Risks (age ≥ 65) guidelines.md §1.7; AGS Beers 2023 §8')).toBe(
      'cdc.gov Assess Risks (age ≥ 65); AGS Beers 2023 §8',
    );
    expect(citationOf('guidelines.md §8 "> 3,000 mg (configurable caution)"; CDC 2022 ">3–4 g/day" §1.10')).not.toMatch(/guidelines\.md/);
  });

  it('never shows a project note in any source the medicine rules cite', async () => {
    const { FORMULARY_DATA } = await import('../../../domain/medications/formulary.ts');
    const { TAPER_SOURCE } = await import('../../../domain/medications/taper.ts');
    for (const source of [TAPER_SOURCE, ...FORMULARY_DATA.map((d) => d.source)]) {
      expect(citationOf(source)).not.toMatch(/\.md\b|§10 item/);
      expect(citationOf(source).length).toBeGreaterThan(0);
    }
  });
});

describe('when an order runs', () => {
  it('says the stop date is the first day without the medicine, not the last day taken', () => {
    expect(orderPeriodInWords({ startDate: '2026-11-27', stopDate: '2026-11-27' })).toBe(
      'from Nov 27, 2026; first day without it: Nov 27, 2026',
    );
    expect(orderPeriodInWords({ startDate: '2026-03-01', stopDate: null })).toBe('since Mar 1, 2026');
  });
});

describe('counts in the plan messages', () => {
  it('agree with their numbers (no "1 days", "1 sessions")', async () => {
    const { t } = await import('../../i18n/index.ts');
    expect(t('asNeeded.clinicianLine', { drug: 'oxycodone', taken: 1, days: 1, window: 14, over: 1, allowed: 2 })).toBe(
      'oxycodone: 1 as-needed dose on 1 of 14 days; over the allowance on 1 day; allowance today 2.',
    );
    expect(t('asNeeded.line', { drug: 'oxycodone', taken: 1, days: 1, window: 14 })).toBe(
      'oxycodone: taken once on 1 of the last 14 days.',
    );
    expect(t('asNeeded.line', { drug: 'oxycodone', taken: 3, days: 2, window: 14 })).toBe(
      'oxycodone: taken 3 times on 2 of the last 14 days.',
    );
    expect(t('pacing.clinicianLine', { baseline: 10, unit: 'minutes', sessions: 1, start: 8, level: 0 })).toContain('from 1 session;');
    expect(t('plan.conservative.dates', { start: 'a', end: 'b', days: 1 })).toBe('a to b (1 day)');
  });
});

describe("a combination product's milligrams", () => {
  it('are said to be of its opioid in taper steps, for the chart and the patient', () => {
    const items = [
      { drug: 'hydrocodone-acetaminophen', dailyDose: 60, unit: 'mg' },
      { drug: 'oxycodone', dailyDose: 40, unit: 'mg' },
    ] as never;
    expect(taperDosesInWords(items, 'patient')).toBe(
      'hydrocodone and acetaminophen: 60 mg of hydrocodone a day in total; oxycodone 40 mg a day in total',
    );
    expect(taperDosesInWords(items, 'clinician')).toBe('hydrocodone and acetaminophen: hydrocodone 60 mg/day; oxycodone 40 mg/day');
    expect(opioidComponentOf('oxycodone')).toBeUndefined();
    expect(doseInWords({ ...order, formularyId: 'hydrocodone-acetaminophen', doseMg: 10, acetaminophenMg: 325, timesPerDay: 6 })).toBe(
      '10 mg hydrocodone with 325 mg acetaminophen, 6 times a day',
    );
  });
});
