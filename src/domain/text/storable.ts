// Text a person can send but no store keeps faithfully: the NUL character (PostgreSQL's text type
// refuses it) and an unpaired UTF-16 surrogate (not a character; UTF-8, as stored and exported, turns it
// into U+FFFD, so a record would not survive its own export). Refused at the edge with the field named.

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain the NUL character or broken Unicode (an unpaired surrogate)';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * The JSON pointer of the first string (value or key) in `value` that is not storable, or null.
 * Walked with a list of places still to look at rather than by recursion: a body may nest arrays a
 * hundred thousand deep within its size limit, which would overflow the call stack (a 500, not a 400).
 */
export function findUnstorableText(value: unknown): string | null {
  // Taken from the end, so each container's children are pushed in reverse to be seen in order; an
  // object's key is looked at just before its value.
  const todo: ({ readonly value: unknown; readonly pointer: string } | { readonly key: string; readonly pointer: string })[] = [
    { value, pointer: '' },
  ];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if ('key' in next) {
      if (!isStorableText(next.key)) return next.pointer;
    } else if (typeof next.value === 'string') {
      if (!isStorableText(next.value)) return next.pointer || '/';
    } else if (Array.isArray(next.value)) {
      for (let i = next.value.length - 1; i >= 0; i--) todo.push({ value: next.value[i], pointer: `${next.pointer}/${i}` });
    } else if (typeof next.value === 'object' && next.value !== null) {
      const entries = Object.entries(next.value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const at = `${next.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        todo.push({ value: child, pointer: at }, { key, pointer: at });
      }
    }
  }
  return null;
}
