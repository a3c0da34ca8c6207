import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOCIPLASTIC_GOLDEN_CASES } from './mechanism.golden.ts';
import { validateNociplasticFindings } from './findings-input.ts';
import {
  gradeNociplastic,
  NOCIPLASTIC_COMORBIDITIES,
  NOCIPLASTIC_GRADES,
  NOCIPLASTIC_MIN_DURATION_MONTHS,
  NOCIPLASTIC_SOURCE,
  type NociplasticFindings,
} from './nociplastic.ts';

function grade(input: Record<string, unknown>) {
  const v = validateNociplasticFindings(input);
  if (v.kind !== 'valid') throw new Error(v.problems.join('; '));
  return gradeNociplastic(v.findings);
}

const probable = {
  durationMonths: 6,
  regional: true,
  notEntirelyExplained: true,
  clinicalHypersensitivity: true,
  historyOfHypersensitivity: true,
  comorbidities: ['sleep-disturbance'],
};

describe('gradeNociplastic — golden cases (Kosek 2021)', () => {
  for (const c of NOCIPLASTIC_GOLDEN_CASES) {
    it(c.name, () => {
      const r = grade(c.input);
      expect(r.grade).toBe(c.expected.grade);
      expect(r.criteria.map((k) => k.answer)).toEqual(c.expected.answers);
    });
  }
});

describe('gradeNociplastic — boundaries worked by hand', () => {
  it('pins the duration threshold to the published 3 months', () => {
    expect(NOCIPLASTIC_MIN_DURATION_MONTHS).toBe(3);
  });

  it('duration: 3 months counts ("at least 3"), 2 and 2.9 do not', () => {
    expect(grade({ ...probable, durationMonths: 3 }).grade).toBe('probable');
    expect(grade({ ...probable, durationMonths: 3 }).criteria[0]).toMatchObject({ id: 'duration', answer: 'yes' });
    expect(grade({ ...probable, durationMonths: 2 }).grade).toBe('not-applicable');
    expect(grade({ ...probable, durationMonths: 2.9 }).criteria[0]!.answer).toBe('no');
    expect(grade({ ...probable, durationMonths: 0 }).grade).toBe('not-applicable');
  });

  it('duration not recorded: not assessed, so not applicable', () => {
    const r = grade({ ...probable, durationMonths: undefined });
    expect(r.grade).toBe('not-applicable');
    expect(r.criteria[0]).toMatchObject({ answer: 'not-assessed', detail: expect.stringContaining('not recorded') });
  });

  // Each criterion of steps 1–3 missing, then answered no: not applicable either way.
  for (const key of ['regional', 'notEntirelyExplained'] as const) {
    it(`${key} missing or no: not applicable`, () => {
      expect(grade({ ...probable, [key]: undefined }).grade).toBe('not-applicable');
      expect(grade({ ...probable, [key]: false }).grade).toBe('not-applicable');
    });
  }

  it('clinical signs missing or no: unlikely', () => {
    expect(grade({ ...probable, clinicalHypersensitivity: undefined }).grade).toBe('unlikely');
    expect(grade({ ...probable, clinicalHypersensitivity: false }).grade).toBe('unlikely');
  });

  it('history missing or no: possible', () => {
    expect(grade({ ...probable, historyOfHypersensitivity: undefined }).grade).toBe('possible');
    expect(grade({ ...probable, historyOfHypersensitivity: false }).grade).toBe('possible');
  });

  it('comorbidities missing (not assessed) or [] (none present): possible, reported differently', () => {
    const missing = grade({ ...probable, comorbidities: undefined });
    const none = grade({ ...probable, comorbidities: [] });
    expect(missing.grade).toBe('possible');
    expect(none.grade).toBe('possible');
    expect(missing.criteria[5]).toMatchObject({ id: 'comorbidity', answer: 'not-assessed' });
    expect(none.criteria[5]).toMatchObject({ id: 'comorbidity', answer: 'no', detail: expect.stringContaining('none present') });
  });

  it('each named comorbidity alone is enough for criterion 6', () => {
    for (const c of NOCIPLASTIC_COMORBIDITIES) expect(grade({ ...probable, comorbidities: [c] }).grade).toBe('probable');
  });

  it('only clinical signs, history and comorbidity, with 1–3 unassessed: not applicable', () => {
    const r = grade({ clinicalHypersensitivity: true, historyOfHypersensitivity: true, comorbidities: ['fatigue'] });
    expect(r.grade).toBe('not-applicable');
  });

  it('marks the comorbidity criterion with the UNCONFIRMED "probable" wording', () => {
    expect(grade(probable).criteria[5]!.source).toContain('UNCONFIRMED');
  });
});

