import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { changePassword, deleteAccount, signIn, signOut, signOutEverywhere, signUp, updateProfile } from '../../../app/accounts.ts';
import { requireRecentAuthentication } from '../../../app/reauthentication.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../app/api-tokens.ts';
import { AppError } from '../../../app/errors.ts';
import { confirmSignUp, requestSignUp } from '../../../app/sign-up-by-mail.ts';
import type { ApiToken, OrganizationRole } from '../../../app/model.ts';
import { describeRoleMatrix, permissionsOf, type ClinicRoleSettings } from '../../../app/permissions.ts';
import type { AppDeps, RequestContext } from '../../../app/context.ts';
import type { IssuedSession } from '../../../app/session-issue.ts';
import { listMyMemberships } from '../../../app/organizations.ts';
import {
  ApiTokenParams,
  ApiTokenView,
  ChangePasswordBody,
  SignOutEverywhereBody,
  ConfirmSignUpBody,
  CreateApiTokenBody,
  CreatedApiToken,
  DeleteAccountBody,
  MeResponse,
  RoleMatrixView,
  SessionState,
  SignInBody,
  SignUpAccepted,
  SignUpBody,
  UpdateProfileBody,
} from '../../../contract/accounts.ts';
import { SecondFactorChallenge } from '../../../contract/second-factor.ts';
import { clearSessionCookie, knownDeviceCookieName, setKnownDeviceCookie, setSessionCookie } from '../../auth-plumbing.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['account'];

export async function loadMe(deps: AppDeps, ctx: RequestContext, csrfToken: string | null): Promise<z.infer<typeof MeResponse>> {
  if (ctx.actor.kind !== 'user') throw new AppError('authentication-required', 'Sign in to continue.');
  const [profile, memberships, missing] = await Promise.all([
    deps.store.users.findProfile(ctx.actor.userId),
    listMyMemberships(deps, ctx),
    ctx.actor.secondFactorMissingIn ?? deps.store.secondFactors.organizationsMissingSecondFactor(ctx.actor.userId),
  ]);
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
      secondFactorMissing: missing.includes(m.organizationId),
      permissions: permissionsOf(m.role, m.roleSettings),
    })),
  };
}

/** Memberships as /api/me shows them: each with what its role may do, so the app can hide the rest. */
function withPermissions<M extends { readonly role: OrganizationRole; readonly roleSettings: ClinicRoleSettings }>(
  memberships: readonly M[],
) {
  return memberships.map(({ roleSettings, ...m }) => ({ ...m, permissions: permissionsOf(m.role, roleSettings) }));
}

/** Sets the cookie of a session just issued (any way of signing in) and answers /api/me as that session sees it. */
export async function answerNewSession(
  deps: ApiDeps,
  ctx: RequestContext,
  reply: FastifyReply,
  issued: IssuedSession,
): Promise<z.infer<typeof MeResponse>> {
  setSessionCookie(reply, issued.token, deps.cookies);
  return loadMe(deps, { ...ctx, actor: { kind: 'user', userId: issued.user.id, via: 'session' } }, issued.session.csrfToken);
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
      return reply.code(201).send(await answerNewSession(deps, ctx, reply, await signUp(deps, ctx, req.body)));
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
      return reply.code(201).send(await answerNewSession(deps, ctx, reply, await confirmSignUp(deps, ctx, req.body)));
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary:
          'Sign in with email and password. An account with two-step sign-in answers 202 with a pending token instead of a session: send it with a code to /api/auth/sign-in/second-factor',
        body: SignInBody,
        response: { 200: MeResponse, 202: SecondFactorChallenge },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const deviceToken = req.cookies[knownDeviceCookieName(deps.cookies.secure)];
      const outcome = await signIn(deps, ctx, { ...req.body, deviceToken });
      setKnownDeviceCookie(reply, outcome.deviceToken, deps.cookies, deps.settings.signInKnownDeviceDays);
      if (outcome.kind === 'second-factor')
        return reply
          .code(202)
          .send({ secondFactorRequired: true as const, pendingToken: outcome.pendingToken, expiresAt: outcome.expiresAt });
      return answerNewSession(deps, ctx, reply, outcome);
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
      if (profile) return { ...profile, memberships: withPermissions(profile.memberships), csrfToken: req.auth.csrfToken };
      return loadMe(deps, contextOf(req), req.auth.csrfToken);
    },
  );

  app.get(
    '/api/role-permissions',
    {
      schema: {
        tags,
        summary:
          "The role matrix: what each role of a clinic may do by default, and why (a clinic may take permissions away; /api/me lists each membership's own)",
        response: { 200: RoleMatrixView },
      },
    },
    // The same for everyone and about no one: the defaults the policy reads.
    async () => ({ items: describeRoleMatrix() }),
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
        return {
          signedIn: true as const,
          me: { ...profile, memberships: withPermissions(profile.memberships), csrfToken: req.auth.csrfToken },
        };
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
        summary:
          'Change your password (signs out your other sessions and revokes every API token except those named in keepTokenIds; needs a session, not a token)',
        body: ChangePasswordBody,
      },
    },
    async (req, reply) => {
      await changePassword(deps, contextOf(req), req.auth.sessionId, req.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/sign-out-everywhere',
    {
      schema: {
        tags,
        summary:
          'Sign out everywhere else: ends your other sessions and revokes every API token except those named in keepTokenIds (needs a session, not a token)',
        body: SignOutEverywhereBody,
      },
    },
    async (req, reply) => {
      await signOutEverywhere(deps, contextOf(req), req.auth.sessionId, req.body);
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
        summary:
          'Create an API token for scripts; the secret is shown once (needs a session, not a token, that signed in or re-authenticated within PAINWISE_REAUTH_MINUTES)',
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await requireRecentAuthentication(deps, ctx, req.auth.sessionId);
      const { token, apiToken } = await createApiToken(deps, ctx, req.body);
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
