// The zod pieces the diary's shapes share (a diary entry, a flare, a block diary): the diary's own
// messages on every schema, formats checked with the domain's parsers, and a parse that reports every
// problem with a JSON pointer, in the order the shape lists its fields (shape/shape-problems.ts).
//
// Messages are set on each schema rather than left to the API's message map, so input read outside the
// API (a CSV row) is reported in the same words as a body sent to it.
import { z } from 'zod';
import { jsonPointer, parseShape as parseShapeProblems, say } from '../shape/shape-problems.ts';

export { hasProblemAt, jsonPointer, objectError, parsedFields, say } from '../shape/shape-problems.ts';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const NRS_MESSAGE = 'must be a whole number from 0 to 10';

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

export type ShapeParse<T> = { ok: true; value: T } | { ok: false; errors: { pointer: string; message: string }[] };

/** Parse untrusted input against `schema`: the typed value, or every shape problem with a JSON pointer, in field order. */
export function parseShape<S extends z.ZodType>(schema: S, input: unknown): ShapeParse<z.output<S>> {
  const parsed = parseShapeProblems(schema, input);
  return parsed.ok ? parsed : { ok: false, errors: parsed.problems.map((p) => ({ pointer: jsonPointer(p.path), message: p.message })) };
}
