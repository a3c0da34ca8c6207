// Finding an IANA time zone by what a person would type: a city ("new york"), part of the name
// ("york", "america/new"), or the name itself in any case, spaces standing for underscores.
// Pure apart from reading the runtime's list of zones once.
import { canonicalTimeZone, type TimeZone } from '../../domain/time/local-date.ts';

interface IndexedZone {
  readonly zone: string;
  /** The whole name in lower case, underscores as spaces: `america/new york`. */
  readonly name: string;
  /** The last part of the name, where the city is: `new york`. */
  readonly city: string;
  /** The name without separators, so `newyork` finds New_York too. */
  readonly compact: string;
}

const normalize = (text: string): string => text.trim().toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ');
const compactOf = (text: string): string => text.replace(/[\s/_-]/g, '');

/** The city part of a zone name as written for people: `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
export function cityOf(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');
}

function indexOf(zone: string): IndexedZone {
  const name = normalize(zone);
  return { zone, name, city: normalize(cityOf(zone)), compact: compactOf(name) };
}

let runtimeZones: readonly string[] | null = null;

/**
 * Every zone this runtime knows, sorted. UTC is added: browsers leave it out of
 * `Intl.supportedValuesOf('timeZone')`, which lists only zones of places.
 */
export function allTimeZones(): readonly string[] {
  if (!runtimeZones) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    runtimeZones = [...new Set([...listed, 'UTC'])].sort();
  }
  return runtimeZones;
}

const indexes = new WeakMap<readonly string[], readonly IndexedZone[]>();
function indexed(zones: readonly string[]): readonly IndexedZone[] {
  let index = indexes.get(zones);
  if (!index) {
    index = zones.map(indexOf);
    indexes.set(zones, index);
  }
  return index;
}

/** How well a zone matches: lower is better, undefined is no match. */
function rank(z: IndexedZone, query: string, compactQuery: string): number | undefined {
  if (z.name === query || z.city === query) return 0;
  if (z.city.startsWith(query)) return 1;
  if (z.name.startsWith(query) || z.name.split(/[/ -]/).some((word) => word.startsWith(query))) return 2;
  if (z.name.includes(query) || (compactQuery.length > 0 && z.compact.includes(compactQuery))) return 3;
  return undefined;
}

/**
 * The zones matching `text`, best first (exact city or name, then city prefix, then a word of the name
 * starting with it, then anywhere in it), alphabetical within each; at most `limit`. Nothing for blank text.
 */
export function searchTimeZones(text: string, zones: readonly string[] = allTimeZones(), limit = 10): string[] {
  const query = normalize(text);
  if (query === '') return [];
  const compactQuery = compactOf(query);
  const found: { zone: string; rank: number }[] = [];
  for (const z of indexed(zones)) {
    const r = rank(z, query, compactQuery);
    if (r !== undefined) found.push({ zone: z.zone, rank: r });
  }
  found.sort((a, b) => a.rank - b.rank || (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
  return found.slice(0, limit).map((f) => f.zone);
}

/**
 * The zone that `text` names without doubt: a zone name in any spelling the runtime takes
 * (`europe/berlin`, `US/Eastern`), else the one zone whose city it is (`new york`); undefined otherwise.
 */
export function resolveTimeZone(text: string, zones: readonly string[] = allTimeZones()): TimeZone | undefined {
  const trimmed = text.trim();
  const named = canonicalTimeZone(trimmed) ?? canonicalTimeZone(trimmed.replace(/ /g, '_'));
  if (named) return named;
  const query = normalize(text);
  if (query === '') return undefined;
  const byCity = indexed(zones).filter((z) => z.city === query);
  return byCity.length === 1 ? canonicalTimeZone(byCity[0]!.zone) : undefined;
}
