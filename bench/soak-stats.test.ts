import { describe, expect, it } from 'vitest';
import { linearFit, percentile } from './soak-stats.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1, unsorted on purpose
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });
});

describe('linearFit', () => {
  it('finds the slope and intercept of points on a line', () => {
    const fit = linearFit([0, 1, 2, 3].map((x) => ({ x, y: 3 * x + 10 })));
    expect(fit.slope).toBeCloseTo(3);
    expect(fit.intercept).toBeCloseTo(10);
    expect(fit.r2).toBeCloseTo(1);
  });

  it('gives a flat series no slope, and noise around a line its slope', () => {
    expect(linearFit([1, 2, 3].map((x) => ({ x, y: 5 }))).slope).toBe(0);
    const noisy = linearFit([
      { x: 0, y: 1 },
      { x: 1, y: 0 },
      { x: 2, y: 3 },
      { x: 3, y: 2 },
    ]);
    expect(noisy.slope).toBeCloseTo(0.6);
    expect(noisy.r2).toBeGreaterThan(0);
    expect(noisy.r2).toBeLessThan(1);
  });

  it('has no slope with fewer than two points', () => {
    expect(linearFit([{ x: 1, y: 4 }])).toEqual({ slope: 0, intercept: 4, r2: 0 });
  });
});
