// Frozen once shipped. API tokens gain limits: read-only or read-write, a list of patients (JSON
// array of ids; null for every patient the owner may reach) and an optional expiry. Tokens made
// before could read and write every patient of their owner without end, so they keep exactly that.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_token')
    .addColumn('access', 'text', (c) => c.notNull().defaultTo(sql`'read-write'`))
    .execute();
  await db.schema.alterTable('api_token').addColumn('patient_ids', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('expires_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['expires_at', 'patient_ids', 'access']) await db.schema.alterTable('api_token').dropColumn(column).execute();
}
