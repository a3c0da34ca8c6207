// Frozen. Instrument licences per organization (who confirmed the licence and when) and instrument
// assignments: the schedule a clinician (or, for their own reminders, the patient) set, the next occurrence the job runner will materialise, and
// the materialised due items (one per assignment and due time, completed by a response).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('instrument_licence')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('enabled_by', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('instrument_licence_pk', ['organization_id', 'instrument_id'])
    .execute();
  await db.schema
    .createTable('instrument_assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('schedule', 'text', (c) => c.notNull())
    .addColumn('next_due_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('instrument_assignment_patient').on('instrument_assignment').columns(['patient_id', 'created_at']).execute();
  await db.schema
    .createTable('instrument_due')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('instrument_assignment.id').onDelete('cascade'))
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('response_id', 'text')
    .addUniqueConstraint('instrument_due_once', ['assignment_id', 'due_at'])
    .execute();
  await db.schema.createIndex('instrument_due_patient').on('instrument_due').columns(['patient_id', 'instrument_id', 'due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instrument_due').execute();
  await db.schema.dropTable('instrument_assignment').execute();
  await db.schema.dropTable('instrument_licence').execute();
}
