import { describe, expect, it } from 'vitest';
import { allTimeZones, cityOf, resolveTimeZone, searchTimeZones } from './time-zone-search.ts';

// A fixed list, so the order does not hang on the runtime's zone data; the last test uses the runtime's.
const ZONES = [
  'America/Argentina/Buenos_Aires',
  'America/New_York',
  'America/North_Dakota/New_Salem',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Busingen',
  'Pacific/Port_Moresby',
  'UTC',
];

describe('time zone search', () => {
  it('finds a city typed in lower case with a space for the underscore', () => {
    expect(searchTimeZones('new york', ZONES)[0]).toBe('America/New_York');
    expect(searchTimeZones('NEW_YORK', ZONES)[0]).toBe('America/New_York');
    expect(searchTimeZones('  new   york ', ZONES)[0]).toBe('America/New_York');
  });

  it('puts a city starting with the text before names that merely contain it', () => {
    // "new" starts New_York's city but only a word of North_Dakota/New_Salem; cities alike go alphabetically.
    expect(searchTimeZones('new', ZONES)).toEqual(['America/New_York', 'America/North_Dakota/New_Salem']);
    expect(searchTimeZones('bu', ZONES)).toEqual(['America/Argentina/Buenos_Aires', 'Europe/Busingen']);
    // "ame" starts no city, only a region: such names come in name order.
    expect(searchTimeZones('ame', ZONES)[0]).toBe('America/Argentina/Buenos_Aires');
  });

  it('matches a later word of the city, a region, the whole name and text run together', () => {
    expect(searchTimeZones('york', ZONES)).toEqual(['America/New_York']);
    expect(searchTimeZones('moresby', ZONES)).toEqual(['Pacific/Port_Moresby']);
    expect(searchTimeZones('europe/', ZONES)).toEqual(['Europe/Berlin', 'Europe/Busingen', 'Europe/London']);
    expect(searchTimeZones('europe/berlin', ZONES)).toEqual(['Europe/Berlin']);
    expect(searchTimeZones('newyork', ZONES)).toEqual(['America/New_York']);
    expect(searchTimeZones(' angel', ZONES)).toEqual(['America/Los_Angeles']);
  });

  it('offers nothing for blank text or text no zone contains, and at most the limit', () => {
    expect(searchTimeZones('', ZONES)).toEqual([]);
    expect(searchTimeZones('   ', ZONES)).toEqual([]);
    expect(searchTimeZones('atlantis', ZONES)).toEqual([]);
    expect(searchTimeZones('a', ZONES, 3)).toHaveLength(3);
  });

  it('writes the city for people', () => {
    expect(cityOf('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(cityOf('UTC')).toBe('UTC');
  });
});

describe('resolving typed text to one zone', () => {
  it('takes a zone name in any spelling the runtime knows, as it stores it', () => {
    expect(resolveTimeZone('europe/berlin', ZONES)).toBe('Europe/Berlin');
    expect(resolveTimeZone('America/New York', ZONES)).toBe('America/New_York');
    expect(resolveTimeZone('utc', ZONES)).toBe('UTC');
  });

  it('takes a city that names exactly one zone', () => {
    expect(resolveTimeZone('new york', ZONES)).toBe('America/New_York');
    expect(resolveTimeZone('los angeles', ZONES)).toBe('America/Los_Angeles');
  });

  it('refuses part of a name, an offset and anything unknown', () => {
    expect(resolveTimeZone('new', ZONES)).toBeUndefined();
    expect(resolveTimeZone('+01:00', ZONES)).toBeUndefined();
    expect(resolveTimeZone('Mars/Olympus', ZONES)).toBeUndefined();
    expect(resolveTimeZone('', ZONES)).toBeUndefined();
  });
});

describe("the runtime's zones", () => {
  it('lists the places and UTC, and finds a city among them', () => {
    const zones = allTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(searchTimeZones('new york')[0]).toBe('America/New_York');
    expect(searchTimeZones('berlin')).toEqual(['Europe/Berlin']);
  });
});
