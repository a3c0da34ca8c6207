import { describe, expect, it } from 'vitest';
import { systemIds, uuidv7 } from './system.ts';

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
