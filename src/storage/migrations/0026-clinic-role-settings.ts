// Frozen once shipped. What a clinic has set about its roles (the role matrix's defaults narrowed, and
// whether its nurses may order medicines and plan tapers), as JSON on the clinic: '{}' is the defaults.
// A session's profile reads it (each membership's permissions), so on PostgreSQL the trigger that
// announces profile changes from the clinic's row now fires on this column too.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function organizationTrigger(db: Kysely<unknown>, columns: string): Promise<void> {
  await sql`drop trigger painwise_profile_organization on organization`.execute(db);
  await sql
    .raw(
      `create trigger painwise_profile_organization after delete or update of ${columns} on organization for each row execute function painwise_profile_changed()`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organization')
    .addColumn('role_settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  if (isPostgres(db)) await organizationTrigger(db, 'name, require_second_factor, role_settings');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await organizationTrigger(db, 'name, require_second_factor');
  await db.schema.alterTable('organization').dropColumn('role_settings').execute();
}
