import { describe, expect, it } from 'vitest';
import { computeWaitMs } from './sign-in-throttle.ts';

const POLICY = { freeFailures: 3, baseSeconds: 1, maxSeconds: 900 };
const AT = '2026-06-01T12:00:00.000Z';

describe('computeWaitMs', () => {
  it('lets the free failures through, then doubles the wait from the latest failure per further failure', () => {
    expect(computeWaitMs(0, null, AT, POLICY)).toBe(0);
    expect(computeWaitMs(2, AT, AT, POLICY)).toBe(0);
    expect([3, 4, 5, 6].map((n) => computeWaitMs(n, AT, AT, POLICY))).toEqual([1000, 2000, 4000, 8000]);
  });
  it('counts down from the latest failure and never goes below zero', () => {
    expect(computeWaitMs(5, AT, '2026-06-01T12:00:01.500Z', POLICY)).toBe(2500);
    expect(computeWaitMs(5, AT, '2026-06-01T12:00:04.000Z', POLICY)).toBe(0);
    expect(computeWaitMs(5, AT, '2026-06-01T13:00:00.000Z', POLICY)).toBe(0);
  });
  it('stops growing at the longest wait, however many failures', () => {
    expect(computeWaitMs(13, AT, AT, POLICY)).toBe(900_000);
    expect(computeWaitMs(100_000, AT, AT, POLICY)).toBe(900_000);
  });
});
