// Frozen once shipped. Passkeys (WebAuthn credentials) of accounts, and the challenges of ceremonies in
// progress. Challenges live in the database, not in a process's memory, because the options and the
// answer of one ceremony may reach different server processes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('passkey')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The credential id as base64url, as the authenticator names it in every assertion; it may be long,
    // so addresses (renaming, removing) use the row's own id instead.
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    // The COSE public key as base64url: text on both engines, like every other value.
    .addColumn('public_key', 'text', (c) => c.notNull())
    // The authenticator's signature counter is an unsigned 32-bit number: past PostgreSQL's integer.
    .addColumn('counter', 'bigint', (c) => c.notNull())
    // JSON array of transport hints (internal, usb, hybrid, …), given back to the browser.
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkey_user').on('passkey').column('user_id').execute();

  await db.schema
    .createTable('webauthn_challenge')
    .addColumn('challenge', 'text', (c) => c.primaryKey())
    // 'register' or 'sign-in': a challenge made for one ceremony is never accepted by the other.
    .addColumn('purpose', 'text', (c) => c.notNull())
    // Registration: the account the passkey is being added to. Sign-in: null (the passkey says whose).
    .addColumn('user_id', 'text', (c) => c.references('user_account.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // Housekeeping deletes the expired ones.
  await db.schema.createIndex('webauthn_challenge_expires').on('webauthn_challenge').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webauthn_challenge').execute();
  await db.schema.dropTable('passkey').execute();
}
