// Diary entries: one row each, the validated entry as JSON beside only the columns queries filter or
// order on. Day summaries are computed from the entries when read; the change sequence is the feed's
// own maximum, taken under the patient's write lock.
import { sql } from 'kysely';
import type { DiaryStore, StoredDiaryEntry } from '../../app/ports.ts';
import type { AuditEvent } from '../../app/model.ts';
import type { DiaryEntry } from '../../domain/diary/entry.ts';
import { accumulateDays } from '../../domain/diary/day-summary.ts';
import { preparedQuery, type Executor } from './executor.ts';
import { AUDIT_COLUMNS, auditRow, INSERT_EVENT } from './audit.repository.ts';
import type { AuditEventRow } from '../schema.ts';

type EntryColumns = 'id' | 'patient_id' | 'version' | 'change_seq' | 'updated_at' | 'deleted_at' | 'body';
const ENTRY_COLUMNS: readonly EntryColumns[] = ['id', 'patient_id', 'version', 'change_seq', 'updated_at', 'deleted_at', 'body'];

const FIND_ENTRY = preparedQuery((db, a: { id: string }) => db.selectFrom('diary_entry').select(ENTRY_COLUMNS).where('id', '=', a.id));
// The unique (patient_id, change_seq) index answers this from its last key.
const LAST_CHANGE_SEQ = preparedQuery((db, a: { patientId: string }) =>
  db
    .selectFrom('diary_entry')
    .select((eb) => eb.fn.max('change_seq').as('seq'))
    .where('patient_id', '=', a.patientId),
);
const INSERT_ENTRY = preparedQuery(
  (
    db,
    a: {
      id: string;
      patientId: string;
      version: number;
      changeSeq: number;
      localDate: string;
      localTime: string;
      body: string;
      at: string;
    },
  ) =>
    db.insertInto('diary_entry').values({
      id: a.id,
      patient_id: a.patientId,
      version: a.version,
      change_seq: a.changeSeq,
      local_date: a.localDate,
      local_time: a.localTime,
      body: a.body,
      created_at: a.at,
      updated_at: a.at,
      deleted_at: null,
    }),
);
const LIST_CHANGES = preparedQuery((db, a: { patientId: string; afterSeq: number; limit: number }) =>
  db
    .selectFrom('diary_entry')
    .select(['id', 'version', 'change_seq', 'updated_at', 'deleted_at', 'body'])
    .where('patient_id', '=', a.patientId)
    .where('change_seq', '>', a.afterSeq)
    .orderBy('change_seq')
    .limit(a.limit),
);

interface CreateArgs {
  id: string;
  patientId: string;
  localDate: string;
  localTime: string;
  body: string;
  at: string;
}
interface EditArgs extends CreateArgs {
  baseVersion: number;
}
type Audited<A> = A & { [K in keyof AuditEventRow as `audit_${K}`]: AuditEventRow[K] };

// The next change sequence of the patient's feed: read inside the statement that writes it, after the
// write lock was taken (by an earlier statement, so this one's snapshot already sees the last writer's row).
const NEXT_SEQ = (patientId: unknown) =>
  sql<number>`(select coalesce(max(change_seq), 0) + 1 from diary_entry where patient_id = ${patientId})`;

// A parameter in a select list has no column to take its type from: say it is text.
const text = (value: unknown) => sql`cast(${value} as text)`;

// A new entry, unless its id is taken (then nothing is written and the caller reads what is there).
const createSql = (
  a: CreateArgs,
) => sql`insert into diary_entry (id, patient_id, version, change_seq, local_date, local_time, body, created_at, updated_at, deleted_at)
  select ${text(a.id)}, ${text(a.patientId)}, 1, coalesce(max(change_seq), 0) + 1, ${text(a.localDate)}, ${text(a.localTime)}, ${text(a.body)}, ${text(a.at)}, ${text(a.at)}, null
  from diary_entry where patient_id = ${a.patientId}
  on conflict (id) do nothing returning change_seq`;
// An edit of the version the writer saw, if that is still the live one (otherwise nothing is written).
const editSql = (a: EditArgs) => sql`update diary_entry set version = version + 1, change_seq = ${NEXT_SEQ(a.patientId)},
  local_date = ${a.localDate}, local_time = ${a.localTime}, body = ${a.body}, updated_at = ${a.at}, deleted_at = null
  where id = ${a.id} and patient_id = ${a.patientId} and version = ${a.baseVersion} and deleted_at is null returning version, change_seq`;

/** On PostgreSQL the row and its audit row go in one statement (one round trip): the audit row only if the write happened. */
const withAudit = (write: ReturnType<typeof sql>, a: Audited<object>) => sql`with w as (${write}),
  a as (insert into audit_event (${sql.join(AUDIT_COLUMNS.map((c) => sql.ref(c)))})
    select ${sql.join(AUDIT_COLUMNS.map((c) => text((a as Record<string, unknown>)[`audit_${c}`])))} from w)
  select * from w`;

const CREATE = preparedQuery((db, a: CreateArgs) => createSql(a).compile(db));
const EDIT = preparedQuery((db, a: EditArgs) => editSql(a).compile(db));
const CREATE_AUDITED = preparedQuery((db, a: Audited<CreateArgs>) => withAudit(createSql(a), a).compile(db));
const EDIT_AUDITED = preparedQuery((db, a: Audited<EditArgs>) => withAudit(editSql(a), a).compile(db));

const auditArgs = (e: AuditEvent): Audited<object> =>
  Object.fromEntries(Object.entries(auditRow(e)).map(([k, v]) => [`audit_${k}`, v])) as Audited<object>;

