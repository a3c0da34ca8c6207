// "What works for me": for every factor the diary records, the difference in an outcome between days
// with and without it, the same day (lag 0) and the next day (lag 1), with a 95 % interval that allows
// for today's pain predicting tomorrow's (Newey–West, statistics.ts) and Benjamini–Hochberg control of
// false discoveries across every factor × lag × outcome comparison of the person. A finding is said
// ("lower" or "higher") only when its interval excludes no difference and its q-value is at most 0.10;
// nothing is said before there are 14 days with and 14 without.
//
// The thresholds are product choices made to keep chance patterns from being shown as findings, and
// were checked by simulation (what-works.simulation.test.ts, docs/insight.md).
import { FACTOR_KINDS, WHAT_WORKS_OUTCOMES, type DailySeries, type FactorKind, type WhatWorksOutcome } from './diary-factors.ts';
import { benjaminiHochberg, differenceInMeans, type Difference } from './statistics.ts';
import { whatWorksSentence, type Verdict } from './what-works-words.ts';

export const MIN_DAYS_EACH = 14;
export const FALSE_DISCOVERY_LEVEL = 0.1;
export const LAGS = [0, 1] as const;
export type Lag = (typeof LAGS)[number];

export interface WhatWorksItem {
  readonly factor: { readonly kind: FactorKind; readonly id: string };
  readonly lag: Lag;
  readonly outcome: WhatWorksOutcome;
  /** Outcome on days with the factor minus outcome on days without, in points; null before enough data. */
  readonly difference: number | null;
  readonly ci: readonly [number, number] | null;
  readonly daysWith: number;
  readonly daysWithout: number;
  readonly qValue: number | null;
  readonly verdict: Verdict;
  readonly sentence: string;
}

/** The factor's value on the day before each day (for the next-day comparison). */
function shifted(values: Int8Array, lag: Lag): Int8Array {
  if (lag === 0) return values;
  const out = new Int8Array(values.length).fill(-1);
  out.set(values.subarray(0, values.length - 1), 1);
  return out;
}

const round = (x: number, places: number) => {
  const f = 10 ** places;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};

/**
 * Every factor × lag × outcome comparison of a person's series (all outcomes: the false-discovery
 * control counts them all, whichever one is shown). Outcomes in WHAT_WORKS_OUTCOMES order, then
 * factors as the series lists them, then lags.
 */
export function whatWorks(series: DailySeries): WhatWorksItem[] {
  interface Row {
    readonly kind: FactorKind;
    readonly id: string;
    readonly label: string;
    readonly lag: Lag;
    readonly outcome: WhatWorksOutcome;
    readonly result: Difference;
    readonly tested: boolean;
  }
  const rows: Row[] = [];
  for (const outcome of WHAT_WORKS_OUTCOMES) {
    const y = series.outcomes[outcome];
    for (const f of series.factors) {
      for (const lag of LAGS) {
        const result = differenceInMeans(shifted(f.values, lag), y);
        const tested = result.daysWith >= MIN_DAYS_EACH && result.daysWithout >= MIN_DAYS_EACH && Number.isFinite(result.pValue);
        // An outcome the person never records (no interference answered) is no comparison at all.
        if (result.daysWith + result.daysWithout === 0) continue;
        rows.push({ kind: f.kind, id: f.id, label: f.label, lag, outcome, result, tested });
      }
    }
  }
  const testedRows = rows.filter((r) => r.tested);
  const q = benjaminiHochberg(testedRows.map((r) => r.result.pValue));
  const qOf = new Map(testedRows.map((r, i) => [r, q[i]!]));

  return rows.map((r) => {
    const { result } = r;
    const qValue = qOf.get(r);
    let verdict: Verdict = 'not-enough-data';
    if (qValue !== undefined) {
      const excludesZero = result.ci[0] > 0 || result.ci[1] < 0;
      verdict = excludesZero && qValue <= FALSE_DISCOVERY_LEVEL ? (result.difference < 0 ? 'lower' : 'higher') : 'no-clear-difference';
    }
    const shown = qValue !== undefined;
    const difference = shown ? round(result.difference, 2) : null;
    const ci = shown ? ([round(result.ci[0], 2), round(result.ci[1], 2)] as const) : null;
    return {
      factor: { kind: r.kind, id: r.id },
      lag: r.lag,
      outcome: r.outcome,
      difference,
      ci,
      daysWith: result.daysWith,
      daysWithout: result.daysWithout,
      qValue: shown ? round(qValue, 6) : null,
      verdict,
      sentence: whatWorksSentence({
        kind: r.kind,
        id: r.id,
        label: r.label,
        lag: r.lag,
        outcome: r.outcome,
        verdict,
        difference,
        ci,
        daysWith: result.daysWith,
        daysWithout: result.daysWithout,
        needWith: Math.max(0, MIN_DAYS_EACH - result.daysWith),
        needWithout: Math.max(0, MIN_DAYS_EACH - result.daysWithout),
      }),
    };
  });
}

export { FACTOR_KINDS, WHAT_WORKS_OUTCOMES };
