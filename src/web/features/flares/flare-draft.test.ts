import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimeZone } from '../../../domain/time/local-date.ts';
import {
  bodyOfDraft,
  draftOfFlare,
  instantOfWallClock,
  mergeFlareDrafts,
  newFlareDraft,
  splitDuration,
  wallClockOf,
} from './flare-draft.ts';
import { durationInWords } from './flare-format.ts';

const BERLIN = 'Europe/Berlin' as TimeZone;
const flare = {
  startedAt: '2026-05-30T07:00:12.345Z',
  endedAt: '2026-05-31T18:00:00.000Z',
  timeZone: BERLIN,
  peakIntensity: 8,
  suspectedTriggers: ['poor-sleep', 'lifting'] as const,
  ownTriggers: ['a long drive'],
  helpedTechniques: ['heat', 'rest'] as const,
  helpedText: ['a warm bath'],
  notes: '',
};
const stored = { ...flare, suspectedTriggers: [...flare.suspectedTriggers], helpedTechniques: [...flare.helpedTechniques] };

describe('wall clock and instants in a time zone', () => {
  it("reads an instant on the zone's clock and back", () => {
    expect(wallClockOf('2026-05-30T07:00:00Z', BERLIN)).toBe('2026-05-30T09:00');
    expect(instantOfWallClock('2026-05-30T09:00', BERLIN)).toBe('2026-05-30T07:00:00.000Z');
    expect(instantOfWallClock('2026-01-15T09:00', 'America/New_York' as TimeZone)).toBe('2026-01-15T14:00:00.000Z');
  });

  it('reads a time skipped by the spring DST change as after the gap, and a repeated one as the later', () => {
    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST. 02:30 does not exist; it reads as 03:30 CEST.
    expect(instantOfWallClock('2026-03-29T02:30', BERLIN)).toBe('2026-03-29T01:30:00.000Z');
    // Berlin, 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice (00:30Z and 01:30Z).
    expect(instantOfWallClock('2026-10-25T02:30', BERLIN)).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses what is not a date-time', () => {
    expect(instantOfWallClock('', BERLIN)).toBeUndefined();
    expect(instantOfWallClock('2026-02-30T10:00', BERLIN)).toBeUndefined();
    expect(instantOfWallClock('2026-05-30 10:00', BERLIN)).toBeUndefined();
  });

  it('gives back the same wall clock for any minute in several zones', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'] as TimeZone[];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, zone) => {
          const wall = wallClockOf(new Date(minute * 60_000), zone);
          expect(wallClockOf(instantOfWallClock(wall, zone)!, zone)).toBe(wall);
        },
      ),
    );
  });
});

describe('the flare form draft', () => {
  it('sends an untouched flare back exactly as the server had it', () => {
    const result = bodyOfDraft(draftOfFlare(stored));
    expect(result).toEqual({ ok: true, body: stored });
  });

  it("sends a changed time on the flare's clock, and lists one per line in canonical order", () => {
    const draft = {
      ...draftOfFlare(stored),
      ended: '2026-05-31T21:15',
      suspectedTriggers: ['lifting', 'stress', 'poor-sleep'] as const,
      helpedText: ' a warm bath \n\n a walk ',
    };
    const result = bodyOfDraft({ ...draft, suspectedTriggers: [...draft.suspectedTriggers] });
    expect(result.ok && result.body.endedAt).toBe('2026-05-31T19:15:00.000Z');
    expect(result.ok && result.body.startedAt).toBe(stored.startedAt);
    expect(result.ok && result.body.suspectedTriggers).toEqual(['poor-sleep', 'stress', 'lifting']);
    expect(result.ok && result.body.helpedText).toEqual(['a warm bath', 'a walk']);
  });

  it("starts a new flare now, on the patient's clock, going on", () => {
    const now = new Date('2026-05-30T07:00:42.000Z');
    const draft = newFlareDraft(now, 'Europe/Berlin');
    expect(draft.started).toBe('2026-05-30T09:00');
    expect(bodyOfDraft(draft)).toMatchObject({
      ok: true,
      body: { startedAt: now.toISOString(), endedAt: null, timeZone: BERLIN, peakIntensity: null },
    });
    expect(newFlareDraft(now, 'Not/AZone').timeZone).toBe('UTC');
  });

  it('says what to fix before sending', () => {
    const base = draftOfFlare(stored);
    expect(bodyOfDraft({ ...base, started: '' })).toEqual({ ok: false, problems: { '/startedAt': 'startMissing' } });
    expect(bodyOfDraft({ ...base, ended: '' })).toEqual({ ok: false, problems: { '/endedAt': 'endMissing' } });
    expect(bodyOfDraft({ ...base, ended: '2026-05-30T08:59' })).toEqual({ ok: false, problems: { '/endedAt': 'endBeforeStart' } });
    expect(bodyOfDraft({ ...base, timeZone: 'Mars/Olympus' })).toEqual({ ok: false, problems: { '/timeZone': 'badTimeZone' } });
    // Going on: the end field does not matter.
    expect(bodyOfDraft({ ...base, ongoing: true, ended: '' })).toMatchObject({ ok: true, body: { endedAt: null } });
  });

  it('re-reads the times when the time zone changes', () => {
    const result = bodyOfDraft({ ...draftOfFlare(stored), timeZone: 'UTC' });
    expect(result.ok && result.body.startedAt).toBe('2026-05-30T09:00:00.000Z');
  });
});

