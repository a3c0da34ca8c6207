// Optimistic concurrency for versioned resources: `If-Match: "3"` (or 3) names the version the client
// edited. A weak validator (W/"3") is refused: If-Match compares strongly (RFC 9110 §13.1.1), and the
// ETags this server sends are strong.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.ts';

/** The version in If-Match, or undefined when the header is absent; a malformed header is a 400. */
export function baseVersionFrom(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  // Versions start at 1 and are written without leading zeros, so "0", "00" or "01" name no version
  // that could ever exist: malformed (400), not a stale version (409). Quotes come in pairs or not at all.
  const m = /^\s*(?:"([1-9]\d{0,8})"|([1-9]\d{0,8}))\s*$/.exec(String(header));
  if (!m)
    throw new AppError(
      'invalid-if-match',
      'Send If-Match with the version you edited, as the ETag gave it, e.g. "3" (not W/"3", and never "0": versions start at 1).',
    );
  return Number(m[1] ?? m[2]);
}
