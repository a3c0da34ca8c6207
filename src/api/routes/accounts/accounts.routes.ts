import { z } from 'zod';
import { changePassword, deleteAccount, signIn, signOut, signUp, updateProfile } from '../../../app/accounts.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/api-tokens.ts';
import { AppError } from '../../../app/errors.ts';
import { confirmSignUp, requestSignUp } from '../../../app/sign-up-by-mail.ts';
import type { ApiToken } from '../../../app/model.ts';
import type { AppDeps, RequestContext } from '../../../app/context.ts';
import { listMyMemberships } from '../../../app/organizations.ts';
import {
  ApiTokenParams,
  ApiTokenView,
  ChangePasswordBody,
  ConfirmSignUpBody,
  CreateApiTokenBody,
  CreatedApiToken,
  DeleteAccountBody,
  MeResponse,
  SessionState,
  SignInBody,
  SignUpAccepted,
  SignUpBody,
  UpdateProfileBody,
} from '../../../contract/accounts.ts';
import { clearSessionCookie, knownDeviceCookieName, setKnownDeviceCookie, setSessionCookie } from '../../auth-plumbing.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['account'];

export async function loadMe(deps: AppDeps, ctx: RequestContext, csrfToken: string | null): Promise<z.infer<typeof MeResponse>> {
  if (ctx.actor.kind !== 'user') throw new AppError('authentication-required', 'Sign in to continue.');
  const [profile, memberships] = await Promise.all([deps.store.users.findProfile(ctx.actor.userId), listMyMemberships(deps, ctx)]);
  if (!profile) throw new AppError('authentication-required', 'Sign in to continue.');
  return {
    user: profile.user,
    csrfToken,
    patient: profile.patient,
    memberships: memberships.map((m) => ({
      id: m.id,
      organizationId: m.organizationId,
      organizationName: m.organizationName,
      role: m.role,
    })),
  };
}

/** A token as its owner sees it: everything but whose it is (they know) and its secret (never kept). */
function presentApiToken({ userId: _u, patientIds, ...t }: ApiToken): z.infer<typeof ApiTokenView> {
  return { ...t, patientIds: patientIds && [...patientIds] };
}

export function registerAccountRoutes(app: ZodApp, deps: ApiDeps): void {
  app.post(
    '/api/auth/sign-up',
    {
      schema: {
        tags,
        summary:
          'Create an account (optionally with your own patient record). Where the server sends e-mail: 202, the same for every address, and the rest by e-mail; otherwise 201, signed in',
        body: SignUpBody,
        response: { 201: MeResponse, 202: SignUpAccepted },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (deps.mail) {
        await requestSignUp(deps, ctx, req.body);
        return reply.code(202).send({ status: 'check-email' as const });
      }
      const { token, session, user } = await signUp(deps, ctx, req.body);
      setSessionCookie(reply, token, deps.cookies);
      return reply
        .code(201)
        .send(await loadMe(deps, { ...ctx, actor: { kind: 'user', userId: user.id, via: 'session' } }, session.csrfToken));
    },
  );

  app.post(
    '/api/auth/confirm-sign-up',
    {
      schema: {
        tags,
        summary: "Confirm a sign-up's e-mail address with the link's token and the password chosen; creates the account and signs in",
        body: ConfirmSignUpBody,
        response: { 201: MeResponse },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { token, session, user } = await confirmSignUp(deps, ctx, req.body);
      setSessionCookie(reply, token, deps.cookies);
      return reply
        .code(201)
        .send(await loadMe(deps, { ...ctx, actor: { kind: 'user', userId: user.id, via: 'session' } }, session.csrfToken));
    },
  );

  app.post(
    '/api/auth/sign-in',
    { schema: { tags, summary: 'Sign in with email and password', body: SignInBody, response: { 200: MeResponse } } },
    async (req, reply) => {
      const ctx = contextOf(req);
      const deviceToken = req.cookies[knownDeviceCookieName(deps.cookies.secure)];
      const signedIn = await signIn(deps, ctx, { ...req.body, deviceToken });
      const { token, session, user } = signedIn;
      setSessionCookie(reply, token, deps.cookies);
      setKnownDeviceCookie(reply, signedIn.deviceToken, deps.cookies, deps.settings.signInKnownDeviceDays);
      return loadMe(deps, { ...ctx, actor: { kind: 'user', userId: user.id, via: 'session' } }, session.csrfToken);
    },
  );

  app.post('/api/auth/sign-out', { schema: { tags, summary: 'End this session' } }, async (req, reply) => {
    if (req.auth.sessionId) await signOut(deps, req.auth.sessionId);
    clearSessionCookie(reply, deps.cookies);
    return reply.code(204).send();
  });

  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in account, its patient record and memberships', response: { 200: MeResponse } } },
    async (req) => {
      // A cookie request already loaded the profile with its session; a bearer-token request loads it now.
      const profile = req.auth.profile;
      if (profile) return { ...profile, memberships: [...profile.memberships], csrfToken: req.auth.csrfToken };
      return loadMe(deps, contextOf(req), req.auth.csrfToken);
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        tags,
        summary: 'Whether this browser is signed in, and as whom (the app asks this on start; /api/me answers 401 when signed out)',
        response: { 200: SessionState },
      },
    },
    async (req) => {
      const profile = req.auth.profile;
      if (profile)
        return { signedIn: true as const, me: { ...profile, memberships: [...profile.memberships], csrfToken: req.auth.csrfToken } };
      if (req.auth.actor.kind !== 'user') return { signedIn: false as const };
      return { signedIn: true as const, me: await loadMe(deps, contextOf(req), req.auth.csrfToken) };
    },
  );

  app.patch(
    '/api/me',
    { schema: { tags, summary: 'Change your display name', body: UpdateProfileBody, response: { 200: MeResponse } } },
    async (req) => {
      const ctx = contextOf(req);
      await updateProfile(deps, ctx, req.body);
      return loadMe(deps, ctx, req.auth.csrfToken);
    },
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change your password (signs out your other sessions and revokes every API token; needs a session, not a token)',
        body: ChangePasswordBody,
      },
    },
    async (req, reply) => {
      await changePassword(deps, contextOf(req), req.auth.sessionId, req.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/me',
    { schema: { tags, summary: 'Delete your account and your patient record', body: DeleteAccountBody } },
    async (req, reply) => {
      await deleteAccount(deps, contextOf(req), req.body);
      clearSessionCookie(reply, deps.cookies);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me/tokens',
    { schema: { tags, summary: 'Your API tokens (never their secret)', response: { 200: z.array(ApiTokenView) } } },
    async (req) => {
      return (await listApiTokens(deps, contextOf(req))).map(presentApiToken);
    },
  );

  app.post(
    '/api/me/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token for scripts; the secret is shown once (needs a session, not a token)',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => {
      const { token, apiToken } = await createApiToken(deps, contextOf(req), req.body);
      return reply.code(201).send({ token, apiToken: presentApiToken(apiToken) });
    },
  );

  app.delete(
    '/api/me/tokens/:tokenId',
    { schema: { tags, summary: 'Revoke an API token', params: ApiTokenParams } },
    async (req, reply) => {
      await revokeApiToken(deps, contextOf(req), req.params.tokenId);
      return reply.code(204).send();
    },
  );
}
