import { describe, expect, it } from 'vitest';
import { jsonPointer } from '../shape/shape-problems.ts';
import { request } from './request-builders.ts';
import { validateReadinessRequest } from './request.ts';

function problems(input: unknown): string[] {
  const r = validateReadinessRequest(input);
  return r.kind === 'invalid' ? r.problems.map((p) => `${jsonPointer(p.path)} ${p.message}`) : [];
}

describe('readiness request shape', () => {
  it('accepts the smallest request: a procedure and a date', () => {
    expect(validateReadinessRequest({ procedure: 'scs-trial', date: '2026-03-02' }).kind).toBe('valid');
    expect(validateReadinessRequest(request('facet-rfa')).kind).toBe('valid');
  });

  it('refuses anything that is not an object, without throwing', () => {
    for (const input of [null, undefined, 'facet-rfa', 3, [], true]) expect(problems(input)).toEqual([' must be a JSON object']);
  });

  it('names what is missing or wrong with a pointer', () => {
    expect(problems({})).toEqual([
      '/procedure is required (one of: facet-mbb, facet-ia, facet-rfa, facet-rfa-repeat, esi-interlaminar, esi-transforaminal, esi-caudal, scs-trial, scs-permanent)',
      '/date is required (the planned date, YYYY-MM-DD)',
    ]);
    expect(problems({ procedure: 'facet-rfa', date: '2026-02-30' })).toEqual(['/date must be a date YYYY-MM-DD']);
    expect(problems(request('facet-rfa', { levels: 0 }))).toEqual(['/levels must be at least 1']);
    expect(problems(request('facet-rfa', { guidance: 'mri' }))).toEqual(['/guidance must be one of: fluoroscopy, ct, ultrasound, none']);
  });

  it('refuses unknown fields so a typo is not read as a missing fact', () => {
    expect(problems(request('facet-rfa', { levles: 2 }))).toEqual(['/levles is not a known field']);
    expect(problems({ procedure: 'facet-rfa', date: '2026-03-02', patient: { painonset: '2025-01-01' } })).toEqual([
      '/patient/painonset is not a known field',
    ]);
  });

  it('keeps ratings on their scale: NRS 0–10, ODI and VAS 0–100', () => {
    expect(problems({ procedure: 'facet-rfa', date: '2026-03-02', patient: { baselinePain: { scale: 'nrs', value: 11 } } })).toEqual([
      '/patient/baselinePain/value must be at most 10 on the nrs scale',
    ]);
    const h = { procedure: 'facet-mbb', date: '2026-01-01', region: 'lumbar', scale: 'odi', painBefore: 101, painAfter: -1 };
    expect(problems({ procedure: 'facet-rfa', date: '2026-03-02', history: [h] })).toEqual([
      '/history/0/painBefore must be at most 100 on the odi scale',
      '/history/0/painAfter must be a number, zero or more',
    ]);
  });

  it('refuses history and onset dated after the planned procedure', () => {
    const h = { procedure: 'facet-mbb', date: '2026-03-03', region: 'lumbar' };
    expect(problems({ procedure: 'facet-rfa', date: '2026-03-02', history: [h], patient: { painOnset: '2026-03-03' } })).toEqual([
      '/patient/painOnset is after the planned date',
      '/history/0/date is after the planned date',
    ]);
  });
});
