// Bodies and answers of strong sign-in: a second factor (authenticator app codes, recovery codes),
// the second step of sign-in, and re-authentication before sensitive actions.
import { z } from 'zod';
import { Instant, Password } from './common.ts';
import { AuthenticationResponse } from './passkeys.ts';

/** Six digits as an authenticator app shows them; spaces some apps put in the middle are allowed. */
export const TotpCode = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.'));

/** A recovery code as printed (groups of hexadecimal digits); case, spaces and dashes do not matter. */
export const RecoveryCode = z
  .string()
  .max(64)
  .transform((s) => s.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{20}$/, 'A recovery code has 20 letters and digits.'));

export const SecondFactorStatus = z
  .object({
    enabled: z.boolean(),
    /** An enrolment was started and waits for its first code. */
    pendingConfirmation: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  })
  .meta({ id: 'SecondFactorStatus' });

export const SecondFactorEnrolment = z.object({
  /** The shared secret in base32, for typing into an authenticator app. */
  secret: z.string(),
  /** The same secret as an otpauth:// URI, for a QR code or a link on the phone itself. */
  otpauthUri: z.string(),
});

export const ConfirmSecondFactorBody = z.strictObject({ code: TotpCode });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

/** Either a code from the app or a recovery code, never both. */
const CodeOrRecovery = {
  code: TotpCode.optional(),
  recoveryCode: RecoveryCode.optional(),
};

export const DisableSecondFactorBody = z.strictObject({ password: Password, ...CodeOrRecovery });

/** The answer to a right password when the account asks for a second factor: no session yet. */
export const SecondFactorChallenge = z
  .object({
    secondFactorRequired: z.literal(true),
    /** Proves the password step for a few minutes; sent back with the code. */
    pendingToken: z.string(),
    expiresAt: Instant,
  })
  .meta({ id: 'SecondFactorChallenge' });

export const CompleteSignInBody = z.strictObject({ pendingToken: z.string().min(1).max(200), ...CodeOrRecovery });

/** Exactly one of them: the password, a code from the authenticator app, or the browser's answer to the passkey options. */
export const ReauthenticateBody = z.strictObject({
  password: Password.optional(),
  code: TotpCode.optional(),
  passkey: AuthenticationResponse.optional(),
});
export const Reauthenticated = z.object({ authenticatedAt: Instant, validUntil: Instant });
