// A WebAuthn authenticator in software, for tests over HTTP: a real P-256 key pair per credential,
// authenticator data with the RP id's hash, flags and a signature counter, client data with the
// challenge and origin, "none" attestation encoded as CBOR, and ES256 signatures. It answers the
// server's options as a browser with a platform passkey would, and lets a test change what it sends
// (another origin, an older counter, another credential's id) to see the server refuse it.
import crypto from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const b64url = (bytes: Uint8Array | Buffer): string => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string): Buffer => crypto.createHash('sha256').update(data).digest();

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

export interface SoftwareCredential {
  /** The credential id, base64url. */
  readonly id: string;
  readonly privateKey: crypto.KeyObject;
  /** The user handle the server gave at registration, base64url (a passkey keeps it). */
  readonly userHandle: string;
  counter: number;
}

export interface RegistrationOptionsJson {
  readonly challenge: string;
  readonly rp: { readonly id?: string };
  readonly user: { readonly id: string };
}

export interface AuthenticationOptionsJson {
  readonly challenge: string;
  readonly rpId?: string;
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const head = Buffer.alloc(37);
  sha256(rpId).copy(head, 0);
  head.writeUInt8(flags, 32);
  head.writeUInt32BE(counter, 33);
  return attested ? Buffer.concat([head, attested]) : head;
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** The credential's public key as a COSE_Key (EC2, ES256, P-256). */
function coseKey(publicKey: crypto.KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
    ]),
  );
}

export interface CeremonyOverrides {
  /** The page origin the client data names (a browser puts its own there). */
  readonly origin?: string;
  /** The RP id whose hash the authenticator data carries. */
  readonly rpId?: string;
  /** The challenge the client data carries, instead of the options'. */
  readonly challenge?: string;
  /** Leave out user verification (a PIN or biometric not asked). */
  readonly unverified?: boolean;
}

export class SoftwareAuthenticator {
  readonly origin: string;
  readonly credentials: SoftwareCredential[] = [];

  constructor(origin: string) {
    this.origin = origin;
  }

  /** Makes a new credential for the options and the browser's answer to navigator.credentials.create(). */
  register(options: RegistrationOptionsJson, overrides: CeremonyOverrides = {}): { credential: SoftwareCredential; response: unknown } {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const id = crypto.randomBytes(16);
    const credential: SoftwareCredential = { id: b64url(id), privateKey, userHandle: options.user.id, counter: 0 };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, id, Buffer.from(coseKey(publicKey))]);
    const rpId = overrides.rpId ?? options.rp.id ?? new URL(this.origin).hostname;
    const flags = FLAG_USER_PRESENT | FLAG_ATTESTED_CREDENTIAL | (overrides.unverified ? 0 : FLAG_USER_VERIFIED);
    const authData = authenticatorData(rpId, flags, credential.counter, attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Map<string, string> | Uint8Array>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, string>()],
        ['authData', new Uint8Array(authData)],
      ]),
    );
    this.credentials.push(credential);
    return {
      credential,
      response: {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', overrides.challenge ?? options.challenge, overrides.origin ?? this.origin)),
          attestationObject: b64url(attestationObject),
          transports: ['internal'],
        },
      },
    };
  }

  /**
   * The browser's answer to navigator.credentials.get() with `credential`: its counter goes up by one
   * first, unless `counter` names the value to send (an authenticator cloned earlier would send an old one).
   */
  assert(
    options: AuthenticationOptionsJson,
    credential: SoftwareCredential,
    overrides: CeremonyOverrides & { counter?: number; credentialId?: string; userHandle?: string } = {},
  ): unknown {
    const counter = overrides.counter ?? (credential.counter += 1);
    const rpId = overrides.rpId ?? options.rpId ?? new URL(this.origin).hostname;
    const flags = FLAG_USER_PRESENT | (overrides.unverified ? 0 : FLAG_USER_VERIFIED);
    const authData = authenticatorData(rpId, flags, counter);
    const data = clientData('webauthn.get', overrides.challenge ?? options.challenge, overrides.origin ?? this.origin);
    const signature = crypto.sign('sha256', Buffer.concat([authData, sha256(data)]), credential.privateKey);
    const id = overrides.credentialId ?? credential.id;
    return {
      id,
      rawId: id,
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(data),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: overrides.userHandle ?? credential.userHandle,
      },
    };
  }
}
