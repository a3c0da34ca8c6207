// Cross-site request refusal by Origin, in addition to the session's CSRF token. A browser sends
// Origin with every POST, PUT, PATCH and DELETE; when it names another site, the request was made by
// that site's page and is refused whatever credentials it carries. A request without Origin comes
// from a script or tool (bearer tokens), not from a browser page, and passes on to authentication.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The origins a page of this server has: the configured public URL, and the origin the request was
 * addressed to (scheme and Host, as forwarded by a trusted proxy).
 */
export function isSameOrigin(origin: string, request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const sent = originOf(origin);
  if (sent === undefined || sent === 'null') return false;
  if (publicOrigin !== undefined && sent === publicOrigin) return true;
  return sent === originOf(`${request.protocol}://${request.host}`);
}

/** onRequest hook for /api/: refuses an unsafe request whose Origin is another site's. */
export function checkOrigin(publicUrl: string | undefined) {
  const publicOrigin = publicUrl === undefined ? undefined : originOf(publicUrl);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!UNSAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return undefined;
    const origin = request.headers.origin;
    if (origin === undefined || isSameOrigin(origin, request, publicOrigin)) return undefined;
    // Returning the reply tells Fastify the request is answered: no later hook or handler runs.
    return sendProblem(request, reply, 'origin-not-allowed', { detail: 'This request came from a page of another site.' });
  };
}
