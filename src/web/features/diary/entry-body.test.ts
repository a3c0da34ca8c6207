import { describe, expect, it } from 'vitest';
import type { DiaryEntryView } from '../../api/client.ts';
import { DIARY_LIMITS } from '../../../domain/diary/entry.ts';
import {
  checkInBody,
  detailsOf,
  EMPTY_DETAILS,
  hasDetails,
  NO_PENDING_TEXT,
  sinceLastProblems,
  withPendingText,
  type CheckInDetails,
  type CheckInFields,
} from './entry-body.ts';

const stored = {
  id: '019c1000-0000-7000-8000-000000000001',
  localDate: '2026-11-20',
  localTime: '07:30',
  timeZone: 'Europe/Berlin',
  recordedAt: '2026-11-20T06:31:00.000Z',
  intensity: 5,
  worstSinceLast: 8,
  leastSinceLast: 2,
  regions: [{ code: 'lumbar-spine', intensity: 6, qualities: ['aching'] }],
  interference: { activity: 4, sleep: null, mood: 3, stress: 4 },
  sleep: { hours: 6, quality: 'poor' },
  activity: { minutes: 53, meaningful: ['gardening'] },
  mood: 'neutral',
  triggers: ['poor-sleep'],
  ownTriggers: ['long drive'],
  medicines: [],
  techniques: [{ id: 'tens', label: null, helped: 'a-lot' }],
  notes: 'n',
  provenance: { enteredBy: 'u1', mode: 'recalled', source: 'self' },
} as unknown as DiaryEntryView;

const form = (over: Partial<CheckInFields> = {}): CheckInFields => ({
  local: { date: '2026-11-20', time: '07:30' },
  timeZone: 'Europe/Berlin',
  recordedAt: '2026-11-20T06:31:00.000Z',
  mode: 'recalled',
  intensity: 7,
  regions: [
    { code: 'lumbar-spine', intensity: 6, qualities: ['aching'] },
    { code: 'knee-left', intensity: null, qualities: [] },
  ],
  medicines: [],
  triggers: ['poor-sleep', 'weather'],
  notes: 'n',
  sleepHours: 6,
  ...over,
});

