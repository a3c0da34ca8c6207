// The body the check-in form sends. An edit replaces the whole entry on the server (PUT), so it starts
// from the stored entry and overwrites only what the form shows. The "More details" fields (worst and
// least since last, interference, sleep quality, activity, mood, own triggers, techniques) are sent
// from the form when it passes them; a caller that passes no `details` keeps the stored ones, never
// resetting them to empty.
import type { DiaryEntryView } from '../../api/client.ts';
import {
  DIARY_LIMITS,
  type HelpLevel,
  type InterferenceItem,
  type Mood,
  type SleepQuality,
  type TechniqueId,
} from '../../../domain/diary/entry.ts';

export interface CheckInDetails {
  readonly worstSinceLast: number | null;
  readonly leastSinceLast: number | null;
  /** DVPRS 2.0 supplementary items, 0–10 each, null when not answered. */
  readonly interference: Readonly<Record<InterferenceItem, number | null>>;
  readonly sleepQuality: SleepQuality | null;
  /** Whole minutes; null when left empty. */
  readonly activityMinutes: number | null;
  readonly meaningful: readonly string[];
  readonly mood: Mood | null;
  readonly ownTriggers: readonly string[];
  /** `label` only for the person's own technique (id 'own'). */
  readonly techniques: readonly { readonly id: TechniqueId; readonly label: string | null; readonly helped: HelpLevel | null }[];
}

export interface CheckInFields {
  readonly local: { readonly date: string; readonly time: string };
  readonly timeZone: string;
  readonly recordedAt: string;
  readonly mode: string;
  readonly intensity: number;
  /** A region's own rating, or null to take the entry's. */
  readonly regions: readonly { readonly code: string; readonly intensity: number | null; readonly qualities: readonly string[] }[];
  readonly medicines: DiaryEntryView['medicines'];
  readonly triggers: readonly string[];
  readonly notes: string;
  /** Hours slept as typed, rounded to the quarter hour; null when left empty. */
  readonly sleepHours: number | null;
  /** The "More details" fields; when absent an edit keeps the stored ones. */
  readonly details?: CheckInDetails;
}

export const EMPTY_DETAILS: CheckInDetails = {
  worstSinceLast: null,
  leastSinceLast: null,
  interference: { activity: null, sleep: null, mood: null, stress: null },
  sleepQuality: null,
  activityMinutes: null,
  meaningful: [],
  mood: null,
  ownTriggers: [],
  techniques: [],
};

/** The "More details" fields of a stored entry (missing ones as empty). */
export function detailsOf(entry: DiaryEntryView): CheckInDetails {
  const i = entry.interference ?? EMPTY_DETAILS.interference;
  return {
    worstSinceLast: entry.worstSinceLast ?? null,
    leastSinceLast: entry.leastSinceLast ?? null,
    interference: { activity: i.activity ?? null, sleep: i.sleep ?? null, mood: i.mood ?? null, stress: i.stress ?? null },
    sleepQuality: (entry.sleep?.quality ?? null) as SleepQuality | null,
    activityMinutes: entry.activity?.minutes ?? null,
    meaningful: [...(entry.activity?.meaningful ?? [])],
    mood: (entry.mood ?? null) as Mood | null,
    ownTriggers: [...(entry.ownTriggers ?? [])],
    techniques: (entry.techniques ?? []).map((x) => ({
      id: x.id as TechniqueId,
      label: x.label ?? null,
      helped: (x.helped ?? null) as HelpLevel | null,
    })),
  };
}

/** Text typed into the "More details" own-words boxes but not yet Added. */
export interface PendingText {
  readonly meaningful: string;
  readonly ownTriggers: string;
  readonly ownTechniques: string;
}

export const NO_PENDING_TEXT: PendingText = { meaningful: '', ownTriggers: '', ownTechniques: '' };

/** How many own items a list can take (own techniques share the limit with the chosen ones). */
export const pendingCapacity = (d: CheckInDetails): Record<keyof PendingText, number> => ({
  meaningful: DIARY_LIMITS.meaningfulActivities - d.meaningful.length,
  ownTriggers: DIARY_LIMITS.ownTriggers - d.ownTriggers.length,
  ownTechniques: DIARY_LIMITS.techniques - d.techniques.length,
});

/**
 * Saving adds what was typed but not Added, so it is not lost: trimmed, cut to the short-text limit, and
 * skipped when the list already holds it (any case). `full` names the boxes whose text could not be
 * added because the list is at its limit (the form refuses to save and says so on the box).
 * Example: ownTriggers ['long drive'] + typed ' cold wind ' → ownTriggers ['long drive', 'cold wind'].
 */
