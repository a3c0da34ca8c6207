// Optimistic concurrency for versioned resources: `If-Match: "3"` (or 3) names the version the client
// edited. A weak validator (W/"3") is refused: If-Match compares strongly (RFC 9110 §13.1.1), and the
// ETags this server sends are strong.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.ts';

/** The version in If-Match, or undefined when the header is absent; a malformed header is a 400. */
export function baseVersionFrom(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const m = /^\s*"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!m || Number(m[1]) < 1) throw new AppError('invalid-if-match', 'Send If-Match with the version you edited, as the ETag gave it, e.g. "3" (not W/"3").');
  return Number(m[1]);
}
