// The statistics behind "what works for me": a difference in means between days with and without a
// factor, with a standard error that stays honest when days are not independent (Newey–West), the
// Student t distribution for its interval and p-value, and Benjamini–Hochberg false-discovery control.
//
// Everything here is deterministic: the same diary gives the same figures on every reading, which a
// resampling method (a bootstrap) would not without fixing its random stream.
//
// Sources: Newey WK, West KD. A simple, positive semi-definite, heteroskedasticity and autocorrelation
// consistent covariance matrix. Econometrica 1987;55:703–8 (the Bartlett-weighted estimator).
// Andrews DWK. Heteroskedasticity and autocorrelation consistent covariance matrix estimation.
// Econometrica 1991;59:817–58 (the lag length chosen from the data, AR(1) plug-in, eq. 6.4 and
// Table I for the Bartlett kernel). Priestley MB. Spectral analysis and time series. Academic Press,
// 1981, §6.2.3 (the variance of a lag-window estimate, for the t reference's degrees of freedom). Benjamini Y, Hochberg Y. Controlling the false discovery rate.
// J R Stat Soc B 1995;57:289–300. The incomplete beta function by its continued fraction (Lentz), as
// in Press et al., Numerical Recipes, 3rd ed., §6.4.

/** log Γ(x) for x > 0 (Lanczos approximation, g = 7, nine coefficients; relative error < 1e-14). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only on its own side of the mean; the other side by symmetry.
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Two-sided p-value of a t statistic with `df` degrees of freedom: P(|T| ≥ |t|). */
export function studentTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return Number.isNaN(t) ? Number.NaN : 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

const quantileCache = new Map<number, number>();

/** The t value with two-sided tail probability 0.05 (the 97.5th percentile) for `df` degrees of freedom. */
export function studentT975(df: number): number {
  const cached = quantileCache.get(df);
  if (cached !== undefined) return cached;
  // The two-sided p falls as t grows: bisect until the bracket is below double precision's use here.
  let low = 0;
  let high = 1000;
  for (let i = 0; i < 80; i++) {
    const mid = (low + high) / 2;
    if (studentTwoSidedP(mid, df) > 0.05) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  if (quantileCache.size < 10_000) quantileCache.set(df, t);
  return t;
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values) of a family of p-values, in the order given: q_(i) =
 * min over k ≥ i of m·p_(k)/k, at most 1. A test is a discovery at level α when its q ≤ α.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]! || a - b);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (m * pValues[i]!) / rank);
    q[i] = running;
  }
  return q;
}

/**
 * The Newey–West lag length chosen from the data (Andrews 1991, AR(1) plug-in for the Bartlett
 * kernel): fit an AR(1) to the score series, α̂ = 4ρ̂² / (1 − ρ̂²)², bandwidth 1.1447·(α̂·n)^(1/3).
 * `score` holds 0 on days without an observation; lag products across such a day count nothing.
 */
export function andrewsLag(score: Float64Array, present: Uint8Array, n: number): number {
  let num = 0;
  let den = 0;
  for (let t = 1; t < score.length; t++) {
    if (present[t] && present[t - 1]) {
      num += score[t]! * score[t - 1]!;
      den += score[t - 1]! * score[t - 1]!;
    }
  }
  if (den <= 0) return 0;
  // An AR(1) coefficient near ±1 makes the plug-in explode; the guard keeps the lag finite.
  const rho = Math.max(-0.97, Math.min(0.97, num / den));
  const alpha = (4 * rho * rho) / ((1 - rho * rho) * (1 - rho * rho));
  const lag = Math.floor(1.1447 * Math.cbrt(alpha * n));
  return Math.max(0, Math.min(lag, Math.floor(n / 4)));
}

