import { describe, expect, it } from 'vitest';
import { computeRecentTriggers } from './recent-triggers.ts';

describe('the triggers offered before a search', () => {
  it('lists each trigger once, most recently used first', () => {
    const entries = [{ triggers: ['stress', 'cold'] }, { triggers: [] }, { triggers: ['walking', 'stress'] }, {}];
    expect(computeRecentTriggers(entries)).toEqual(['stress', 'cold', 'walking']);
  });

  it('stops at the limit', () => {
    const entries = [{ triggers: ['a', 'b'] }, { triggers: ['c', 'a', 'd'] }];
    expect(computeRecentTriggers(entries, 3)).toEqual(['a', 'b', 'c']);
  });

  it('offers none to someone who has never named one', () => {
    expect(computeRecentTriggers([{ triggers: [] }, {}])).toEqual([]);
  });
});
