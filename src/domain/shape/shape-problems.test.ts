import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasProblemAt, jsonPointer, objectError, parseShape, parsedFields, say } from './shape-problems.ts';

// The contract of these helpers: a problem names the field with an RFC 6901 pointer, speaks the domain's
// words, and problems are listed in the order the schema lists its fields.

describe('say', () => {
  it('gives the required message only for a missing value (null or undefined), the other message otherwise', () => {
    const { error } = say('must be a number', 'is required');
    expect(error({ input: undefined })).toBe('is required');
    expect(error({ input: null })).toBe('is required');
    expect(error({})).toBe('is required');
    expect(error({ input: 0 })).toBe('must be a number');
    expect(error({ input: '' })).toBe('must be a number');
    expect(error({ input: false })).toBe('must be a number');
  });

  it('without a required message, a missing value gets the one message', () => {
    expect(say('must be a number').error({ input: undefined })).toBe('must be a number');
    expect(say('must be a number').error({ input: null })).toBe('must be a number');
  });

  it('is what zod reports for a wrong and a missing field', () => {
    const schema = z.strictObject({ n: z.number(say('must be a number', 'is required')) });
    expect(parseShape(schema, { n: 'x' })).toEqual({ ok: false, problems: [{ path: ['n'], message: 'must be a number' }] });
    expect(parseShape(schema, {})).toEqual({ ok: false, problems: [{ path: ['n'], message: 'is required' }] });
  });
});

describe('objectError', () => {
  it('names a wrong type with the message and leaves other issues to zod', () => {
    const { error } = objectError('must be an object');
    expect(error({ code: 'invalid_type' })).toBe('must be an object');
    expect(error({ code: 'unrecognized_keys' })).toBeUndefined();
    expect(error({})).toBeUndefined();
  });

  it('an unknown key is still reported as not known, a non-object with the message', () => {
    const schema = z.strictObject({ a: z.string() }, objectError('must be an object'));
    expect(parseShape(schema, [])).toEqual({ ok: false, problems: [{ path: [], message: 'must be an object' }] });
    expect(parseShape(schema, null)).toEqual({ ok: false, problems: [{ path: [], message: 'must be an object' }] });
    expect(parseShape(schema, { a: 'x', b: 1, c: 2 })).toEqual({
      ok: false,
      problems: [
        { path: ['b'], message: 'is not a known field' },
        { path: ['c'], message: 'is not a known field' },
      ],
    });
  });
});

describe('parsedFields', () => {
  const payload = (value: unknown, issues: { code: string; path?: PropertyKey[] }[]) =>
    ({ value, issues }) as unknown as z.core.ParsePayload;

  it('is true for an object whose named fields have no problem', () => {
    expect(parsedFields('a', 'b')(payload({ a: 1, b: 2 }, []))).toBe(true);
    expect(parsedFields('a')(payload({ a: 1 }, [{ code: 'invalid_type', path: ['c'] }]))).toBe(true);
  });

  it('is false when any named field has a problem, at any depth', () => {
    expect(parsedFields('a', 'b')(payload({}, [{ code: 'invalid_type', path: ['b'] }]))).toBe(false);
    expect(parsedFields('a')(payload({}, [{ code: 'too_big', path: ['a', 0] }]))).toBe(false);
    expect(parsedFields('0')(payload({}, [{ code: 'too_big', path: [0] }]))).toBe(false);
  });

  it('is false for a problem with the object itself, but not for unknown keys', () => {
    expect(parsedFields('a')(payload({ a: 1 }, [{ code: 'custom', path: [] }]))).toBe(false);
    expect(parsedFields('a')(payload({ a: 1 }, [{ code: 'custom' }]))).toBe(false);
    expect(parsedFields('a')(payload({ a: 1 }, [{ code: 'unrecognized_keys', path: [] }]))).toBe(true);
  });

  it('is false for anything that is not an object', () => {
    for (const value of [null, undefined, [], [1], 'a', 3]) expect(parsedFields()(payload(value, []))).toBe(false);
  });
});

