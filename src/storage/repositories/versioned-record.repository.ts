// The record engine's storage: every versioned record of a patient in one table (`versioned_record`),
// each row the validated JSON body beside only what queries filter or order on — kind, patient, sort
// key, change sequence, version, tombstone. One table is what makes one change feed per patient: a
// write takes the feed's own maximum plus one (the unique (patient_id, change_seq) index answers it)
// inside the statement that writes the row, under the patient's write lock.
//
// A create or an edit is one conditional statement; on PostgreSQL its audit row goes in the same
// statement (a CTE that inserts it only if the write happened), so the whole transaction is BEGIN, the
// patient lock, the write, COMMIT. On SQLite (in process, no round trips) the audit row follows.
import { sql, type RawBuilder } from 'kysely';
import type { AuditEvent } from '../../app/model.ts';
import type { RecordChange, RecordFeedStore, RecordStore, StoredRecord } from '../../app/record-store.ts';
import type { AuditEventRow, VersionedRecordRow } from '../schema.ts';
import { AUDIT_COLUMNS, INSERT_EVENT } from './audit.repository.ts';
import { preparedQuery, type Executor } from './executor.ts';

type Dialect = 'sqlite' | 'postgres';
type Columns = 'id' | 'patientId' | 'version' | 'changeSeq' | 'updatedAt' | 'deletedAt' | 'body';
const COLUMNS: readonly Columns[] = ['id', 'patientId', 'version', 'changeSeq', 'updatedAt', 'deletedAt', 'body'];

const toRecord = <T>(r: Pick<VersionedRecordRow, Columns>): StoredRecord<T> => ({
  id: r.id,
  patientId: r.patientId,
  version: Number(r.version),
  changeSeq: Number(r.changeSeq),
  updatedAt: r.updatedAt,
  deletedAt: r.deletedAt,
  body: JSON.parse(r.body) as T,
});

const FIND = preparedQuery((db, a: { kind: string; id: string }) =>
  db.selectFrom('versioned_record').select(COLUMNS).where('kind', '=', a.kind).where('id', '=', a.id),
);
const LIST = preparedQuery((db, a: { kind: string; patientId: string; limit: number }) =>
  db
    .selectFrom('versioned_record')
    .select(COLUMNS)
    .where('patientId', '=', a.patientId)
    .where('kind', '=', a.kind)
    .where('deletedAt', 'is', null)
    .orderBy('sortKey', 'desc')
    .orderBy('id', 'desc')
    .limit(a.limit),
);
// One range scan of the live-rows index (patient, kind, sort key).
const BETWEEN = preparedQuery((db, a: { kind: string; patientId: string; from: string; to: string }) =>
  db
    .selectFrom('versioned_record')
    .select('body')
    .where('patientId', '=', a.patientId)
    .where('kind', '=', a.kind)
    .where('deletedAt', 'is', null)
    .where('sortKey', '>=', a.from)
    .where('sortKey', '<', a.to)
    .orderBy('sortKey')
    .orderBy('id'),
);
// One field of each record over the same range scan, read by the database (SQLite's json_extract,
// PostgreSQL's #>> on the text cast to json): a trend reads one number of thousands of entries, and
// parsing every body in JavaScript was most of its time. One prepared query per field path, and paths
// are fixed in code, so their number is bounded. No order is asked for: the values are bucketed by
// date, and sorting thousands of rows was work for nothing.
const fieldQueries = new Map<string, ReturnType<typeof fieldQuery>>();
function fieldQuery(dialect: Dialect, path: readonly string[]) {
  if (!path.every((p) => /^[A-Za-z]+$/.test(p))) throw new Error(`not a field path: ${path.join('.')}`);
  const field =
    dialect === 'sqlite'
      ? sql<unknown>`json_extract(body, ${sql.lit(`$.${path.join('.')}`)})`
      : sql<unknown>`(body::json) #>> ${sql.lit(`{${path.join(',')}}`)}`;
  return preparedQuery((db, a: { kind: string; patientId: string; from: string; to: string }) =>
    db
      .selectFrom('versioned_record')
      .select(['sortKey', field.as('value')])
      .where('patientId', '=', a.patientId)
      .where('kind', '=', a.kind)
      .where('deletedAt', 'is', null)
      .where('sortKey', '>=', a.from)
      .where('sortKey', '<', a.to),
  );
}
function fieldQueryFor(dialect: Dialect, path: readonly string[]) {
  const key = `${dialect}:${path.join('.')}`;
  let q = fieldQueries.get(key);
  if (!q) fieldQueries.set(key, (q = fieldQuery(dialect, path)));
  return q;
}
// The unique (patient_id, change_seq) index answers this from its last key.
const LAST_CHANGE_SEQ = preparedQuery((db, a: { patientId: string }) =>
  db
    .selectFrom('versioned_record')
    .select((eb) => eb.fn.max('changeSeq').as('seq'))
    .where('patientId', '=', a.patientId),
);
const CHANGES = preparedQuery((db, a: { patientId: string; afterSeq: number; limit: number }) =>
  db
    .selectFrom('versioned_record')
    .select(['kind', 'id', 'version', 'changeSeq', 'updatedAt', 'deletedAt', 'body'])
    .where('patientId', '=', a.patientId)
    .where('changeSeq', '>', a.afterSeq)
    .orderBy('changeSeq')
    .limit(a.limit),
);
const CHANGES_OF_KIND = preparedQuery((db, a: { patientId: string; afterSeq: number; kind: string; limit: number }) =>
  db
    .selectFrom('versioned_record')
    .select(['kind', 'id', 'version', 'changeSeq', 'updatedAt', 'deletedAt', 'body'])
    .where('patientId', '=', a.patientId)
    .where('changeSeq', '>', a.afterSeq)
    .where('kind', '=', a.kind)
    .orderBy('changeSeq')
    .limit(a.limit),
);

