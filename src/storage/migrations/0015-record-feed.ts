// Frozen once shipped. One table for every versioned record of a patient (diary entries, flares, block
// diaries, conditions, medication orders, procedures, conservative care, taper plans, the naloxone
// check), so that one per-patient change feed covers them all: `change_seq` is unique per patient
// across kinds (the unique (patient_id, change_seq) index), and each write takes the feed's maximum
// plus one under the patient's write lock, as the diary did alone before.
// - A row is the validated body (JSON text, copied as it was) beside only what queries filter or order
//   on: the kind, the patient, the sort key (a diary entry's local date and time, `YYYY-MM-DDTHH:MM`,
//   so a day-summary read stays one range scan), the change sequence, the version and the tombstone.
// - Diary entries keep their change sequences, so every cursor a device holds still means what it
//   meant. The other records had none: each patient's get the numbers after their diary's last,
//   in the order they were last written.
// Every record stays, with its id, version, times and body.
//
// `down` splits the table back into the tables of the previous version.
import { sql, type Kysely } from 'kysely';

/** The table each kind lived in before, and its kind (the audit resource type, the feed's `kind`). */
const KIND_TABLES = [
  ['flare', 'flare'],
  ['block_diary', 'block_diary'],
  ['condition', 'condition'],
  ['medication_order', 'medication_order'],
  ['clinical_procedure', 'procedure'],
  ['conservative_care', 'conservative_care'],
  ['taper_plan', 'taper_plan'],
  ['naloxone_check', 'naloxone_check'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('versioned_record')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addPrimaryKeyConstraint('versioned_record_pk', ['kind', 'id'])
    .execute();

  await sql`insert into versioned_record (kind, id, patient_id, version, change_seq, sort_key, body, created_at, updated_at, deleted_at)
    select 'diary_entry', id, patient_id, version, change_seq, local_date || 'T' || local_time, body, created_at, updated_at, deleted_at
    from diary_entry`.execute(db);
  const others = sql.join(
    KIND_TABLES.map(
      ([table, kind]) =>
        sql`select ${sql.lit(kind)} as kind, id, patient_id, version, sort_at, body, created_at, updated_at, deleted_at from ${sql.table(table)}`,
    ),
    sql` union all `,
  );
  await sql`insert into versioned_record (kind, id, patient_id, version, change_seq, sort_key, body, created_at, updated_at, deleted_at)
    select r.kind, r.id, r.patient_id, r.version,
      coalesce((select max(d.change_seq) from diary_entry d where d.patient_id = r.patient_id), 0)
        + row_number() over (partition by r.patient_id order by r.updated_at, r.kind, r.id),
      r.sort_at, r.body, r.created_at, r.updated_at, r.deleted_at
    from (${others}) r`.execute(db);

  await db.schema.dropTable('diary_entry').execute();
  for (const [table] of KIND_TABLES) await db.schema.dropTable(table).execute();

  // The feed (a pull, and the next sequence: the last key of the patient's range).
  await db.schema
    .createIndex('versioned_record_patient_seq')
    .on('versioned_record')
    .columns(['patient_id', 'change_seq'])
    .unique()
    .execute();
  // Lists and date ranges of one kind read only live rows.
  await db.schema
    .createIndex('versioned_record_live')
    .on('versioned_record')
    .columns(['patient_id', 'kind', 'sort_key'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('diary_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('diary_entry_patient_seq').on('diary_entry').columns(['patient_id', 'change_seq']).unique().execute();
  await db.schema.createIndex('diary_entry_patient_date').on('diary_entry').columns(['patient_id', 'local_date']).execute();
  // The date is the key's first ten characters, the time what follows the `T`.
  await sql`insert into diary_entry (id, patient_id, version, change_seq, local_date, local_time, body, created_at, updated_at, deleted_at)
    select id, patient_id, version, change_seq, substr(sort_key, 1, 10), substr(sort_key, 12), body, created_at, updated_at, deleted_at
    from versioned_record where kind = 'diary_entry'`.execute(db);

  for (const [table, kind] of KIND_TABLES) {
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
    if (table === 'naloxone_check') await db.schema.createIndex('naloxone_check_patient').on(table).columns(['patient_id']).execute();
    else await db.schema.createIndex(`${table}_patient_sort`).on(table).columns(['patient_id', 'sort_at']).execute();
    await sql`insert into ${sql.table(table)} (id, patient_id, version, sort_at, body, created_at, updated_at, deleted_at)
      select id, patient_id, version, sort_key, body, created_at, updated_at, deleted_at from versioned_record where kind = ${kind}`.execute(
      db,
    );
  }
  await db.schema.dropTable('versioned_record').execute();
}
