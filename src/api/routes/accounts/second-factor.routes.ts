import { completeSignIn } from '../../../app/pending-sign-in.ts';
import { requireRecentAuthentication } from '../../../app/reauthentication.ts';
import {
  beginEnrolment,
  confirmEnrolment,
  disableSecondFactor,
  regenerateRecoveryCodes,
  secondFactorStatus,
} from '../../../app/second-factor.ts';
import { MeResponse } from '../../../contract/accounts.ts';
import {
  CompleteSignInBody,
  ConfirmSecondFactorBody,
  DisableSecondFactorBody,
  RecoveryCodes,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../../contract/second-factor.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import { answerNewSession } from './accounts.routes.ts';

const tags = ['account'];

export function registerSecondFactorRoutes(app: ZodApp, deps: ApiDeps): void {
  app.post(
    '/api/auth/sign-in/second-factor',
    {
      schema: {
        tags,
        summary: 'Finish a sign-in with a code from the authenticator app (or a recovery code) and the pending token',
        body: CompleteSignInBody,
        response: { 200: MeResponse },
      },
    },
    async (req, reply) => {
      return answerNewSession(deps, contextOf(req), reply, await completeSignIn(deps, req.body));
    },
  );

  app.get(
    '/api/me/second-factor',
    {
      schema: {
        tags,
        summary: 'Whether two-step sign-in is on, and how many recovery codes are left',
        response: { 200: SecondFactorStatus },
      },
    },
    async (req) => secondFactorStatus(deps, contextOf(req)),
  );

  app.post(
    '/api/me/second-factor',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: a new secret, shown this once, to confirm with a first code',
        response: { 201: SecondFactorEnrolment },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(await beginEnrolment(deps, contextOf(req), req.auth.sessionId));
    },
  );

  app.post(
    '/api/me/second-factor/confirm',
    {
      schema: {
        tags,
        summary: 'Turn two-step sign-in on with a first code; answers the recovery codes, shown this once',
        body: ConfirmSecondFactorBody,
        response: { 200: RecoveryCodes },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmEnrolment(deps, contextOf(req), req.auth.sessionId, req.body);
    },
  );

  app.post(
    '/api/me/second-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-step sign-in off (needs the password and a code or a recovery code)',
        body: DisableSecondFactorBody,
      },
    },
    async (req, reply) => {
      await disableSecondFactor(deps, contextOf(req), req.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/second-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes; the old ones stop working (needs a recent sign-in or re-authentication)',
        response: { 200: RecoveryCodes },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await requireRecentAuthentication(deps, ctx, req.auth.sessionId);
      reply.header('cache-control', 'no-store');
      return regenerateRecoveryCodes(deps, ctx);
    },
  );
}
