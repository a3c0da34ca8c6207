// Frozen once shipped. A diary write does the least durable work: the entry row and its audit row.
// - Regions and medicines live in the entry's body; their per-row copies had no reader: dropped.
// - Day summaries are computed from the entries when read: the stored ones are dropped.
// - The change sequence is the feed's own maximum (the unique (patient_id, change_seq) index), taken
//   under the patient's write lock, so the counter on the patient row goes. Every sequence handed out
//   to a client is one an entry had, and an entry's sequence only grows, so the maximum is never
//   below a cursor any device holds.
// - Time zone, recorded-at, intensity and author are in the body and no query filters on them.
// - Audit events: on SQLite the table is keyed by its id alone (no hidden rowid beside a second
//   b-tree for the key). The two reading indexes (a patient's log, a clinic's log) hold only rows
//   their readers can ask for: a patient's own writes, which carry no clinic, no longer touch the
//   clinic index.
// Every entry and audit row stays, with its id and content.
//
// `down` rebuilds the previous form from the bodies (what the previous version derived from them),
// so a database can go back one version.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { accumulateDays } from '../../domain/diary/day-summary.ts';
import type { DiaryEntry } from '../../domain/diary/entry.ts';

const DUPLICATED_IN_BODY = ['time_zone', 'recorded_at', 'intensity', 'entered_by'] as const;
const AUDIT_COLUMNS = 'id, at, actor_user_id, actor_basis, organization_id, patient_id, action, resource_type, resource_id, request_id';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function auditIndexes(db: Kysely<unknown>, partial: boolean): Promise<void> {
  for (const [name, column] of [
    ['audit_event_patient', 'patient_id'],
    ['audit_event_org', 'organization_id'],
  ] as const) {
    let index = db.schema.createIndex(name).on('audit_event').columns([column, 'id']);
    if (partial) index = index.where(sql.ref(column), 'is not', null);
    await index.execute();
  }
}

/** On SQLite a table's storage cannot change in place: a new table takes the rows, then the name. */
async function rebuildSqliteAudit(db: Kysely<unknown>, withoutRowid: boolean): Promise<void> {
  let table = db.schema
    .createTable('audit_event_next')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_basis', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('patient_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('request_id', 'text');
  if (withoutRowid) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  await sql`insert into audit_event_next (${sql.raw(AUDIT_COLUMNS)}) select ${sql.raw(AUDIT_COLUMNS)} from audit_event`.execute(db);
  await db.schema.dropTable('audit_event').execute();
  await db.schema.alterTable('audit_event_next').renameTo('audit_event').execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of ['day_summary', 'entry_medication', 'entry_region']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('patient').dropColumn('diary_seq').execute();
  // One column per statement: SQLite drops one at a time.
  for (const c of DUPLICATED_IN_BODY) await db.schema.alterTable('diary_entry').dropColumn(c).execute();

  for (const name of ['audit_event_patient', 'audit_event_org']) await db.schema.dropIndex(name).execute();
  if (!isPostgres(db)) await rebuildSqliteAudit(db, true);
  await auditIndexes(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['audit_event_patient', 'audit_event_org']) await db.schema.dropIndex(name).execute();
  if (!isPostgres(db)) await rebuildSqliteAudit(db, false);
  await auditIndexes(db, false);

  // The previous columns were NOT NULL; a tombstone's are no longer known (its body is gone), so it
  // takes the column defaults — nothing ever read them off a tombstone.
  await db.schema
    .alterTable('diary_entry')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('diary_entry')
    .addColumn('recorded_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('diary_entry')
    .addColumn('intensity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('diary_entry')
    .addColumn('entered_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('patient')
    .addColumn('diary_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update patient set diary_seq = coalesce((select max(change_seq) from diary_entry where diary_entry.patient_id = patient.id), 0)`.execute(
    db,
  );

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

  const pg = isPostgres(db);
  const field = (path: string) => (pg ? sql`(body::json #>> ${`{${path}}`})` : sql`json_extract(body, ${`$.${path}`})`);
  await sql`update diary_entry set time_zone = ${field('timeZone')}, recorded_at = ${field('recordedAt')},
    intensity = cast(${field('intensity')} as integer), entered_by = ${field(pg ? 'provenance,enteredBy' : 'provenance.enteredBy')} where deleted_at is null`.execute(
    db,
  );

  const { rows } = await sql<{ id: string; patient_id: string; body: string; updated_at: string }>`
    select id, patient_id, body, updated_at from diary_entry where deleted_at is null order by patient_id, local_date`.execute(db);
  const regions: unknown[][] = [];
  const medicines: unknown[][] = [];
  const byPatient = new Map<string, { entry: DiaryEntry; updatedAt: string }[]>();
  for (const r of rows) {
    const entry = JSON.parse(r.body) as DiaryEntry;
    for (const g of entry.regions) regions.push([r.id, r.patient_id, g.code, g.intensity]);
    for (const [position, m] of entry.medicines.entries()) {
      medicines.push([r.id, position, r.patient_id, m.name, m.dose, m.unit, m.regimen, m.formularyId ?? null, m.medicationOrderId ?? null]);
    }
    byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), { entry, updatedAt: r.updated_at }]);
  }
  const summaries: unknown[][] = [];
  for (const [patientId, list] of byPatient) {
    for (const [date, accumulator] of accumulateDays(list.map((x) => x.entry))) {
      const updatedAt = list
        .filter((x) => x.entry.localDate === date)
        .map((x) => x.updatedAt)
        .sort()
        .at(-1)!;
      summaries.push([patientId, date, accumulator.entryCount, JSON.stringify(accumulator), updatedAt]);
    }
  }
  await insertRows(db, 'entry_region', 'entry_id, patient_id, code, intensity', regions);
  await insertRows(
    db,
    'entry_medication',
    'entry_id, position, patient_id, name, dose, unit, regimen, formulary_id, medication_order_id',
    medicines,
  );
  await insertRows(db, 'day_summary', 'patient_id, local_date, entry_count, accumulator, updated_at', summaries);
}

/** Multi-row inserts of at most 100 rows (well under either engine's limit on bound parameters). */
async function insertRows(db: Kysely<unknown>, table: string, columns: string, rows: readonly unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    const values = rows.slice(i, i + 100).map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`);
    await sql`insert into ${sql.table(table)} (${sql.raw(columns)}) values ${sql.join(values)}`.execute(db);
  }
}
