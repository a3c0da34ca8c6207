import { describe, expect, it } from 'vitest';
import type { DiaryEntryView } from '../../api/client.ts';
import { checkInBody, type CheckInFields } from './entry-body.ts';

const stored = {
  id: '019c1000-0000-7000-8000-000000000001', localDate: '2026-11-20', localTime: '07:30', timeZone: 'Europe/Berlin', recordedAt: '2026-11-20T06:31:00.000Z',
  intensity: 5, worstSinceLast: 8, leastSinceLast: 2, regions: [{ code: 'lumbar-spine', intensity: 6, qualities: ['aching'] }],
  interference: { activity: 4, sleep: null, mood: 3, stress: 4 }, sleep: { hours: 6, quality: 'poor' }, activity: { minutes: 53, meaningful: ['gardening'] },
  mood: 'neutral', triggers: ['poor-sleep'], ownTriggers: ['long drive'], medicines: [], techniques: [{ id: 'tens', label: null, helped: 'a-lot' }], notes: 'n',
  provenance: { enteredBy: 'u1', mode: 'recalled', source: 'self' },
} as unknown as DiaryEntryView;

const form = (over: Partial<CheckInFields> = {}): CheckInFields => ({
  local: { date: '2026-11-20', time: '07:30' }, timeZone: 'Europe/Berlin', recordedAt: '2026-11-20T06:31:00.000Z', mode: 'recalled', intensity: 7,
  regions: [{ code: 'lumbar-spine', intensity: 6, qualities: ['aching'] }, { code: 'knee-left', intensity: null, qualities: [] }],
  medicines: [], triggers: ['poor-sleep', 'weather'], notes: 'n', sleepHours: 6, ...over,
});

describe('the check-in body', () => {
  it('keeps on edit every field the form does not show', () => {
    const body = checkInBody(stored, form());
    expect(body).toMatchObject({
      worstSinceLast: 8, leastSinceLast: 2, interference: { activity: 4, sleep: null, mood: 3, stress: 4 }, activity: { minutes: 53, meaningful: ['gardening'] },
      mood: 'neutral', ownTriggers: ['long drive'], techniques: [{ id: 'tens', label: null, helped: 'a-lot' }], sleep: { hours: 6, quality: 'poor' },
    });
    // …and takes what the form changed, with the entry's rating for a region without its own.
    expect(body).toMatchObject({ intensity: 7, triggers: ['poor-sleep', 'weather'], regions: [{ code: 'lumbar-spine', intensity: 6 }, { code: 'knee-left', intensity: 7 }] });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('provenance');
  });

  it('clears the hours slept on edit but keeps the quality; a new entry sends sleep only when typed', () => {
    expect(checkInBody(stored, form({ sleepHours: null })).sleep).toEqual({ hours: null, quality: 'poor' });
    expect(checkInBody(null, form({ sleepHours: null }))).not.toHaveProperty('sleep');
    expect(checkInBody(null, form({ sleepHours: 7.5 })).sleep).toEqual({ hours: 7.5, quality: null });
  });
});
