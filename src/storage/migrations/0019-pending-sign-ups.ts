// Frozen once shipped. Sign-ups waiting for their e-mail address to be confirmed (only where the server
// sends e-mail). Nothing becomes an account until its link is followed, so an address typed by someone
// else never blocks its owner, and every other part of the app sees only confirmed accounts.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_sign_up')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    // The patient record asked for with the account, as JSON text; null for none.
    .addColumn('patient', 'text')
    // SHA-256 of the link's token, set when the e-mail is sent (the token itself is never stored).
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // Housekeeping deletes the expired ones.
  await db.schema.createIndex('pending_sign_up_expires').on('pending_sign_up').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pending_sign_up').execute();
}
