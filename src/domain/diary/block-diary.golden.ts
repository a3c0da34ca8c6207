// Golden cases for block-diary relief, worked BY HAND from the formula in
// UW Health HF 5656, https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083 — reliefPct = (baseline − NRS) / baseline × 100, baseline > 0,
// thresholds inclusive — and the duration rule written in block-diary.ts's header (observed =
// last − first qualifying reading of the longest contiguous run; bounded = first non-qualifying
// reading after it − first qualifying). Never regenerate these from the implementation.

import type { BlockDiaryReading, BlockRelief } from './block-diary.ts';

export interface BlockDiaryGolden {
  name: string;
  source: string;
  input: { baselineIntensity: number; readings: BlockDiaryReading[] };
  expected: Pick<BlockRelief, 'nrs' | 'patientReported'>;
}

const FORMULA =
  'https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083 relief formula (UW Health HF 5656 schedule shape; LCD L38773 thresholds ≥ 80 %)';
const r = (offsetMinutes: number, intensity: number | null, patientReportedReliefPct: number | null = null): BlockDiaryReading => ({
  offsetMinutes,
  intensity,
  patientReportedReliefPct,
  recordedAt: null,
});
const NO_REPORTS = {
  kind: 'computed',
  readingCount: 0,
  peakReliefPct: null,
  peakAtMinutes: null,
  atLeast50: null,
  atLeast80: null,
} as const;

