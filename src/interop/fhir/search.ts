// FHIR search parameters as Painwise serves them, parsed from the query string into plain filters, and
// the filters applied to resources. Pure: a parameter that is not understood is an error to report
// (400), never silently ignored, so a client cannot take a wider answer for a filtered one.

export type DatePrefix = 'eq' | 'lt' | 'le' | 'gt' | 'ge';
export interface DateFilter {
  readonly prefix: DatePrefix;
  /** The value's range at its own precision: [start, end) in epoch milliseconds. */
  readonly start: number;
  readonly end: number;
}
export interface TokenFilter {
  /** undefined: any system; '': no system; otherwise the system's URI. */
  readonly system: string | undefined;
  /** undefined: any code of the system. */
  readonly code: string | undefined;
}

export interface SearchQuery {
  readonly patient: string | undefined;
  readonly date: readonly DateFilter[];
  readonly lastUpdated: readonly DateFilter[];
  /** Each inner list is one parameter's comma-separated values (any matches); every list must match. */
  readonly code: readonly (readonly TokenFilter[])[];
  readonly category: readonly (readonly TokenFilter[])[];
  /** `_id`: the resource must be one of these (each repeat narrows further). */
  readonly ids: readonly (readonly string[])[];
  readonly count: number;
  readonly offset: number;
  readonly revincludeProvenance: boolean;
}

export type ParseResult = { ok: true; query: SearchQuery } | { ok: false; problem: string };

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

/** Which search parameters each searchable type takes (beyond _count and _offset, which all take). */
export const SEARCH_PARAMETERS = {
  Observation: ['patient', 'subject', 'date', 'code', 'category', '_lastUpdated', '_revinclude', '_id'],
  Provenance: ['patient', '_lastUpdated'],
  Condition: ['patient', 'subject', 'code', '_lastUpdated'],
  Procedure: ['patient', 'subject', 'date', 'code', '_lastUpdated'],
  MedicationRequest: ['patient', 'subject', '_lastUpdated'],
} as const satisfies Record<string, readonly string[]>;
export type SearchableType = keyof typeof SEARCH_PARAMETERS;

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** A FHIR date or dateTime search value as the range it names at its precision; undefined when it is not one. */
export function parseDateRange(value: string): { start: number; end: number } | undefined {
  const m = DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59))) return undefined;
  // A time without a zone is read as UTC: the server's own zone would make the answer depend on where it runs.
  const offsetMs =
    tz === undefined || tz === 'Z' ? 0 : (tz[0] === '-' ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000;
  const startUtc = Date.UTC(
    year,
    month - 1,
    day,
    h === undefined ? 0 : Number(h),
    mi === undefined ? 0 : Number(mi),
    s === undefined ? 0 : Number(s),
  );
  const start = startUtc + (frac ? Math.floor(Number(frac) * 1000) : 0) - offsetMs;
  if (Number.isNaN(start)) return undefined;
  const end =
    mo === undefined
      ? Date.UTC(year + 1, 0, 1) - offsetMs
      : d === undefined
        ? Date.UTC(year, month, 1) - offsetMs
        : h === undefined
          ? start + 86_400_000
          : s === undefined
            ? start + 60_000
            : frac
              ? start + 1
              : start + 1000;
  return { start, end };
}

function parseDateFilter(name: string, raw: string): DateFilter | string {
  const prefixed = /^(eq|ne|lt|le|gt|ge|sa|eb|ap)(.*)$/.exec(raw);
  const prefix = (prefixed?.[1] ?? 'eq') as string;
  if (!['eq', 'lt', 'le', 'gt', 'ge'].includes(prefix)) return `${name}: the prefix '${prefix}' is not supported (eq, lt, le, gt, ge are).`;
  const range = parseDateRange(prefixed ? prefixed[2]! : raw);
  if (!range) return `${name}: '${raw}' is not a FHIR date or dateTime.`;
  return { prefix: prefix as DatePrefix, ...range };
}

function parseTokens(name: string, raw: string): TokenFilter[] | string {
  const tokens: TokenFilter[] = [];
  for (const part of raw.split(',')) {
    if (part === '') return `${name}: an empty value.`;
    const bar = part.indexOf('|');
    if (bar < 0) tokens.push({ system: undefined, code: part });
    else {
      const system = part.slice(0, bar);
      const code = part.slice(bar + 1);
      if (code.includes('|') || (system === '' && code === '')) return `${name}: '${part}' is not a token (system|code).`;
      tokens.push({ system, code: code === '' ? undefined : code });
    }
  }
  return tokens;
}

const ID = /^[A-Za-z0-9.-]{1,64}$/;

