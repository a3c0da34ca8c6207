// GET /metrics for a Prometheus scraper. Outside /api/: no session, no audit, no patient data. Hidden
// from the OpenAPI document, which describes the API people's programs use.
import crypto from 'node:crypto';
import type { ServerMetrics } from '../../metrics.ts';
import { sendProblem } from '../../problem.ts';
import type { ZodApp } from '../../types.ts';

const digest = (text: string): Buffer => crypto.createHash('sha256').update(text).digest();

/** Compares digests, so that neither the token's length nor its first wrong character shows in the timing. */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const match = header === undefined ? null : /^Bearer +(\S+)\s*$/i.exec(header);
  return match !== null && crypto.timingSafeEqual(digest(match[1]!), expected);
}

export function registerMetricsRoute(app: ZodApp, path: string, metrics: ServerMetrics, token: string | undefined): void {
  const expected = token === undefined ? undefined : digest(token);
  app.get(path, { schema: { hide: true } }, async (request, reply) => {
    if (expected && !bearerMatches(request.headers.authorization, expected)) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(request, reply, 'authentication-required', { detail: 'Send the metrics token as Authorization: Bearer <token>.' });
    }
    const text = await metrics.render();
    if (text === null)
      return sendProblem(request, reply, 'service-unavailable', {
        detail: 'A serving thread did not report its figures in time.',
        extra: { retryAfterSeconds: 1 },
      });
    return reply.header('cache-control', 'no-store').type(metrics.contentType).send(text);
  });
}