interface WriteArgs {
  kind: string;
  id: string;
  patientId: string;
  sortKey: string;
  body: string;
  at: string;
}
interface EditArgs extends WriteArgs {
  baseVersion: number;
}
interface DeleteArgs {
  kind: string;
  id: string;
  patientId: string;
  baseVersion: number;
  at: string;
}
type Audited<A> = A & { [K in keyof AuditEventRow as `audit_${K}`]: AuditEventRow[K] };

// The patient's next change sequence: read inside the statement that writes it, after the write lock
// was taken by an earlier statement, so this one's snapshot already sees the last writer's row.
const NEXT_SEQ = (patientId: unknown) =>
  sql<number>`(select coalesce(max(change_seq), 0) + 1 from versioned_record where patient_id = ${patientId})`;

// A parameter in a select list has no column to take its type from: say it is text.
const text = (value: unknown) => sql`cast(${value} as text)`;

// A new record, unless its id is taken for its kind (then nothing is written and the caller reads what is there).
const createSql = (a: WriteArgs) => sql`insert into versioned_record
    (kind, id, patient_id, version, change_seq, sort_key, body, created_at, updated_at, deleted_at)
  select ${text(a.kind)}, ${text(a.id)}, ${text(a.patientId)}, 1, coalesce(max(change_seq), 0) + 1, ${text(a.sortKey)},
    ${text(a.body)}, ${text(a.at)}, ${text(a.at)}, null
  from versioned_record where patient_id = ${a.patientId}
  on conflict (kind, id) do nothing returning version, change_seq`;
// An edit of the version the writer saw, if that is still the live one and the body changes.
const editSql = (a: EditArgs) => sql`update versioned_record set version = version + 1, change_seq = ${NEXT_SEQ(a.patientId)},
    sort_key = ${a.sortKey}, body = ${a.body}, updated_at = ${a.at}
  where kind = ${a.kind} and id = ${a.id} and patient_id = ${a.patientId} and version = ${a.baseVersion}
    and deleted_at is null and body <> ${a.body}
  returning version, change_seq`;
// A tombstone keeps the id, the version and the place in the feed, not the content.
const deleteSql = (a: DeleteArgs) => sql`update versioned_record set version = version + 1, change_seq = ${NEXT_SEQ(a.patientId)},
    body = 'null', updated_at = ${a.at}, deleted_at = ${a.at}
  where kind = ${a.kind} and id = ${a.id} and patient_id = ${a.patientId} and version = ${a.baseVersion} and deleted_at is null
  returning version, change_seq`;

/** On PostgreSQL the row and its audit row go in one statement (one round trip): the audit row only if the write happened. */
const withAudit = (write: RawBuilder<unknown>, a: object) => sql`with w as (${write}),
  a as (insert into audit_event (${sql.join(AUDIT_COLUMNS.map((c) => sql.ref(c)))})
    select ${sql.join(AUDIT_COLUMNS.map((c) => text((a as Record<string, unknown>)[`audit_${c}`])))} from w)
  select * from w`;

const CREATE = preparedQuery((db, a: WriteArgs) => createSql(a).compile(db));
const EDIT = preparedQuery((db, a: EditArgs) => editSql(a).compile(db));
const DELETE = preparedQuery((db, a: DeleteArgs) => deleteSql(a).compile(db));
const CREATE_AUDITED = preparedQuery((db, a: Audited<WriteArgs>) => withAudit(createSql(a), a).compile(db));
const EDIT_AUDITED = preparedQuery((db, a: Audited<EditArgs>) => withAudit(editSql(a), a).compile(db));
const DELETE_AUDITED = preparedQuery((db, a: Audited<DeleteArgs>) => withAudit(deleteSql(a), a).compile(db));

