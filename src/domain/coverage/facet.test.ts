// Facet criteria at each boundary of LCD L38773 (https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773),
// worked by hand: planned date 2 Mar 2026; 12 weeks before it is 8 Dec 2025; 12 calendar months before it
// is 2 Mar 2025; 2 years before it is 2 Mar 2024.
import { describe, expect, it } from 'vitest';
import { FULL_PATIENT, evaluate, item, request } from './request-builders.ts';

const mbbs = (first: object, second: object, dates = ['2026-01-01', '2026-01-20']) => [
  item('facet-mbb', dates[0]!, first),
  item('facet-mbb', dates[1]!, second),
];
const vasPatient = { ...FULL_PATIENT, baselinePain: { scale: 'vas', value: 100 } };
const vas = (painAfter: number) => ({ scale: 'vas', painBefore: 100, painAfter });

describe('diagnostic blocks before an initial RFA', () => {
  it('80% relief on both blocks is enough; 79% on one is not', () => {
    expect(
      evaluate(request('facet-rfa', { patient: vasPatient, history: mbbs(vas(20), vas(20)) })).status('two-positive-diagnostic-blocks'),
    ).toBe('met');
    expect(
      evaluate(request('facet-rfa', { patient: vasPatient, history: mbbs(vas(20), vas(21)) })).status('two-positive-diagnostic-blocks'),
    ).toBe('not-met');
  });

  it('computes relief exactly: NRS 5→1 and 7.5→1.5 are 80%, 10→3 is 70%', () => {
    const nrs = (painBefore: number, painAfter: number) => ({ painBefore, painAfter });
    expect(evaluate(request('facet-rfa', { history: mbbs(nrs(5, 1), nrs(7.5, 1.5)) })).status('two-positive-diagnostic-blocks')).toBe(
      'met',
    );
    expect(evaluate(request('facet-rfa', { history: mbbs(nrs(5, 1), nrs(10, 3)) })).status('two-positive-diagnostic-blocks')).toBe(
      'not-met',
    );
  });

  it('a block rated on another scale than the baseline is not met', () => {
    const r = evaluate(request('facet-rfa', { history: mbbs({}, vas(0)) }));
    expect(r.status('two-positive-diagnostic-blocks')).toBe('not-met');
    expect(r.find('two-positive-diagnostic-blocks')?.detail).toContain('not the same scale');
  });

  it('a block whose rating after is not recorded is missing, not assumed', () => {
    expect(evaluate(request('facet-rfa', { history: mbbs({}, { painAfter: null }) })).status('two-positive-diagnostic-blocks')).toBe(
      'missing',
    );
  });

  it('the confirmatory block 14 days after the first is met, 13 days is not', () => {
    expect(
      evaluate(request('facet-rfa', { history: mbbs({}, {}, ['2026-01-01', '2026-01-15']) })).status('diagnostic-block-interval'),
    ).toBe('met');
    expect(
      evaluate(request('facet-rfa', { history: mbbs({}, {}, ['2026-01-01', '2026-01-14']) })).status('diagnostic-block-interval'),
    ).toBe('not-met');
  });

  it('blocks in another region do not count', () => {
    const history = mbbs({ region: 'cervical' }, {});
    expect(evaluate(request('facet-rfa', { history })).status('two-positive-diagnostic-blocks')).toBe('not-met');
  });

  it('the relief duration is accepted as documented unless the clinic sets a minimum', () => {
    const history = mbbs({ reliefDurationHours: 2 }, { reliefDurationHours: 3 });
    expect(evaluate(request('facet-rfa', { history })).status('block-relief-duration')).toBe('met');
    expect(evaluate(request('facet-rfa', { history }), { minimumBlockReliefHours: 3 }).status('block-relief-duration')).toBe('not-met');
    expect(evaluate(request('facet-rfa', { history }), { minimumBlockReliefHours: 2 }).status('block-relief-duration')).toBe('met');
    const undocumented = mbbs({ reliefDurationHours: null }, {});
    expect(evaluate(request('facet-rfa', { history: undocumented })).status('block-relief-duration')).toBe('missing');
  });
});

