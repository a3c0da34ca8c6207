import { z } from 'zod';
import { DisplayName, Email, Id, Instant, InstantInput, Password, TimeZoneName } from './common.ts';
import { API_TOKEN_ACCESS_LIST, ORGANIZATION_ROLES_LIST, PERMISSIONS_LIST, SEX_LIST } from './enums.ts';

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

/**
 * The answer to a sign-up where the server sends e-mail: the same for every address, whether it has an
 * account or not; what comes next is said by e-mail.
 */
export const SignUpAccepted = z.object({ status: z.literal('check-email') }).meta({ id: 'SignUpAccepted' });

/** Following a sign-up's e-mail link: its token, and the password chosen at sign-up. */
export const ConfirmSignUpBody = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/), password: Password });
/** API tokens the person chooses to keep when signing out everywhere (every other one is revoked). */
const KeepTokenIds = z.array(Id).max(100).default([]).describe('API tokens to keep in force; every other token of the account is revoked');
export const ChangePasswordBody = z.strictObject({ currentPassword: Password, newPassword: Password, keepTokenIds: KeepTokenIds });
// Said outright here (an empty list keeps none): this revokes, so the client states what it keeps.
export const SignOutEverywhereBody = z.strictObject({
  keepTokenIds: z.array(Id).max(100).describe('API tokens to keep in force (may be empty); every other token of the account is revoked'),
});
export const DeleteAccountBody = z.strictObject({ password: Password });
export const UpdateProfileBody = z.strictObject({ displayName: DisplayName });

export const MeResponse = z
  .object({
    user: z.object({ id: Id, email: z.string(), displayName: z.string() }),
    csrfToken: z.string().nullable(),
    patient: z.object({ id: Id, displayName: z.string(), timeZone: z.string() }).nullable(),
    memberships: z.array(
      z.object({
        id: Id,
        organizationId: Id,
        organizationName: z.string(),
        role: z.enum(ORGANIZATION_ROLES_LIST),
        /** The organization demands two-step sign-in of this member, who has not turned it on: its routes refuse them until then. */
        secondFactorMissing: z.boolean(),
        /** What this member's role may do in this clinic (the role matrix, as the clinic set it): the app hides or disables the rest. */
        permissions: z.array(z.enum(PERMISSIONS_LIST)),
      }),
    ),
  })
  .meta({ id: 'Me' });

/** The role matrix: for each permission, whether each role holds it by default, and why. */
export const RoleMatrixView = z
  .object({
    items: z.array(
      z.object({
        permission: z.enum(PERMISSIONS_LIST),
        why: z.string(),
        /** true, false, or `if-nurse-orders-allowed` (nurses only where the clinic allows nurse orders). */
        roles: z.record(z.enum(ORGANIZATION_ROLES_LIST), z.union([z.boolean(), z.literal('if-nurse-orders-allowed')])),
      }),
    ),
  })
  .meta({ id: 'RoleMatrix' });

/**
 * Who is signed in, for a page starting up: a visitor who is not signed in is an answer (200), not an
 * error, so opening the app signed out logs nothing in the browser's console.
 */
export const SessionState = z
  .discriminatedUnion('signedIn', [z.object({ signedIn: z.literal(false) }), z.object({ signedIn: z.literal(true), me: MeResponse })])
  .meta({ id: 'SessionState' });

export const CreateApiTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Read only unless asked: a token that leaks should be able to do as little as its script needs. */
  access: z.enum(API_TOKEN_ACCESS_LIST).default('read'),
  /** The only patients the token may reach; null or absent: every patient its owner may reach. */
  patientIds: z.array(Id).min(1).max(100).nullable().optional(),
  /** When the token stops working; in the future, at most a year away. Null or absent: until revoked. */
  expiresAt: InstantInput.nullable().optional(),
});
export const ApiTokenView = z.object({
  id: Id,
  name: z.string(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
  access: z.enum(API_TOKEN_ACCESS_LIST),
  patientIds: z.array(Id).nullable(),
  expiresAt: Instant.nullable(),
});
export const CreatedApiToken = z.object({ token: z.string(), apiToken: ApiTokenView });
export const ApiTokenParams = z.strictObject({ tokenId: Id });
