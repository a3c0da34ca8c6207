// Small wording helpers shared by the report's section builders.

/** One decimal, without a trailing ".0" (3 → "3", 3.25 → "3.3"); "–" for no value. */
export function oneDecimal(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
}

/** "1 flare", "2 flares". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A kebab-case code in words: "as-needed" → "as needed". */
export function words(code: string): string {
  return code.replaceAll('-', ' ');
}

/** The first `max` items, and a line saying how many more there were (or nothing when none). */
export function cut<T>(items: readonly T[], max: number, what: string): { shown: readonly T[]; more: string | null } {
  if (items.length <= max) return { shown: items, more: null };
  return { shown: items.slice(0, max), more: `${plural(items.length - max, `more ${what}`, `more ${what}s`)} not shown.` };
}

/** Minutes as "45 min", "3 h 10 min", "2 d 4 h". */
export function duration(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = Math.round(minutes - hours * 60);
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours - days * 24;
  return restHours === 0 ? `${days} d` : `${days} d ${restHours} h`;
}