describe('session limits per region per rolling 12 months', () => {
  const rf = (date: string) => item('facet-rfa', date, { painAfter: 2, reliefDurationMonths: 8 });
  it('RF: a second session in 12 months is allowed, a third is not', () => {
    const base = mbbs({}, {});
    expect(evaluate(request('facet-rfa', { history: [...base, rf('2025-09-01')] })).status('rf-sessions-12-months')).toBe('met');
    expect(evaluate(request('facet-rfa', { history: [...base, rf('2025-06-01'), rf('2025-09-01')] })).status('rf-sessions-12-months')).toBe(
      'not-met',
    );
  });

  it('diagnostic: the 4th session is allowed, the 5th is not; one exactly 12 months ago has left the window', () => {
    const three = ['2025-06-01', '2025-09-01', '2025-12-01'].map((d) => item('facet-mbb', d));
    expect(
      evaluate(request('facet-mbb', { history: [item('facet-mbb', '2025-03-02'), ...three] })).status('diagnostic-sessions-12-months'),
    ).toBe('met');
    expect(
      evaluate(request('facet-mbb', { history: [item('facet-mbb', '2025-03-03'), ...three] })).status('diagnostic-sessions-12-months'),
    ).toBe('not-met');
  });

  it('therapeutic intra-articular: the 5th session in 12 months is not allowed', () => {
    const ia = (date: string) => item('facet-ia', date, { painAfter: 2, reliefDurationMonths: 3 });
    const history = [...mbbs({}, {}, ['2025-01-01', '2025-01-20']), ...['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01'].map(ia)];
    expect(evaluate(request('facet-ia', { history })).status('therapeutic-sessions-12-months')).toBe('not-met');
    expect(evaluate(request('facet-ia', { history: history.slice(0, 5) })).status('therapeutic-sessions-12-months')).toBe('met');
  });
});

describe('a second diagnostic block', () => {
  it('needs 14 days after the previous block: 14 met, 13 not', () => {
    expect(evaluate(request('facet-mbb', { history: [item('facet-mbb', '2026-02-16')] })).status('diagnostic-block-interval')).toBe('met');
    expect(evaluate(request('facet-mbb', { history: [item('facet-mbb', '2026-02-17')] })).status('diagnostic-block-interval')).toBe(
      'not-met',
    );
  });

  it('at the site of a successful RFA under 2 years ago, needs the levels shown to differ', () => {
    const success = item('facet-rfa', '2024-03-03', { painAfter: 4 });
    expect(evaluate(request('facet-mbb', { history: [success] })).status('no-prior-successful-rfa')).toBe('missing');
    expect(evaluate(request('facet-mbb', { history: [{ ...success, date: '2024-03-02' }] })).status('no-prior-successful-rfa')).toBe('met');
    expect(evaluate(request('facet-mbb', { history: [{ ...success, painAfter: 5 }] })).status('no-prior-successful-rfa')).toBe('met');
  });
});

describe('repeat RFA', () => {
  const prior = (fields: object) => [
    item('facet-rfa', '2025-06-01', { scale: 'vas', painBefore: 100, functionImproved: false, ...fields }),
  ];
  const repeat = (fields: object) => evaluate(request('facet-rfa-repeat', { patient: vasPatient, history: prior(fields) }));

  it('50% for 6 months is met; 5 months or 49% is not', () => {
    expect(repeat({ painAfter: 50, reliefDurationMonths: 6 }).status('prior-rfa-response')).toBe('met');
    expect(repeat({ painAfter: 50, reliefDurationMonths: 5 }).status('prior-rfa-response')).toBe('not-met');
    expect(repeat({ painAfter: 51, reliefDurationMonths: 6 }).status('prior-rfa-response')).toBe('not-met');
  });

  it('documented ADL improvement is the alternative; unrecorded function leaves it missing', () => {
    expect(repeat({ painAfter: 80, reliefDurationMonths: 2, functionImproved: true }).status('prior-rfa-response')).toBe('met');
    expect(repeat({ painAfter: 80, reliefDurationMonths: 2, functionImproved: null }).status('prior-rfa-response')).toBe('missing');
  });

  it('without a prior RFA in the region is not met', () => {
    expect(evaluate(request('facet-rfa-repeat', { history: [] })).status('prior-rfa-response')).toBe('not-met');
  });

  it('2 years after the last RFA asks for repeat diagnostic blocks; a day less does not', () => {
    const last = (date: string) => [item('facet-rfa', date, { painAfter: 2, reliefDurationMonths: 12 })];
    expect(evaluate(request('facet-rfa-repeat', { history: last('2024-03-03') })).status('repeat-diagnostics-after-two-years')).toBe('met');
    expect(evaluate(request('facet-rfa-repeat', { history: last('2024-03-02') })).status('repeat-diagnostics-after-two-years')).toBe(
      'missing',
    );
    const withBlocks = [...last('2024-03-02'), ...mbbs({}, {})];
    expect(evaluate(request('facet-rfa-repeat', { history: withBlocks })).status('repeat-diagnostics-after-two-years')).toBe('met');
  });
});

