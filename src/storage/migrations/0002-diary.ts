// Frozen. The pain diary: entries (client ids, versions, tombstones, a per-patient change sequence
// for sync), their regions and medicines as rows for queries, and day summaries kept incrementally.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('patient')
    .addColumn('diary_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('diary_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('intensity', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('diary_entry_patient_seq').on('diary_entry').columns(['patient_id', 'change_seq']).unique().execute();
  await db.schema.createIndex('diary_entry_patient_date').on('diary_entry').columns(['patient_id', 'local_date']).execute();

  await db.schema
    .createTable('entry_region')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('diary_entry.id').onDelete('cascade'))
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('intensity', 'integer')
    .addPrimaryKeyConstraint('entry_region_pk', ['entry_id', 'code'])
    .execute();
  await db.schema.createIndex('entry_region_patient_code').on('entry_region').columns(['patient_id', 'code']).execute();

  await db.schema
    .createTable('entry_medication')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('diary_entry.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('dose', 'real')
    .addColumn('unit', 'text')
    .addColumn('regimen', 'text', (c) => c.notNull())
    .addColumn('formulary_id', 'text')
    .addColumn('medication_order_id', 'text')
    .addPrimaryKeyConstraint('entry_medication_pk', ['entry_id', 'position'])
    .execute();
  await db.schema.createIndex('entry_medication_patient').on('entry_medication').columns(['patient_id', 'formulary_id']).execute();

  await db.schema
    .createTable('day_summary')
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('entry_count', 'integer', (c) => c.notNull())
    .addColumn('accumulator', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('day_summary_pk', ['patient_id', 'local_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['day_summary', 'entry_medication', 'entry_region', 'diary_entry']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('patient').dropColumn('diary_seq').execute();
}
