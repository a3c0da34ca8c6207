// Shared by the block-diary forms: the pain scale's words, and where a refused save's errors are shown.
import type { ApiError } from '../../api/client.ts';
import { dvprsDescriptor } from '../../../domain/diary/entry.ts';

export const DESCRIPTORS = Array.from({ length: 11 }, (_, n) => dvprsDescriptor(n).text);

/** First error under a JSON pointer (the field itself or anything inside it, e.g. /offsetsMinutes/2). */
export function errorUnder(error: ApiError, pointer: string): string | undefined {
  return error.fieldErrors.find((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`))?.detail;
}

/** The messages of field errors not shown on a field, or the problem's own message when it has none. */
export function otherErrors(error: ApiError, shown: readonly string[]): string | undefined {
  const rest = error.fieldErrors.filter((e) => !shown.some((p) => e.pointer === p || e.pointer.startsWith(`${p}/`))).map((e) => e.detail);
  return rest.length > 0 ? rest.join(' ') : error.fieldErrors.length > 0 ? undefined : error.message;
}
