// A valid diary entry for tests (test support only; never imported by production code). Each call gets
// a fresh id, so entries built in one test never collide; the rest is one ordinary afternoon check-in that
// a test overrides field by field.

import { validateDiaryEntry, type DiaryEntry } from './entry.ts';

let seq = 0;

export function testEntry(overrides: Record<string, unknown> = {}): DiaryEntry {
  seq += 1;
  const r = validateDiaryEntry({
    id: `01936b2e-7c1a-7d4e-8f00-${String(seq).padStart(12, '0')}`,
    localDate: '2026-03-08',
    localTime: '15:05',
    timeZone: 'Europe/Berlin',
    recordedAt: '2026-03-08T14:05:00Z',
    intensity: 5,
    provenance: { enteredBy: 'user-1', mode: 'real-time', source: 'self' },
    ...overrides,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.entry;
}
