// Block-diary numbers and times in plain words: "1 hour 30 minutes", "75%", "2:30 PM". Percentages are
// the server's computed values, only formatted here (never recomputed).
import { t, type MessageKey } from '../../i18n/index.ts';
import { splitMinutes } from './reading-schedule.ts';

function unit(name: 'minute' | 'hour' | 'day', n: number): string {
  return t(`blockDiary.unit.${name}.${n === 1 ? 'one' : 'other'}` as MessageKey, { n });
}

/** A number of minutes as a duration in words, e.g. 225 → "3 hours 45 minutes"; 0 → "0 minutes". */
export function durationInWords(totalMinutes: number): string {
  const { days, hours, minutes } = splitMinutes(totalMinutes);
  const parts = [days > 0 ? unit('day', days) : '', hours > 0 ? unit('hour', hours) : '', minutes > 0 ? unit('minute', minutes) : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : unit('minute', 0);
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A percentage (0–100 scale, as the API gives it) in words, e.g. 87.5 → "87.5%". */
export function percentInWords(pct: number): string {
  return percentFormat.format(pct / 100);
}

function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** A moment in the diary's time zone: only the time when it falls on `now`'s day, else date and time. */
export function momentInWords(iso: string, timeZone: string, now: Date): string {
  const sameDay = localDate(iso, timeZone) === localDate(now.toISOString(), timeZone);
  return new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}