describe('hasProblemAt', () => {
  it('looks at the first step of each problem path only', () => {
    const ctx = { issues: [{ path: ['a', 'b'] }, { path: [] }] } as unknown as z.core.ParsePayload;
    expect(hasProblemAt(ctx, 'a')).toBe(true);
    expect(hasProblemAt(ctx, 'b')).toBe(false);
    expect(hasProblemAt({ issues: [] } as unknown as z.core.ParsePayload, 'a')).toBe(false);
    // A rule's own issue may come without a path while the rules run.
    expect(hasProblemAt({ issues: [{ code: 'custom' }] } as unknown as z.core.ParsePayload, 'a')).toBe(false);
  });
});

describe('jsonPointer', () => {
  it('writes RFC 6901 pointers, escaping ~ before /', () => {
    expect(jsonPointer([])).toBe('');
    expect(jsonPointer(['a', 0, 'b'])).toBe('/a/0/b');
    expect(jsonPointer(['a/b'])).toBe('/a~1b');
    expect(jsonPointer(['m~n'])).toBe('/m~0n');
    // RFC 6901 §4: '~01' reads back as '~1', so '~' must be escaped first.
    expect(jsonPointer(['~/', '~~', '//'])).toBe('/~0~1/~0~0/~1~1');
    expect(jsonPointer([''])).toBe('/');
  });
});

