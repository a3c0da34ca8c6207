import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText } from './storable.ts';

describe('storable text', () => {
  it('accepts ordinary text, emoji (a surrogate pair) and line breaks', () => {
    expect(isStorableText('Ibuprofen 400 mg\nthen a walk 🚶‍♀️ — ça va')).toBe(true);
  });
  it('refuses the NUL character and unpaired surrogates, high or low', () => {
    expect(isStorableText('Ibu\u0000profen')).toBe(false);
    expect(isStorableText('a\uD800b')).toBe(false);
    expect(isStorableText('a\uDC00b')).toBe(false);
    expect(isStorableText('end\uD83D')).toBe(false);
  });
  it('names the first bad string or key by JSON pointer', () => {
    expect(findUnstorableText({ medicines: [{ name: 'ok' }, { name: 'Ibu\u0000profen' }] })).toBe('/medicines/1/name');
    expect(findUnstorableText({ 'a/b\uD800': 1 })).toBe('/a~1b\uD800');
    expect(findUnstorableText({ notes: 'fine', n: 3, flags: [true, null] })).toBeNull();
    expect(findUnstorableText('\u0000')).toBe('/');
  });
  it('looks in document order: an earlier field before a later one, a key before its value, a whole array before what follows', () => {
    expect(findUnstorableText({ a: ['ok', { b: '\u0000' }], c: '\u0000' })).toBe('/a/1/b');
    expect(findUnstorableText({ 'k\u0000': { x: '\u0000' } })).toBe('/k\u0000');
    expect(findUnstorableText(['\u0000', 'fine'])).toBe('/0');
    expect(findUnstorableText({ only: '\uD800' })).toBe('/only');
    expect(findUnstorableText({ first: 'x', 'second\u0000': 'y', third: '\u0000' })).toBe('/second\u0000');
    expect(findUnstorableText([['fine'], ['also fine', 'bad\uDC00']])).toBe('/1/1');
    expect(findUnstorableText({ '~x': '\u0000' })).toBe('/~0x');
  });
  it('walks nesting deeper than the call stack allows', () => {
    const depth = 200_000;
    const deepArray = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    expect(findUnstorableText(deepArray)).toBe(`${'/0'.repeat(depth)}`);
    const deepObject = JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    expect(findUnstorableText(deepObject)).toBeNull();
  });
});
