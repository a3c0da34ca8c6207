import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flareDurationMinutes, flareLocalDates, flareTimeline, validateFlare, type Flare } from './flare.ts';

const base = {
  id: '01936b2e-7c1a-7d4e-8f00-0123456789ab',
  startedAt: '2026-03-07T22:00:00Z',
  endedAt: '2026-03-09T10:30:00Z',
  timeZone: 'America/New_York',
};

function ok(input: unknown, asOf?: Date): Flare {
  const r = validateFlare(input, asOf ? { asOf } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.flare;
}

describe('validateFlare', () => {
  it('normalises a flare', () => {
    expect(
      ok({
        ...base,
        peakIntensity: 9,
        suspectedTriggers: ['weather-change', 'poor-sleep'],
        helpedTechniques: ['heat'],
        helpedText: [' rest day '],
      }),
    ).toEqual({
      ...base,
      startedAt: '2026-03-07T22:00:00.000Z',
      endedAt: '2026-03-09T10:30:00.000Z',
      peakIntensity: 9,
      suspectedTriggers: ['poor-sleep', 'weather-change'],
      ownTriggers: [],
      helpedTechniques: ['heat'],
      helpedText: ['rest day'],
      notes: '',
    });
  });

  it('stores the canonical spelling of an IANA zone and refuses offsets', () => {
    expect(ok({ ...base, timeZone: 'america/new_york' }).timeZone).toBe('America/New_York');
    expect(ok({ ...base, timeZone: 'Etc/UTC' }).timeZone).toBe('UTC');
    for (const timeZone of ['+01:00', '-23:59']) {
      const r = validateFlare({ ...base, timeZone });
      expect(r.ok ? [] : r.errors.map((e) => e.pointer)).toEqual(['/timeZone']);
    }
  });

  it('allows an ongoing flare and an end equal to the start', () => {
    expect(ok({ ...base, endedAt: null }).endedAt).toBeNull();
    expect(ok({ ...base, endedAt: base.startedAt }).endedAt).toBe('2026-03-07T22:00:00.000Z');
  });

  it('rejects an end before the start, times in the future and bad values, with JSON pointers', () => {
    const r = validateFlare({
      ...base,
      endedAt: '2026-03-07T21:59:00Z',
      peakIntensity: 11,
      suspectedTriggers: ['moon'],
      helpedTechniques: ['own'],
    });
    expect(r.ok ? [] : r.errors.map((e) => e.pointer)).toEqual([
      '/endedAt',
      '/peakIntensity',
      '/suspectedTriggers/0',
      '/helpedTechniques/0',
    ]);
    const future = validateFlare({ ...base, endedAt: null, startedAt: '2026-03-10T00:00:00Z' }, { asOf: new Date('2026-03-09T12:00:00Z') });
    expect(future.ok ? [] : future.errors.map((e) => e.pointer)).toEqual(['/startedAt']);
    expect(validateFlare('flare')).toEqual({ ok: false, errors: [{ pointer: '', message: 'must be an object' }] });
  });

  it('property: a valid flare never ends before it starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: -1e9, max: 1e9 }), (start, delta) => {
        const r = validateFlare({
          ...base,
          startedAt: new Date(1.6e12 + start).toISOString(),
          endedAt: new Date(1.6e12 + start + delta).toISOString(),
        });
        expect(r.ok).toBe(delta >= 0);
        if (r.ok) expect(flareDurationMinutes(r.flare)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('flare timeline', () => {
  it("covers the local dates in the flare's own zone, across the DST change", () => {
    // 2026-03-07T22:00Z = 17:00 EST on 03-07; 2026-03-09T10:30Z = 06:30 EDT on 03-09.
    const f = ok(base);
    expect(flareLocalDates(f, new Date('2026-03-20T00:00:00Z'))).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(flareDurationMinutes(f)).toBe(36 * 60 + 30);
    // In Tokyo the same instants fall on 03-08 07:00 and 03-09 19:30.
    expect(flareLocalDates({ ...f, timeZone: 'Asia/Tokyo' as Flare['timeZone'] }, new Date())).toEqual(['2026-03-08', '2026-03-09']);
  });

  it('runs an ongoing flare to asOf, and lists the newest first', () => {
    const ongoing = ok({ ...base, id: '01936b2e-7c1a-7d4e-8f00-00000000000b', startedAt: '2026-03-12T12:00:00Z', endedAt: null });
    expect(flareLocalDates(ongoing, new Date('2026-03-13T12:00:00Z'))).toEqual(['2026-03-12', '2026-03-13']);
    const timeline = flareTimeline([ok(base), ongoing]);
    expect(timeline.map((t) => [t.id, t.ongoing, t.durationMinutes])).toEqual([
      ['01936b2e-7c1a-7d4e-8f00-00000000000b', true, null],
      ['01936b2e-7c1a-7d4e-8f00-0123456789ab', false, 2190],
    ]);
  });
});
