// Proving it is you again before a sensitive action: with the password, a code from the authenticator
// app, or a passkey (whose options come from their own route, offering only this account's passkeys).
import { reauthenticate, reauthenticationPasskeyOptions } from '../../../app/reauthentication.ts';
import { AuthenticationOptions } from '../../../contract/passkeys.ts';
import { Reauthenticated, ReauthenticateBody } from '../../../contract/second-factor.ts';
import { knownDeviceCookieName } from '../../auth-plumbing.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import { relyingPartyOfRequest } from './passkeys.routes.ts';

const tags = ['account'];

export function registerReauthenticationRoutes(app: ZodApp, deps: ApiDeps, publicUrl: string | undefined): void {
  app.post(
    '/api/auth/reauthenticate',
    {
      schema: {
        tags,
        summary: 'Confirm it is you (password, a code or a passkey) before a sensitive action; good for a few minutes',
        body: ReauthenticateBody,
        response: { 200: Reauthenticated },
      },
    },
    async (req) => {
      const deviceToken = req.cookies[knownDeviceCookieName(deps.cookies.secure)];
      const rp = relyingPartyOfRequest(req, publicUrl);
      return reauthenticate(deps, contextOf(req), req.auth.sessionId, rp, { ...req.body, deviceToken });
    },
  );

  app.post(
    '/api/auth/reauthenticate/passkey-options',
    {
      schema: {
        tags,
        summary: 'Start confirming it is you with a passkey: options for navigator.credentials.get() naming only your passkeys',
        response: { 200: AuthenticationOptions },
      },
    },
    async (req) => reauthenticationPasskeyOptions(deps, contextOf(req), relyingPartyOfRequest(req, publicUrl)),
  );
}
