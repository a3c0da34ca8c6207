// Passkeys for tests through the app's own HTTP handling (inject): a test app made with the public URL
// PASSKEY_ORIGIN, and a software authenticator answering for the page at that origin.
import { expect } from 'vitest';
import {
  SoftwareAuthenticator,
  type AuthenticationOptionsJson,
  type RegistrationOptionsJson,
  type SoftwareCredential,
} from './software-authenticator.ts';
import { Client } from './test-app.ts';

/** The public URL to give createTestApp: localhost is the RP id browsers accept without HTTPS. */
export const PASSKEY_ORIGIN = 'http://localhost';

export function newAuthenticator(): SoftwareAuthenticator {
  return new SoftwareAuthenticator(PASSKEY_ORIGIN);
}

/** Adds a passkey made by `authenticator` to the client's account. */
export async function addPasskey(client: Client, authenticator: SoftwareAuthenticator, name = 'Laptop'): Promise<SoftwareCredential> {
  const options = await client.request('POST', '/api/me/passkeys/options');
  expect(options.statusCode, options.body).toBe(200);
  const { credential, response } = authenticator.register(options.json() as RegistrationOptionsJson);
  const added = await client.request('POST', '/api/me/passkeys', { name, response });
  expect(added.statusCode, added.body).toBe(201);
  return credential;
}

/** A new browser signed in with the passkey. */
export async function signInWithPasskey(
  client: Client,
  authenticator: SoftwareAuthenticator,
  credential: SoftwareCredential,
): Promise<Client> {
  const fresh = new Client(client.app);
  const options = (await fresh.request('POST', '/api/auth/passkey/options')).json() as AuthenticationOptionsJson;
  const res = await fresh.request('POST', '/api/auth/passkey/sign-in', { response: authenticator.assert(options, credential) });
  expect(res.statusCode, res.body).toBe(200);
  return fresh;
}

/** The client's session proves its person again with the passkey; answers the server's reply. */
export async function reauthenticateWithPasskey(client: Client, authenticator: SoftwareAuthenticator, credential: SoftwareCredential) {
  const options = await client.request('POST', '/api/auth/reauthenticate/passkey-options');
  expect(options.statusCode, options.body).toBe(200);
  return client.request('POST', '/api/auth/reauthenticate', {
    passkey: authenticator.assert(options.json() as AuthenticationOptionsJson, credential),
  });
}
