import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex, systemIds, uuidv7 } from './system.ts';
import { nowIso } from './context.ts';

describe('uuidv7', () => {
  it('has the version and variant bits of RFC 9562', () => {
    const id = uuidv7(Date.parse('2026-01-01T00:00:00Z'), 5);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
  it('sorts in creation order even within one millisecond and when the clock stands still', () => {
    const ids = systemIds({ now: () => new Date('2026-01-01T00:00:00Z') });
    const made = Array.from({ length: 5000 }, () => ids.newId());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });
});

describe('sha256', () => {
  it('matches the FIPS 180-2 "abc" test vector (ba7816bf…15ad), base64url-encoded', () => {
    expect(Buffer.from(sha256('abc'), 'base64url').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('nowIso', () => {
  it('follows the clock exactly, whether it moves, stands still or goes back', () => {
    let now = Date.parse('2026-11-27T08:00:00.000Z');
    const deps = { clock: { now: () => new Date(now) } };
    expect(nowIso(deps)).toBe('2026-11-27T08:00:00.000Z');
    expect(nowIso(deps)).toBe('2026-11-27T08:00:00.000Z');
    now += 1;
    expect(nowIso(deps)).toBe('2026-11-27T08:00:00.001Z');
    now -= 86_400_000;
    expect(nowIso(deps)).toBe('2026-11-26T08:00:00.001Z');
  });
});