export function withPendingText(d: CheckInDetails, pending: PendingText): { details: CheckInDetails; full: (keyof PendingText)[] } {
  const capacity = pendingCapacity(d);
  const full: (keyof PendingText)[] = [];
  const take = (box: keyof PendingText, existing: readonly string[]): string | null => {
    const item = pending[box].trim().slice(0, DIARY_LIMITS.shortText);
    if (item === '' || existing.some((x) => x.toLowerCase() === item.toLowerCase())) return null;
    if (capacity[box] <= 0) {
      full.push(box);
      return null;
    }
    return item;
  };
  const meaningful = take('meaningful', d.meaningful);
  const ownTrigger = take('ownTriggers', d.ownTriggers);
  const ownTechnique = take(
    'ownTechniques',
    d.techniques.filter((x) => x.id === 'own').map((x) => x.label ?? ''),
  );
  return {
    details: {
      ...d,
      meaningful: meaningful === null ? d.meaningful : [...d.meaningful, meaningful],
      ownTriggers: ownTrigger === null ? d.ownTriggers : [...d.ownTriggers, ownTrigger],
      techniques: ownTechnique === null ? d.techniques : [...d.techniques, { id: 'own', label: ownTechnique, helped: null }],
    },
    full,
  };
}

/** Whether a stored entry holds anything the "More details" section shows (so an edit opens it); sleep quality and mood are not there. */
export function hasDetails(entry: DiaryEntryView): boolean {
  const d = detailsOf(entry);
  return (
    d.worstSinceLast !== null ||
    d.leastSinceLast !== null ||
    Object.values(d.interference).some((v) => v !== null) ||
    d.activityMinutes !== null ||
    d.meaningful.length > 0 ||
    d.ownTriggers.length > 0 ||
    d.techniques.length > 0 ||
    entry.regions.some((r) => r.intensity !== null && r.intensity !== entry.intensity)
  );
}

/**
 * Where worst ≥ now ≥ least does not hold (the server refuses it too, at the same pointers).
 * Example: now 5, worst 4 → { worstSinceLast: 'below-now' }.
 */
export function sinceLastProblems(
  intensity: number | null,
  d: Pick<CheckInDetails, 'worstSinceLast' | 'leastSinceLast'>,
): { worstSinceLast?: 'below-now'; leastSinceLast?: 'above-now' } {
  if (intensity === null) return {};
  return {
    ...(d.worstSinceLast !== null && d.worstSinceLast < intensity ? { worstSinceLast: 'below-now' as const } : {}),
    ...(d.leastSinceLast !== null && d.leastSinceLast > intensity ? { leastSinceLast: 'above-now' as const } : {}),
  };
}

export function checkInBody(original: DiaryEntryView | null, form: CheckInFields): Record<string, unknown> {
  // The stored entry's id and provenance are the server's: the body names neither.
  const { id: _id, provenance: _provenance, ...kept } = (original ?? {}) as Partial<DiaryEntryView> & Record<string, unknown>;
  const d = form.details;
  const quality = d ? d.sleepQuality : (original?.sleep.quality ?? null);
  const sleep =
    original || form.sleepHours !== null || quality !== null ? { sleep: { ...original?.sleep, hours: form.sleepHours, quality } } : {};
  const details = d
    ? {
        worstSinceLast: d.worstSinceLast,
        leastSinceLast: d.leastSinceLast,
        interference: { ...d.interference },
        activity: { minutes: d.activityMinutes, meaningful: [...d.meaningful] },
        mood: d.mood,
        ownTriggers: [...d.ownTriggers],
        techniques: d.techniques.map((x) => ({ id: x.id, label: x.id === 'own' ? x.label : null, helped: x.helped })),
      }
    : {};
  return {
    ...kept,
    localDate: form.local.date,
    localTime: form.local.time,
    timeZone: form.timeZone,
    recordedAt: form.recordedAt,
    intensity: form.intensity,
    mode: form.mode,
    // A region without its own rating takes the entry's.
    regions: form.regions.map((r) => ({ code: r.code, intensity: r.intensity ?? form.intensity, qualities: [...r.qualities] })),
    medicines: form.medicines,
    triggers: [...form.triggers],
    notes: form.notes,
    ...sleep,
    ...details,
  };
}
