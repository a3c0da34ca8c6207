// Sign-up where the server sends e-mail. The answer to a sign-up must not tell whether the address
// already has an account (that would let anyone test addresses), so a new address and a taken one get
// the same answer, after the same work (a password hash, a lookup, one write), and the rest is said
// by e-mail to the address's owner: a new address gets a link that confirms it and creates the account;
// an address with an account gets a note that someone tried, with a hint to sign in instead.
import { AppError } from './errors.ts';
import { addMinutesIso, nowIso, type AppDeps, type RequestContext } from './context.ts';
import { enqueueJob } from './jobs.ts';
import { mailJobHandler, renderMail } from './mail.ts';
import { checkNewPassword } from './password-rules.ts';
import { sha256 } from './system.ts';
import { insertAccount, newAccountPatient, normalizeEmail, type SignUpInput } from './accounts.ts';
import { issueSession, type IssuedSession } from './session-issue.ts';
import { signUpThrottleKeys, takeSignUpAttempt } from './sign-up-throttle.ts';
import type { Patient } from './model.ts';

export const SIGN_UP_CONFIRM_MAIL_JOB = 'mail.sign-up-confirm';
export const SIGN_UP_EXISTING_MAIL_JOB = 'mail.sign-up-existing';

/** Starts a sign-up by e-mail; the caller answers the same whatever happened (see above). */
export async function requestSignUp(deps: AppDeps, ctx: RequestContext, input: SignUpInput): Promise<void> {
  checkNewPassword(input.password);
  const email = normalizeEmail(input.email);
  const now = nowIso(deps);
  await takeSignUpAttempt(deps, signUpThrottleKeys(email, ctx.ip), now);
  const existing = await deps.store.users.findByEmail(email);
  // Hashed whether or not it will be kept: the hash is most of the time a sign-up takes.
  const passwordHash = await deps.hasher.hash(input.password);
  if (existing) {
    await enqueueJob(deps, SIGN_UP_EXISTING_MAIL_JOB, now, { email });
    return;
  }
  const id = deps.ids.newId();
  await deps.store.transaction(async (tx) => {
    await tx.pendingSignUps.insert({
      id,
      email,
      displayName: input.displayName.trim(),
      passwordHash,
      patient: newAccountPatient(input),
      createdAt: now,
      expiresAt: addMinutesIso(now, deps.settings.signUpLinkHours * 60),
    });
    await tx.jobs.enqueue({
      id: deps.ids.newId(),
      kind: SIGN_UP_CONFIRM_MAIL_JOB,
      patientId: null,
      payload: { pendingSignUpId: id },
      runAt: now,
      createdAt: now,
    });
  });
}

/**
 * Follows a confirmation link: creates the account and signs in. The link works once and until it
 * expires; any other token is refused the same way, saying only that the link does not work.
 *
 * The password chosen at sign-up is asked for again. The link proves the mailbox, the password proves
 * the person who signed up: without it, someone who signed up with another person's address could
 * wait for its owner to follow the link, and then sign in to the account the owner goes on to fill.
 * A wrong password leaves the link working, for the owner's next try.
 */
export async function confirmSignUp(
  deps: AppDeps,
  ctx: RequestContext,
  input: { token: string; password: string },
): Promise<IssuedSession & { patient: Patient | null }> {
  const tokenHash = sha256(input.token);
  const invalid = () =>
    new AppError('sign-up-link-invalid', 'This link has expired or was already used. Sign in, or sign up again for a new link.');
  const pending = await deps.store.pendingSignUps.findByToken(tokenHash, nowIso(deps));
  if (!pending) throw invalid();
  if (!(await deps.hasher.verify(pending.passwordHash, input.password)))
    throw new AppError('password-incorrect', 'This is not the password you chose when you signed up.', {
      errors: [{ pointer: '/password', detail: 'This is not the password you chose when you signed up.' }],
    });
  const { user, patient } = await deps.store.transaction(async (tx) => {
    // Taken as it is read: of two confirmations at once, one creates the account.
    const taken = await tx.pendingSignUps.take(tokenHash, nowIso(deps));
    if (!taken) throw invalid();
    return insertAccount(deps, ctx, tx, taken);
  });
  return { ...(await issueSession(deps, user, null)), patient };
}

/**
 * The confirmation message. The link's token is made here, when the message is sent, so it is never
 * stored in clear (its hash is); a resend makes a new one and the earlier link stops working.
 */
export const confirmMailHandler = mailJobHandler(async (deps, job) => {
  const pendingSignUpId = String(job.payload.pendingSignUpId);
  const token = deps.ids.newSecret(32);
  const hours = deps.settings.signUpLinkHours;
  const email = await deps.store.pendingSignUps.setToken(pendingSignUpId, sha256(token), addMinutesIso(nowIso(deps), hours * 60));
  if (!email) return null;
  return renderMail(email, {
    subject: 'Confirm your e-mail address',
    paragraphs: [
      'Someone, probably you, asked to create an account with this e-mail address.',
      `To confirm the address and finish creating your Painwise account, follow this link within ${hours} hour${hours === 1 ? '' : 's'}. It works once.`,
    ],
    action: { label: 'Confirm my e-mail address', url: `${deps.mail.publicUrl}/verify-email#token=${token}` },
    after: ['If it was not you, ignore this message: no account is created without this link.'],
  });
});

/** The note to an address that already has an account. It says nothing about the account itself. */
export const existingAccountMailHandler = mailJobHandler(async (deps, job) => {
  const email = String(job.payload.email);
  if (!(await deps.store.users.findByEmail(email))) return null;
  return renderMail(email, {
    subject: 'Someone tried to sign up with your e-mail address',
    paragraphs: [
      'Someone, perhaps you, tried to create a new account with this e-mail address. It already has an account, so nothing was created or changed.',
      'If it was you, sign in with your existing account instead. If you no longer know its password, ask whoever runs this service to help you reset it.',
    ],
    action: { label: 'Sign in', url: `${deps.mail.publicUrl}/sign-in` },
    after: ['If it was not you, you can ignore this message: your account and password are unchanged.'],
  });
});