describe('the check-in body', () => {
  it('keeps on edit every field the form does not show', () => {
    const body = checkInBody(stored, form());
    expect(body).toMatchObject({
      worstSinceLast: 8,
      leastSinceLast: 2,
      interference: { activity: 4, sleep: null, mood: 3, stress: 4 },
      activity: { minutes: 53, meaningful: ['gardening'] },
      mood: 'neutral',
      ownTriggers: ['long drive'],
      techniques: [{ id: 'tens', label: null, helped: 'a-lot' }],
      sleep: { hours: 6, quality: 'poor' },
    });
    // …and takes what the form changed, with the entry's rating for a region without its own.
    expect(body).toMatchObject({
      intensity: 7,
      triggers: ['poor-sleep', 'weather'],
      regions: [
        { code: 'lumbar-spine', intensity: 6 },
        { code: 'knee-left', intensity: 7 },
      ],
    });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('provenance');
  });

  it('clears the hours slept on edit but keeps the quality; a new entry sends sleep only when typed', () => {
    expect(checkInBody(stored, form({ sleepHours: null })).sleep).toEqual({ hours: null, quality: 'poor' });
    expect(checkInBody(null, form({ sleepHours: null }))).not.toHaveProperty('sleep');
    expect(checkInBody(null, form({ sleepHours: 7.5 })).sleep).toEqual({ hours: 7.5, quality: null });
  });

  it('sends the "More details" fields from the form, replacing the stored ones on edit', () => {
    const details: CheckInDetails = {
      worstSinceLast: 8,
      leastSinceLast: 3,
      interference: { activity: 6, sleep: null, mood: 2, stress: null },
      sleepQuality: 'very-poor',
      activityMinutes: 20,
      meaningful: ['walked the dog'],
      mood: 'low',
      ownTriggers: ['cold office'],
      techniques: [
        { id: 'heat', label: null, helped: 'a-lot' },
        { id: 'own', label: 'warm bath', helped: null },
      ],
    };
    const body = checkInBody(stored, form({ details }));
    expect(body).toMatchObject({
      worstSinceLast: 8,
      leastSinceLast: 3,
      interference: { activity: 6, sleep: null, mood: 2, stress: null },
      sleep: { hours: 6, quality: 'very-poor' },
      activity: { minutes: 20, meaningful: ['walked the dog'] },
      mood: 'low',
      ownTriggers: ['cold office'],
      techniques: [
        { id: 'heat', label: null, helped: 'a-lot' },
        { id: 'own', label: 'warm bath', helped: null },
      ],
    });
    // Emptied on the form is emptied on the server: nothing of the stored details survives.
    expect(checkInBody(stored, form({ details: EMPTY_DETAILS }))).toMatchObject({
      worstSinceLast: null,
      leastSinceLast: null,
      interference: { activity: null, sleep: null, mood: null, stress: null },
      sleep: { hours: 6, quality: null },
      activity: { minutes: null, meaningful: [] },
      mood: null,
      ownTriggers: [],
      techniques: [],
    });
  });

  it("sends a new entry's sleep quality without hours, and a label only for the person's own technique", () => {
    const body = checkInBody(
      null,
      form({
        sleepHours: null,
        details: { ...EMPTY_DETAILS, sleepQuality: 'good', techniques: [{ id: 'rest', label: 'sofa', helped: 'somewhat' }] },
      }),
    );
    expect(body.sleep).toEqual({ hours: null, quality: 'good' });
    expect(body.techniques).toEqual([{ id: 'rest', label: null, helped: 'somewhat' }]);
  });

  it('reads the details of a stored entry back into the form, and knows when it has any', () => {
    expect(detailsOf(stored)).toEqual({
      worstSinceLast: 8,
      leastSinceLast: 2,
      interference: { activity: 4, sleep: null, mood: 3, stress: 4 },
      sleepQuality: 'poor',
      activityMinutes: 53,
      meaningful: ['gardening'],
      mood: 'neutral',
      ownTriggers: ['long drive'],
      techniques: [{ id: 'tens', label: null, helped: 'a-lot' }],
    });
    expect(hasDetails(stored)).toBe(true);
    const plain = {
      ...stored,
      worstSinceLast: null,
      leastSinceLast: null,
      interference: { activity: null, sleep: null, mood: null, stress: null },
      sleep: { hours: 7, quality: null },
      activity: { minutes: null, meaningful: [] },
      mood: null,
      ownTriggers: [],
      techniques: [],
      regions: [{ code: 'lumbar-spine', intensity: 5, qualities: [] }],
    } as DiaryEntryView;
    expect(hasDetails(plain)).toBe(false);
    // A region rated differently from the whole entry is a detail too.
    expect(hasDetails({ ...plain, regions: [{ code: 'lumbar-spine', intensity: 6, qualities: [] }] })).toBe(true);
    // Sleep quality and mood are in the quick form, so on their own they leave "More details" closed.
    expect(hasDetails({ ...plain, sleep: { hours: 7, quality: 'poor' }, mood: 'low' })).toBe(false);
  });

  it('explains worst below now and least above now, and accepts the bounds themselves', () => {
    expect(sinceLastProblems(5, { worstSinceLast: 4, leastSinceLast: 6 })).toEqual({
      worstSinceLast: 'below-now',
      leastSinceLast: 'above-now',
    });
    expect(sinceLastProblems(5, { worstSinceLast: 5, leastSinceLast: 5 })).toEqual({});
    expect(sinceLastProblems(5, { worstSinceLast: null, leastSinceLast: null })).toEqual({});
    expect(sinceLastProblems(null, { worstSinceLast: 0, leastSinceLast: 10 })).toEqual({});
  });
});

describe('text typed but not Added', () => {
  const d: CheckInDetails = { ...EMPTY_DETAILS, ownTriggers: ['long drive'], techniques: [{ id: 'heat', label: null, helped: 'a-lot' }] };

  it('is added on Save, trimmed, to each own-words list', () => {
    const { details, full } = withPendingText(d, { meaningful: ' gardening ', ownTriggers: 'cold wind', ownTechniques: 'a warm bath' });
    expect(full).toEqual([]);
    expect(details.meaningful).toEqual(['gardening']);
    expect(details.ownTriggers).toEqual(['long drive', 'cold wind']);
    expect(details.techniques).toEqual([
      { id: 'heat', label: null, helped: 'a-lot' },
      { id: 'own', label: 'a warm bath', helped: null },
    ]);
  });

  it('changes nothing when the boxes are empty or repeat an item', () => {
    expect(withPendingText(d, NO_PENDING_TEXT)).toEqual({ details: d, full: [] });
    expect(withPendingText(d, { ...NO_PENDING_TEXT, ownTriggers: ' Long Drive' })).toEqual({ details: d, full: [] });
  });

  it('names a full list instead of dropping the text silently', () => {
    const many = { ...d, ownTriggers: Array.from({ length: DIARY_LIMITS.ownTriggers }, (_, i) => `t${i}`) };
    const { details, full } = withPendingText(many, { ...NO_PENDING_TEXT, ownTriggers: 'one more', meaningful: 'walk' });
    expect(full).toEqual(['ownTriggers']);
    expect(details.ownTriggers).toHaveLength(DIARY_LIMITS.ownTriggers);
    expect(details.meaningful).toEqual(['walk']);
  });
});
