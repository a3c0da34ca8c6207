// Frozen once shipped. Browsers that have signed in to an account before: each holds a random token
// in a cookie, stored here only as its SHA-256, so that failed sign-ins by strangers (elsewhere, or
// behind the same address) never slow the account's owner on a device they already used.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('known_device')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();
  // Deleting an account cascades through user_id; housekeeping forgets devices unused the longest.
  await db.schema.createIndex('known_device_user').on('known_device').column('user_id').execute();
  await db.schema.createIndex('known_device_last_used').on('known_device').column('last_used_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('known_device').execute();
}
