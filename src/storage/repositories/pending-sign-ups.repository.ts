// Sign-ups waiting for their e-mail address to be confirmed.
import type { PendingSignUp, PendingSignUpStore } from '../../app/sign-up-store.ts';
import type { PendingSignUpRow } from '../schema.ts';
import type { Executor } from './executor.ts';

/** The row without the link's token hash (never handed out), its patient request parsed. */
function fromRow({ tokenHash: _tokenHash, patient, ...row }: PendingSignUpRow): PendingSignUp {
  return { ...row, patient: patient === null ? null : (JSON.parse(patient) as PendingSignUp['patient']) };
}

export function pendingSignUpRepository(db: Executor): PendingSignUpStore {
  return {
    async insert(p) {
      await db
        .insertInto('pending_sign_up')
        .values({
          id: p.id,
          email: p.email,
          displayName: p.displayName,
          passwordHash: p.passwordHash,
          patient: p.patient === null ? null : JSON.stringify(p.patient),
          tokenHash: null,
          createdAt: p.createdAt,
          expiresAt: p.expiresAt,
        })
        .execute();
    },
    async setToken(id, tokenHash, expiresAt) {
      const r = await db
        .updateTable('pending_sign_up')
        .set({ tokenHash, expiresAt })
        .where('id', '=', id)
        .returning('email')
        .executeTakeFirst();
      return r?.email;
    },
    async findByToken(tokenHash, now) {
      const row = await db
        .selectFrom('pending_sign_up')
        .selectAll()
        .where('tokenHash', '=', tokenHash)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async take(tokenHash, now) {
      const row = await db
        .deleteFrom('pending_sign_up')
        .where('tokenHash', '=', tokenHash)
        .where('expiresAt', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async pruneExpiredBefore(at) {
      await db.deleteFrom('pending_sign_up').where('expiresAt', '<', at).execute();
    },
  };
}
