// Accounts: sign up, sign in/out, sessions, password change, account deletion, API tokens.
import { AppError } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps, type RequestContext } from './context.ts';
import { auditEvent, requireSessionUser, requireUser } from './access.ts';
import { checkNewPassword } from './password-rules.ts';
import type { ActorProfile, Patient, Session, Sex, User } from './model.ts';
import type { Actor } from './policy.ts';
import type { Repositories } from './ports.ts';
import { isUniqueViolationError } from './unique.ts';
import { sha256 } from './system.ts';
import { issueSession, type IssuedSession } from './session-issue.ts';
import { hasConfirmedSecondFactor } from './second-factor.ts';
import { startPendingSignIn, type PendingSignInIssued } from './pending-sign-in.ts';
import {
  checkSignInThrottle,
  findKnownDevice,
  forgetSucceededAttempt,
  recordSignInAttempt,
  rememberDevice,
  throttleKeys,
} from './sign-in-throttle.ts';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  /** Present when the person signs up to keep their own record (self-managed use). */
  readonly patient?: { readonly timeZone: string; readonly birthYear?: number | null; readonly sex?: Sex };
}

// A fixed hash verified when an email is unknown, so that "no such account" costs as long as "wrong password".
let decoyHash: Promise<string> | undefined;

export interface NewAccount {
  readonly email: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly patient: { readonly timeZone: string; readonly birthYear: number | null; readonly sex: Sex } | null;
}

/**
 * Writes the account (and its patient record, audited) within `tx`; an address already taken is
 * refused as `email-taken`, which the caller decides whether to show.
 */
export async function insertAccount(
  deps: AppDeps,
  ctx: RequestContext,
  tx: Repositories,
  account: NewAccount,
): Promise<{ user: User; patient: Patient | null }> {
  const now = nowIso(deps);
  const user: User = {
    id: deps.ids.newId(),
    email: account.email,
    displayName: account.displayName,
    passwordHash: account.passwordHash,
    createdAt: now,
  };
  const patient: Patient | null = account.patient
    ? { id: deps.ids.newId(), userId: user.id, displayName: user.displayName, ...account.patient, createdAt: now }
    : null;
  try {
    await tx.users.insert(user);
  } catch (error) {
    if (isUniqueViolationError(error))
      throw new AppError('email-taken', 'An account with this email already exists. Sign in instead.', {
        errors: [{ pointer: '/email', detail: 'An account with this email already exists.' }],
      });
    throw error;
  }
  if (patient) {
    await tx.patients.insert(patient);
    await tx.audit.append([
      auditEvent(
        deps,
        { ...ctx, actor: { kind: 'user', userId: user.id, via: 'session' } },
        {
          actorBasis: 'owner',
          organizationId: null,
          patientId: patient.id,
          action: 'patient.create',
          resourceType: 'patient',
          resourceId: patient.id,
        },
      ),
    ]);
  }
  return { user, patient };
}

export function newAccountPatient(input: SignUpInput): NewAccount['patient'] {
  return input.patient
    ? { timeZone: input.patient.timeZone, birthYear: input.patient.birthYear ?? null, sex: input.patient.sex ?? 'unknown' }
    : null;
}

/** Sign-up that signs in at once: a server that sends no e-mail (one person's own install). */
export async function signUp(deps: AppDeps, ctx: RequestContext, input: SignUpInput): Promise<IssuedSession & { patient: Patient | null }> {
  checkNewPassword(input.password);
  const account: NewAccount = {
    email: normalizeEmail(input.email),
    displayName: input.displayName.trim(),
    passwordHash: await deps.hasher.hash(input.password),
    patient: newAccountPatient(input),
  };
  const { user, patient } = await deps.store.transaction((tx) => insertAccount(deps, ctx, tx, account));
  return { ...(await issueSession(deps, user, null)), patient };
}

export type SignInOutcome =
  | (IssuedSession & { kind: 'signed-in'; deviceToken: string })
  | (PendingSignInIssued & { kind: 'second-factor'; deviceToken: string });

/**
 * Signs in with e-mail and password, throttled per account × client (see sign-in-throttle.ts).
 * `deviceToken` is this browser's known-device cookie, if any; the answer carries the token the cookie
 * should hold from now on (the same one refreshed, or a new one). An account with a second factor gets
 * no session yet: a pending sign-in, completed by `completeSignIn` with a code.
 */
