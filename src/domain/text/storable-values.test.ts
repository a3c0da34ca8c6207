import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './storable.ts';

// A JSON body holds null, numbers and booleans beside text; they hold no text to refuse.
describe('findUnstorableText over values that are not text', () => {
  it('passes over null, numbers and booleans at any depth, and still finds bad text after them', () => {
    expect(findUnstorableText({ a: null, b: 1, c: [null, false, 2.5], d: { e: null } })).toBeNull();
    expect(findUnstorableText(null)).toBeNull();
    expect(findUnstorableText([null, 'x\u0000'])).toBe('/1');
    expect(findUnstorableText({ a: null, b: ['ok', { c: '\ud800' }] })).toBe('/b/1/c');
  });
});
