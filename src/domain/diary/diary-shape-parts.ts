// The zod pieces the diary's shapes share (a diary entry, a flare, a block diary): the diary's own
// messages on every schema, formats checked with the domain's parsers, and a parse that reports every
// problem with a JSON pointer, in the order the shape lists its fields.
//
// Messages are set on each schema rather than left to the API's message map, so input read outside the
// API (a CSV row) is reported in the same words as a body sent to it.
import { z } from 'zod';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NRS_MESSAGE = 'must be a whole number from 0 to 10';

/** An error map giving `message` for a wrong value and `required` (when set) for a missing one. */
export function say(message: string, required?: string) {
  return { error: (issue: { input?: unknown }) => (required !== undefined && issue.input == null ? required : message) };
}

/** A wrong type or a missing object gets `message`; other object issues (unknown keys) keep theirs. */
export function objectError(message: string) {
  return { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? message : undefined) };
}

/** A 0–10 NRS rating, a whole number. */
export const nrs = (required?: string) =>
  z.number(say(NRS_MESSAGE, required)).int(say(NRS_MESSAGE)).min(0, say(NRS_MESSAGE)).max(10, say(NRS_MESSAGE));
export const optionalNrs = () => nrs().nullable().optional();

/** Text in a format: one message, whether it is too long, not text or not in the format. */
export function formatted(maxLength: number, test: (text: string) => boolean, message: string) {
  return z
    .string(say(message))
    .max(maxLength, { ...say(message), abort: true })
    .refine(test, say(message));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, required = false) {
  return z.enum(values, say(`must be one of: ${values.join(', ')}`, required ? `is required (one of: ${values.join(', ')})` : undefined));
}

/** Text that is not blank once trimmed, at most `maxLength` as sent. */
export function requiredText(maxLength: number) {
  return z
    .string(say('must be text', 'is required'))
    .max(maxLength, say(`must be at most ${maxLength} characters`))
    .refine((text) => text.trim().length > 0, say('must not be empty'));
}

export const optionalText = (maxLength: number) =>
  z
    .string(say('must be text'))
    .max(maxLength, say(`must be at most ${maxLength} characters`))
    .nullable()
    .optional();

export function list<T extends z.ZodType>(item: T, maxItems: number) {
  return z.array(item, say('must be a list')).max(maxItems, say(`must have at most ${maxItems} items`));
}

/** Ids from a vocabulary; repeats are allowed and dropped when the input is normalised. */
export const idList = <const T extends readonly [string, ...string[]]>(vocabulary: T) =>
  list(oneOf(vocabulary), vocabulary.length).optional();

/** Whether the object being checked parsed and none of `keys` has a problem (unknown keys aside). */
export function parsedFields(...keys: string[]) {
  return (payload: z.core.ParsePayload): boolean =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !Array.isArray(payload.value) &&
    !payload.issues.some((issue) => {
      const key = issue.path?.[0];
      return key === undefined ? issue.code !== 'unrecognized_keys' : keys.includes(String(key));
    });
}

export const hasProblemAt = (ctx: z.core.ParsePayload, key: string) => ctx.issues.some((issue) => issue.path?.[0] === key);

/** An RFC 6901 JSON pointer for a path into the input. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((token) => `/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Where a path falls in the entry as the schema lists its fields, so problems read top to bottom:
 * zod reports a rule on an object after all of that object's fields, the diary reports it at its field.
 */
function documentPosition(schema: z.ZodType, path: readonly PropertyKey[]): number[] {
  const position: number[] = [];
  let at: z.ZodType | undefined = schema;
  for (const token of path) {
    while (at instanceof z.ZodOptional || at instanceof z.ZodNullable) at = at.unwrap() as z.ZodType;
    if (at instanceof z.ZodArray) {
      position.push(Number(token));
      at = at.element as z.ZodType;
    } else if (at instanceof z.ZodObject) {
      const keys: string[] = Object.keys(at.shape);
      const index: number = keys.indexOf(String(token));
      position.push(index === -1 ? keys.length : index);
      at = index === -1 ? undefined : (at.shape[String(token)] as z.ZodType);
    } else position.push(0);
  }
  return position;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export type ShapeParse<T> = { ok: true; value: T } | { ok: false; errors: { pointer: string; message: string }[] };

/** Parse untrusted input against `schema`: the typed value, or every shape problem in field order. */
export function parseShape<S extends z.ZodType>(schema: S, input: unknown): ShapeParse<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  // A value of the wrong type gets that one problem: zod also runs length checks on anything with a
  // length (a string where a list belongs), which would add a second, misleading one.
  const mistyped = new Set(parsed.error.issues.filter((issue) => issue.code === 'invalid_type').map((issue) => jsonPointer(issue.path)));
  const issues = parsed.error.issues.filter((issue) => issue.code === 'invalid_type' || !mistyped.has(jsonPointer(issue.path)));
  const problems = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'is not a known field' }))
      : [{ path: issue.path, message: issue.message }],
  );
  const placed = problems.map((p) => ({ ...p, position: documentPosition(schema, p.path) }));
  placed.sort((a, b) => comparePositions(a.position, b.position));
  return { ok: false, errors: placed.map((p) => ({ pointer: jsonPointer(p.path), message: p.message })) };
}
