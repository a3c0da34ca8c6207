// Checking the shape of untrusted input with a zod schema, in the domain's own words: error maps that
// give a field's message, guards for rules that run beside shape problems on the fields that parsed,
// and a parse that lists every problem with its path, in the order the schema lists its fields.
import { z } from 'zod';

/** An error map giving `message` for a wrong value and `required` (when set) for a missing one. */
export function say(message: string, required?: string) {
  return { error: (issue: { input?: unknown }) => (required !== undefined && issue.input == null ? required : message) };
}

/** A wrong type or a missing object gets `message`; other object issues (unknown keys) keep theirs. */
export function objectError(message: string) {
  return { error: (issue: { code?: string }) => (issue.code === 'invalid_type' ? message : undefined) };
}

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
 * Where a path falls in the input as the schema lists its fields, so problems read top to bottom: zod
 * reports a rule on an object after all of that object's fields, the domain reports it at its field.
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

export type ShapeProblem = { readonly path: readonly PropertyKey[]; readonly message: string };
export type ShapeParse<T> = { ok: true; value: T } | { ok: false; problems: ShapeProblem[] };

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
  return { ok: false, problems: placed.map(({ path, message }) => ({ path, message })) };
}