describe('therapeutic intra-articular injection', () => {
  const history = (fields: object) => [
    ...mbbs({}, {}, ['2025-06-01', '2025-06-20']),
    item('facet-ia', '2025-09-01', { painAfter: 4, ...fields }),
  ];
  it('a repeat at the site needs ≥ 50% for ≥ 3 months: 3 met, 2 not', () => {
    expect(evaluate(request('facet-ia', { history: history({ reliefDurationMonths: 3 }) })).status('prior-therapeutic-response')).toBe(
      'met',
    );
    expect(
      evaluate(request('facet-ia', { history: history({ reliefDurationMonths: 2, functionImproved: false }) })).status(
        'prior-therapeutic-response',
      ),
    ).toBe('not-met');
  });

  it('a yes to ADL improvement cannot show its size, so stays missing', () => {
    expect(
      evaluate(request('facet-ia', { history: history({ reliefDurationMonths: 2, functionImproved: true }) })).status(
        'prior-therapeutic-response',
      ),
    ).toBe('missing');
  });

  it('needs the reason the patient is not an RFA candidate', () => {
    const { notRfaCandidateReason: _, ...patient } = FULL_PATIENT;
    const r = evaluate(request('facet-ia', { patient, history: history({ reliefDurationMonths: 3 }) }));
    expect(r.status('not-rfa-candidate-documented')).toBe('missing');
    expect(r.verdict).toBe('missing-documentation');
  });
});

describe('general facet criteria', () => {
  const general = (patient: object, fields: object = {}) =>
    evaluate(request('facet-rfa', { patient: { ...FULL_PATIENT, ...patient }, history: mbbs({}, {}), ...fields }));

  it('pain for 84 days (12 weeks) is chronic, 83 days is not', () => {
    expect(general({ painOnset: '2025-12-08' }).status('pain-duration')).toBe('met');
    expect(general({ painOnset: '2025-12-09' }).status('pain-duration')).toBe('not-met');
  });

  it('1–2 levels per session; 3 is not covered', () => {
    expect(general({}, { levels: 2 }).status('levels-per-session')).toBe('met');
    expect(general({}, { levels: 3 }).status('levels-per-session')).toBe('not-met');
  });

  it('CT or fluoroscopy only', () => {
    expect(general({}, { guidance: 'ct' }).status('image-guidance')).toBe('met');
    expect(general({}, { guidance: 'ultrasound' }).status('image-guidance')).toBe('not-met');
    expect(general({}, { guidance: 'none' }).status('image-guidance')).toBe('not-met');
  });

  it('predominantly axial pain; radicular pain is not', () => {
    expect(general({ pattern: 'radicular' }).status('axial-pain')).toBe('not-met');
  });

  it('failed conservative care has no minimum duration; care that helped is not failure', () => {
    expect(general({ conservativeCare: [{ kind: 'nsaid', weeks: 1, outcome: 'failed' }] }).status('conservative-care-failed')).toBe('met');
    expect(general({ conservativeCare: [{ kind: 'nsaid', outcome: 'not-tolerated' }] }).status('conservative-care-failed')).toBe('met');
    expect(general({ conservativeCare: [{ kind: 'nsaid', weeks: 6, outcome: 'helped' }] }).status('conservative-care-failed')).toBe(
      'not-met',
    );
    expect(general({ conservativeCare: [] }).status('conservative-care-failed')).toBe('not-met');
  });

  it('exclusions: non-facet pathology, generalized pain, prior ALIF, untreated radiculopathy', () => {
    expect(general({ exclusions: ['fracture'] }).status('no-non-facet-pathology')).toBe('not-met');
    expect(general({ exclusions: ['fibromyalgia'] }).status('not-generalized-pain')).toBe('not-met');
    expect(general({ pattern: 'widespread' }).status('not-generalized-pain')).toBe('not-met');
    expect(general({ exclusions: ['prior-alif'] }).status('not-after-alif')).toBe('not-met');
    expect(general({ untreatedRadiculopathy: true }).status('no-untreated-radiculopathy')).toBe('not-met');
  });

  it('an absent fact is missing, never met', () => {
    const r = evaluate({ procedure: 'facet-rfa', date: '2026-03-02' });
    expect(r.verdict).toBe('missing-documentation');
    expect(r.criteria.length).toBeGreaterThan(10);
    for (const c of r.criteria) expect(c.status, c.id).toBe('missing');
  });

  it('one criterion not met outweighs missing ones', () => {
    expect(evaluate({ procedure: 'facet-rfa', date: '2026-03-02', levels: 3 }).verdict).toBe('does-not-meet');
  });
});

describe('the MAC jurisdiction setting', () => {
  it('names the contractor LCD, and says so when the mapping is unconfirmed', () => {
    const r = (jurisdiction: 'J15' | 'JF' | 'J6') =>
      evaluate(request('facet-rfa', { history: mbbs({}, {}) }), { jurisdiction }).criteria[0]!.source;
    expect(r('J15')).toContain('LCD L38773');
    expect(r('J6')).toContain('LCD L35936');
    expect(r('JF')).toContain('UNCONFIRMED');
    expect(evaluate(request('facet-rfa')).criteria[0]!.source).toContain('jurisdiction not set');
  });
});
