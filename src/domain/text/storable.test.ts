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
});
