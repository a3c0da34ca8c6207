import { describe, expect, it } from 'vitest';
import type { DaySummary } from '../domain/diary/day-summary.ts';
import { daySummaryCache } from './day-summary-cache.ts';

const days = (n: number): DaySummary[] =>
  Array.from({ length: n }, (_, i) => ({ localDate: `2026-01-${String(i + 1).padStart(2, '0')}` }) as DaySummary);

describe('daySummaryCache', () => {
  it('answers only while the patient’s feed head is the one the answer was computed at', () => {
    const cache = daySummaryCache();
    const answer = days(3);
    cache.set('p', '2026-01-01', '2026-01-03', 7, answer);
    expect(cache.get('p', '2026-01-01', '2026-01-03', 7)).toBe(answer);
    expect(cache.get('p', '2026-01-01', '2026-01-03', 8)).toBeUndefined();
    // A newer head drops the old answer: going back is impossible (heads only grow), so nothing returns it.
    expect(cache.get('p', '2026-01-01', '2026-01-03', 7)).toBeUndefined();
  });

  it('keeps answers per patient and per range', () => {
    const cache = daySummaryCache();
    cache.set('p', '2026-01-01', '2026-01-03', 1, days(3));
    expect(cache.get('q', '2026-01-01', '2026-01-03', 1)).toBeUndefined();
    expect(cache.get('p', '2026-01-01', '2026-01-02', 1)).toBeUndefined();
  });

  it('holds at most its number of days, letting the least recently used answer go first', () => {
    const cache = daySummaryCache(5);
    cache.set('a', 'f', 't', 1, days(2));
    cache.set('b', 'f', 't', 1, days(2));
    expect(cache.get('a', 'f', 't', 1)).toHaveLength(2); // a is now the most recent
    cache.set('c', 'f', 't', 1, days(2)); // 6 days: b, the least recently used, goes
    expect(cache.get('b', 'f', 't', 1)).toBeUndefined();
    expect(cache.get('a', 'f', 't', 1)).toHaveLength(2);
    expect(cache.get('c', 'f', 't', 1)).toHaveLength(2);
    cache.set('d', 'f', 't', 1, days(6)); // larger than the whole cache: not kept, nothing else dropped
    expect(cache.get('d', 'f', 't', 1)).toBeUndefined();
    expect(cache.get('a', 'f', 't', 1)).toHaveLength(2);
  });
});
