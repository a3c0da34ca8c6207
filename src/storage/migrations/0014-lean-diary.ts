// Frozen once shipped. A diary write does the least durable work: the entry row and its audit row.
// - Regions and medicines live in the entry's body; their per-row copies had no reader: dropped.
// - Day summaries are computed from the entries when read: the stored ones are dropped.
// - The change sequence is the feed's own maximum (the unique (patient_id, change_seq) index), taken
//   under the patient's write lock, so the counter on the patient row goes. Every sequence handed out
//   to a client is one an entry had, and an entry's sequence only grows, so the maximum is never
//   below a cursor any device holds.
// - Time zone, recorded-at, intensity and author are in the body and no query filters on them.
// Every entry row stays, with its id, version, sequence and body.
import type { Kysely } from 'kysely';

const DUPLICATED_IN_BODY = ['time_zone', 'recorded_at', 'intensity', 'entered_by'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const t of ['day_summary', 'entry_medication', 'entry_region']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('patient').dropColumn('diary_seq').execute();
  // One column per statement: SQLite drops one at a time.
  for (const c of DUPLICATED_IN_BODY) await db.schema.alterTable('diary_entry').dropColumn(c).execute();
}

export async function down(): Promise<void> {
  // Not reversible in place: the dropped rows and columns were copies of what each entry's body holds,
  // and the version before this one would need its day summaries rebuilt from the entries.
  throw new Error('Migration 0014-lean-diary cannot be undone; restore a backup taken before it.');
}
