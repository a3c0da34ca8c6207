// SCS criteria at each boundary, worked by hand from NCD 160.7 B.2
// (https://www.cms.gov/medicare-coverage-database/view/ncd.aspx?ncdid=240), LCD L36204
// (https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=36204) and billing article A57792.
import { describe, expect, it } from 'vitest';
import { FULL_PATIENT, evaluate, item, request } from './request-builders.ts';

const trial = (fields: object, date = '2026-02-01') =>
  item('scs-trial', date, {
    scale: 'vas',
    painBefore: 100,
    painAfter: 100,
    analgesicReductionPercent: 0,
    functionImproved: true,
    ...fields,
  });
const permanent = (history: object[], patient: object = {}) =>
  evaluate(request('scs-permanent', { patient: { ...FULL_PATIENT, baselinePain: { scale: 'vas', value: 100 }, ...patient }, history }));

describe('a successful trial', () => {
  it('50% pain relief with some functional improvement is met; 49% is not', () => {
    expect(permanent([trial({ painAfter: 50 })]).status('successful-trial')).toBe('met');
    expect(permanent([trial({ painAfter: 51 })]).status('successful-trial')).toBe('not-met');
  });
  it('or 50% fewer analgesics; 49% is not', () => {
    expect(permanent([trial({ analgesicReductionPercent: 50 })]).status('successful-trial')).toBe('met');
    expect(permanent([trial({ analgesicReductionPercent: 49 })]).status('successful-trial')).toBe('not-met');
  });
  it('needs some functional improvement; unrecorded function is missing', () => {
    expect(permanent([trial({ painAfter: 0, functionImproved: false })]).status('successful-trial')).toBe('not-met');
    expect(permanent([trial({ painAfter: 0, functionImproved: null })]).status('successful-trial')).toBe('missing');
  });
  it('a trial rated on another scale than the baseline cannot show pain relief', () => {
    expect(permanent([trial({ scale: 'nrs', painBefore: 10, painAfter: 0 })]).status('successful-trial')).toBe('not-met');
  });
  it('no trial, no permanent implant; CRPS gets the physician-judgement note', () => {
    expect(permanent([]).status('successful-trial')).toBe('not-met');
    expect(permanent([trial({ painAfter: 70 })], { indication: 'crps' }).find('successful-trial')?.detail).toContain('CRPS');
  });
  it('one permanent SCS per lifetime', () => {
    expect(permanent([trial({ painAfter: 0 }), item('scs-permanent', '2020-01-01')]).status('one-permanent-per-lifetime')).toBe('not-met');
  });
});

describe('trials per region', () => {
  const patient = { ...FULL_PATIENT, baselinePain: { scale: 'vas', value: 100 } };
  const trialRequest = (history: object[]) => evaluate(request('scs-trial', { patient, history })).status('scs-trials-per-region');
  it('a second trial after a successful one is within 2; a third is not', () => {
    expect(trialRequest([])).toBe('met');
    expect(trialRequest([trial({ painAfter: 0 }, '2025-01-01')])).toBe('met');
    expect(trialRequest([trial({ painAfter: 0 }, '2024-01-01'), trial({ painAfter: 0 }, '2025-01-01')])).toBe('not-met');
  });
  it('a repeat after a failed trial needs extenuating circumstances documented', () => {
    expect(trialRequest([trial({ painAfter: 90, functionImproved: false }, '2025-01-01')])).toBe('missing');
  });
});

describe('patient selection', () => {
  const select = (patient: object) => evaluate(request('scs-trial', { patient: { ...FULL_PATIENT, ...patient } }));
  it('reads the multidisciplinary and psychological evaluations and substance use', () => {
    expect(select({}).verdict).toBe('meets');
    expect(select({ activeSubstanceAbuse: true }).status('no-active-substance-abuse')).toBe('not-met');
    expect(select({ psychologicalEvaluation: false }).status('psychological-evaluation')).toBe('not-met');
    expect(select({ multidisciplinaryEvaluation: null }).status('multidisciplinary-evaluation')).toBe('missing');
  });
  it('other therapies must have been unsatisfactory', () => {
    expect(select({ conservativeCare: [{ kind: 'physical-therapy', outcome: 'helped' }] }).status('other-therapies-unsatisfactory')).toBe(
      'not-met',
    );
    expect(select({ conservativeCare: undefined }).status('other-therapies-unsatisfactory')).toBe('missing');
  });
});
