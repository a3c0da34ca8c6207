import { z } from 'zod';
import { DisplayName, Email, Id, Instant, Password, TimeZoneName } from './common.ts';
import { ORGANIZATION_ROLES_LIST, SEX_LIST } from './enums.ts';

export const SignUpBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
  patient: z
    .strictObject({
      timeZone: TimeZoneName,
      birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
      sex: z.enum(SEX_LIST).optional(),
    })
    .optional(),
});

export const SignInBody = z.strictObject({ email: Email, password: Password });
export const ChangePasswordBody = z.strictObject({ currentPassword: Password, newPassword: Password });
export const DeleteAccountBody = z.strictObject({ password: Password });
export const UpdateProfileBody = z.strictObject({ displayName: DisplayName });

export const MeResponse = z
  .object({
    user: z.object({ id: Id, email: z.string(), displayName: z.string() }),
    csrfToken: z.string().nullable(),
    patient: z.object({ id: Id, displayName: z.string(), timeZone: z.string() }).nullable(),
    memberships: z.array(z.object({ id: Id, organizationId: Id, organizationName: z.string(), role: z.enum(ORGANIZATION_ROLES_LIST) })),
  })
  .meta({ id: 'Me' });

/**
 * Who is signed in, for a page starting up: a visitor who is not signed in is an answer (200), not an
 * error, so opening the app signed out logs nothing in the browser's console.
 */
export const SessionState = z
  .discriminatedUnion('signedIn', [z.object({ signedIn: z.literal(false) }), z.object({ signedIn: z.literal(true), me: MeResponse })])
  .meta({ id: 'SessionState' });

export const CreateApiTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const ApiTokenView = z.object({
  id: Id,
  name: z.string(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
});
export const CreatedApiToken = z.object({ token: z.string(), apiToken: ApiTokenView });
export const ApiTokenParams = z.strictObject({ tokenId: Id });
