// Stored questionnaire responses with their computed results.
import type { InstrumentResponseStore, StoredInstrumentResponse } from '../../app/ports.ts';
import { sql } from 'kysely';
import { preparedQuery, type Executor } from './executor.ts';
import { AUDIT_COLUMNS, appendAuditEvents } from './audit.repository.ts';
import { completeOldestOpenDue } from './instrument-assignments.repository.ts';

interface Row {
  id: string;
  patientId: string;
  instrumentId: string;
  instrumentVersion: string;
  scoringVersion: string;
  answers: string;
  result: string;
  score: number | null;
  band: string | null;
  flags: string;
  context: string;
  enteredBy: string;
  source: string;
  completedAt: string;
}

const toResponse = (r: Row): StoredInstrumentResponse => ({
  id: r.id,
  patientId: r.patientId,
  instrumentId: r.instrumentId,
  instrumentVersion: r.instrumentVersion,
  scoringVersion: r.scoringVersion,
  answers: JSON.parse(r.answers) as Record<string, unknown>,
  result: JSON.parse(r.result) as Record<string, unknown>,
  score: r.score === null ? null : Number(r.score),
  band: r.band,
  flags: JSON.parse(r.flags) as string[],
  context: r.context as StoredInstrumentResponse['context'],
  enteredBy: r.enteredBy,
  source: r.source,
  completedAt: r.completedAt,
});

const INSERT_RESPONSE = preparedQuery((db, a: Row) =>
  db.insertInto('instrument_response').values({
    id: a.id,
    patientId: a.patientId,
    instrumentId: a.instrumentId,
    instrumentVersion: a.instrumentVersion,
    scoringVersion: a.scoringVersion,
    answers: a.answers,
    result: a.result,
    score: a.score,
    band: a.band,
    flags: a.flags,
    context: a.context,
    enteredBy: a.enteredBy,
    source: a.source,
    completedAt: a.completedAt,
  }),
);

// A literal LIMIT: SQLite plans `limit ?` about twice as slowly here.
const PREVIOUS_SCORED = preparedQuery((db, a: { patientId: string; instrumentId: string; atOrBefore: string }) =>
  db
    .selectFrom('instrument_response')
    .select(['id', 'score'])
    .where('patientId', '=', a.patientId)
    .where('instrumentId', '=', a.instrumentId)
    .where('completedAt', '<=', a.atOrBefore)
    .where('score', 'is not', null)
    .orderBy('completedAt', 'desc')
    .limit(sql.lit(1)),
);

