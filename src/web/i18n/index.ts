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

export function formatDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
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
