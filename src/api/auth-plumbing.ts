// Session cookie and bearer-token authentication, and CSRF protection for cookie-authenticated
// unsafe methods (synchronizer token: the session's token must come back in the X-CSRF-Token header).
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSession } from '../app/accounts.ts';
import { resolveApiToken } from '../app/api-tokens.ts';
import { secondFactorRequired } from '../app/access.ts';
import type { AppDeps } from '../app/context.ts';
import { ANONYMOUS } from './request-context.ts';
import { sendProblem } from './problem.ts';

export interface CookieSettings {
  readonly secure: boolean;
  readonly idleMinutes: number;
}

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host and path / (browsers accept it only over HTTPS).
  return secure ? '__Host-pw_session' : 'pw_session';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function registerAuthentication(app: FastifyInstance, deps: AppDeps, cookies: CookieSettings): void {
  const cookieName = sessionCookieName(cookies.secure);
  app.decorateRequest('auth', null as never);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.auth = ANONYMOUS;
    // The FHIR API is read with the same credentials as the JSON API.
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/fhir/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = m ? await resolveApiToken(deps, m[1]!) : undefined;
      if (!actor)
        return sendProblem(request, reply, 'authentication-required', {
          detail: 'The bearer token is not valid, has expired or has been revoked.',
        });
      request.auth = { actor, sessionId: null, csrfToken: null, profile: null, sessionExpired: false };
      // A read-only token changes nothing. Patient routes leave that to the policy (which first refuses
      // a patient outside the token as unknown); every other change is refused here.
      const config = request.routeOptions.config;
      if (actor.kind === 'user' && actor.tokenLimits?.access === 'read' && !SAFE_METHODS.has(request.method)) {
        if (!config.patientAction && !config.changesNothing)
          return sendProblem(request, reply, 'forbidden', { detail: 'This API token may only read.' });
      }
      // Bearer tokens are not sent by browsers on their own, so no CSRF check is needed.
      return refuseWithoutSecondFactor(request, reply);
    }
    const token = request.cookies[cookieName];
    if (!token) return;
    const found = await resolveSession(deps, token);
    if (found.kind === 'active') {
      request.auth = {
        actor: found.actor,
        sessionId: found.session.id,
        csrfToken: found.session.csrfToken,
        profile: found.profile,
        sessionExpired: false,
      };
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, found.session.csrfToken)) {
          return sendProblem(request, reply, 'csrf-token-invalid', { detail: 'Reload the page and try again.' });
        }
      }
      return refuseWithoutSecondFactor(request, reply);
    } else {
      reply.clearCookie(cookieName, { path: '/' });
      request.auth = { ...ANONYMOUS, sessionExpired: found.kind === 'expired' };
    }
  });
}

/**
 * A clinic that demands a second factor refuses its routes to a member without one, all but its own
 * page (which the web app reads to say why and lead them to set it up). Patient routes are the
 * policy's to refuse, as they reach a patient through the clinic's care relationship.
 */
function refuseWithoutSecondFactor(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  const actor = request.auth.actor;
  if (actor.kind !== 'user' || !actor.secondFactorMissingIn?.length) return undefined;
  const organizationId = (request.params as Record<string, unknown> | undefined)?.organizationId;
  if (typeof organizationId !== 'string' || !actor.secondFactorMissingIn.includes(organizationId)) return undefined;
  if (request.method === 'GET' && request.routeOptions.url === '/api/organizations/:organizationId') return undefined;
  const refusal = secondFactorRequired();
  return sendProblem(request, reply, 'second-factor-required', { detail: refusal.message, extra: refusal.extra });
}

export function setSessionCookie(reply: FastifyReply, token: string, cookies: CookieSettings): void {
  reply.setCookie(sessionCookieName(cookies.secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookies.secure,
  });
}

export function knownDeviceCookieName(secure: boolean): string {
  return secure ? '__Host-pw_device' : 'pw_device';
}

/**
 * Marks this browser as one that signed in to the account, so that others' failed sign-ins do not slow
 * it (see sign-in-throttle.ts). It outlives sessions and sign-out: it proves nothing on its own and only
 * keeps the owner out of strangers' throttling.
 */
export function setKnownDeviceCookie(reply: FastifyReply, token: string, cookies: CookieSettings, days: number): void {
  reply.setCookie(knownDeviceCookieName(cookies.secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: cookies.secure,
    maxAge: days * 24 * 60 * 60,
  });
}

export function clearSessionCookie(reply: FastifyReply, cookies: CookieSettings): void {
  reply.clearCookie(sessionCookieName(cookies.secure), { path: '/' });
}
