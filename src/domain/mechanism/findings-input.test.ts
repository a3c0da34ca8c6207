import { describe, expect, it } from 'vitest';
import { validateNeuropathicFindings, validateNociplasticFindings } from './findings-input.ts';

describe('validateNeuropathicFindings', () => {
  it('reads true, false, null and absent', () => {
    expect(validateNeuropathicFindings({ historySuggestive: true, distributionPlausible: false, sensorySigns: null })).toEqual({
      kind: 'valid',
      findings: { historySuggestive: true, distributionPlausible: false, sensorySigns: null, confirmatoryTest: null },
    });
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', [], /JSON object/],
    ['null', null, /JSON object/],
    ['a typo', { historySugestive: true }, /historySugestive is not a known finding/],
    ['a string answer', { sensorySigns: 'yes' }, /sensorySigns must be true, false or null/],
    ['a number answer', { confirmatoryTest: 1 }, /confirmatoryTest must be true, false or null/],
  ];
  for (const [name, raw, message] of invalid) {
    it(`rejects ${name}`, () => {
      const r = validateNeuropathicFindings(raw);
      expect(r.kind).toBe('invalid');
      if (r.kind === 'invalid') expect(r.problems.join('\n')).toMatch(message);
    });
  }
});

describe('validateNociplasticFindings', () => {
  it('reads an empty list as assessed-none and absent as not assessed', () => {
    expect(validateNociplasticFindings({ durationMonths: 3, comorbidities: [] })).toEqual({
      kind: 'valid',
      findings: {
        durationMonths: 3,
        regional: null,
        notEntirelyExplained: null,
        clinicalHypersensitivity: null,
        historyOfHypersensitivity: null,
        comorbidities: [],
      },
    });
  });

  it('reads null as not assessed and takes durations up to the input limit itself', () => {
    const r = validateNociplasticFindings({ durationMonths: null, comorbidities: null, regional: null });
    expect(r).toMatchObject({ kind: 'valid', findings: { durationMonths: null, comorbidities: null, regional: null } });
    expect(validateNociplasticFindings({ durationMonths: 1200 })).toMatchObject({ kind: 'valid', findings: { durationMonths: 1200 } });
  });

  it('names the known findings and comorbidities in its messages', () => {
    const typo = validateNociplasticFindings({ regionl: true });
    expect(typo.kind === 'invalid' && typo.problems).toEqual([
      'regionl is not a known finding (known: durationMonths, regional, notEntirelyExplained, clinicalHypersensitivity, historyOfHypersensitivity, comorbidities)',
    ]);
    const unknown = validateNociplasticFindings({ comorbidities: ['anxiety'] });
    expect(unknown.kind === 'invalid' && unknown.problems).toEqual([
      'comorbidities[0] must be one of sound-light-odour-sensitivity, sleep-disturbance, fatigue, cognitive-problems',
    ]);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['not an object', 'x', /JSON object/],
    ['negative duration', { durationMonths: -1 }, /durationMonths must be between 0 and 1200/],
    ['absurd duration', { durationMonths: 1201 }, /between 0 and 1200/],
    ['string duration', { durationMonths: '6' }, /durationMonths must be a number/],
    ['comorbidities not a list', { comorbidities: 'fatigue' }, /comorbidities must be a list/],
    ['unknown comorbidity', { comorbidities: ['anxiety'] }, /comorbidities\[0\] must be one of/],
    ['repeated comorbidity', { comorbidities: ['fatigue', 'fatigue'] }, /comorbidities\[1\] repeats fatigue/],
    ['a typo', { regionl: true }, /regionl is not a known finding/],
    ['a string answer', { regional: 'true' }, /regional must be true, false or null/],
  ];
  for (const [name, raw, message] of invalid) {
    it(`rejects ${name}`, () => {
      const r = validateNociplasticFindings(raw);
      expect(r.kind).toBe('invalid');
      if (r.kind === 'invalid') expect(r.problems.join('\n')).toMatch(message);
    });
  }
});