export const BLOCK_DIARY_GOLDEN: BlockDiaryGolden[] = [
  {
    // 15: 4/8 = 50 %; 30: 6/8 = 75 %; 60 and 120: 7/8 = 87.5 %; 240: 5/8 = 62.5 %; 360: 2/8 = 25 %; 480: 0 %.
    name: 'default schedule, baseline 8: relief ≥ 80 % from 60 to 120 min, ≥ 50 % from 15 to 240 min',
    source: FORMULA,
    input: { baselineIntensity: 8, readings: [r(15, 4), r(30, 2), r(60, 1), r(120, 1), r(240, 3), r(360, 6), r(480, 8)] },
    expected: {
      nrs: {
        kind: 'computed',
        readingCount: 7,
        peakReliefPct: 87.5,
        peakAtMinutes: 60,
        atLeast50: {
          fromMinutes: 15,
          toMinutes: 240,
          observedMinutes: 225,
          untilMinutes: 360,
          boundedMinutes: 345,
          ongoingAtLastReading: false,
        },
        atLeast80: {
          fromMinutes: 60,
          toMinutes: 120,
          observedMinutes: 60,
          untilMinutes: 240,
          boundedMinutes: 180,
          ongoingAtLastReading: false,
        },
      },
      patientReported: NO_REPORTS,
    },
  },
  {
    name: 'baseline 0: NRS-derived relief is not computable',
    source:
      'UW Health HF 5656, https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083 ("baselineNRS > 0"); Farrar 2001, Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005 (percent change undefined at baseline 0)',
    input: { baselineIntensity: 0, readings: [r(15, 0), r(30, 0)] },
    expected: { nrs: { kind: 'not-computable', reason: 'baseline-zero' }, patientReported: NO_REPORTS },
  },
  {
    // 15: (4 − 5)/4 = −25 %; 30: (4 − 6)/4 = −50 %.
    name: 'pain worse than baseline: negative relief, no qualifying interval',
    source: FORMULA,
    input: { baselineIntensity: 4, readings: [r(15, 5), r(30, 6)] },
    expected: {
      nrs: { kind: 'computed', readingCount: 2, peakReliefPct: -25, peakAtMinutes: 15, atLeast50: null, atLeast80: null },
      patientReported: NO_REPORTS,
    },
  },
  {
    // 15: 8/10 = 80 %; 30: 10/10 = 100 %; 60: 9/10 = 90 %; 120: 8/10 = 80 %. Still ≥ 80 % at the last reading.
    name: 'relief still ≥ 80 % at the last reading: duration is a lower bound, upper bound unknown',
    source: FORMULA,
    input: { baselineIntensity: 10, readings: [r(15, 2), r(30, 0), r(60, 1), r(120, 2)] },
    expected: {
      nrs: {
        kind: 'computed',
        readingCount: 4,
        peakReliefPct: 100,
        peakAtMinutes: 30,
        atLeast50: {
          fromMinutes: 15,
          toMinutes: 120,
          observedMinutes: 105,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
        atLeast80: {
          fromMinutes: 15,
          toMinutes: 120,
          observedMinutes: 105,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
      },
      patientReported: NO_REPORTS,
    },
  },
  {
    // Baseline 6. NRS 1 → 5/6 = 83.33… %; NRS 3 → 3/6 = 50 %; NRS 4 → 2/6 = 33.33… %.
    // ≥ 80 %: runs 15–30 (15 min) and 120–360 (240 min) → the longer one. ≥ 50 %: 15–360, broken at 480.
    name: 'two ≥ 80 % runs broken by a dip to exactly 50 %: the longest run is reported',
    source: FORMULA,
    input: { baselineIntensity: 6, readings: [r(15, 1), r(30, 1), r(60, 3), r(120, 1), r(240, 1), r(360, 1), r(480, 4)] },
    expected: {
      nrs: {
        kind: 'computed',
        readingCount: 7,
        peakReliefPct: 500 / 6,
        peakAtMinutes: 15,
        atLeast50: {
          fromMinutes: 15,
          toMinutes: 360,
          observedMinutes: 345,
          untilMinutes: 480,
          boundedMinutes: 465,
          ongoingAtLastReading: false,
        },
        atLeast80: {
          fromMinutes: 120,
          toMinutes: 360,
          observedMinutes: 240,
          untilMinutes: 480,
          boundedMinutes: 360,
          ongoingAtLastReading: false,
        },
      },
      patientReported: NO_REPORTS,
    },
  },
  {
    // Baseline 5: NRS 1 → 4/5 = exactly 80 % (inclusive); NRS 2 → 3/5 = 60 %.
    name: 'exactly 80 % at a single reading counts (inclusive) with an observed duration of 0',
    source: `${FORMULA}; thresholds written "≥ 50" are inclusive`,
    input: { baselineIntensity: 5, readings: [r(15, 1), r(30, 2)] },
    expected: {
      nrs: {
        kind: 'computed',
        readingCount: 2,
        peakReliefPct: 80,
        peakAtMinutes: 15,
        atLeast50: {
          fromMinutes: 15,
          toMinutes: 30,
          observedMinutes: 15,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
        atLeast80: {
          fromMinutes: 15,
          toMinutes: 15,
          observedMinutes: 0,
          untilMinutes: 30,
          boundedMinutes: 15,
          ongoingAtLastReading: false,
        },
      },
      patientReported: NO_REPORTS,
    },
  },
  {
    // NRS: 6/8 = 75 %, 75 %, 4/8 = 50 % → never ≥ 80 %. Patient report: 90 %, 80 %, 50 % → ≥ 80 % from 30 to 60 min.
    name: 'patient-reported relief is analysed beside the NRS-derived one and may disagree',
    source:
      'UW Health HF 5656, https://patient.uwhealth.org/healthfacts/5656; Interv Pain Med 2022, https://doi.org/10.1016/j.inpm.2022.100083 (PMC11372915: NRS-derived and patient-reported relief disagree; store both)',
    input: { baselineIntensity: 8, readings: [r(30, 2, 90), r(60, 2, 80), r(120, 4, 50)] },
    expected: {
      nrs: {
        kind: 'computed',
        readingCount: 3,
        peakReliefPct: 75,
        peakAtMinutes: 30,
        atLeast50: {
          fromMinutes: 30,
          toMinutes: 120,
          observedMinutes: 90,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
        atLeast80: null,
      },
      patientReported: {
        kind: 'computed',
        readingCount: 3,
        peakReliefPct: 90,
        peakAtMinutes: 30,
        atLeast50: {
          fromMinutes: 30,
          toMinutes: 120,
          observedMinutes: 90,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
        atLeast80: {
          fromMinutes: 30,
          toMinutes: 60,
          observedMinutes: 30,
          untilMinutes: 120,
          boundedMinutes: 90,
          ongoingAtLastReading: false,
        },
      },
    },
  },
  {
    // NRS at 15 and 60: 4/8 = 50 % each; the 30-min reading has only a patient report (60 %), so the
    // NRS series skips it rather than breaking the run.
    name: 'a reading without an NRS value is skipped by the NRS series, not a break',
    source: `${FORMULA}; duration rule in block-diary.ts`,
    input: { baselineIntensity: 8, readings: [r(15, 4), r(30, null, 60), r(60, 4)] },
    expected: {
      nrs: {
        kind: 'computed',
        readingCount: 2,
        peakReliefPct: 50,
        peakAtMinutes: 15,
        atLeast50: {
          fromMinutes: 15,
          toMinutes: 60,
          observedMinutes: 45,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
        atLeast80: null,
      },
      patientReported: {
        kind: 'computed',
        readingCount: 1,
        peakReliefPct: 60,
        peakAtMinutes: 30,
        atLeast50: {
          fromMinutes: 30,
          toMinutes: 30,
          observedMinutes: 0,
          untilMinutes: null,
          boundedMinutes: null,
          ongoingAtLastReading: true,
        },
        atLeast80: null,
      },
    },
  },
];
