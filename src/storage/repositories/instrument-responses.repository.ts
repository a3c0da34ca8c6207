// Stored questionnaire responses with their computed results.
import type { InstrumentResponseStore, StoredInstrumentResponse } from '../../app/ports.ts';
import { sql } from 'kysely';
import { preparedQuery, type Executor } from './executor.ts';

interface Row {
  id: string;
  patient_id: string;
  instrument_id: string;
  instrument_version: string;
  scoring_version: string;
  answers: string;
  result: string;
  score: number | null;
  band: string | null;
  flags: string;
  context: string;
  entered_by: string;
  source: string;
  completed_at: string;
}

const toResponse = (r: Row): StoredInstrumentResponse => ({
  id: r.id,
  patientId: r.patient_id,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  scoringVersion: r.scoring_version,
  answers: JSON.parse(r.answers) as Record<string, unknown>,
  result: JSON.parse(r.result) as Record<string, unknown>,
  score: r.score === null ? null : Number(r.score),
  band: r.band,
  flags: JSON.parse(r.flags) as string[],
  context: r.context as StoredInstrumentResponse['context'],
  enteredBy: r.entered_by,
  source: r.source,
  completedAt: r.completed_at,
});

const INSERT_RESPONSE = preparedQuery((db, a: Row) =>
  db.insertInto('instrument_response').values({
    id: a.id,
    patient_id: a.patient_id,
    instrument_id: a.instrument_id,
    instrument_version: a.instrument_version,
    scoring_version: a.scoring_version,
    answers: a.answers,
    result: a.result,
    score: a.score,
    band: a.band,
    flags: a.flags,
    context: a.context,
    entered_by: a.entered_by,
    source: a.source,
    completed_at: a.completed_at,
  }),
);

// A literal LIMIT: SQLite plans `limit ?` about twice as slowly here.
const PREVIOUS_SCORED = preparedQuery((db, a: { patientId: string; instrumentId: string; atOrBefore: string }) =>
  db
    .selectFrom('instrument_response')
    .select(['id', 'score'])
    .where('patient_id', '=', a.patientId)
    .where('instrument_id', '=', a.instrumentId)
    .where('completed_at', '<=', a.atOrBefore)
    .where('score', 'is not', null)
    .orderBy('completed_at', 'desc')
    .limit(sql.lit(1)),
);

export function instrumentResponseRepository(db: Executor): InstrumentResponseStore {
  return {
    async insert(r) {
      await INSERT_RESPONSE.run(db, {
        id: r.id,
        patient_id: r.patientId,
        instrument_id: r.instrumentId,
        instrument_version: r.instrumentVersion,
        scoring_version: r.scoringVersion,
        answers: JSON.stringify(r.answers),
        result: JSON.stringify(r.result),
        score: r.score,
        band: r.band,
        flags: JSON.stringify(r.flags),
        context: r.context,
        entered_by: r.enteredBy,
        source: r.source,
        completed_at: r.completedAt,
      });
    },
    async find(patientId, id) {
      const r = await db
        .selectFrom('instrument_response')
        .selectAll()
        .where('patient_id', '=', patientId)
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
        .where('patient_id', '=', patientId)
        .orderBy('completed_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit);
      if (instrumentId) q = q.where('instrument_id', '=', instrumentId);
      return (await q.execute()).map((r) => toResponse(r as Row));
    },
  };
}