describe('durations in words', () => {
  it('uses days and hours from a day on, else hours and minutes', () => {
    expect(splitDuration(0)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(splitDuration(1500)).toEqual({ days: 1, hours: 1, minutes: 0 });
    expect(durationInWords(0)).toBe('less than a minute');
    expect(durationInWords(0.9)).toBe('less than a minute');
    expect(durationInWords(45)).toBe('45 minutes');
    expect(durationInWords(61)).toBe('1 hour 1 minute');
    expect(durationInWords(120)).toBe('2 hours');
    expect(durationInWords(1500)).toBe('1 day 1 hour');
    expect(durationInWords(2 * 1440 + 59)).toBe('2 days');
    expect(durationInWords(-5)).toBe('less than a minute');
  });
});

describe('merging my draft over a newer server copy', () => {
  const base = draftOfFlare(stored);

  it('keeps the fields I changed and takes every other field from the server', () => {
    const mine = { ...base, helpedTechniques: [...base.helpedTechniques, 'walking' as const], helpedText: 'a warm bath\na walk' };
    const theirs = draftOfFlare({ ...stored, notes: 'Noted on my phone.', peakIntensity: 9, endedAt: '2026-05-31T19:00:00.000Z' });
    const merged = mergeFlareDrafts(base, mine, theirs);
    expect(merged.notes).toBe('Noted on my phone.');
    expect(merged.peakIntensity).toBe(9);
    expect(merged.ended).toBe(theirs.ended);
    expect(merged.helpedTechniques).toEqual(['heat', 'rest', 'walking']);
    expect(merged.helpedText).toBe('a warm bath\na walk');
    expect(merged.original).toEqual(theirs.original);
    const body = bodyOfDraft(merged);
    expect(body.ok && body.body.endedAt).toBe('2026-05-31T19:00:00.000Z');
  });

  it('lets my change win on a field both changed, and treats a reordered list as unchanged', () => {
    const mine = { ...base, notes: 'mine', suspectedTriggers: [...base.suspectedTriggers].reverse() };
    const theirs = draftOfFlare({ ...stored, notes: 'theirs', suspectedTriggers: ['lifting'] });
    const merged = mergeFlareDrafts(base, mine, theirs);
    expect(merged.notes).toBe('mine');
    expect(merged.suspectedTriggers).toEqual(['lifting']);
  });

  it('sends my end when I marked it over, and keeps the server copy when I changed nothing', () => {
    const going = draftOfFlare({ ...stored, endedAt: null });
    const mine = { ...going, ongoing: false, ended: '2026-05-31T20:00' };
    const theirs = draftOfFlare({ ...stored, endedAt: null, notes: 'phone' });
    expect(mergeFlareDrafts(going, mine, theirs)).toMatchObject({ ongoing: false, ended: '2026-05-31T20:00', notes: 'phone' });
    expect(mergeFlareDrafts(going, going, theirs)).toEqual(theirs);
  });
});
