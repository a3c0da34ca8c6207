// Stable error codes of the HTTP API. A code, once published, is never reused for another meaning.
// The API maps each to a status and title in one table (api/problem.ts), so adding a code here fails
// to compile until it is mapped.

export const ERROR_CODES = [
  'validation-failed',
  'malformed-json',
  'unsupported-media-type',
  'payload-too-large',
  'not-found',
  'route-not-found',
  'method-not-allowed',
  'authentication-required',
  'session-expired',
  'invalid-credentials',
  'csrf-token-invalid',
  'origin-not-allowed',
  'session-required',
  'forbidden',
  'too-many-requests',
  'email-taken',
  'password-too-short',
  'password-too-long',
  'password-too-common',
  'password-incorrect',
  'patient-record-exists',
  'invalid-share-code',
  'invalid-invitation',
  'sign-up-link-invalid',
  'passkey-not-accepted',
  'passkey-registration-failed',
  'passkeys-unavailable',
  'already-member',
  'last-admin',
  'conflict',
  'diary-entry-conflict',
  'invalid-if-match',
  'instrument-not-licensed',
  'clinical-record-conflict',
  'visit-conflict',
  'high-risk-order-unconfirmed',
  'care-plan-conflict',
  'nothing-to-taper',
  'taper-pause-invalid',
  'token-patient-not-accessible',
  'second-factor-code-invalid',
  'sign-in-step-expired',
  'second-factor-required',
  'reauthentication-required',
  'internal-error',
  'service-unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One failed field, addressed by JSON pointer (RFC 6901) into the request. */
export interface FieldError {
  readonly pointer: string;
  readonly detail: string;
}
