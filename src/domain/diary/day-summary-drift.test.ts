import { describe, expect, it } from 'vitest';
import { accumulateDay, applyToSummary, summarizeAccumulator, type DaySummaryAccumulator } from './day-summary.ts';
import type { DiaryEntry } from './entry.ts';
import { testEntry } from './entry.fixtures.ts';

// A stored summary row can drift from the entries (a bug, a hand edit, a half-applied migration). Every
// count the row keeps is checked on its own when an entry is removed, so a drifted row fails loudly
// instead of storing a negative count; and the read form does not rely on the row's key order.
const entry = (overrides: Record<string, unknown> = {}): DiaryEntry => testEntry({ intensity: 4, ...overrides });
const drift = (what: string) => `day summary would go negative (${what}): the stored summary does not match the stored entries`;

describe('a drifted stored summary', () => {
  it('fails on a report of zero sleep hours or zero activity minutes it never counted', () => {
    // The sum stays at 0; only the number of reports would go negative.
    const held = accumulateDay([entry()])!;
    expect(() => applyToSummary(held, { before: entry({ sleep: { hours: 0 } }) })).toThrow(drift('sleep'));
    expect(() => applyToSummary(held, { before: entry({ activity: { minutes: 0 } }) })).toThrow(drift('activityMinutes'));
  });

  it('fails when the medicines taken would go negative, even if each regimen’s count would not', () => {
    const row: DaySummaryAccumulator = { ...accumulateDay([entry()])!, medicines: { taken: 0, scheduled: 1, asNeeded: 1 } };
    for (const regimen of ['scheduled', 'as-needed'])
      expect(() => applyToSummary(row, { before: entry({ medicines: [{ name: 'a', regimen }] }) }), regimen).toThrow(drift('medicines'));
  });
});

describe('the read form of a stored row', () => {
  it('lists regions most often marked first and ties by code, whatever order the row keeps them in', () => {
    const base = accumulateDay([entry()])!;
    const one = (n: number) => ({ entries: n, intensity: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    const row: DaySummaryAccumulator = {
      ...base,
      regions: { 'knee-right': one(1), 'ankle-left': one(1), 'hip-left': one(2), 'back-lower': one(1) },
    };
    expect(summarizeAccumulator(row).regions.map((r) => r.code)).toEqual(['hip-left', 'ankle-left', 'back-lower', 'knee-right']);
  });
});