/** The patient a `patient` or `subject` value names (`Patient/<id>` or `<id>`), lower-cased as Painwise ids are. */
function parsePatientRef(name: string, raw: string): string | { problem: string } {
  const id = raw.startsWith('Patient/') ? raw.slice('Patient/'.length) : raw;
  if (name === 'subject' && !raw.startsWith('Patient/'))
    return { problem: 'subject: only a Patient reference (Patient/<id>) is supported.' };
  if (!ID.test(id)) return { problem: `${name}: '${raw}' is not a Patient id.` };
  return id.toLowerCase();
}

/** Parses the query of a search of `type`. `params` keeps repeats (a parameter given twice means both must hold). */
export function parseSearch(type: SearchableType, params: URLSearchParams): ParseResult {
  const allowed: readonly string[] = SEARCH_PARAMETERS[type];
  let patient: string | undefined;
  const date: DateFilter[] = [];
  const lastUpdated: DateFilter[] = [];
  const code: TokenFilter[][] = [];
  const category: TokenFilter[][] = [];
  const ids: string[][] = [];
  let count = DEFAULT_COUNT;
  let offset = 0;
  let revincludeProvenance = false;
  const fail = (problem: string): ParseResult => ({ ok: false, problem });
  for (const [name, value] of params) {
    if (name === '_format') {
      if (!['json', 'application/json', 'application/fhir+json'].includes(value)) return fail('_format: only JSON is served.');
      continue;
    }
    if (name === '_count' || name === '_offset') {
      if (!/^\d{1,9}$/.test(value)) return fail(`${name}: '${value}' is not a whole number.`);
      if (name === '_count') count = Math.min(Number(value), MAX_COUNT);
      else offset = Number(value);
      continue;
    }
    if (!allowed.includes(name)) return fail(`The search parameter '${name}' is not supported for ${type}; see /fhir/R4/metadata.`);
    switch (name) {
      case 'patient':
      case 'subject': {
        const id = parsePatientRef(name, value);
        if (typeof id !== 'string') return fail(id.problem);
        if (patient !== undefined && patient !== id) return fail('Only one patient may be searched at a time.');
        patient = id;
        break;
      }
      case '_id': {
        if (!value.split(',').every((v) => ID.test(v))) return fail(`_id: '${value}' is not a list of ids.`);
        ids.push(value.split(','));
        break;
      }
      case 'date':
      case '_lastUpdated': {
        const f = parseDateFilter(name, value);
        if (typeof f === 'string') return fail(f);
        (name === 'date' ? date : lastUpdated).push(f);
        break;
      }
      case 'code':
      case 'category': {
        const t = parseTokens(name, value);
        if (typeof t === 'string') return fail(t);
        (name === 'code' ? code : category).push(t);
        break;
      }
      case '_revinclude':
        if (value !== 'Provenance:target') return fail(`_revinclude: only Provenance:target is supported, not '${value}'.`);
        revincludeProvenance = true;
        break;
    }
  }
  return { ok: true, query: { patient, date, lastUpdated, code, category, ids, count, offset, revincludeProvenance } };
}

/** Whether an instant (a resource's point in time, to the second) meets a date filter, as FHIR defines the prefixes. */
export function dateMatches(at: string, f: DateFilter): boolean {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return false;
  switch (f.prefix) {
    case 'eq':
      return t >= f.start && t < f.end;
    case 'lt':
      return t < f.start;
    case 'le':
      return t < f.end;
    case 'gt':
      return t >= f.end;
    case 'ge':
      return t >= f.start;
  }
}

interface Coded {
  readonly coding?: readonly { readonly system?: string; readonly code?: string }[];
}

export function tokenMatches(concepts: readonly Coded[], filters: readonly TokenFilter[]): boolean {
  return filters.some((f) =>
    concepts.some((c) =>
      (c.coding ?? []).some(
        (coding) =>
          (f.system === undefined || (f.system === '' ? coding.system === undefined : coding.system === f.system)) &&
          (f.code === undefined || coding.code === f.code),
      ),
    ),
  );
}

/** Whether a resource meets every filter of the query that applies to it (dates through `dateOf`). */
export function resourceMatches(
  resource: Record<string, unknown>,
  q: SearchQuery,
  dateOf: (r: Record<string, unknown>) => string | undefined,
): boolean {
  for (const group of q.ids) if (!group.includes(resource.id as string)) return false;
  for (const group of q.code) if (!tokenMatches([resource.code as Coded], group)) return false;
  for (const group of q.category) if (!tokenMatches((resource.category as Coded[] | undefined) ?? [], group)) return false;
  const lastUpdated = (resource.meta as { lastUpdated?: string } | undefined)?.lastUpdated;
  for (const f of q.lastUpdated) if (lastUpdated === undefined || !dateMatches(lastUpdated, f)) return false;
  if (q.date.length > 0) {
    const at = dateOf(resource);
    for (const f of q.date) if (at === undefined || !dateMatches(at, f)) return false;
  }
  return true;
}
