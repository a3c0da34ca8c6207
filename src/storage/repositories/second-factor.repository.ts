// Authenticator secrets, recovery codes, pending sign-ins, session re-authentication and the clinics'
// second-factor requirement.
import { SECOND_FACTOR_ROLES } from '../../app/model.ts';
import type { SecondFactorStore } from '../../app/second-factor-store.ts';
import type { Executor } from './executor.ts';

export function secondFactorRepository(db: Executor): SecondFactorStore {
  return {
    async find(userId) {
      const r = await db
        .selectFrom('second_factor')
        .select(['secret', 'createdAt', 'confirmedAt', 'lastTimeStep'])
        .where('userId', '=', userId)
        .executeTakeFirst();
      return r && { ...r, lastTimeStep: r.lastTimeStep === null ? null : Number(r.lastTimeStep) };
    },
    async saveUnconfirmed(userId, secret, at) {
      await db.deleteFrom('recovery_code').where('userId', '=', userId).execute();
      await db.deleteFrom('second_factor').where('userId', '=', userId).where('confirmedAt', 'is', null).execute();
      await db.insertInto('second_factor').values({ userId, secret, createdAt: at, confirmedAt: null, lastTimeStep: null }).execute();
    },
    async confirm(userId, at) {
      const r = await db
        .updateTable('second_factor')
        .set({ confirmedAt: at })
        .where('userId', '=', userId)
        .where('confirmedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async useTimeStep(userId, timeStep) {
      const r = await db
        .updateTable('second_factor')
        .set({ lastTimeStep: timeStep })
        .where('userId', '=', userId)
        .where((eb) => eb.or([eb('lastTimeStep', 'is', null), eb('lastTimeStep', '<', timeStep)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async remove(userId) {
      await db.deleteFrom('recovery_code').where('userId', '=', userId).execute();
      await db.deleteFrom('second_factor').where('userId', '=', userId).execute();
    },
    async replaceRecoveryCodes(userId, codeHashes, at) {
      await db.deleteFrom('recovery_code').where('userId', '=', userId).execute();
      if (codeHashes.length === 0) return;
      await db
        .insertInto('recovery_code')
        .values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: at, usedAt: null })))
        .execute();
    },
    async useRecoveryCode(userId, codeHash, at) {
      const r = await db
        .updateTable('recovery_code')
        .set({ usedAt: at })
        .where('userId', '=', userId)
        .where('codeHash', '=', codeHash)
        .where('usedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async countUnusedRecoveryCodes(userId) {
      const r = await db
        .selectFrom('recovery_code')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('userId', '=', userId)
        .where('usedAt', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async insertPendingSignIn(tokenHash, userId, createdAt, expiresAt) {
      await db.insertInto('pending_sign_in').values({ tokenHash, userId, createdAt, expiresAt }).execute();
    },
    async findPendingSignIn(tokenHash) {
      return db.selectFrom('pending_sign_in').select(['userId', 'expiresAt']).where('tokenHash', '=', tokenHash).executeTakeFirst();
    },
    async deletePendingSignIn(tokenHash) {
      await db.deleteFrom('pending_sign_in').where('tokenHash', '=', tokenHash).execute();
    },
    async prunePendingSignInsBefore(at) {
      await db.deleteFrom('pending_sign_in').where('expiresAt', '<', at).execute();
    },
    async sessionAuthenticatedAt(sessionId) {
      const r = await db.selectFrom('session').select(['createdAt', 'authenticatedAt']).where('id', '=', sessionId).executeTakeFirst();
      return r && (r.authenticatedAt ?? r.createdAt);
    },
    async markSessionAuthenticated(sessionId, at, secondFactor) {
      // A password proves the person again but adds no factor: it never takes away one the session has.
      await db
        .updateTable('session')
        .set(secondFactor ? { authenticatedAt: at, secondFactor } : { authenticatedAt: at })
        .where('id', '=', sessionId)
        .execute();
    },
    async setOrganizationRequirement(organizationId, required) {
      await db
        .updateTable('organization')
        .set({ requireSecondFactor: required ? 1 : 0 })
        .where('id', '=', organizationId)
        .execute();
    },
    async organizationsMissingSecondFactor(userId) {
      const rows = await db
        .selectFrom('membership')
        .innerJoin('organization', 'organization.id', 'membership.organizationId')
        .select('organization.id')
        .where('membership.userId', '=', userId)
        .where('membership.role', 'in', SECOND_FACTOR_ROLES)
        .where('organization.requireSecondFactor', '=', 1)
        .where((eb) =>
          eb.not(
            eb.or([
              eb.exists(
                eb
                  .selectFrom('second_factor')
                  .select('second_factor.userId')
                  .whereRef('second_factor.userId', '=', 'membership.userId')
                  .where('second_factor.confirmedAt', 'is not', null),
              ),
              eb.exists(eb.selectFrom('passkey').select('passkey.userId').whereRef('passkey.userId', '=', 'membership.userId')),
            ]),
          ),
        )
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
