import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  formatted,
  idList,
  list,
  NRS_MESSAGE,
  nrs,
  oneOf,
  optionalNrs,
  optionalText,
  parseShape,
  requiredText,
} from './diary-shape-parts.ts';

// Each part checked through parseShape, as the diary's schemas use it: the value at a field either parses
// or gives exactly one problem, in the diary's words, at a JSON pointer.
const at = (field: z.ZodType, value: unknown) => parseShape(z.strictObject({ f: field }), value === undefined ? {} : { f: value });
const problems = (field: z.ZodType, value: unknown) => {
  const r = at(field, value);
  return r.ok ? [] : r.errors;
};

describe('nrs', () => {
  it('takes the whole numbers 0 to 10, both ends included', () => {
    for (const n of [0, 1, 5, 9, 10]) expect(at(nrs(), n)).toEqual({ ok: true, value: { f: n } });
  });

  it('refuses one step outside, a fraction, a non-number, with the one NRS message', () => {
    expect(NRS_MESSAGE).toBe('must be a whole number from 0 to 10');
    for (const n of [-1, 11, 0.5, 9.5, '5', null, Number.NaN])
      expect(problems(nrs(), n)).toEqual([{ pointer: '/f', message: NRS_MESSAGE }]);
  });

  it('says a missing rating is required when given that message, and only then', () => {
    expect(problems(nrs('is required'), undefined)).toEqual([{ pointer: '/f', message: 'is required' }]);
    expect(problems(nrs('is required'), 11)).toEqual([{ pointer: '/f', message: NRS_MESSAGE }]);
    expect(problems(nrs(), undefined)).toEqual([{ pointer: '/f', message: NRS_MESSAGE }]);
  });

  it('optionalNrs also takes null and absence, and still refuses 11', () => {
    expect(at(optionalNrs(), null)).toEqual({ ok: true, value: { f: null } });
    expect(at(optionalNrs(), undefined)).toEqual({ ok: true, value: {} });
    expect(problems(optionalNrs(), 11)).toEqual([{ pointer: '/f', message: NRS_MESSAGE }]);
  });
});

describe('formatted', () => {
  const hhmm = () => formatted(5, (t) => /^\d\d:\d\d$/.test(t), 'must be a time HH:MM');

  it('takes text in the format up to the length', () => {
    expect(at(hhmm(), '08:30')).toEqual({ ok: true, value: { f: '08:30' } });
  });

  it('gives one message for too long, not text, or not in the format', () => {
    for (const v of ['08:300', '8:30', 830, null, undefined])
      expect(problems(hhmm(), v)).toEqual([{ pointer: '/f', message: 'must be a time HH:MM' }]);
  });

  it('does not run the format test on text over the length', () => {
    let tested = 0;
    const f = formatted(
      3,
      () => {
        tested++;
        return false;
      },
      'bad',
    );
    expect(problems(f, 'abcd')).toEqual([{ pointer: '/f', message: 'bad' }]);
    expect(tested).toBe(0);
    expect(problems(f, 'abc')).toEqual([{ pointer: '/f', message: 'bad' }]);
    expect(tested).toBe(1);
  });
});

describe('oneOf', () => {
  it('takes a listed value and names the list for anything else', () => {
    expect(at(oneOf(['a', 'b']), 'b')).toEqual({ ok: true, value: { f: 'b' } });
    expect(problems(oneOf(['a', 'b']), 'c')).toEqual([{ pointer: '/f', message: 'must be one of: a, b' }]);
    expect(problems(oneOf(['a', 'b']), undefined)).toEqual([{ pointer: '/f', message: 'must be one of: a, b' }]);
  });

  it('says a required value is required, naming the list', () => {
    expect(problems(oneOf(['a', 'b'], true), undefined)).toEqual([{ pointer: '/f', message: 'is required (one of: a, b)' }]);
    expect(problems(oneOf(['a', 'b'], true), null)).toEqual([{ pointer: '/f', message: 'is required (one of: a, b)' }]);
    expect(problems(oneOf(['a', 'b'], true), 'c')).toEqual([{ pointer: '/f', message: 'must be one of: a, b' }]);
  });
});

