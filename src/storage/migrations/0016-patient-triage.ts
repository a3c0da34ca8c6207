// Frozen once shipped. One row per patient summarising what a clinic's panel sorts and filters on,
// derived from the patient's records off the write path and rebuildable from them at any time
// (deleting every row loses nothing: the panel shows "not summarised yet" until they are refreshed).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('patient_triage')
    .addColumn('patient_id', 'text', (c) => c.primaryKey().references('patient.id').onDelete('cascade'))
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('last_entry_date', 'text')
    .addColumn('pain_recent', 'double precision')
    .addColumn('pain_baseline', 'double precision')
    .addColumn('pain_change', 'text')
    .addColumn('peg_score', 'double precision')
    .addColumn('peg_at', 'text')
    .addColumn('peg_change', 'text')
    .addColumn('mme_per_day', 'double precision')
    .addColumn('mme_not_calculable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('due_count', 'integer', (c) => c.notNull())
    .addColumn('overdue_count', 'integer', (c) => c.notNull())
    .addColumn('worsening', 'integer', (c) => c.notNull())
    .addColumn('lapsed', 'integer', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .execute();
  // The periodic refresh looks for the oldest rows first.
  await db.schema.createIndex('patient_triage_computed').on('patient_triage').columns(['computed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('patient_triage').execute();
}