const auditArgs = (e: AuditEvent) => Object.fromEntries(AUDIT_COLUMNS.map((c) => [`audit_${c}`, e[c]]));

type Written = { version: number; changeSeq: number } | undefined;
/** Runs a write and, if it wrote, its audit event: in the same statement on PostgreSQL, the next one on SQLite. */
async function written<A extends object>(
  db: Executor,
  dialect: Dialect,
  plain: { first(db: Executor, a: A): Promise<unknown> },
  audited: { first(db: Executor, a: Audited<A>): Promise<unknown> },
  args: A,
  audit: AuditEvent | null,
): Promise<{ version: number; changeSeq: number } | undefined> {
  let r: Written;
  if (audit && dialect === 'postgres') r = (await audited.first(db, { ...args, ...auditArgs(audit) } as Audited<A>)) as Written;
  else {
    r = (await plain.first(db, args)) as Written;
    if (r && audit) await INSERT_EVENT.run(db, audit);
  }
  return r && { version: Number(r.version), changeSeq: Number(r.changeSeq) };
}

/** The records of one kind (`kind` is the audit resource type, and the feed's name for it). */
export function versionedRecordRepository<T>(db: Executor, dialect: Dialect, kind: string): RecordStore<T> {
  return {
    async find(id) {
      const r = await FIND.first(db, { kind, id });
      return r && toRecord<T>(r);
    },
    async findMany(ids) {
      const map = new Map<string, StoredRecord<T>>();
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db
          .selectFrom('versioned_record')
          .select(COLUMNS)
          .where('kind', '=', kind)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) map.set(r.id, toRecord<T>(r));
      }
      return map;
    },
    async create(patientId, id, body, sortKey, at, audit) {
      const args = { kind, id, patientId, sortKey, body: JSON.stringify(body), at };
      const r = await written(db, dialect, CREATE, CREATE_AUDITED, args, audit);
      return r && { changeSeq: r.changeSeq };
    },
    edit(patientId, id, body, sortKey, baseVersion, at, audit) {
      const args = { kind, id, patientId, sortKey, body: JSON.stringify(body), at, baseVersion };
      return written(db, dialect, EDIT, EDIT_AUDITED, args, audit);
    },
    async softDelete(patientId, id, baseVersion, at, audit) {
      const r = await written(db, dialect, DELETE, DELETE_AUDITED, { kind, id, patientId, baseVersion, at }, audit);
      return r && { changeSeq: r.changeSeq };
    },
    async list(patientId, limit) {
      return (await LIST.rows(db, { kind, patientId, limit })).map((r) => toRecord<T>(r));
    },
    async listBetween(patientId, from, to) {
      return (await BETWEEN.rows(db, { kind, patientId, from, to })).map((r) => JSON.parse(r.body) as T);
    },
    async fieldBetween(patientId, from, to, path) {
      return (await fieldQueryFor(dialect, path).tuples(db, { kind, patientId, from, to })) as [string, unknown][];
    },
  };
}

/** The largest change sequence the `integer` column `change_seq` holds on PostgreSQL (2^31 − 1). */
const MAX_CHANGE_SEQ = 2_147_483_647;

export function recordFeedRepository(db: Executor): RecordFeedStore {
  return {
    async lastChangeSeq(patientId) {
      const r = await LAST_CHANGE_SEQ.first(db, { patientId });
      return r?.seq == null ? 0 : Number(r.seq);
    },
    async listChanges(patientId, afterSeq, limit, kind) {
      // No change has a sequence past the column's range (PostgreSQL `integer`), and asking would be an
      // out-of-range error there: a cursor that far on has nothing after it.
      if (afterSeq > MAX_CHANGE_SEQ) return [];
      // A pull reads up to a year of entries at once: rows as arrays cost a fraction of row objects.
      const rows =
        kind === undefined
          ? await CHANGES.tuples(db, { patientId, afterSeq, limit })
          : await CHANGES_OF_KIND.tuples(db, { patientId, afterSeq, kind, limit });
      return rows.map(
        (r): RecordChange => ({
          kind: r[0] as string,
          id: r[1] as string,
          version: Number(r[2]),
          changeSeq: Number(r[3]),
          updatedAt: r[4] as string,
          deleted: r[5] !== null,
          bodyJson: r[6] as string,
        }),
      );
    },
  };
}
