// Flares: a period of worse pain the person marks themselves — start, end (open while ongoing),
// peak intensity, suspected triggers, what helped — with validation and timeline helpers.
//
// Source: the product's flare record (start, end, peak intensity, suspected triggers, what helped; editable;
// listed on a timeline). Peak intensity is the 0–10 NRS (Farrar 2001, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005). There is
// no clinical definition of a flare here: automatic flare detection belongs to domain/analytics.
//
// Invariants: endedAt ≥ startedAt; an ongoing flare has endedAt null; with an `asOf` given, neither
// time is in the future; trigger and technique ids come from entry.ts vocabularies (de-duplicated,
// canonical order); local dates are read in the flare's own time zone.

import { TECHNIQUES, TRIGGERS, isNrs, type TechniqueId, type TriggerId } from './entry.ts';
import { canonicalTimeZone, parseInstant, toLocalDateTime, addDays, type LocalDate, type TimeZone } from '../time/local-date.ts';

export interface Flare {
  id: string;
  /** ISO-8601 UTC instants. */
  startedAt: string;
  endedAt: string | null;
  timeZone: TimeZone;
  /** NRS 0–10 at the worst point, or null when not rated. */
  peakIntensity: number | null;
  suspectedTriggers: TriggerId[];
  ownTriggers: string[];
  /** Self-management techniques that helped, in TECHNIQUES order (not 'own'; use helpedText). */
  helpedTechniques: TechniqueId[];
  /** What helped, in the person's own words (medicines, people, anything). */
  helpedText: string[];
  notes: string;
}

export interface FlareIssue {
  pointer: string;
  message: string;
}
export type FlareValidation = { ok: true; flare: Flare } | { ok: false; errors: FlareIssue[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TEXT = 200;
const MAX_ITEMS = 20;
const MAX_NOTES = 10_000;

/**
 * Validate and normalise a flare. `asOf` (the server's now, passed in) rejects times in the future;
 * without it only the internal order is checked.
 */
export function validateFlare(input: unknown, opts: { asOf?: Date } = {}): FlareValidation {
  const errors: FlareIssue[] = [];
  const fail = (pointer: string, message: string) => errors.push({ pointer, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ pointer: '', message: 'must be an object' }] };
  const v = input as Record<string, unknown>;

  const id = typeof v.id === 'string' && UUID.test(v.id.toLowerCase()) ? v.id.toLowerCase() : undefined;
  if (!id) fail('/id', 'must be a UUID');
  const startedAt = parseInstant(v.startedAt);
  if (!startedAt) fail('/startedAt', 'must be an ISO-8601 instant with a zone');
  let endedAt: string | null | undefined = null;
  if (v.endedAt !== undefined && v.endedAt !== null) {
    endedAt = parseInstant(v.endedAt);
    if (!endedAt) fail('/endedAt', 'must be an ISO-8601 instant with a zone, or empty while the flare goes on');
  }
  if (startedAt && endedAt && Date.parse(endedAt) < Date.parse(startedAt)) fail('/endedAt', 'a flare cannot end before it starts');
  if (opts.asOf) {
    const now = opts.asOf.getTime();
    if (startedAt && Date.parse(startedAt) > now) fail('/startedAt', 'cannot be in the future');
    if (endedAt && Date.parse(endedAt) > now) fail('/endedAt', 'cannot be in the future');
  }
  const timeZone = typeof v.timeZone === 'string' ? canonicalTimeZone(v.timeZone) : undefined;
  if (!timeZone) fail('/timeZone', 'must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00)');

  let peakIntensity: number | null = null;
  if (v.peakIntensity !== undefined && v.peakIntensity !== null) {
    if (!isNrs(v.peakIntensity)) fail('/peakIntensity', 'must be a whole number from 0 to 10');
    else peakIntensity = v.peakIntensity;
  }

  const ids = <T extends string>(key: string, vocabulary: readonly T[]): T[] => {
    const raw = v[key];
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      fail(`/${key}`, 'must be a list');
      return [];
    }
    raw.forEach((x, i) => {
      if (typeof x !== 'string' || !(vocabulary as readonly string[]).includes(x))
        fail(`/${key}/${i}`, `must be one of: ${vocabulary.join(', ')}`);
    });
    return vocabulary.filter((id) => raw.includes(id));
  };
  const texts = (key: string): string[] => {
    const raw = v[key];
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw) || raw.length > MAX_ITEMS) {
      fail(`/${key}`, `must be a list of at most ${MAX_ITEMS} items`);
      return [];
    }
    const out: string[] = [];
    raw.forEach((x, i) => {
      const t = typeof x === 'string' ? x.trim() : '';
      if (t.length === 0 || t.length > MAX_TEXT) fail(`/${key}/${i}`, `must be text of 1 to ${MAX_TEXT} characters`);
      else out.push(t);
    });
    return out;
  };
  const suspectedTriggers = ids('suspectedTriggers', TRIGGERS);
  const ownTriggers = texts('ownTriggers');
  const helpedTechniques = ids(
    'helpedTechniques',
    TECHNIQUES.filter((t) => t !== 'own'),
  );
  const helpedText = texts('helpedText');

  let notes = '';
  if (v.notes !== undefined && v.notes !== null) {
    if (typeof v.notes !== 'string' || v.notes.trim().length > MAX_NOTES) fail('/notes', `must be text of at most ${MAX_NOTES} characters`);
    else notes = v.notes.trim();
  }

  if (errors.length > 0 || !id || !startedAt || endedAt === undefined || !timeZone) return { ok: false, errors };
  return {
    ok: true,
    flare: { id, startedAt, endedAt, timeZone, peakIntensity, suspectedTriggers, ownTriggers, helpedTechniques, helpedText, notes },
  };
}

/** Duration in whole minutes, or null while the flare goes on. */
export function flareDurationMinutes(flare: Pick<Flare, 'startedAt' | 'endedAt'>): number | null {
  return flare.endedAt === null ? null : Math.floor((Date.parse(flare.endedAt) - Date.parse(flare.startedAt)) / 60_000);
}

/**
 * The local dates a flare covers in its own time zone, first to last; an ongoing flare runs to
 * `asOf`. For calendar views (a flare band over the heat map).
 */
export function flareLocalDates(flare: Pick<Flare, 'startedAt' | 'endedAt' | 'timeZone'>, asOf: Date): LocalDate[] {
  const first = toLocalDateTime(new Date(flare.startedAt), flare.timeZone).date;
  const endInstant = flare.endedAt === null ? asOf : new Date(flare.endedAt);
  const last = toLocalDateTime(endInstant, flare.timeZone).date;
  const out: LocalDate[] = [];
  for (let d = first; d <= last && out.length < 3660; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Flares for a timeline: newest start first; ongoing flares have a null duration. */
export function flareTimeline(flares: readonly Flare[]): (Flare & { durationMinutes: number | null; ongoing: boolean })[] {
  return [...flares]
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || (a.id < b.id ? -1 : 1))
    .map((f) => ({ ...f, durationMinutes: flareDurationMinutes(f), ongoing: f.endedAt === null }));
}