export interface Difference {
  /** Mean outcome on days with the factor minus the mean on days without. */
  readonly difference: number;
  /** Newey–West standard error of the difference, with the small-sample factor n / (n − 2). */
  readonly standardError: number;
  /** Of the t reference: the variance estimate's equivalent degrees of freedom, less two. */
  readonly degreesOfFreedom: number;
  readonly ci: readonly [number, number];
  readonly pValue: number;
  readonly lag: number;
  readonly daysWith: number;
  readonly daysWithout: number;
}

/**
 * The difference in mean outcome between days with (`factor` 1) and without (0) a factor, over the
 * days where both are known (`factor` −1 or `outcome` NaN leave a day out). The difference is the slope
 * of the outcome regressed on the factor with an intercept, so its Newey–West standard error is that
 * of the slope: (Σ (x−x̄)²)⁻¹ times the square root of the long-run variance of (x_t−x̄)·ê_t, whose
 * autocovariances are taken between days that many calendar days apart. `nwLag` fixes the lag length
 * (for checks against another implementation); otherwise it is chosen from the data.
 */
export function differenceInMeans(factor: Int8Array, outcome: Float64Array, nwLag?: number): Difference {
  const length = Math.min(factor.length, outcome.length);
  let n1 = 0;
  let n0 = 0;
  let sum1 = 0;
  let sum0 = 0;
  for (let t = 0; t < length; t++) {
    const x = factor[t]!;
    const y = outcome[t]!;
    if (x < 0 || Number.isNaN(y)) continue;
    if (x === 1) {
      n1++;
      sum1 += y;
    } else {
      n0++;
      sum0 += y;
    }
  }
  const n = n1 + n0;
  if (n1 === 0 || n0 === 0 || n < 3) {
    return {
      difference: Number.NaN,
      standardError: Number.NaN,
      degreesOfFreedom: Math.max(0, n - 2),
      ci: [Number.NaN, Number.NaN],
      pValue: Number.NaN,
      lag: 0,
      daysWith: n1,
      daysWithout: n0,
    };
  }
  const mean1 = sum1 / n1;
  const mean0 = sum0 / n0;
  const xBar = n1 / n;
  const score = new Float64Array(length);
  const present = new Uint8Array(length);
  let sxx = 0;
  for (let t = 0; t < length; t++) {
    const x = factor[t]!;
    const y = outcome[t]!;
    if (x < 0 || Number.isNaN(y)) continue;
    const dx = x - xBar;
    sxx += dx * dx;
    score[t] = dx * (y - (x === 1 ? mean1 : mean0));
    present[t] = 1;
  }
  const lag = nwLag ?? andrewsLag(score, present, n);
  let longRun = 0;
  for (let t = 0; t < length; t++) longRun += score[t]! * score[t]!;
  for (let j = 1; j <= lag; j++) {
    let gamma = 0;
    for (let t = j; t < length; t++) gamma += score[t]! * score[t - j]!;
    longRun += 2 * (1 - j / (lag + 1)) * gamma;
  }
  // The variance estimate is itself uncertain, more so the more lags it weighs; the t reference takes
  // its equivalent degrees of freedom (Satterthwaite): Var(Ω̂)/Ω² ≈ 2(1 + 2Σw_j²)/n for a lag window at
  // frequency zero (Priestley 1981, §6.2.3), as a χ²_ν/ν has 2/ν; less the two means estimated.
  let weightSquares = 0;
  for (let j = 1; j <= lag; j++) weightSquares += (1 - j / (lag + 1)) ** 2;
  const df = Math.max(1, Math.floor(n / (1 + 2 * weightSquares)) - 2);
  const variance = (Math.max(longRun, 0) * (n / (n - 2))) / (sxx * sxx);
  const standardError = Math.sqrt(variance);
  const difference = mean1 - mean0;
  const half = studentT975(df) * standardError;
  const pValue = standardError > 0 ? studentTwoSidedP(difference / standardError, df) : difference === 0 ? 1 : 0;
  return {
    difference,
    standardError,
    degreesOfFreedom: df,
    ci: [difference - half, difference + half],
    pValue,
    lag,
    daysWith: n1,
    daysWithout: n0,
  };
}
