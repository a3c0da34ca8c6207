// Message lookup with {placeholders}, and locale-aware formatting of dates and numbers.
import { en, type MessageKey, type Messages } from './en.ts';

const catalogues: Record<string, Messages> = { en };
let current: Messages = en;
let locale = 'en';

export function setLocale(tag: string): void {
  const base = tag.split('-')[0] ?? 'en';
  current = catalogues[base] ?? en;
  locale = catalogues[base] ? tag : 'en';
}

/**
 * A message with its {placeholders} filled. A count takes the plural form the locale gives it:
 * `{n, plural, one {# order} other {# orders}}` (ICU's syntax, its one/other forms; `#` is the number).
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return (current[key] ?? (key as string))
    .replace(/\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g, (_m, name: string, one: string, other: string) => {
      const n = Number(params[name]);
      return (new Intl.PluralRules(locale).select(n) === 'one' ? one : other).replace(/#/g, String(params[name]));
    })
    .replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * An instant as date and time, read in `timeZone` (the browser's when not given). With `showZone`
 * the zone's short name follows ("Jan 5, 2026, 12:00 PM EST"), for readers who may be elsewhere:
 * clinicians read times of patients in other zones. (Intl takes no zone name beside dateStyle and
 * timeStyle, so that form spells its parts out to the same effect.)
 */
export function formatDateTime(iso: string, timeZone?: string, options: { showZone?: boolean } = {}): string {
  const zone = timeZone ? { timeZone } : {};
  const style: Intl.DateTimeFormatOptions = options.showZone
    ? { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
    : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(locale, { ...style, ...zone }).format(new Date(iso));
}

/** The short name of `timeZone` at the instant `iso` ("EST", "GMT+1"), as formatDateTime's `showZone` writes it. */
export function formatZoneName(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** Items joined as a sentence says them ("a, b and c"), in the current locale. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** A number as the locale writes it (grouping, up to three decimals): 1,000,000 and 2.5 in English. */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(n);
}

export function formatDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no time zone) as its short weekday, short month, month and day, or medium date in the locale. */
export function formatLocalDate(date: string, style: 'weekday' | 'month' | 'monthDay' | 'date'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'weekday'
      ? { weekday: 'short' }
      : style === 'month'
        ? { month: 'short' }
        : style === 'monthDay'
          ? { month: 'short', day: 'numeric' }
          : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export type { MessageKey };

/** A message that has a variant about someone else: `key.for`, which names them with {patient}. */
export type AboutKey = { [K in MessageKey]: `${K}.for` extends MessageKey ? K : never }[MessageKey];

/**
 * A message about a record: the person's own words ("Your check-ins") when `patient` is null, the
 * `.for` variant naming the patient ("Maria's check-ins") when someone else acts for them. The one
 * place that choice is made, so every screen says the same thing in caregiver mode.
 */
export function tAbout(key: AboutKey, patient: string | null, params: Record<string, string | number> = {}): string {
  return patient === null ? t(key, params) : t(`${key}.for` as MessageKey, { ...params, patient });
}

/** An audit action id (`thing.verb`, as the server records it) in words; an id without words is shown as "Other activity (id)". */
export function auditActionInWords(action: string): string {
  const key = `audit.${action}` as MessageKey;
  return key in current ? t(key) : t('audit.other' as MessageKey, { action });
}