export async function signIn(
  deps: AppDeps,
  ctx: RequestContext,
  input: { email: string; password: string; deviceToken?: string | undefined },
): Promise<SignInOutcome> {
  const email = normalizeEmail(input.email);
  const now = nowIso(deps);
  const user = await deps.store.users.findByEmail(email);
  const knownHash = await findKnownDevice(deps, input.deviceToken, user?.id, now);
  const keys = throttleKeys(email, ctx.ip, knownHash);
  await checkSignInThrottle(deps, keys, now);
  await recordSignInAttempt(deps, keys, now);
  decoyHash ??= deps.hasher.hash('painwise-decoy-password');
  const ok = user
    ? await deps.hasher.verify(user.passwordHash, input.password)
    : (await deps.hasher.verify(await decoyHash, input.password), false);
  if (!user || !ok) throw new AppError('invalid-credentials', 'That email and password do not match an account.');
  await forgetSucceededAttempt(deps, keys, now);
  const known = knownHash && input.deviceToken ? { token: input.deviceToken, hash: knownHash } : null;
  const deviceToken = await rememberDevice(deps, user.id, known, now);
  if (await hasConfirmedSecondFactor(deps, user.id))
    return { kind: 'second-factor', ...(await startPendingSignIn(deps, user.id)), deviceToken };
  return { kind: 'signed-in', ...(await issueSession(deps, user, null)), deviceToken };
}

export type SessionLookup =
  | { kind: 'active'; session: Session; actor: Actor; profile: ActorProfile }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** Sessions are touched at most once a minute, so a busy reader does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function resolveSession(deps: AppDeps, token: string): Promise<SessionLookup> {
  const found = await deps.store.sessions.findWithProfile(sha256(token));
  if (!found) return { kind: 'unknown' };
  const { session, profile } = found;
  const now = nowIso(deps);
  if (session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) {
    await deps.store.sessions.delete(session.id);
    return { kind: 'expired' };
  }
  if (Date.parse(now) - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) {
    await deps.store.sessions.touch(session.id, now, addMinutesIso(now, deps.settings.sessionIdleMinutes));
  }
  return {
    kind: 'active',
    session,
    profile,
    actor: {
      kind: 'user',
      userId: session.userId,
      via: 'session',
      ownPatientId: profile.patient?.id ?? null,
      secondFactorMissingIn: profile.memberships.filter((m) => m.secondFactorMissing).map((m) => m.organizationId),
    },
  };
}

export async function signOut(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.store.sessions.delete(sessionId);
}

export async function changePassword(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  input: { currentPassword: string; newPassword: string; keepTokenIds?: readonly string[] },
): Promise<void> {
  const userId = requireSessionUser(ctx);
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  if (!(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
    throw new AppError('password-incorrect', 'Your current password is not correct.', {
      errors: [{ pointer: '/currentPassword', detail: 'This is not your current password.' }],
    });
  }
  checkNewPassword(input.newPassword, '/newPassword');
  const hash = await deps.hasher.hash(input.newPassword);
  await deps.store.transaction(async (tx) => {
    await tx.users.updatePasswordHash(userId, hash);
    // Every other session of this account ends: whoever else had it is signed out. So does every API
    // token: a password is changed when something leaked, and a token made with it may have too.
    await tx.sessions.deleteForUser(userId, sessionId ?? undefined);
    await tx.apiTokens.revokeAllForUser(userId, nowIso(deps), input.keepTokenIds);
  });
}

/**
 * Ends every other session of the account and revokes its API tokens, except those the person names
 * to keep (a script they know is theirs): for someone who fears their account is used elsewhere but
 * whose password is not in doubt. This session stays.
 */
export async function signOutEverywhere(
  deps: AppDeps,
  ctx: RequestContext,
  sessionId: string | null,
  input: { keepTokenIds: readonly string[] },
): Promise<void> {
  const userId = requireSessionUser(ctx);
  await deps.store.transaction(async (tx) => {
    await tx.sessions.deleteForUser(userId, sessionId ?? undefined);
    await tx.apiTokens.revokeAllForUser(userId, nowIso(deps), input.keepTokenIds);
  });
}

export async function deleteAccount(deps: AppDeps, ctx: RequestContext, input: { password: string }): Promise<void> {
  const userId = requireUser(ctx);
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
    throw new AppError('password-incorrect', 'The password is not correct.', {
      errors: [{ pointer: '/password', detail: 'This is not your password.' }],
    });
  }
  await deps.store.transaction(async (tx) => {
    const patient = await tx.patients.findByUserId(userId);
    for (const m of await tx.organizations.listMembershipsOfUser(userId)) {
      if (m.role === 'admin' && (await tx.organizations.countAdmins(m.organizationId)) <= 1) {
        throw new AppError('last-admin', `You are the only admin of ${m.organizationName}. Make someone else an admin first.`);
      }
    }
    await tx.audit.append([
      auditEvent(deps, ctx, {
        actorBasis: 'owner',
        organizationId: null,
        patientId: patient?.id ?? null,
        action: 'account.delete',
        resourceType: 'user',
        resourceId: userId,
      }),
    ]);
    await tx.users.delete(userId); // cascades to sessions, tokens, the patient record and everything under it
  });
}

export async function updateProfile(deps: AppDeps, ctx: RequestContext, input: { displayName: string }): Promise<User> {
  const userId = requireUser(ctx);
  await deps.store.users.updateDisplayName(userId, input.displayName.trim());
  const user = await deps.store.users.findById(userId);
  if (!user) throw new AppError('authentication-required', 'Sign in to continue.');
  return user;
}
