// Passkeys from the browser: the server's options, the browser's ceremony (navigator.credentials
// through @simplewebauthn/browser) and the answer sent back. The ceremony's library is loaded only
// when a passkey is used, so the sign-in screen's first load carries none of it.
import type { z } from 'zod';
import type { AuthenticationOptions, PasskeyView, RegistrationOptions } from '../../contract/passkeys.ts';
import { t } from '../i18n/index.ts';
import { ApiError, request, type Me } from './client.ts';

export type Passkey = z.infer<typeof PasskeyView>;

/** Whether this browser can make and use passkeys at all (the button is shown only then). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/**
 * A ceremony the browser ended without an answer: the person cancelled or waited too long (both are
 * NotAllowedError, which browsers do not tell apart on purpose), or the passkey is already here.
 */
function ceremonyFailed(error: unknown): ApiError {
  const name = (error as { name?: string; cause?: { name?: string } } | null)?.cause?.name ?? (error as { name?: string } | null)?.name;
  const message = name === 'InvalidStateError' ? t('passkeys.alreadyAdded') : t('passkeys.cancelled');
  return new ApiError(0, 'passkey-not-accepted', message);
}

export const passkeyApi = {
  list: () => request<Passkey[]>('GET', '/api/me/passkeys'),
  async add(name: string): Promise<Passkey> {
    const optionsJSON = await request<z.infer<typeof RegistrationOptions>>('POST', '/api/me/passkeys/options');
    const { startRegistration } = await import('@simplewebauthn/browser');
    let response: unknown;
    try {
      response = await startRegistration({ optionsJSON: optionsJSON as Parameters<typeof startRegistration>[0]['optionsJSON'] });
    } catch (error) {
      throw ceremonyFailed(error);
    }
    return request<Passkey>('POST', '/api/me/passkeys', { name, response });
  },
  rename: (id: string, name: string) => request<void>('PATCH', `/api/me/passkeys/${id}`, { name }),
  remove: (id: string, password: string) => request<void>('DELETE', `/api/me/passkeys/${id}`, { password }),
  signIn: async (): Promise<Me> =>
    request<Me>('POST', '/api/auth/passkey/sign-in', { response: await assertion('/api/auth/passkey/options') }),
  /** Confirms it is the signed-in person with one of their own passkeys, before a sensitive action. */
  reauthenticate: async (): Promise<unknown> =>
    request('POST', '/api/auth/reauthenticate', { passkey: await assertion('/api/auth/reauthenticate/passkey-options') }),
};

/** The browser's answer to the options the server gives at `optionsPath` (navigator.credentials.get()). */
async function assertion(optionsPath: string): Promise<unknown> {
  const optionsJSON = await request<z.infer<typeof AuthenticationOptions>>('POST', optionsPath);
  const { startAuthentication } = await import('@simplewebauthn/browser');
  try {
    return await startAuthentication({ optionsJSON: optionsJSON as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
  } catch (error) {
    throw ceremonyFailed(error);
  }
}
