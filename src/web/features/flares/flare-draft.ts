// The flare form's draft and its conversions: wall-clock date-times in the flare's own time zone to
// and from UTC instants, the draft to the API body (with the checks the browser can make before
// sending), and a flare's duration split into days, hours and minutes for words.
//
// Invariants: a time the person did not touch is sent back exactly as the server had it (no rounding
// to the minute); a wall-clock time that does not exist (skipped by a DST change) is read as the same
// wall-clock distance after the last time before the gap; an ambiguous one (repeated) as the later.
import { TECHNIQUES, TRIGGERS, type TechniqueId, type TriggerId } from '../../../domain/diary/entry.ts';
import type { Flare } from '../../../domain/diary/flare.ts';
import { isTimeZone, type TimeZone } from '../../../domain/time/local-date.ts';
import { instantOfWallClock, type WallClock, wallClockOf } from '../../components/wall-clock.ts';

export { instantOfWallClock, type WallClock, wallClockOf } from '../../components/wall-clock.ts';

export interface FlareDraft {
  started: WallClock;
  ongoing: boolean;
  ended: WallClock;
  timeZone: string;
  peakIntensity: number | null;
  suspectedTriggers: TriggerId[];
  /** One per line. */
  ownTriggers: string;
  helpedTechniques: TechniqueId[];
  /** One per line. */
  helpedText: string;
  notes: string;
  /** The instants the server had, so an untouched time is sent back unchanged. */
  original: { startedAt: string; endedAt: string | null; timeZone: string } | null;
}

export type FlareBodyDraft = Omit<Flare, 'id'>;

/** A new flare starting `now` in the patient's time zone, still going on. */
export function newFlareDraft(now: Date, timeZone: string): FlareDraft {
  const zone = isTimeZone(timeZone) ? timeZone : ('UTC' as TimeZone);
  return {
    started: wallClockOf(now, zone),
    ongoing: true,
    ended: '',
    timeZone: zone,
    peakIntensity: null,
    suspectedTriggers: [],
    ownTriggers: '',
    helpedTechniques: [],
    helpedText: '',
    notes: '',
    original: { startedAt: now.toISOString(), endedAt: null, timeZone: zone },
  };
}

/** The form's draft for a flare the server has. */
export function draftOfFlare(flare: Omit<Flare, 'id'>): FlareDraft {
  const zone = flare.timeZone;
  return {
    started: wallClockOf(flare.startedAt, zone),
    ongoing: flare.endedAt === null,
    ended: flare.endedAt === null ? '' : wallClockOf(flare.endedAt, zone),
    timeZone: zone,
    peakIntensity: flare.peakIntensity,
    suspectedTriggers: [...flare.suspectedTriggers],
    ownTriggers: flare.ownTriggers.join('\n'),
    helpedTechniques: [...flare.helpedTechniques],
    helpedText: flare.helpedText.join('\n'),
    notes: flare.notes,
    original: { startedAt: flare.startedAt, endedAt: flare.endedAt, timeZone: zone },
  };
}

/** Why a draft cannot be sent yet, by the JSON pointer the server would use; the value is a message key's suffix. */
export type DraftProblem = 'startMissing' | 'endMissing' | 'endBeforeStart' | 'badTimeZone';

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

function instantFor(
  wallClock: WallClock,
  timeZone: TimeZone,
  original: string | null | undefined,
  originalZone: string | undefined,
): string | undefined {
  if (original && originalZone === timeZone && wallClockOf(original, timeZone) === wallClock) return original;
  return instantOfWallClock(wallClock, timeZone);
}

/** The API body for a draft, or the problems the browser can see before sending. */
export function bodyOfDraft(
  draft: FlareDraft,
): { ok: true; body: FlareBodyDraft } | { ok: false; problems: Partial<Record<'/startedAt' | '/endedAt' | '/timeZone', DraftProblem>> } {
  const zoneText = draft.timeZone.trim();
  if (!isTimeZone(zoneText)) return { ok: false, problems: { '/timeZone': 'badTimeZone' } };
  const zone = zoneText;
  const problems: Partial<Record<'/startedAt' | '/endedAt' | '/timeZone', DraftProblem>> = {};
  const startedAt = instantFor(draft.started, zone, draft.original?.startedAt, draft.original?.timeZone);
  if (!startedAt) problems['/startedAt'] = 'startMissing';
  let endedAt: string | null = null;
  if (!draft.ongoing) {
    endedAt = instantFor(draft.ended, zone, draft.original?.endedAt, draft.original?.timeZone) ?? null;
    if (!endedAt) problems['/endedAt'] = 'endMissing';
    else if (startedAt && Date.parse(endedAt) < Date.parse(startedAt)) problems['/endedAt'] = 'endBeforeStart';
  }
  if (!startedAt || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      startedAt,
      endedAt,
      timeZone: zone,
      peakIntensity: draft.peakIntensity,
      // Canonical order, as the server keeps them, so an unchanged flare compares equal.
      suspectedTriggers: TRIGGERS.filter((x) => draft.suspectedTriggers.includes(x)),
      ownTriggers: lines(draft.ownTriggers),
      helpedTechniques: TECHNIQUES.filter((x): x is TechniqueId => x !== 'own' && draft.helpedTechniques.includes(x)),
      helpedText: lines(draft.helpedText),
      notes: draft.notes.trim(),
    },
  };
}

/** Whole minutes split for words: days and hours from a day on, else hours and minutes. */
export function splitDuration(totalMinutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.max(0, Math.floor(totalMinutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return days > 0 ? { days, hours, minutes: 0 } : { days: 0, hours, minutes: m % 60 };
}

const sameValue = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000') : a === b;

/** The fields of a draft a person edits (everything but `original`). */
const MERGED_FIELDS = [
  'started',
  'ongoing',
  'ended',
  'timeZone',
  'peakIntensity',
  'suspectedTriggers',
  'ownTriggers',
  'helpedTechniques',
  'helpedText',
  'notes',
] as const;

/**
 * A three-way merge for "save my changes over version N": each field the person changed (`mine`
 * differs from `base`, the draft the form loaded) keeps their value; every other field takes the
 * server's newer copy (`theirs`), so what another device changed is not reverted. The instants kept
 * for untouched times are the server's (`theirs.original`).
 */
export function mergeFlareDrafts(base: FlareDraft, mine: FlareDraft, theirs: FlareDraft): FlareDraft {
  const merged: FlareDraft = { ...theirs, original: theirs.original };
  const target = merged as unknown as Record<string, unknown>;
  for (const field of MERGED_FIELDS) {
    if (!sameValue(mine[field], base[field])) target[field] = Array.isArray(mine[field]) ? [...(mine[field] as unknown[])] : mine[field];
  }
  return merged;
}
