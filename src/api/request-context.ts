// Who is asking: resolved once per request from the session cookie or a bearer token, then passed
// to use cases as an explicit RequestContext.
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../app/context.ts';
import type { Actor } from '../app/policy.ts';
import type { ActorProfile } from '../app/model.ts';

export interface Auth {
  actor: Actor;
  /** The session id (hash) when signed in with the cookie. */
  sessionId: string | null;
  csrfToken: string | null;
  /** Loaded with the session (cookie requests only): the user, their patient record, memberships. */
  profile: ActorProfile | null;
  /** A session cookie was sent but that session has ended. */
  sessionExpired: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth;
  }
}

export const ANONYMOUS: Auth = { actor: { kind: 'anonymous' }, sessionId: null, csrfToken: null, profile: null, sessionExpired: false };

export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.auth.actor, requestId: request.id, ip: request.ip };
}
