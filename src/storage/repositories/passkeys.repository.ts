// Passkeys of accounts and the challenges of WebAuthn ceremonies in progress.
import type { Passkey, PasskeyStore } from '../../app/passkey-store.ts';
import type { PasskeyRow } from '../schema.ts';
import type { Executor } from './executor.ts';

/** The row's columns are the passkey's fields; two are stored in another form. */
function fromRow(row: PasskeyRow): Passkey {
  return {
    ...row,
    // PostgreSQL's bigint arrives as a number (the driver's int8 parser) or, elsewhere, as text.
    counter: Number(row.counter),
    transports: JSON.parse(row.transports) as string[],
  };
}

export function passkeyRepository(db: Executor): PasskeyStore {
  return {
    async insert(p) {
      await db
        .insertInto('passkey')
        .values({
          id: p.id,
          credentialId: p.credentialId,
          userId: p.userId,
          publicKey: p.publicKey,
          counter: p.counter,
          transports: JSON.stringify(p.transports),
          name: p.name,
          createdAt: p.createdAt,
          lastUsedAt: p.lastUsedAt,
        })
        .execute();
    },
    async findByCredentialId(credentialId) {
      const row = await db.selectFrom('passkey').selectAll().where('credentialId', '=', credentialId).executeTakeFirst();
      return row && fromRow(row);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('passkey').selectAll().where('userId', '=', userId).orderBy('createdAt').orderBy('id').execute();
      return rows.map(fromRow);
    },
    async rename(userId, id, name) {
      const r = await db.updateTable('passkey').set({ name }).where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async remove(userId, id) {
      const r = await db.deleteFrom('passkey').where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async recordUse(id, from, to, at) {
      const r = await db
        .updateTable('passkey')
        .set({ counter: to, lastUsedAt: at })
        .where('id', '=', id)
        .where('counter', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async insertChallenge(c) {
      await db
        .insertInto('webauthn_challenge')
        .values({ challenge: c.challenge, purpose: c.purpose, userId: c.userId, expiresAt: c.expiresAt })
        .execute();
    },
    async takeChallenge(challenge, purpose, now) {
      const row = await db
        .deleteFrom('webauthn_challenge')
        .where('challenge', '=', challenge)
        .where('purpose', '=', purpose)
        .where('expiresAt', '>', now)
        .returning('userId')
        .executeTakeFirst();
      return row && { userId: row.userId };
    },
    async pruneChallengesBefore(at) {
      await db.deleteFrom('webauthn_challenge').where('expiresAt', '<', at).execute();
    },
  };
}
