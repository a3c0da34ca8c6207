// Stored questionnaire responses with their computed results.
import type { InstrumentResponseStore, StoredInstrumentResponse } from '../../app/ports.ts';
import { sql } from 'kysely';
import { preparedQuery, type Executor } from './executor.ts';

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

export function instrumentResponseRepository(db: Executor): InstrumentResponseStore {
  return {
    async insert(r) {
      await INSERT_RESPONSE.run(db, {
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
