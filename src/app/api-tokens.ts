// API tokens for scripts: made and managed only with a session, each limited to reading or to
// reading and writing, to some or all of its owner's patients, and optionally until an expiry.
import { AppError, invalid } from './errors.ts';
import { nowIso, type AppDeps, type RequestContext } from './context.ts';
import { requireSessionUser, requireUser } from './access.ts';
import type { ApiToken, ApiTokenAccess } from './model.ts';
import { decidePatientAccess, isActive, type Actor } from './policy.ts';
import { sha256 } from './system.ts';

const TOKEN_PREFIX = 'pw_';

/** The longest a token may be made to last when it is given an expiry: a year, then make a new one. */
export const API_TOKEN_MAX_LIFETIME_DAYS = 365;

/** Last use is written at most this often, so that a busy script does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

const DAY_MS = 86_400_000;

export interface CreateApiTokenInput {
  readonly name: string;
  readonly access?: ApiTokenAccess;
  /** `null` or absent: every patient the owner may reach, now and later. */
  readonly patientIds?: readonly string[] | null;
  readonly expiresAt?: string | null;
}

export async function createApiToken(
  deps: AppDeps,
  ctx: RequestContext,
  input: CreateApiTokenInput,
): Promise<{ token: string; apiToken: ApiToken }> {
  const userId = requireSessionUser(ctx);
  const now = nowIso(deps);
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt !== null) {
    const ms = Date.parse(expiresAt) - Date.parse(now);
    if (!(ms > 0)) throw invalid('The token', [{ pointer: '/expiresAt', detail: 'Choose an expiry in the future.' }]);
    if (ms > API_TOKEN_MAX_LIFETIME_DAYS * DAY_MS)
      throw invalid('The token', [{ pointer: '/expiresAt', detail: `A token can last at most ${API_TOKEN_MAX_LIFETIME_DAYS} days.` }]);
  }
  const patientIds = input.patientIds ? [...new Set(input.patientIds)] : null;
  for (const patientId of patientIds ?? []) {
    // Any link to the patient will do (a write-only caregiver may want a token for the diary); the
    // token's own access is still checked against that link on every use.
    const facts = await deps.store.patients.loadAccessFacts(patientId, userId);
    const decision = decidePatientAccess({ kind: 'user', userId, via: 'session' }, 'read', facts, now);
    if (!decision.allowed && decision.refusal === 'not-found')
      throw new AppError('token-patient-not-accessible', 'The token names a patient you do not have access to.', {
        errors: [{ pointer: `/patientIds/${input.patientIds!.indexOf(patientId)}`, detail: 'You do not have access to this patient.' }],
      });
  }
  const token = TOKEN_PREFIX + deps.ids.newSecret(32);
  const apiToken: ApiToken = {
    id: deps.ids.newId(),
    userId,
    name: input.name.trim(),
    createdAt: now,
    lastUsedAt: null,
    revokedAt: null,
    // Least privilege: a token reads only, unless its owner asks for more.
    access: input.access ?? 'read',
    patientIds,
    expiresAt,
  };
  await deps.store.apiTokens.insert(apiToken, sha256(token));
  return { token, apiToken };
}

export async function listApiTokens(deps: AppDeps, ctx: RequestContext): Promise<readonly ApiToken[]> {
  return deps.store.apiTokens.listForUser(requireUser(ctx));
}

export async function revokeApiToken(deps: AppDeps, ctx: RequestContext, tokenId: string): Promise<void> {
  if (!(await deps.store.apiTokens.revoke(requireUser(ctx), tokenId, nowIso(deps))))
    throw new AppError('not-found', 'No active token with this id.');
}

/** The actor a bearer token stands for, with the token's limits; `undefined` when revoked, expired or unknown. */
export async function resolveApiToken(deps: AppDeps, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const found = await deps.store.apiTokens.findActiveByHash(sha256(token));
  const now = nowIso(deps);
  if (!found || !isActive(found, now)) return undefined;
  if (!found.lastUsedAt || Date.parse(now) - Date.parse(found.lastUsedAt) >= TOUCH_INTERVAL_MS)
    await deps.store.apiTokens.touch(found.id, now);
  // A clinic's second-factor requirement holds for its members' scripts as it does for their sessions.
  const secondFactorMissingIn = await deps.store.secondFactors.organizationsMissingSecondFactor(found.userId);
  return {
    kind: 'user',
    userId: found.userId,
    via: 'token',
    tokenLimits: { access: found.access, patientIds: found.patientIds },
    secondFactorMissingIn,
  };
}
