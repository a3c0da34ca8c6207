import { describe, expect, it } from 'vitest';
import { mergeLoggedSessions } from './pacing-merge.ts';

const walk = (sessions: { date: string; amount: number }[]) => ({ id: 'walk', sessions });
const draft = (sessions: string, sessionSource = 'recorded') => ({ id: 'walk', sessionSource, sessions, activity: 'walking' });

describe('re-applying a plan draft keeps sessions logged meanwhile', () => {
  const base = [walk([{ date: '2026-06-01', amount: 10 }])];
  const newer = [
    walk([
      { date: '2026-06-01', amount: 10 },
      { date: '2026-06-02', amount: 12 },
    ]),
  ];

  it('takes the newer sessions where the clinician left them as loaded', () => {
    expect(mergeLoggedSessions([draft('2026-06-01 10')], base, newer)).toEqual([draft('2026-06-01 10\n2026-06-02 12')]);
  });

  it("keeps the clinician's own edit of the sessions", () => {
    expect(mergeLoggedSessions([draft('2026-06-01 11')], base, newer)).toEqual([draft('2026-06-01 11')]);
  });

  it('leaves activities new in the draft, gone from the newer plan or measured from the diary alone', () => {
    expect(mergeLoggedSessions([{ ...draft('2026-06-01 10'), id: 'swim' }], base, newer)).toEqual([
      { ...draft('2026-06-01 10'), id: 'swim' },
    ]);
    expect(mergeLoggedSessions([draft('2026-06-01 10')], base, [])).toEqual([draft('2026-06-01 10')]);
    expect(mergeLoggedSessions([draft('', 'diary-activity-minutes')], base, newer)).toEqual([draft('', 'diary-activity-minutes')]);
  });
});
