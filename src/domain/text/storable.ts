// Text a person can send but no store keeps faithfully: the NUL character (PostgreSQL's text type
// refuses it) and an unpaired UTF-16 surrogate (not a character; UTF-8, as stored and exported, turns it
// into U+FFFD, so a record would not survive its own export). Refused at the edge with the field named.

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain the NUL character or broken Unicode (an unpaired surrogate)';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The JSON pointer of the first string (value or key) in `value` that is not storable, or null. */
export function findUnstorableText(value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : pointer || '/';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${pointer}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!isStorableText(key)) return at;
      const found = findUnstorableText(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}
