// Optimistic concurrency for versioned resources: `If-Match: "3"` (or W/"3", or 3) names the version
// the client edited.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../app/errors.ts';

/** The version in If-Match, or undefined when the header is absent; a malformed header is a 400. */
export function baseVersionFrom(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!m || Number(m[1]) < 1) throw new AppError('invalid-if-match', 'Send If-Match with the version you edited, e.g. "3".');
  return Number(m[1]);
}
