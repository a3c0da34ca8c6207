// Shared schema pieces. Bodies are strict objects: an unknown field is a 400, not silently dropped.
import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';
import { canonicalTimeZone } from '../domain/time/local-date.ts';

/**
 * Messages people read under a field, for every schema without its own: zod's defaults ("Too small:
 * expected string to have >=1 characters") are written for developers. A schema's own `error` wins.
 */
z.config({
  customError: (issue) => {
    const limit = (n: unknown) => (typeof n === 'bigint' ? n.toString() : String(n));
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1 ? 'Enter something here.' : `Use at least ${limit(issue.minimum)} characters.`;
        if (issue.origin === 'array' || issue.origin === 'set')
          return Number(issue.minimum) <= 1 ? 'Choose at least one.' : `Choose at least ${limit(issue.minimum)}.`;
        return `Must be ${issue.inclusive === false ? 'more than' : 'at least'} ${limit(issue.minimum)}.`;
      case 'too_big':
        if (issue.origin === 'string') return `Use at most ${limit(issue.maximum)} characters.`;
        if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${limit(issue.maximum)}.`;
        return `Must be ${issue.inclusive === false ? 'less than' : 'at most'} ${limit(issue.maximum)}.`;
      case 'invalid_type':
        if (issue.input === undefined) return 'This is required.';
        return (
          (
            {
              number: 'Must be a number.',
              int: 'Must be a whole number.',
              string: 'Must be text.',
              boolean: 'Must be true or false.',
              array: 'Must be a list.',
              object: 'Must be an object.',
            } as Record<string, string>
          )[issue.expected] ?? undefined
        );
      case 'invalid_value':
        return issue.values.length <= 12 ? `Must be one of: ${issue.values.map(String).join(', ')}.` : 'Not one of the allowed values.';
      case 'not_multiple_of':
        return Number(issue.divisor) === 1 ? 'Must be a whole number.' : `Must be a multiple of ${limit(issue.divisor)}.`;
      default:
        return undefined;
    }
  },
});

export const Id = z.uuid({ error: 'Must be an id (UUID).' });
export const Instant = z.iso.datetime({ offset: true, error: 'Must be an ISO-8601 date-time, e.g. 2026-05-01T09:30:00Z.' });
/**
 * An instant sent by a client, as the canonical UTC form the server stores and compares (instants are
 * compared as strings, in SQL too): "2026-05-01T11:30:00+02:00" becomes "2026-05-01T09:30:00.000Z".
 * Kept as sent, an offset would make an expiry compare wrongly by up to 14 hours.
 */
export function canonicalInstant(text: string, ctx: z.RefinementCtx<string>): string {
  const at = new Date(text);
  const iso = Number.isNaN(at.getTime()) ? '' : at.toISOString();
  if (!/^\d{4}-/.test(iso)) {
    ctx.addIssue({ code: 'custom', message: 'Must be a real date and time between the years 0000 and 9999 in UTC.', input: text });
    return z.NEVER;
  }
  return iso;
}
export const InstantInput = Instant.transform(canonicalInstant);
/** An IANA time zone name, kept in its canonical spelling (`europe/berlin` → `Europe/Berlin`); offsets such as `+01:00` are refused. */
export const TimeZoneName = z
  .string()
  .min(1)
  .max(64)
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'Must be an IANA time zone name, e.g. Europe/Berlin (not an offset such as +01:00).',
        input: name,
      });
      return z.NEVER;
    }
    return zone as string;
  });
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'Must be an email address.' }));
export const DisplayName = z.string().trim().min(1, { error: 'Enter a name.' }).max(100);
export const Password = z.string().max(1024);

export const ProblemDocument = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(ERROR_CODES),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const PatientParams = z.strictObject({ patientId: Id });
export const OrganizationParams = z.strictObject({ organizationId: Id });
