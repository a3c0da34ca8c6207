import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEUROPATHIC_GOLDEN_CASES } from './mechanism.golden.ts';
import { validateNeuropathicFindings } from './findings-input.ts';
import { gradeNeuropathic, NEUROPATHIC_GRADES, type NeuropathicFindings } from './neuropathic.ts';

const KEYS = ['historySuggestive', 'distributionPlausible', 'sensorySigns', 'confirmatoryTest'] as const;

function grade(input: Record<string, unknown>) {
  const v = validateNeuropathicFindings(input);
  if (v.kind !== 'valid') throw new Error(v.problems.join('; '));
  return gradeNeuropathic(v.findings);
}

describe('gradeNeuropathic — golden cases (Finnerup 2016)', () => {
  for (const c of NEUROPATHIC_GOLDEN_CASES) {
    it(c.name, () => {
      const r = grade(c.input);
      expect(r.grade).toBe(c.expected.grade);
      expect(r.criteria.map((k) => k.answer)).toEqual(c.expected.answers);
    });
  }
});

describe('gradeNeuropathic — boundaries worked by hand', () => {
  const all = { historySuggestive: true, distributionPlausible: true, sensorySigns: true, confirmatoryTest: true };

  it('lists the four criteria in step order, each with its source', () => {
    const r = gradeNeuropathic(all);
    expect(r.criteria.map((c) => c.id)).toEqual(['history-suggestive', 'distribution-plausible', 'sensory-signs', 'confirmatory-test']);
    for (const c of r.criteria) expect(c.source).toContain('Finnerup 2016');
  });

  it('nothing assessed: unlikely, every criterion reported as not assessed', () => {
    const r = gradeNeuropathic({});
    expect(r.grade).toBe('unlikely');
    expect(r.criteria.map((c) => c.answer)).toEqual(['not-assessed', 'not-assessed', 'not-assessed', 'not-assessed']);
  });

  // Each step-1 criterion left out, then answered no: step 1 is not met either way.
  for (const key of ['historySuggestive', 'distributionPlausible'] as const) {
    it(`${key} not assessed or no: unlikely even with signs and a confirmatory test`, () => {
      expect(grade({ ...all, [key]: undefined }).grade).toBe('unlikely');
      expect(grade({ ...all, [key]: null }).grade).toBe('unlikely');
      expect(grade({ ...all, [key]: false }).grade).toBe('unlikely');
    });
  }

  it('sensory signs not assessed, test confirms: probable (same as no — footnote c), never definite', () => {
    expect(grade({ ...all, sensorySigns: undefined }).grade).toBe('probable');
    expect(grade({ ...all, sensorySigns: false }).grade).toBe('probable');
  });

  it('signs present, test not assessed or negative: probable', () => {
    expect(grade({ ...all, confirmatoryTest: undefined }).grade).toBe('probable');
    expect(grade({ ...all, confirmatoryTest: false }).grade).toBe('probable');
  });

  it('neither signs nor test assessed: possible', () => {
    expect(grade({ historySuggestive: true, distributionPlausible: true }).grade).toBe('possible');
  });

  it('the command-line example from the help text: signs false, test true → probable', () => {
    const r = grade({ historySuggestive: true, distributionPlausible: true, sensorySigns: false, confirmatoryTest: true });
    expect(r.grade).toBe('probable');
  });
});

const finding = fc.constantFrom<boolean | null | undefined>(true, false, null, undefined);
const findings = fc.record(
  Object.fromEntries(KEYS.map((k) => [k, finding])) as Record<(typeof KEYS)[number], fc.Arbitrary<boolean | null | undefined>>,
);

describe('gradeNeuropathic — properties', () => {
  it('"not assessed" and "no" give the same grade for every criterion', () => {
    fc.assert(
      fc.property(findings, fc.constantFrom(...KEYS), (f, key) => {
        expect(gradeNeuropathic({ ...f, [key]: null }).grade).toBe(gradeNeuropathic({ ...f, [key]: false }).grade);
      }),
    );
  });

  it('turning any answer to yes never lowers the grade', () => {
    fc.assert(
      fc.property(findings, fc.constantFrom(...KEYS), (f: NeuropathicFindings, key) => {
        const before = NEUROPATHIC_GRADES.indexOf(gradeNeuropathic(f).grade);
        const after = NEUROPATHIC_GRADES.indexOf(gradeNeuropathic({ ...f, [key]: true }).grade);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('definite only with all four criteria yes', () => {
    fc.assert(
      fc.property(findings, (f) => {
        const definite = gradeNeuropathic(f).grade === 'definite';
        expect(definite).toBe(KEYS.every((k) => f[k] === true));
      }),
    );
  });
});
