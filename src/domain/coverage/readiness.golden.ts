// Golden readiness cases L1–L8 of the project's coverage reference, written from the published rules:
// facet criteria per LCD L38773 (https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773),
// ESI criteria per the ESI LCDs as encoded by ASIPP and the L33906 summary, SCS per NCD 160.7 and LCD
// L36204 (https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=36204).
//
// Each case's story is turned into a request dated 2 Mar 2026. Where a story leaves a fact out that a
// criterion reads, the comment beside the input says what was written and why; the expected verdict and
// the deciding criteria are the cases' own, never taken from running the code.

export interface ReadinessGoldenCase {
  readonly name: string;
  readonly source: string;
  readonly input: Record<string, unknown>;
  readonly expected: {
    readonly verdict: 'meets' | 'does-not-meet' | 'missing-documentation';
    /** The criteria the case's reasoning names, with their status. */
    readonly criteria: Readonly<Record<string, 'met' | 'not-met' | 'missing'>>;
  };
}

const FACET = 'LCD L38773 Facet Joint Interventions for Pain Management';
const ESI = 'ESI LCD (L39240/L39015/L36920/L39054/L33906) per ASIPP and the L33906 summary';
const SCS = 'NCD 160.7 and LCD L36204 Spinal Cord Stimulators for Chronic Pain';

/** L1's patient: axial low back pain for 8 months, NRS 7 and ODI 42, 8 weeks of PT and NSAIDs failed. */
const L1_PATIENT = {
  painOnset: '2025-07-02',
  pattern: 'axial',
  indication: 'facet-arthropathy',
  concordantImaging: true,
  untreatedRadiculopathy: false,
  // "no fracture/tumour/infection" and nothing else excluding is named: an empty list.
  exclusions: [],
  baselinePain: { scale: 'nrs', value: 7 },
  baselineDisability: { scale: 'odi', value: 42 },
  conservativeCare: [
    { kind: 'physical-therapy', weeks: 8, outcome: 'failed' },
    { kind: 'nsaid', outcome: 'failed' },
  ],
};

const mbb = (date: string, painAfter: number, hours: number) => ({
  procedure: 'facet-mbb',
  date,
  region: 'lumbar',
  levels: 2,
  scale: 'nrs',
  painBefore: 7,
  painAfter,
  reliefDurationHours: hours,
});

const RFA_REQUEST = { date: '2026-03-02', region: 'lumbar', levels: 2, bilateral: true, guidance: 'fluoroscopy' };

/** L7/L8's patient: failed back surgery syndrome with the selection work-up documented. */
const SCS_PATIENT = {
  indication: 'failed-back-surgery',
  // Failed back surgery syndrome: the surgery is the therapy tried and found unsatisfactory (NCD 160.7 B.2(b)).
  conservativeCare: [{ kind: 'other', outcome: 'failed' }],
  multidisciplinaryEvaluation: true,
  psychologicalEvaluation: true,
  activeSubstanceAbuse: false,
};

const trial = (painAfter: number, analgesicReductionPercent: number, functionImproved: boolean) => ({
  procedure: 'scs-trial',
  date: '2026-02-10',
  region: 'lumbar',
  scale: 'nrs',
  painBefore: 10,
  painAfter,
  analgesicReductionPercent,
  functionImproved,
});

