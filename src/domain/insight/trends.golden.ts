// Golden cases for trend comparisons, written by hand from the published rules as tabulated in
// /work/shared/clinical/instruments.md (G1 for the NRS; §3, §5.1, §5.2 and §6 for the questionnaires),
// not from running our code.
import type { ChangeCategory } from '../instruments/change.ts';

export interface NrsGolden {
  readonly baseline: number;
  readonly latest: number;
  /** Δ points, latest − baseline. */
  readonly absolute: number;
  /** Δ %, the reduction from baseline. */
  readonly percent: number | null;
  readonly immpact: ChangeCategory | null;
  readonly farrarTwoPoints: boolean;
  readonly farrarThirtyPercent: boolean;
  /** The edge of the ≥ 30 % improvement band: baseline × 0.7. */
  readonly band: number | null;
}

// instruments.md G1, plus the 10 % and 20 % edges of IMMPACT's minimal category and a rise.
export const NRS_GOLDEN: readonly NrsGolden[] = [
  // 8 → 5: −3 points, 37.5 %: moderate; Farrar yes on both readings.
  { baseline: 8, latest: 5, absolute: -3, percent: 37.5, immpact: 'moderate', farrarTwoPoints: true, farrarThirtyPercent: true, band: 5.6 },
  // 7 → 5: −2 points, 28.6 %: minimal; Farrar's two points yes, its 30 % no.
  {
    baseline: 7,
    latest: 5,
    absolute: -2,
    percent: 28.5714285714,
    immpact: 'minimal',
    farrarTwoPoints: true,
    farrarThirtyPercent: false,
    band: 4.9,
  },
  // 8 → 4: −4 points, 50 %: substantial.
  {
    baseline: 8,
    latest: 4,
    absolute: -4,
    percent: 50,
    immpact: 'substantial',
    farrarTwoPoints: true,
    farrarThirtyPercent: true,
    band: 5.6,
  },
  // 0 → 0: percent undefined, no category.
  { baseline: 0, latest: 0, absolute: 0, percent: null, immpact: null, farrarTwoPoints: false, farrarThirtyPercent: false, band: null },
  // 10 → 9: exactly 10 %: the lower edge of minimal.
  { baseline: 10, latest: 9, absolute: -1, percent: 10, immpact: 'minimal', farrarTwoPoints: false, farrarThirtyPercent: false, band: 7 },
  // 5 → 4.6: 8 %: below minimal.
  { baseline: 5, latest: 4.6, absolute: -0.4, percent: 8, immpact: 'none', farrarTwoPoints: false, farrarThirtyPercent: false, band: 3.5 },
  // 4 → 6: a rise; IMMPACT publishes no worsening threshold, so any rise is reported as a rise.
  { baseline: 4, latest: 6, absolute: 2, percent: -50, immpact: 'worsened', farrarTwoPoints: false, farrarThirtyPercent: false, band: 2.8 },
];

export interface InstrumentGolden {
  readonly instrumentId: string;
  readonly baseline: number;
  readonly latest: number;
  readonly category: ChangeCategory;
  /** The edge of the improvement band next to the baseline. */
  readonly band: number | null;
}

export const INSTRUMENT_GOLDEN: readonly InstrumentGolden[] = [
  // BPI interference: IMMPACT ≥ 1-point decrease (G3: 5.86 → 4.86 meets it).
  { instrumentId: 'bpi-sf', baseline: 5.86, latest: 4.86, category: 'improved', band: 4.86 },
  { instrumentId: 'bpi-sf', baseline: 5.86, latest: 5.0, category: 'none', band: 4.86 },
  // PHQ-9: 5 points (Löwe 2004).
  { instrumentId: 'phq-9', baseline: 15, latest: 10, category: 'improved', band: 10 },
  { instrumentId: 'phq-9', baseline: 15, latest: 11, category: 'none', band: 10 },
  { instrumentId: 'phq-9', baseline: 10, latest: 15, category: 'worsened', band: 5 },
  // GAD-7: 4 points (Toussaint 2020).
  { instrumentId: 'gad-7', baseline: 12, latest: 8, category: 'improved', band: 8 },
  // ODI: 10 points or 30 % improvement (Ostelo 2008): 20 → 14 is only 6 points but 30 %.
  { instrumentId: 'odi', baseline: 20, latest: 14, category: 'improved', band: 14 },
  { instrumentId: 'odi', baseline: 50, latest: 40, category: 'improved', band: 40 },
  { instrumentId: 'odi', baseline: 50, latest: 41, category: 'none', band: 40 },
  // PHQ-9 baseline 3: a 5-point improvement would leave the scale, so there is no band to draw.
  { instrumentId: 'phq-9', baseline: 3, latest: 2, category: 'none', band: null },
];
