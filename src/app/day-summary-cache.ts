// Day summaries are computed from the entries each time they are read (nothing derived is stored, so
// nothing can drift). A chart asks for the same dates again and again between check-ins, so the last
// answers are kept in memory, each with the patient's change-feed head at the moment it was computed.
// Every write of the patient's moves the head, so an answer is reused only while nothing of theirs has
// changed since; dropping the cache at any moment changes no result, only the time one takes.
import type { DaySummary } from '../domain/diary/day-summary.ts';

interface Kept {
  readonly head: number;
  readonly days: readonly DaySummary[];
}

export interface DaySummaryCache {
  get(patientId: string, from: string, to: string, head: number): readonly DaySummary[] | undefined;
  set(patientId: string, from: string, to: string, head: number, days: readonly DaySummary[]): void;
}

/**
 * A cache holding at most `maxDays` day summaries in all (a year is 366; one is about a kilobyte),
 * the least recently used answer going first.
 */
export function daySummaryCache(maxDays = 20_000): DaySummaryCache {
  const kept = new Map<string, Kept>();
  let size = 0;
  const keyOf = (patientId: string, from: string, to: string) => `${patientId} ${from} ${to}`;
  const drop = (key: string) => {
    const old = kept.get(key);
    if (!old) return;
    kept.delete(key);
    size -= old.days.length;
  };
  return {
    get(patientId, from, to, head) {
      const key = keyOf(patientId, from, to);
      const hit = kept.get(key);
      if (!hit) return undefined;
      if (hit.head !== head) {
        drop(key);
        return undefined;
      }
      // Most recently used last, so the oldest is the first the map yields.
      kept.delete(key);
      kept.set(key, hit);
      return hit.days;
    },
    set(patientId, from, to, head, days) {
      if (days.length > maxDays) return;
      const key = keyOf(patientId, from, to);
      drop(key);
      kept.set(key, { head, days });
      size += days.length;
      for (const oldest of kept.keys()) {
        if (size <= maxDays) break;
        drop(oldest);
      }
    },
  };
}