export const READINESS_GOLDEN_CASES: readonly ReadinessGoldenCase[] = [
  {
    name: 'L1 initial RFA after two positive MBBs 17 days apart',
    source: `${FACET}: 2 MBBs each ≥ 80%, second ≥ 2 weeks after the first, ≤ 2 levels, ≤ 2 RF sessions per 12 months`,
    input: {
      procedure: 'facet-rfa',
      ...RFA_REQUEST,
      patient: L1_PATIENT,
      // MBB#1 7→1 (85.7%) for 2 h; MBB#2 17 days later 7→0 (100%) for 5 h; no RFA in the past 12 months.
      history: [mbb('2026-01-10', 1, 2), mbb('2026-01-27', 0, 5)],
    },
    expected: {
      verdict: 'meets',
      criteria: {
        'axial-pain': 'met',
        'pain-duration': 'met',
        'baseline-disability-scale': 'met',
        'conservative-care-failed': 'met',
        'two-positive-diagnostic-blocks': 'met',
        'diagnostic-block-interval': 'met',
        'levels-per-session': 'met',
        'rf-sessions-12-months': 'met',
      },
    },
  },
  {
    name: 'L2 initial RFA when the second MBB gave 57%',
    source: `${FACET}: each diagnostic MBB ≥ 80%`,
    input: { procedure: 'facet-rfa', ...RFA_REQUEST, patient: L1_PATIENT, history: [mbb('2026-01-10', 1, 2), mbb('2026-01-27', 3, 5)] },
    expected: { verdict: 'does-not-meet', criteria: { 'two-positive-diagnostic-blocks': 'not-met' } },
  },
  {
    name: 'L3 repeat RFA after 70% relief that lasted 4 months',
    source: `${FACET}: repeat RFA needs ≥ 50% for ≥ 6 months, or ADL improvement on the same scale`,
    input: {
      procedure: 'facet-rfa-repeat',
      ...RFA_REQUEST,
      patient: { ...L1_PATIENT, painOnset: '2025-01-02', baselinePain: { scale: 'nrs', value: 10 } },
      history: [
        { ...mbb('2025-08-20', 1, 2), painBefore: 10 },
        { ...mbb('2025-09-06', 0, 4), painBefore: 10 },
        // Five months ago: 70% (NRS 10→3) lasting 4 months. The case records no ADL improvement.
        {
          procedure: 'facet-rfa',
          date: '2025-10-02',
          region: 'lumbar',
          levels: 2,
          scale: 'nrs',
          painBefore: 10,
          painAfter: 3,
          reliefDurationMonths: 4,
          functionImproved: false,
        },
      ],
    },
    expected: { verdict: 'does-not-meet', criteria: { 'prior-rfa-response': 'not-met' } },
  },
  {
    name: 'L4 repeat RFA after 62.5% relief sustained 7 months',
    source: `${FACET}: ≥ 50% for ≥ 6 months; 2nd of at most 2 RF sessions per rolling 12 months; under 2 years, no repeat diagnostics`,
    input: {
      procedure: 'facet-rfa-repeat',
      ...RFA_REQUEST,
      patient: { ...L1_PATIENT, painOnset: '2024-12-02', baselinePain: { scale: 'nrs', value: 8 } },
      history: [
        { ...mbb('2025-04-10', 1, 2), painBefore: 8 },
        { ...mbb('2025-04-28', 0, 5), painBefore: 8 },
        // Nine months ago: NRS 8→3 (62.5%) sustained 7 months, ODI improved 20 points on the same scale.
        {
          procedure: 'facet-rfa',
          date: '2025-06-02',
          region: 'lumbar',
          levels: 2,
          scale: 'nrs',
          painBefore: 8,
          painAfter: 3,
          reliefDurationMonths: 7,
          functionImproved: true,
        },
      ],
    },
    expected: {
      verdict: 'meets',
      criteria: { 'prior-rfa-response': 'met', 'rf-sessions-12-months': 'met', 'repeat-diagnostics-after-two-years': 'met' },
    },
  },
  {
    name: 'L5 interlaminar ESI for axial pain from disc degeneration without stenosis',
    source: `${ESI}: axial/non-specific low back pain is not covered`,
    input: {
      procedure: 'esi-interlaminar',
      date: '2026-03-02',
      region: 'lumbar',
      levels: 1,
      bilateral: false,
      guidance: 'fluoroscopy',
      contrast: true,
      patient: {
        painOnset: '2025-11-02',
        pattern: 'axial',
        indication: 'degenerative-disc-without-stenosis',
        conservativeCare: [{ kind: 'physical-therapy', weeks: 6, outcome: 'failed' }],
      },
      history: [],
    },
    expected: { verdict: 'does-not-meet', criteria: { 'covered-indication': 'not-met', 'conservative-care-4-weeks': 'met' } },
  },
  {
    name: 'L6 repeat transforaminal ESI after 62.5% sustained 3 months',
    source: `${ESI}: covered indication with concordant imaging; ≥ 4 weeks of pain and care; repeat after ≥ 50% for ≥ 3 months; ≤ 4 sessions; ≤ 2 TF levels`,
    input: {
      procedure: 'esi-transforaminal',
      date: '2026-03-02',
      region: 'lumbar',
      levels: 1,
      bilateral: false,
      // Guided and with contrast as the first injection was; the case describes the repeat as the same procedure.
      guidance: 'fluoroscopy',
      contrast: true,
      patient: {
        // Radiculopathy for 10 weeks, as the case says.
        painOnset: '2025-12-22',
        pattern: 'radicular',
        indication: 'foraminal-stenosis',
        concordantImaging: true,
        exclusions: [],
        baselinePain: { scale: 'nrs', value: 8 },
        baselineDisability: { scale: 'odi', value: 48 },
        conservativeCare: [
          { kind: 'physical-therapy', weeks: 6, outcome: 'failed' },
          { kind: 'nsaid', outcome: 'failed' },
        ],
      },
      history: [
        {
          procedure: 'esi-transforaminal',
          date: '2025-11-02',
          region: 'lumbar',
          levels: 1,
          scale: 'nrs',
          painBefore: 8,
          painAfter: 3,
          reliefDurationMonths: 3,
        },
      ],
    },
    expected: {
      verdict: 'meets',
      criteria: {
        'covered-indication': 'met',
        'concordant-imaging': 'met',
        'pain-duration': 'met',
        'conservative-care-4-weeks': 'met',
        'baseline-scale': 'met',
        'repeat-esi-response': 'met',
        'esi-sessions-12-months': 'met',
        'levels-per-session': 'met',
      },
    },
  },
  {
    name: 'L7 permanent SCS after a trial with 40% pain relief but 58% fewer opioids and better walking',
    source: `${SCS}: success = ≥ 50% target-pain reduction or ≥ 50% analgesic reduction, plus some functional improvement`,
    input: { procedure: 'scs-permanent', date: '2026-03-02', region: 'lumbar', patient: SCS_PATIENT, history: [trial(6, 58, true)] },
    expected: {
      verdict: 'meets',
      criteria: {
        'successful-trial': 'met',
        'multidisciplinary-evaluation': 'met',
        'psychological-evaluation': 'met',
        'no-active-substance-abuse': 'met',
      },
    },
  },
  {
    name: 'L8 permanent SCS after a trial with 30% relief, no medication or function change',
    source: `${SCS}: trial not successful`,
    input: { procedure: 'scs-permanent', date: '2026-03-02', region: 'lumbar', patient: SCS_PATIENT, history: [trial(7, 0, false)] },
    expected: { verdict: 'does-not-meet', criteria: { 'successful-trial': 'not-met' } },
  },
];
