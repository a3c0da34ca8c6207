// Pain-intensity bands on the 0–10 scale, for one rating and for a mean of ratings (a day's average):
// the one place every screen, chart and legend takes them from.
// Source: the NRS instrument's bands (0 no pain, 1–4 mild, 5–6 moderate, 7–10 severe; DVPRS colour
// coding, ePPOC), a documented setting there (NRS_BANDS) because their derivation was not retrieved.
//
// The bands are defined on whole points. A mean falls between them, so it is banded at its nearest whole
// point, halves up (LOINC asks the same rounding of the PEG's 0–10 mean for clinical use; applying it to
// a day's mean pain is this module's convention). One exception: a mean above 0 is never "no pain",
// because at least one rating that day was above 0.
//
// Invariants: every value 0–10 has exactly one band; a higher value never has a lower band.

import { nrs } from '../instruments/nrs/definition.ts';

export type IntensityBand = 'none' | 'mild' | 'moderate' | 'severe';

/** One end of the means a band covers: `value` itself included or not. */
export interface MeanEdge {
  readonly value: number;
  readonly inclusive: boolean;
}

export interface PainBandRange {
  readonly band: IntensityBand;
  /** First and last whole point of the band. */
  readonly from: number;
  readonly to: number;
  /** The means in the band: none 0 to 0; mild above 0, below 4.5; moderate 4.5, below 6.5; severe 6.5 to 10. */
  readonly meanLower: MeanEdge;
  readonly meanUpper: MeanEdge;
}

const BAND_OF_NRS_ID: Readonly<Record<string, IntensityBand>> = { 'no-pain': 'none', mild: 'mild', moderate: 'moderate', severe: 'severe' };
const MAX = nrs.scoreRange.max;

/** The four bands, lowest first, with the whole points and the means each covers. */
export const PAIN_BANDS: readonly PainBandRange[] = nrs.bands.map((b, i, all) => {
  const band = BAND_OF_NRS_ID[b.id];
  if (band === undefined || !b.inclusive) throw new Error(`unexpected NRS band ${b.id}`);
  const next = all[i + 1];
  const to = next ? next.from - 1 : MAX;
  // Whole point n covers the means that round to it: n − 0.5 up to below n + 0.5 (see the rule above).
  const meanLower =
    b.from === 0 ? { value: 0, inclusive: true } : b.from === 1 ? { value: 0, inclusive: false } : { value: b.from - 0.5, inclusive: true };
  const meanUpper =
    to === 0 ? { value: 0, inclusive: true } : to === MAX ? { value: MAX, inclusive: true } : { value: to + 0.5, inclusive: false };
  return { band, from: b.from, to, meanLower, meanUpper };
});

/**
 * The band of a pain intensity 0–10: one rating, or a mean of ratings (see the rule above: 4.3 and 4.49
 * are mild, 4.5 moderate, 6.5 severe, 0.2 mild, only 0 is no pain). Throws on a value outside 0–10.
 */
export function painBandOf(intensity: number): IntensityBand {
  if (!(intensity >= 0 && intensity <= MAX)) throw new RangeError(`pain intensity must be 0–10, got ${intensity}`);
  if (intensity === 0) return 'none';
  const point = Math.max(1, Math.floor(intensity + 0.5));
  for (let i = PAIN_BANDS.length - 1; i >= 0; i--) if (point >= PAIN_BANDS[i]!.from) return PAIN_BANDS[i]!.band;
  throw new Error('unreachable: the bands start at 0');
}

/** The range of `band` (every band has one). */
export function painBandRange(band: IntensityBand): PainBandRange {
  return PAIN_BANDS.find((b) => b.band === band)!;
}
