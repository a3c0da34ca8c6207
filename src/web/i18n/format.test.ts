import { describe, expect, it } from 'vitest';
import { formatDateTime, formatZoneName } from './index.ts';

describe('date and time with its zone', () => {
  const noonInNewYork = '2026-01-05T17:00:00Z';
  it('names the zone it read the time in when asked', () => {
    expect(formatDateTime(noonInNewYork, 'America/New_York', { showZone: true })).toMatch(/^Jan 5, 2026, 12:00\sPM EST$/);
    expect(formatDateTime('2026-07-05T16:00:00Z', 'America/New_York', { showZone: true })).toMatch(/12:00\sPM EDT$/);
  });
  it('leaves the zone out otherwise', () => {
    expect(formatDateTime(noonInNewYork, 'America/New_York')).toMatch(/^Jan 5, 2026, 12:00\sPM$/);
  });
  it("gives a zone's short name at an instant", () => {
    expect(formatZoneName(noonInNewYork, 'America/New_York')).toBe('EST');
    expect(formatZoneName(noonInNewYork, 'Europe/Berlin')).toBe('GMT+1');
  });
});