describe('requiredText', () => {
  it('takes text up to the length as sent, not blank once trimmed', () => {
    expect(at(requiredText(3), 'abc')).toEqual({ ok: true, value: { f: 'abc' } });
    expect(at(requiredText(3), ' a ')).toEqual({ ok: true, value: { f: ' a ' } });
  });

  it('names each way it can be wrong', () => {
    expect(problems(requiredText(3), 'abcd')).toEqual([{ pointer: '/f', message: 'must be at most 3 characters' }]);
    expect(problems(requiredText(3), '   ')).toEqual([{ pointer: '/f', message: 'must not be empty' }]);
    expect(problems(requiredText(3), '')).toEqual([{ pointer: '/f', message: 'must not be empty' }]);
    expect(problems(requiredText(3), 3)).toEqual([{ pointer: '/f', message: 'must be text' }]);
    expect(problems(requiredText(3), undefined)).toEqual([{ pointer: '/f', message: 'is required' }]);
    expect(problems(requiredText(3), null)).toEqual([{ pointer: '/f', message: 'is required' }]);
  });
});

describe('optionalText', () => {
  it('takes absence, null, empty text and text up to the length', () => {
    expect(at(optionalText(3), undefined)).toEqual({ ok: true, value: {} });
    expect(at(optionalText(3), null)).toEqual({ ok: true, value: { f: null } });
    expect(at(optionalText(3), '')).toEqual({ ok: true, value: { f: '' } });
    expect(at(optionalText(3), 'abc')).toEqual({ ok: true, value: { f: 'abc' } });
  });

  it('refuses longer text and non-text', () => {
    expect(problems(optionalText(3), 'abcd')).toEqual([{ pointer: '/f', message: 'must be at most 3 characters' }]);
    expect(problems(optionalText(3), 1)).toEqual([{ pointer: '/f', message: 'must be text' }]);
  });
});

describe('list and idList', () => {
  it('takes up to the maximum number of items', () => {
    expect(at(list(z.number(), 2), [1, 2])).toEqual({ ok: true, value: { f: [1, 2] } });
    expect(at(list(z.number(), 2), [])).toEqual({ ok: true, value: { f: [] } });
  });

  it('refuses one more item, and a non-list with one problem', () => {
    expect(problems(list(z.number(), 2), [1, 2, 3])).toEqual([{ pointer: '/f', message: 'must have at most 2 items' }]);
    expect(problems(list(z.number(), 2), 'abc')).toEqual([{ pointer: '/f', message: 'must be a list' }]);
  });

  it('idList allows repeats up to the vocabulary’s size, and names a wrong id at its index', () => {
    expect(at(idList(['a', 'b']), ['a', 'a'])).toEqual({ ok: true, value: { f: ['a', 'a'] } });
    expect(at(idList(['a', 'b']), undefined)).toEqual({ ok: true, value: {} });
    expect(problems(idList(['a', 'b']), ['a', 'a', 'b'])).toEqual([{ pointer: '/f', message: 'must have at most 2 items' }]);
    expect(problems(idList(['a', 'b']), ['a', 'x'])).toEqual([{ pointer: '/f/1', message: 'must be one of: a, b' }]);
  });
});

describe('parseShape with pointers', () => {
  it('escapes field names in pointers and keeps the typed value', () => {
    const schema = z.strictObject({ 'a/b': z.number(), 'c~d': z.number() });
    expect(parseShape(schema, { 'a/b': 'x', 'c~d': 'y' })).toEqual({
      ok: false,
      errors: [
        { pointer: '/a~1b', message: expect.any(String) },
        { pointer: '/c~0d', message: expect.any(String) },
      ],
    });
    expect(parseShape(schema, { 'a/b': 1, 'c~d': 2 })).toEqual({ ok: true, value: { 'a/b': 1, 'c~d': 2 } });
  });
});

describe('UUID_PATTERN', () => {
  it('takes a UUID in either case, nothing longer, shorter or out of the hex digits', async () => {
    // The pattern is made when the module loads: load it here, so the pattern tested is made in this test.
    vi.resetModules();
    const { UUID_PATTERN } = await import('./diary-shape-parts.ts');
    expect(UUID_PATTERN.test('01936b2e-7c1a-7d4e-8f00-0123456789ab')).toBe(true);
    expect(UUID_PATTERN.test('01936B2E-7C1A-7D4E-8F00-0123456789AB')).toBe(true);
    for (const bad of [
      '01936b2e-7c1a-7d4e-8f00-0123456789abc',
      'x01936b2e-7c1a-7d4e-8f00-0123456789ab',
      '01936b2e-7c1a-7d4e-8f00-0123456789a',
      '01936b2g-7c1a-7d4e-8f00-0123456789ab',
      '01936b2e7c1a-7d4e-8f00-0123456789ab-',
    ])
      expect(UUID_PATTERN.test(bad)).toBe(false);
  });
});