const toStored = (r: Pick<import('../schema.ts').DiaryEntryRow, EntryColumns>): StoredDiaryEntry => ({
  id: r.id,
  patientId: r.patient_id,
  version: r.version,
  changeSeq: Number(r.change_seq),
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  entry: r.deleted_at ? null : (JSON.parse(r.body) as DiaryEntry),
});

/** The largest change sequence the `integer` column `change_seq` holds on PostgreSQL (2^31 − 1). */
const MAX_CHANGE_SEQ = 2_147_483_647;

export function diaryRepository(db: Executor, dialect: 'sqlite' | 'postgres'): DiaryStore {
  const fields = (patientId: string, entry: DiaryEntry, at: string): CreateArgs => ({
    id: entry.id,
    patientId,
    localDate: entry.localDate,
    localTime: entry.localTime,
    body: JSON.stringify(entry),
    at,
  });
  return {
    async findEntry(id) {
      const r = await FIND_ENTRY.first(db, { id });
      return r && toStored(r);
    },
    async findEntries(ids) {
      const map = new Map<string, StoredDiaryEntry>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('diary_entry')
          .select(ENTRY_COLUMNS)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) map.set(r.id, toStored(r));
      }
      return map;
    },
    async createEntry(patientId, entry, at, audit) {
      const args = fields(patientId, entry, at);
      if (dialect === 'postgres') {
        const r = (await CREATE_AUDITED.first(db, { ...args, ...auditArgs(audit) } as Audited<CreateArgs>)) as
          | { change_seq: number }
          | undefined;
        return r && { changeSeq: Number(r.change_seq) };
      }
      const r = (await CREATE.first(db, args)) as { change_seq: number } | undefined;
      if (!r) return undefined;
      await INSERT_EVENT.run(db, auditRow(audit));
      return { changeSeq: Number(r.change_seq) };
    },
    async editEntry(patientId, entry, baseVersion, at, audit) {
      const args = { ...fields(patientId, entry, at), baseVersion };
      type Row = { version: number; change_seq: number } | undefined;
      if (dialect === 'postgres') {
        const r = (await EDIT_AUDITED.first(db, { ...args, ...auditArgs(audit) } as Audited<EditArgs>)) as Row;
        return r && { version: Number(r.version), changeSeq: Number(r.change_seq) };
      }
      const r = (await EDIT.first(db, args)) as Row;
      if (!r) return undefined;
      await INSERT_EVENT.run(db, auditRow(audit));
      return { version: Number(r.version), changeSeq: Number(r.change_seq) };
    },
    async insertEntry(patientId, entry, meta) {
      await INSERT_ENTRY.run(db, {
        id: entry.id,
        patientId,
        version: meta.version,
        changeSeq: meta.changeSeq,
        localDate: entry.localDate,
        localTime: entry.localTime,
        body: JSON.stringify(entry),
        at: meta.at,
      });
    },
    async updateEntry(patientId, entry, meta) {
      await db
        .updateTable('diary_entry')
        .set({
          version: meta.version,
          change_seq: meta.changeSeq,
          local_date: entry.localDate,
          local_time: entry.localTime,
          body: JSON.stringify(entry),
          updated_at: meta.at,
          deleted_at: null,
        })
        .where('id', '=', entry.id)
        .where('patient_id', '=', patientId)
        .execute();
    },
    async tombstone(patientId, id, meta) {
      // A deleted entry keeps its id, version and sequence (so other devices learn of the delete) but not its content.
      await db
        .updateTable('diary_entry')
        .set({ version: meta.version, change_seq: meta.changeSeq, body: 'null', updated_at: meta.at, deleted_at: meta.at })
        .where('id', '=', id)
        .where('patient_id', '=', patientId)
        .execute();
    },
    async lastChangeSeq(patientId) {
      const r = await LAST_CHANGE_SEQ.first(db, { patientId });
      return r?.seq == null ? 0 : Number(r.seq);
    },
    async listChanges(patientId, afterSeq, limit) {
      // No change has a sequence past the column's range (PostgreSQL `integer`), and asking would be an
      // out-of-range error there: a cursor that far on has nothing after it.
      if (afterSeq > MAX_CHANGE_SEQ) return [];
      // A pull reads up to a year of entries at once: rows as arrays cost a fraction of row objects.
      const rows = await LIST_CHANGES.tuples(db, { patientId, afterSeq, limit });
      return rows.map((r) => ({
        id: r[0] as string,
        version: Number(r[1]),
        changeSeq: Number(r[2]),
        updatedAt: r[3] as string,
        deleted: r[4] !== null,
        bodyJson: r[5] as string,
      }));
    },
    async listEntries(patientId, from, to) {
      const rows = await db
        .selectFrom('diary_entry')
        .select('body')
        .where('patient_id', '=', patientId)
        .where('deleted_at', 'is', null)
        .where('local_date', '>=', from)
        .where('local_date', '<=', to)
        .orderBy('local_date')
        .orderBy('local_time')
        .orderBy('id')
        .execute();
      return rows.map((r) => JSON.parse(r.body) as DiaryEntry);
    },
    async listSummaries(patientId, from, to) {
      // One range scan of the (patient_id, local_date) index; accumulateDays sorts by date, and a day's
      // accumulator is the same whatever order its entries come in.
      const rows = await db
        .selectFrom('diary_entry')
        .select('body')
        .where('patient_id', '=', patientId)
        .where('deleted_at', 'is', null)
        .where('local_date', '>=', from)
        .where('local_date', '<=', to)
        .execute();
      return [...accumulateDays(rows.map((r) => JSON.parse(r.body) as DiaryEntry)).values()];
    },
  };
}