const RESPONSE_COLUMNS = [
  'id',
  'patient_id',
  'instrument_id',
  'instrument_version',
  'scoring_version',
  'answers',
  'result',
  'score',
  'band',
  'flags',
  'context',
  'entered_by',
  'source',
  'completed_at',
] as const;
const RESPONSE_KEYS: readonly (keyof Row)[] = [
  'id',
  'patientId',
  'instrumentId',
  'instrumentVersion',
  'scoringVersion',
  'answers',
  'result',
  'score',
  'band',
  'flags',
  'context',
  'enteredBy',
  'source',
  'completedAt',
];
const AUDIT_SNAKE = AUDIT_COLUMNS.map((c) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`));

type AuditedArgs = Row & { completeDue: boolean } & Record<string, unknown>;

/**
 * PostgreSQL: the response, the completion of what was due and the audit rows in one statement, so a
 * submission is the lock, this and COMMIT. Every part runs (a data-modifying CTE runs whether or not
 * it is read); the completion finds nothing when `completeDue` is false.
 */
const insertAuditedSql = (a: AuditedArgs, events: number) => sql`with r as (
    insert into instrument_response (${sql.raw(RESPONSE_COLUMNS.join(', '))})
    values (${sql.join(RESPONSE_KEYS.map((k) => a[k]))})),
  d as (
    update instrument_due set completed_at = ${a.completedAt}, response_id = ${a.id}
    where cast(${a.completeDue} as boolean) and id = (
      select id from instrument_due
      where patient_id = ${a.patientId} and instrument_id = ${a.instrumentId} and completed_at is null and due_at <= ${a.completedAt}
      order by due_at, id limit 1)
    returning id),
  e as (
    insert into audit_event (${sql.raw(AUDIT_SNAKE.join(', '))})
    values ${sql.join(Array.from({ length: events }, (_, i) => sql`(${sql.join(AUDIT_COLUMNS.map((c) => a[`e${i}_${c}`]))})`))})
  select (select id from d) as completed_due_id`;
const INSERT_AUDITED = [1, 2].map((events) => preparedQuery((db, a: AuditedArgs) => insertAuditedSql(a, events).compile(db)));

const rowOf = (r: StoredInstrumentResponse): Row => ({
  id: r.id,
  patientId: r.patientId,
  instrumentId: r.instrumentId,
  instrumentVersion: r.instrumentVersion,
  scoringVersion: r.scoringVersion,
  answers: JSON.stringify(r.answers),
  result: JSON.stringify(r.result),
  score: r.score,
  band: r.band,
  flags: JSON.stringify(r.flags),
  context: r.context,
  enteredBy: r.enteredBy,
  source: r.source,
  completedAt: r.completedAt,
});

export function instrumentResponseRepository(db: Executor, dialect: 'sqlite' | 'postgres'): InstrumentResponseStore {
  return {
    async insertAudited(response, events, completeDue) {
      const prepared = INSERT_AUDITED[events.length - 1];
      if (dialect === 'postgres' && prepared) {
        const args: AuditedArgs = { ...rowOf(response), completeDue };
        events.forEach((e, i) => {
          for (const c of AUDIT_COLUMNS) args[`e${i}_${c}`] = (e as unknown as Record<string, unknown>)[c];
        });
        const row = (await prepared.first(db, args)) as { completedDueId: string | null } | undefined;
        return row?.completedDueId ?? null;
      }
      // SQLite runs each statement in process, where a round trip costs nothing.
      await INSERT_RESPONSE.run(db, rowOf(response));
      const completed = completeDue
        ? await completeOldestOpenDue(db, response.patientId, response.instrumentId, response.id, response.completedAt)
        : null;
      await appendAuditEvents(db, events);
      return completed;
    },
    async insert(r) {
      await INSERT_RESPONSE.run(db, rowOf(r));
    },
    async find(patientId, id) {
      const r = await db
        .selectFrom('instrument_response')
        .selectAll()
        .where('patientId', '=', patientId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r && toResponse(r as Row);
    },
    async findById(id) {
      const r = await db.selectFrom('instrument_response').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toResponse(r as Row);
    },
    async previousScored(patientId, instrumentId, atOrBefore) {
      const r = await PREVIOUS_SCORED.first(db, { patientId, instrumentId, atOrBefore });
      return r && r.score !== null ? { id: r.id, score: Number(r.score) } : undefined;
    },
    async list(patientId, instrumentId, limit) {
      let q = db
        .selectFrom('instrument_response')
        .selectAll()
        .where('patientId', '=', patientId)
        .orderBy('completedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (instrumentId) q = q.where('instrumentId', '=', instrumentId);
      return (await q.execute()).map((r) => toResponse(r as Row));
    },
    async scoresBetween(patientId, instrumentId, from, to) {
      // One range of the (patient_id, instrument_id, completed_at) index.
      const rows = await db
        .selectFrom('instrument_response')
        .select(['completedAt', 'score'])
        .where('patientId', '=', patientId)
        .where('instrumentId', '=', instrumentId)
        .where('completedAt', '>=', from)
        .where('completedAt', '<=', to)
        .where('score', 'is not', null)
        .orderBy('completedAt')
        .execute();
      return rows.map((r) => ({ completedAt: r.completedAt, score: Number(r.score) }));
    },
  };
}
