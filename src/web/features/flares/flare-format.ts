// A flare in words: its duration, and its start and end read in the flare's own time zone.
import { dvprsDescriptor, type TechniqueId, type TriggerId } from '../../../domain/diary/entry.ts';
import { formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { splitDuration } from './flare-draft.ts';

/** "2 days 3 hours", "1 hour 5 minutes", "45 minutes"; under a minute, "less than a minute". */
export function durationInWords(totalMinutes: number): string {
  const { days, hours, minutes } = splitDuration(totalMinutes);
  const part = (n: number, one: MessageKey, many: MessageKey) => (n === 1 ? t(one) : t(many, { n }));
  const parts = [
    days > 0 ? part(days, 'flares.duration.day', 'flares.duration.days') : '',
    hours > 0 ? part(hours, 'flares.duration.hour', 'flares.duration.hours') : '',
    minutes > 0 ? part(minutes, 'flares.duration.minute', 'flares.duration.minutes') : '',
  ].filter((p) => p !== '');
  if (parts.length === 0) return t('flares.duration.lessThanMinute');
  return parts.reduce((a, b) => t('flares.duration.join', { a, b }));
}

/** An instant as date and time on the flare's own clock. */
export function whenInWords(instant: string, timeZone: string): string {
  try {
    return formatDateTime(instant, timeZone);
  } catch {
    return formatDateTime(instant);
  }
}

export const triggerLabel = (id: TriggerId): string => t(`trigger.${id}` as MessageKey);
/** The same labels as the check-in's techniques (`technique.*`). */
export const techniqueLabel = (id: TechniqueId): string => t(`technique.${id}` as MessageKey);

/** The pain scale's words for 0 to 10, shown with a flare's peak. */
export const DESCRIPTORS = Array.from({ length: 11 }, (_, n) => dvprsDescriptor(n).text);
