// Frozen once shipped. The care plan: conditions, medication orders, procedures, conservative-care history
// and taper plans as small versioned documents of a patient (the shape of 0003), and the care plan as
// an append-only list of versions (a save never overwrites: each one is a new row).
import type { Kysely } from 'kysely';

export const CLINICAL_RECORD_TABLES = ['condition', 'medication_order', 'clinical_procedure', 'conservative_care', 'taper_plan'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of CLINICAL_RECORD_TABLES) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('sort_at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex(`${table}_patient_sort`).on(table).columns(['patient_id', 'sort_at']).execute();
  }

  await db.schema
    .createTable('care_plan_version')
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_plan_version_pk', ['patient_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('care_plan_version').execute();
  for (const table of [...CLINICAL_RECORD_TABLES].reverse()) await db.schema.dropTable(table).execute();
}
