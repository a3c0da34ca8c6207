// Frozen once shipped. Which second factor, if any, established a session: a clinic that requires two-step
// sign-in asks this of the session itself, not only whether its account has a factor somewhere.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 'totp', 'recovery-code' or 'passkey' (its sign-in, or a later re-authentication with one); null:
  // the password alone, or an e-mailed link. Sessions from before keep null: a clinic that requires the
  // factor has them prove it once more, as it cannot know how they began.
  await db.schema.alterTable('session').addColumn('second_factor', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session').dropColumn('second_factor').execute();
}
