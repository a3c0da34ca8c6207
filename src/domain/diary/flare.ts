// Flares: a period of worse pain the person marks themselves — start, end (open while ongoing),
// peak intensity, suspected triggers, what helped — with validation and timeline helpers. The shape of
// a flare is flareSchemas()' (flare-shape.ts), which the contract's FlareBody is built from.
//
// Source: the product's flare record (start, end, peak intensity, suspected triggers, what helped; editable;
// listed on a timeline). Peak intensity is the 0–10 NRS (Farrar 2001, https://pubmed.ncbi.nlm.nih.gov/11690728/; Dworkin 2008, J Pain 9:105, https://doi.org/10.1016/j.jpain.2007.09.005). There is
// no clinical definition of a flare here: automatic flare detection belongs to domain/analytics.
//
// Invariants: endedAt ≥ startedAt; an ongoing flare has endedAt null; with an `asOf` given, neither
// time is in the future; trigger and technique ids come from entry.ts vocabularies (de-duplicated,
// canonical order); local dates are read in the flare's own time zone.

import { parseShape } from './diary-shape-parts.ts';
import { TECHNIQUES, TRIGGERS, type TechniqueId, type TriggerId } from './entry-vocabulary.ts';
import { flareSchemas, type FlareShape } from './flare-shape.ts';
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

/** Normalise a flare whose shape is right (flareSchemas): canonical instants, zone and id order; trimmed text. */
function normalizeFlare(shape: FlareShape): Flare {
  const instant = (text: string) => {
    const parsed = parseInstant(text);
    if (parsed === undefined) throw new Error('normalizeFlare: an instant passed the shape but does not parse');
    return parsed;
  };
  const timeZone = canonicalTimeZone(shape.timeZone);
  if (timeZone === undefined) throw new Error('normalizeFlare: the zone passed the shape but is not known');
  return {
    id: shape.id.toLowerCase(),
    startedAt: instant(shape.startedAt),
    endedAt: shape.endedAt == null ? null : instant(shape.endedAt),
    timeZone,
    peakIntensity: shape.peakIntensity ?? null,
    suspectedTriggers: TRIGGERS.filter((id) => shape.suspectedTriggers?.includes(id)),
    ownTriggers: (shape.ownTriggers ?? []).map((t) => t.trim()),
    helpedTechniques: TECHNIQUES.filter((id) => shape.helpedTechniques?.includes(id)),
    helpedText: (shape.helpedText ?? []).map((t) => t.trim()),
    notes: (shape.notes ?? '').trim(),
  };
}

/**
 * Validate and normalise a flare: its shape (flareSchemas), then, with `asOf` (the server's now, passed
 * in), neither time in the future; without it only the internal order is checked.
 */
export function validateFlare(input: unknown, opts: { asOf?: Date } = {}): FlareValidation {
  const parsed = parseShape(flareSchemas().flare, input);
  return parsed.ok ? checkFlare(parsed.value, opts) : parsed;
}

/**
 * The checks after the shape, for a flare already parsed with flareSchemas (the API parses a body
 * once, at the route): normalise it and, with `asOf`, refuse times in the future.
 */
export function checkFlare(shape: FlareShape, opts: { asOf?: Date } = {}): FlareValidation {
  const flare = normalizeFlare(shape);
  const errors: FlareIssue[] = [];
  if (opts.asOf) {
    const now = opts.asOf.getTime();
    if (Date.parse(flare.startedAt) > now) errors.push({ pointer: '/startedAt', message: 'cannot be in the future' });
    if (flare.endedAt && Date.parse(flare.endedAt) > now) errors.push({ pointer: '/endedAt', message: 'cannot be in the future' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, flare };
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