describe('parseShape', () => {
  const schema = z.strictObject(
    {
      first: z.string(say('must be text')),
      second: z
        .array(z.strictObject({ x: z.number(say('must be a number')), y: z.number(say('must be a number')) }), say('must be a list'))
        .max(2, say('must have at most 2 items'))
        .optional(),
      third: z.number(say('must be a number')).nullable().optional(),
      fourth: z
        .strictObject({ inner: z.string(say('must be text')) }, objectError('must be an object'))
        .nullable()
        .optional(),
    },
    objectError('must be an object'),
  );

  it('gives the typed value when the shape is right', () => {
    expect(parseShape(schema, { first: 'a', second: [{ x: 1, y: 2 }] })).toEqual({
      ok: true,
      value: { first: 'a', second: [{ x: 1, y: 2 }] },
    });
  });

  it('lists every problem in the order the schema lists the fields, whatever order they were sent in', () => {
    const r = parseShape(schema, {
      fourth: { inner: 1 },
      third: 'x',
      second: [
        { y: 'b', x: 'a' },
        { x: 1, y: 'c' },
      ],
      first: 1,
    });
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: ['first'], message: 'must be text' },
        { path: ['second', 0, 'x'], message: 'must be a number' },
        { path: ['second', 0, 'y'], message: 'must be a number' },
        { path: ['second', 1, 'y'], message: 'must be a number' },
        { path: ['third'], message: 'must be a number' },
        { path: ['fourth', 'inner'], message: 'must be text' },
      ],
    });
  });

  it('orders list items by index (10 after 9) and a parent before its children', () => {
    const items = z.array(z.number(say('must be a number')), say('must be a list'));
    const input = Array.from({ length: 12 }, (_, i) => (i === 2 || i === 10 ? 'x' : i));
    expect(parseShape(items, input)).toEqual({
      ok: false,
      problems: [
        { path: [2], message: 'must be a number' },
        { path: [10], message: 'must be a number' },
      ],
    });
    const nested = z
      .strictObject({ a: z.strictObject({ b: z.number(say('must be a number')) }) })
      .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: ['a'], message: 'whole a is wrong' }));
    const withChild = z.strictObject({
      a: z
        .strictObject({ b: z.number(say('must be a number')) })
        .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: [], message: 'whole a is wrong' })),
      c: z.number(say('must be a number')),
    });
    expect(parseShape(nested, { a: { b: 1 } })).toEqual({ ok: false, problems: [{ path: ['a'], message: 'whole a is wrong' }] });
    expect(parseShape(withChild, { c: 'x', a: { b: 1 } })).toEqual({
      ok: false,
      problems: [
        { path: ['a'], message: 'whole a is wrong' },
        { path: ['c'], message: 'must be a number' },
      ],
    });
  });

  it('reports a rule on an object at its field, not after the object’s other fields', () => {
    const ranged = z
      .strictObject({
        low: z.number(say('must be a number')),
        high: z.number(say('must be a number')),
        note: z.string(say('must be text')),
      })
      .superRefine((v, ctx) => {
        if (v.low > v.high) ctx.addIssue({ code: 'custom', path: ['low'], message: 'must not exceed high' });
      });
    const r2 = parseShape(
      ranged.superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: ['note'], message: 'note rule' })),
      {
        low: 5,
        high: 1,
        note: 'n',
      },
    );
    expect(r2).toEqual({
      ok: false,
      problems: [
        { path: ['low'], message: 'must not exceed high' },
        { path: ['note'], message: 'note rule' },
      ],
    });
  });

  it('puts unknown fields after the known ones, and their own children after them', () => {
    const r = parseShape(schema, { zzz: 1, first: 1, aaa: 2 });
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: ['first'], message: 'must be text' },
        { path: ['zzz'], message: 'is not a known field' },
        { path: ['aaa'], message: 'is not a known field' },
      ],
    });
    const inner = parseShape(schema, { first: 'a', fourth: { inner: 'x', extra: 1 }, third: 'x' });
    expect(inner).toEqual({
      ok: false,
      problems: [
        { path: ['third'], message: 'must be a number' },
        { path: ['fourth', 'extra'], message: 'is not a known field' },
      ],
    });
  });

  it('gives a value of the wrong type one problem, not also a length problem', () => {
    // A string has a length, so zod would also check the list's maximum on it.
    expect(parseShape(schema, { first: 'a', second: 'abc' })).toEqual({
      ok: false,
      problems: [{ path: ['second'], message: 'must be a list' }],
    });
    expect(
      parseShape(schema, {
        first: 'a',
        second: [
          { x: 1, y: 1 },
          { x: 1, y: 1 },
          { x: 1, y: 1 },
        ],
      }),
    ).toEqual({
      ok: false,
      problems: [{ path: ['second'], message: 'must have at most 2 items' }],
    });
    // A wrong type elsewhere does not hide a length problem at another path.
    expect(
      parseShape(schema, {
        first: 2,
        second: [
          { x: 1, y: 1 },
          { x: 1, y: 1 },
          { x: 1, y: 1 },
        ],
      }),
    ).toEqual({
      ok: false,
      problems: [
        { path: ['first'], message: 'must be text' },
        { path: ['second'], message: 'must have at most 2 items' },
      ],
    });
  });

  it('orders a problem with a whole value before the problems inside it, whatever order zod found them in', () => {
    // A rule that runs beside shape problems (as the diary's do) is found after them.
    const always = { when: () => true };
    const schema = z.strictObject({
      a: z.number(say('must be a number')),
      b: z
        .tuple([z.number(say('must be a number'))], say('must be a pair'))
        .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: [], message: 'whole b' }), always),
      c: z
        .strictObject({ x: z.number(say('must be a number')), y: z.number(say('must be a number')) })
        .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: ['x'], message: 'x rule' }), always),
    });
    expect(parseShape(schema, { a: 1, b: ['y'], c: { x: 1, y: 'z' } })).toEqual({
      ok: false,
      problems: [
        { path: ['b'], message: 'whole b' },
        { path: ['b', 0], message: 'must be a number' },
        { path: ['c', 'x'], message: 'x rule' },
        { path: ['c', 'y'], message: 'must be a number' },
      ],
    });
  });

  it('orders the problems inside the second field as well as the first and third', () => {
    // Each field's place is its index in the schema; the inner order must not depend on which index.
    const inner = () =>
      z
        .strictObject({ x: z.number(say('must be a number')), y: z.number(say('must be a number')) })
        .superRefine((_v, ctx) => ctx.addIssue({ code: 'custom', path: ['x'], message: 'x rule' }), { when: () => true });
    const schema = z.strictObject({ p: inner(), q: inner(), r: inner() });
    const bad = { x: 1, y: 'z' };
    expect(parseShape(schema, { p: bad, q: bad, r: bad })).toEqual({
      ok: false,
      problems: ['p', 'q', 'r'].flatMap((field) => [
        { path: [field, 'x'], message: 'x rule' },
        { path: [field, 'y'], message: 'must be a number' },
      ]),
    });
  });

  it('places a problem under a field of a type without fields at that field', () => {
    const tuple = z.strictObject({
      a: z.number(say('must be a number')),
      b: z.tuple([z.number(say('must be a number'))]),
      c: z.number(say('must be a number')),
    });
    expect(parseShape(tuple, { c: 'x', b: ['y'], a: 'z' })).toEqual({
      ok: false,
      problems: [
        { path: ['a'], message: 'must be a number' },
        { path: ['b', 0], message: 'must be a number' },
        { path: ['c'], message: 'must be a number' },
      ],
    });
  });
});
