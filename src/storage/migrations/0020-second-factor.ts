// Frozen once shipped. A second factor for sign-in: an authenticator app's TOTP secret per account,
// its single-use recovery codes, the short-lived step between password and code, when a session last
// proved who is behind it (for sensitive actions), and whether a clinic demands a second factor.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One authenticator per account. `confirmed_at` stays null until a first code proves the app holds
  // the secret; `last_time_step` is the 30-second step of the last code accepted, so that no code is
  // accepted twice.
  await db.schema
    .createTable('second_factor')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('user_account.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('last_time_step', 'bigint')
    .execute();
  // Recovery codes are stored only as hashes; a used one keeps its row so it can never be used again.
  await db.schema
    .createTable('recovery_code')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('recovery_code_pk', ['user_id', 'code_hash'])
    .execute();
  // A sign-in whose password was right and whose code is still to come: not a session, only the right
  // to send a code for this account for a few minutes.
  await db.schema
    .createTable('pending_sign_in')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_sign_in_user').on('pending_sign_in').column('user_id').execute();
  await db.schema.createIndex('pending_sign_in_expires').on('pending_sign_in').column('expires_at').execute();
  // When the person behind a session last typed their password or a code; null: at sign-in (created_at).
  await db.schema.alterTable('session').addColumn('authenticated_at', 'text').execute();
  await db.schema
    .alterTable('organization')
    .addColumn('require_second_factor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('require_second_factor').execute();
  await db.schema.alterTable('session').dropColumn('authenticated_at').execute();
  await db.schema.dropTable('pending_sign_in').execute();
  await db.schema.dropTable('recovery_code').execute();
  await db.schema.dropTable('second_factor').execute();
}
