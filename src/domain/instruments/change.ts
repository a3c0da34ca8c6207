// Clinically important change between two results of one instrument, direction-aware.
//
// Sources: Farrar 2001 (Pain 94:149, https://pubmed.ncbi.nlm.nih.gov/11690728/) and the IMMPACT
// recommendations, Dworkin 2008 (J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005).
//
// Signs, as Dworkin 2008 tabulates them: `absolute` = to − from (its "Δ points": 8 → 5 is −3) and
// `percent` = the percent reduction from baseline, (from − to) / from × 100 (its "Δ %": 8 → 5 is
// 37.5 %), so a rise is a negative percent. `percent` is null when `from` is 0: a percent change is
// undefined at baseline 0.
//
// Categories (ids are stable):
// - IMMPACT percent rule for pain intensity (Dworkin 2008; Farrar 2001), measured as the percent
//   decrease: ≥ 50 % `substantial`, ≥ 30 % `moderate`, ≥ 10 % `minimal`, otherwise `none`; any
//   increase is `worsened` — IMMPACT defines no worsening threshold, so none is invented and any rise
//   is reported as a rise; from a baseline of 0 a rise is `worsened` and no change (0 → 0) is null.
// - Threshold rules (PEG and BPI interference 1 point, ODI 10 points or 30 %, PHQ-9 5, GAD-7 4, PROMIS T
//   per setting): a change of at least the threshold in the better direction is `improved`, in the worse
//   direction `worsened`, otherwise `none`. Thresholds are inclusive ("≥ 1-point decrease"). A percent
//   clause (ODI's 30 %) applies to improvement only, as its source states it; a rise needs the points.
// - Instruments without an MCID in the sources, or rated as change themselves (PGIC), return null.

import type { InstrumentDefinition } from './model.ts';

export type ChangeCategory = 'substantial' | 'moderate' | 'minimal' | 'none' | 'improved' | 'worsened';

export interface Change {
  readonly absolute: number;
  readonly percent: number | null;
  readonly category: ChangeCategory | null;
  /** Why `category` is null, when it is. */
  readonly note?: string;
  /** The rule applied, with its source. */
  readonly rule: string;
}

/**
 * The IMMPACT percent categories (Dworkin 2008), highest first: the first whose `fromPercent` the
 * percent improvement meets (inclusive) names the change. Boundary tests are generated from this table.
 */
export const IMMPACT_PERCENT_CATEGORIES: readonly {
  readonly category: 'substantial' | 'moderate' | 'minimal';
  readonly fromPercent: number;
}[] = [
  { category: 'substantial', fromPercent: 50 },
  { category: 'moderate', fromPercent: 30 },
  { category: 'minimal', fromPercent: 10 },
];

/** Floating-point noise guard for threshold comparisons on values like 5.857 − 4.857. */
const EPSILON = 1e-9;

export function computeChange(definition: InstrumentDefinition, from: number, to: number): Change {
  const absolute = roundNoise(to - from);
  const percent = from === 0 ? null : roundNoise(((from - to) / from) * 100);
  const better = definition.direction === 'lower-is-better' ? -absolute : absolute;
  const rule = definition.change;
  switch (rule.kind) {
    case 'immpact-percent': {
      const text = `IMMPACT percent change (${rule.source})`;
      if (percent === null) {
        return better < 0
          ? { absolute, percent, category: 'worsened', rule: text }
          : { absolute, percent, category: null, note: 'percent change is undefined when the baseline is 0', rule: text };
      }
      // `percent` is the reduction: an improvement where lower is better, a worsening where higher is.
      const improvementPct = definition.direction === 'lower-is-better' ? percent : -percent;
      const met = IMMPACT_PERCENT_CATEGORIES.find((c) => improvementPct >= c.fromPercent - EPSILON);
      const category: ChangeCategory = met ? met.category : better < 0 ? 'worsened' : 'none';
      return { absolute, percent, category, rule: text };
    }
    case 'threshold': {
      const parts = [`${rule.points} point${rule.points === 1 ? '' : 's'}`];
      if (rule.percent !== undefined) parts.push(`${rule.percent} %`);
      const text = `important change ≥ ${parts.join(' or ')} (${rule.source})`;
      const magnitude = Math.abs(absolute);
      const pctMagnitude = percent === null ? null : Math.abs(percent);
      // The percent clause is an improvement rule (Ostelo 2008: "30 % improvement from baseline"); a rise
      // counts as important only by points.
      const important =
        magnitude >= rule.points - EPSILON ||
        (rule.percent !== undefined && better > 0 && pctMagnitude !== null && pctMagnitude >= rule.percent - EPSILON);
      const category: ChangeCategory = !important || better === 0 ? 'none' : better > 0 ? 'improved' : 'worsened';
      return { absolute, percent, category, rule: text };
    }
    case 'rating':
      return { absolute, percent, category: null, note: 'this instrument rates change itself; read its band', rule: rule.source };
    case 'none':
      return { absolute, percent, category: null, note: rule.reason, rule: 'no clinically important change threshold in the sources' };
  }
}

/** Removes binary floating-point noise (e.g. 4.857142857142858 − 5.857142857142857) without rounding real digits. */
function roundNoise(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}
