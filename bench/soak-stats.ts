// The arithmetic of the soak run: percentiles of a window's latencies and the least-squares slope of a
// series over time, which says whether memory or latency drift while the load stays the same.

/** The p-th percentile (0–100) of `values` by nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Fit {
  /** Change of y per unit of x. */
  readonly slope: number;
  readonly intercept: number;
  /** Share of y's variance the line explains (1 when every point is on it; 0 when y is flat). */
  readonly r2: number;
}

/** Ordinary least squares of y on x. */
export function linearFit(points: readonly { x: number; y: number }[]): Fit {
  const n = points.length;
  if (n < 2) return { slope: 0, intercept: points[0]?.y ?? 0, r2: 0 };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { x, y } of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return { slope: 0, intercept: my, r2: 0 };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}
