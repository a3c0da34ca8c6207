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
  const parts = [
    days > 0 ? unit('day', days) : '',
    hours > 0 ? unit('hour', hours) : '',
    minutes > 0 ? unit('minute', minutes) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : unit('minute', 0);
}

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** A percentage (0–100 scale, as the API gives it) in words, e.g. 87.5 → "87.5%". */
export function percentInWords(pct: number): string {
  return percentFormat.format(pct / 100);
}

// Building an Intl.DateTimeFormat is costly and momentInWords runs for every slot on every clock
// tick, so the formats are made once per time zone (a handful at most) and kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(kind: 'day' | 'time' | 'dateTime', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format =
      kind === 'day'
        ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        : new Intl.DateTimeFormat(
            undefined,
            kind === 'time' ? { timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone },
          );
    formats.set(key, format);
  }
  return format;
}

/** A moment in the diary's time zone: only the time when it falls on `now`'s day, else date and time. */
export function momentInWords(iso: string, timeZone: string, now: Date): string {
  const day = formatFor('day', timeZone);
  const at = new Date(iso);
  const sameDay = day.format(at) === day.format(now);
  return formatFor(sameDay ? 'time' : 'dateTime', timeZone).format(at);
}
