// ESI criteria at each boundary, worked by hand from the ESI LCDs as encoded by ASIPP
// (https://asipp.org/an-algorithmic-approach-to-epidural-steroid-injections-2/) and the L33906 summary
// with billing articles A56651/A58731/A58777. Planned date 2 Mar 2026; 4 weeks before it is 2 Feb 2026.
import { describe, expect, it } from 'vitest';
import { RADICULAR_PATIENT, evaluate, item, request } from './request-builders.ts';

const esi = (fields: object = {}, procedure = 'esi-transforaminal') => evaluate(request(procedure, fields));
const withPatient = (patient: object, procedure = 'esi-transforaminal') =>
  esi({ patient: { ...RADICULAR_PATIENT, ...patient } }, procedure);

describe('conservative care', () => {
  const care = (c: object) => withPatient({ conservativeCare: [{ kind: 'physical-therapy', ...c }] }).status('conservative-care-4-weeks');
  it('4 weeks failed is met, 3 weeks is not', () => {
    expect(care({ weeks: 4, outcome: 'failed' })).toBe('met');
    expect(care({ weeks: 3, outcome: 'failed' })).toBe('not-met');
  });
  it('intolerance counts however short; care that helped does not; unrecorded weeks are missing', () => {
    expect(care({ weeks: 1, outcome: 'not-tolerated' })).toBe('met');
    expect(care({ weeks: 8, outcome: 'helped' })).toBe('not-met');
    expect(care({ outcome: 'failed' })).toBe('missing');
    expect(care({ weeks: 6 })).toBe('missing');
  });
});

describe('pain duration', () => {
  it('28 days is 4 weeks, 27 is not; acute herpes zoster has no minimum', () => {
    expect(withPatient({ painOnset: '2026-02-02' }).status('pain-duration')).toBe('met');
    expect(withPatient({ painOnset: '2026-02-03' }).status('pain-duration')).toBe('not-met');
    expect(withPatient({ painOnset: '2026-02-28', indication: 'herpes-zoster' }).status('pain-duration')).toBe('met');
  });
});

describe('indication', () => {
  const indication = (patient: object) => withPatient(patient).status('covered-indication');
  it('radicular pain or neurogenic claudication from a covered cause', () => {
    expect(indication({ pattern: 'radicular', indication: 'disc-herniation' })).toBe('met');
    expect(indication({ pattern: 'neurogenic-claudication', indication: 'central-stenosis' })).toBe('met');
    expect(indication({ pattern: 'axial', indication: 'disc-herniation' })).toBe('not-met');
  });
  it('post-laminectomy syndrome and herpes zoster are covered; CRPS and facet arthropathy are not', () => {
    expect(indication({ indication: 'post-laminectomy', pattern: 'axial' })).toBe('met');
    expect(indication({ indication: 'herpes-zoster' })).toBe('met');
    expect(indication({ indication: 'crps' })).toBe('not-met');
    expect(indication({ indication: 'facet-arthropathy' })).toBe('not-met');
  });
  it('failed back surgery or another cause asks for the covered diagnosis', () => {
    expect(indication({ indication: 'failed-back-surgery' })).toBe('missing');
    expect(indication({ indication: 'other' })).toBe('missing');
  });
  it('widespread pain and non-concordant imaging are not met', () => {
    expect(withPatient({ pattern: 'widespread' }).status('not-widespread-pain')).toBe('not-met');
    expect(withPatient({ exclusions: ['fibromyalgia'] }).status('not-widespread-pain')).toBe('not-met');
    expect(withPatient({ concordantImaging: false }).status('concordant-imaging')).toBe('not-met');
  });
});

describe('technique', () => {
  it('transforaminal up to 2 levels; interlaminar and caudal 1', () => {
    expect(esi({ levels: 2 }).status('levels-per-session')).toBe('met');
    expect(esi({ levels: 3 }).status('levels-per-session')).toBe('not-met');
    expect(esi({ levels: 1 }, 'esi-interlaminar').status('levels-per-session')).toBe('met');
    expect(esi({ levels: 2 }, 'esi-caudal').status('levels-per-session')).toBe('not-met');
  });
  it('bilateral interlaminar or caudal injection is not necessary', () => {
    expect(esi({ bilateral: true }, 'esi-caudal').status('not-bilateral')).toBe('not-met');
    expect(esi({ bilateral: true }).status('not-bilateral')).toBeUndefined();
  });
  it('CT or fluoroscopy with contrast', () => {
    expect(esi({ guidance: 'none' }).status('image-guidance')).toBe('not-met');
    expect(esi({ contrast: false }).status('contrast')).toBe('not-met');
    expect(esi({ contrast: undefined }).status('contrast')).toBe('missing');
  });
});

describe('repeat ESI', () => {
  const prior = (fields: object, procedure = 'esi-transforaminal', date = '2025-11-02') =>
    item(procedure, date, { scale: 'vas', painBefore: 100, ...fields });
  const repeat = (history: object[]) =>
    esi({ patient: { ...RADICULAR_PATIENT, baselinePain: { scale: 'vas', value: 100 } }, history }).status('repeat-esi-response');

  it('50% for 3 months is met; 2 months or 49% is not', () => {
    expect(repeat([prior({ painAfter: 50, reliefDurationMonths: 3 })])).toBe('met');
    expect(
      repeat([
        prior({ painAfter: 50, reliefDurationMonths: 2 }),
        prior({ painAfter: 0, reliefDurationMonths: 6 }, 'esi-transforaminal', '2025-01-02'),
      ]),
    ).toBe('not-met');
    expect(
      repeat([
        prior({ painAfter: 51, reliefDurationMonths: 3, functionImproved: false }),
        prior({ painAfter: 0, reliefDurationMonths: 6 }, 'esi-transforaminal', '2025-01-02'),
      ]),
    ).toBe('not-met');
  });

  it('function improvement for 3 months is the alternative', () => {
    expect(repeat([prior({ painAfter: 80, reliefDurationMonths: 3, functionImproved: true })])).toBe('met');
  });

  it('after a failed first ESI: 14 days and another approach, not 13 days', () => {
    const failed = (date: string, procedure = 'esi-interlaminar') => [
      prior({ painAfter: 90, reliefDurationMonths: 0, functionImproved: false }, procedure, date),
    ];
    expect(repeat(failed('2026-02-16'))).toBe('met');
    expect(repeat(failed('2026-02-17'))).toBe('not-met');
    expect(repeat(failed('2026-02-16', 'esi-transforaminal'))).toBe('missing');
  });

  it('the 4th session in 12 months is allowed, the 5th is not', () => {
    const sessions = ['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01'].map((d) =>
      prior({ painAfter: 20, reliefDurationMonths: 3 }, 'esi-caudal', d),
    );
    expect(esi({ history: sessions.slice(1) }).status('esi-sessions-12-months')).toBe('met');
    expect(esi({ history: sessions }).status('esi-sessions-12-months')).toBe('not-met');
  });
});

describe('the ESI LCD setting', () => {
  it('cites the clinic’s LCD, or the family with the mapping unconfirmed', () => {
    expect(esi().criteria[0]!.source).toContain('MAC mapping UNCONFIRMED');
    expect(evaluate(request('esi-caudal'), { esiLcd: 'L39015' }).criteria[0]!.source).toContain('LCD L39015');
  });
});
