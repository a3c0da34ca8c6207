// Passkeys: the two halves of adding one (session only) and of signing in with one, and the owner's
// list, rename and removal.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  addPasskey,
  listPasskeys,
  passkeyRegistrationOptions,
  passkeyAssertionOptions,
  relyingPartyFor,
  removePasskey,
  renamePasskey,
  signInWithPasskey,
  type RelyingParty,
} from '../../../app/passkeys.ts';
import type { Passkey } from '../../../app/passkey-store.ts';
import { MeResponse } from '../../../contract/accounts.ts';
import {
  AddPasskeyBody,
  AuthenticationOptions,
  PasskeyParams,
  PasskeySignInBody,
  PasskeyView,
  RegistrationOptions,
  RemovePasskeyBody,
  RenamePasskeyBody,
} from '../../../contract/passkeys.ts';
import { knownDeviceCookieName, setKnownDeviceCookie } from '../../auth-plumbing.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import { answerNewSession } from './accounts.routes.ts';

const tags = ['account'];

/** A passkey as its owner sees it: no key material, no credential id. */
function present(p: Passkey): z.infer<typeof PasskeyView> {
  return { id: p.id, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt };
}

/** The relying party of a request: the origin it was addressed to, as request-origin.ts reads it (scheme and Host, as forwarded by a trusted proxy). */
export function relyingPartyOfRequest(req: FastifyRequest, publicUrl: string | undefined): RelyingParty {
  return relyingPartyFor(publicUrl, `${req.protocol}://${req.host}`);
}

export function registerPasskeyRoutes(app: ZodApp, deps: ApiDeps, publicUrl: string | undefined): void {
  const rpOf = (req: FastifyRequest): RelyingParty => relyingPartyOfRequest(req, publicUrl);

  app.post(
    '/api/me/passkeys/options',
    {
      schema: {
        tags,
        summary: 'Start adding a passkey: the options for navigator.credentials.create() (needs a session, not a token)',
        response: { 200: RegistrationOptions },
      },
    },
    async (req) => passkeyRegistrationOptions(deps, contextOf(req), req.auth.sessionId, rpOf(req)),
  );

  app.post(
    '/api/me/passkeys',
    {
      schema: {
        tags,
        summary: "Finish adding a passkey with the browser's answer to the options (needs a session, not a token)",
        body: AddPasskeyBody,
        response: { 201: PasskeyView },
      },
    },
    async (req, reply) => {
      const passkey = await addPasskey(deps, contextOf(req), req.auth.sessionId, rpOf(req), req.body);
      return reply.code(201).send(present(passkey));
    },
  );

  app.get(
    '/api/me/passkeys',
    { schema: { tags, summary: 'Your passkeys (needs a session)', response: { 200: z.array(PasskeyView) } } },
    async (req) => (await listPasskeys(deps, contextOf(req))).map(present),
  );

  app.patch(
    '/api/me/passkeys/:passkeyId',
    { schema: { tags, summary: 'Rename one of your passkeys', params: PasskeyParams, body: RenamePasskeyBody } },
    async (req, reply) => {
      await renamePasskey(deps, contextOf(req), req.params.passkeyId, req.body.name);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/me/passkeys/:passkeyId',
    { schema: { tags, summary: 'Remove one of your passkeys (needs your password)', params: PasskeyParams, body: RemovePasskeyBody } },
    async (req, reply) => {
      await removePasskey(deps, contextOf(req), req.params.passkeyId, req.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/passkey/options',
    {
      schema: {
        tags,
        summary: 'Start signing in with a passkey: the options for navigator.credentials.get()',
        response: { 200: AuthenticationOptions },
      },
    },
    async (req) => passkeyAssertionOptions(deps, rpOf(req)),
  );

  app.post(
    '/api/auth/passkey/sign-in',
    {
      schema: {
        tags,
        summary: "Sign in with the browser's answer to the passkey options; 401 when it is not accepted",
        body: PasskeySignInBody,
        response: { 200: MeResponse },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const deviceToken = req.cookies[knownDeviceCookieName(deps.cookies.secure)];
      const signedIn = await signInWithPasskey(deps, ctx, rpOf(req), { response: req.body.response, deviceToken });
      setKnownDeviceCookie(reply, signedIn.deviceToken, deps.cookies, deps.settings.signInKnownDeviceDays);
      return answerNewSession(deps, ctx, reply, signedIn);
    },
  );
}