describe('gradeNociplastic — what each criterion says', () => {
  it('describes every criterion and what was recorded for it', () => {
    const r = grade(probable);
    expect(r.criteria.map((c) => [c.id, c.detail])).toEqual([
      ['duration', '6 months; at least 3 months needed'],
      ['regional', 'regional (multifocal or widespread) rather than discrete pain distribution'],
      ['not-entirely-explained', 'pain cannot entirely be explained by nociceptive or neuropathic mechanisms'],
      [
        'clinical-hypersensitivity',
        'clinical signs of pain hypersensitivity at least in the region of pain (allodynia or painful after-sensations)',
      ],
      ['history-of-hypersensitivity', 'history of pain hypersensitivity in the region of pain'],
      ['comorbidity', 'at least one of sound/light/odour sensitivity, sleep disturbance, fatigue, cognitive problems: sleep-disturbance'],
    ]);
  });

  it('says which comorbidities were recorded, none, or that they were not assessed', () => {
    const detail = (comorbidities: unknown) => grade({ ...probable, comorbidities }).criteria[5]!.detail;
    expect(detail(['fatigue', 'cognitive-problems'])).toMatch(/: fatigue, cognitive-problems$/);
    expect(detail([])).toMatch(/: none present$/);
    expect(detail(undefined)).toMatch(/: not assessed$/);
  });

  it('names the UNCONFIRMED "probable" wording only while both are required', () => {
    const source = (both: boolean) =>
      gradeNociplastic({ comorbidities: [] }, { probableRequiresHistoryAndComorbidity: both }).criteria[5]!.source;
    expect(source(true)).toBe(
      `${NOCIPLASTIC_SOURCE}; "probable" needs history and comorbidity per secondary sources (verbatim rule UNCONFIRMED)`,
    );
    expect(source(false)).toBe(NOCIPLASTIC_SOURCE);
  });
});

describe('gradeNociplastic — UNCONFIRMED setting probableRequiresHistoryAndComorbidity', () => {
  const either = { probableRequiresHistoryAndComorbidity: false };
  it('false: history alone or a comorbidity alone is enough; neither stays possible', () => {
    const v = (input: Record<string, unknown>) => {
      const r = validateNociplasticFindings(input);
      if (r.kind !== 'valid') throw new Error('invalid');
      return gradeNociplastic(r.findings, either).grade;
    };
    expect(v({ ...probable, comorbidities: [] })).toBe('probable');
    expect(v({ ...probable, historyOfHypersensitivity: false })).toBe('probable');
    expect(v({ ...probable, historyOfHypersensitivity: false, comorbidities: [] })).toBe('possible');
    expect(v({ ...probable, clinicalHypersensitivity: false })).toBe('unlikely');
  });
});

const bool = fc.constantFrom<boolean | null | undefined>(true, false, null, undefined);
const findings: fc.Arbitrary<NociplasticFindings> = fc.record({
  durationMonths: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  regional: bool,
  notEntirelyExplained: bool,
  clinicalHypersensitivity: bool,
  historyOfHypersensitivity: bool,
  comorbidities: fc.option(fc.subarray([...NOCIPLASTIC_COMORBIDITIES]), { nil: null }),
});
const BOOLEAN_KEYS = ['regional', 'notEntirelyExplained', 'clinicalHypersensitivity', 'historyOfHypersensitivity'] as const;

describe('gradeNociplastic — properties', () => {
  it('"not assessed" and "no" give the same grade for every criterion', () => {
    fc.assert(
      fc.property(findings, fc.constantFrom(...BOOLEAN_KEYS), (f, key) => {
        expect(gradeNociplastic({ ...f, [key]: null }).grade).toBe(gradeNociplastic({ ...f, [key]: false }).grade);
        expect(gradeNociplastic({ ...f, comorbidities: null }).grade).toBe(gradeNociplastic({ ...f, comorbidities: [] }).grade);
        expect(gradeNociplastic({ ...f, durationMonths: null }).grade).toBe(gradeNociplastic({ ...f, durationMonths: 0 }).grade);
      }),
    );
  });

  it('turning an answer to yes never lowers the grade, under either setting', () => {
    fc.assert(
      fc.property(findings, fc.constantFrom(...BOOLEAN_KEYS), fc.boolean(), (f, key, both) => {
        const settings = { probableRequiresHistoryAndComorbidity: both };
        const before = NOCIPLASTIC_GRADES.indexOf(gradeNociplastic(f, settings).grade);
        const raised = [
          { ...f, [key]: true },
          { ...f, durationMonths: 3 },
          { ...f, comorbidities: ['fatigue' as const] },
        ];
        for (const g of raised) expect(NOCIPLASTIC_GRADES.indexOf(gradeNociplastic(g, settings).grade)).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
