// Frozen once shipped. PostgreSQL: every change to what a session lookup reads announces itself on the
// notification channel that the serving threads listen on (see storage/session-cache.ts), from the
// database itself. Whoever makes the change — this build, an older one still serving during a rolling
// deploy, an operator's SQL, a migration — the announcement is part of its commit, delivered with it
// and never without it. SQLite serves one process, whose threads count changes in shared memory.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * What fires, per table: only the columns the lookup reads, so that a session's touch, a passkey's use
 * counter or an unconfirmed authenticator set-up does not make every thread forget its sessions.
 */
const TRIGGERS: readonly { name: string; table: string; events: string; when?: string }[] = [
  { name: 'session', table: 'session', events: 'delete or update of user_id, csrf_token, second_factor, absolute_expires_at' },
  { name: 'user_account', table: 'user_account', events: 'delete or update of email, display_name' },
  { name: 'patient', table: 'patient', events: 'insert or delete or update of user_id, display_name, time_zone' },
  { name: 'membership', table: 'membership', events: 'insert or delete or update' },
  { name: 'organization', table: 'organization', events: 'delete or update of name, require_second_factor' },
  { name: 'second_factor_insert', table: 'second_factor', events: 'insert', when: 'new.confirmed_at is not null' },
  { name: 'second_factor_confirm', table: 'second_factor', events: 'update of confirmed_at' },
  { name: 'second_factor_delete', table: 'second_factor', events: 'delete', when: 'old.confirmed_at is not null' },
  { name: 'passkey', table: 'passkey', events: 'insert or delete' },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  // Identical notifications of one transaction are delivered once, so a row trigger costs one message per commit.
  await sql`create function painwise_profile_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('painwise_profile_change', '');
      return null;
    end $$`.execute(db);
  for (const t of TRIGGERS)
    await sql
      .raw(
        `create trigger painwise_profile_${t.name} after ${t.events} on ${t.table} for each row ${t.when ? `when (${t.when}) ` : ''}execute function painwise_profile_changed()`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const t of TRIGGERS) await sql.raw(`drop trigger painwise_profile_${t.name} on ${t.table}`).execute(db);
  await sql`drop function painwise_profile_changed()`.execute(db);
}
