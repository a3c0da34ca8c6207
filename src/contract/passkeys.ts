// Passkeys (WebAuthn): the ceremonies' options as the server sends them, the browser's answers as
// @simplewebauthn/browser hands them over, and a passkey as its owner sees it.
import { z } from 'zod';
import { Id, Instant, Password } from './common.ts';

/** Binary values travel as base64url text; the bounds are far above any real authenticator's. */
const Base64Url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'Must be base64url text.' });
const CredentialId = Base64Url(1400).min(1);
const Transport = z.string().max(32);
/** What the browser reports of extensions; read by nobody here, so any small object is accepted. */
const ClientExtensionResults = z.record(z.string().max(64), z.unknown());

export const PasskeyName = z.string().trim().min(1, { error: 'Enter a name.' }).max(100);

export const RegistrationResponse = z.strictObject({
  id: CredentialId,
  rawId: CredentialId,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ClientExtensionResults,
  response: z.strictObject({
    clientDataJSON: Base64Url(8192).min(1),
    attestationObject: Base64Url(65_536).min(1),
    authenticatorData: Base64Url(65_536).optional(),
    transports: z.array(Transport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: Base64Url(8192).optional(),
  }),
});

export const AuthenticationResponse = z.strictObject({
  id: CredentialId,
  rawId: CredentialId,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ClientExtensionResults,
  response: z.strictObject({
    clientDataJSON: Base64Url(8192).min(1),
    authenticatorData: Base64Url(65_536).min(1),
    signature: Base64Url(8192).min(1),
    userHandle: Base64Url(1024).optional(),
  }),
});

export const AddPasskeyBody = z.strictObject({ name: PasskeyName, response: RegistrationResponse });
export const RenamePasskeyBody = z.strictObject({ name: PasskeyName });
export const RemovePasskeyBody = z.strictObject({ password: Password });
export const PasskeySignInBody = z.strictObject({ response: AuthenticationResponse });
export const PasskeyParams = z.strictObject({ passkeyId: Id });

const CredentialDescriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

/** The argument of navigator.credentials.create(), as JSON (PublicKeyCredentialCreationOptionsJSON). */
export const RegistrationOptions = z
  .object({
    rp: z.object({ name: z.string(), id: z.string().optional() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    challenge: z.string(),
    pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.string() })),
    timeout: z.number().optional(),
    excludeCredentials: z.array(CredentialDescriptor).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.string().optional(),
        residentKey: z.string().optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: z.string().optional(),
      })
      .optional(),
    attestation: z.string().optional(),
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
    hints: z.array(z.string()).optional(),
  })
  .meta({ id: 'PasskeyRegistrationOptions' });

/** The argument of navigator.credentials.get(), as JSON (PublicKeyCredentialRequestOptionsJSON). */
export const AuthenticationOptions = z
  .object({
    challenge: z.string(),
    timeout: z.number().optional(),
    rpId: z.string().optional(),
    allowCredentials: z.array(CredentialDescriptor).optional(),
    userVerification: z.string().optional(),
    hints: z.array(z.string()).optional(),
  })
  .meta({ id: 'PasskeyAuthenticationOptions' });

export const PasskeyView = z
  .object({
    id: Id,
    name: z.string(),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
  })
  .meta({ id: 'Passkey' });
