// How the record engine's outcomes are answered, the same for every record kind: 201 created / 200
// updated or unchanged with the version as a strong ETag; 409 with the server's copy (when the writer
// may read it); 204 for a delete, done or already done.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredRecord } from '../app/record-store.ts';
import type { DeleteOutcome, SaveOutcome } from '../app/versioned-records.ts';
import type { ErrorCode } from '../contract/errors.ts';
import { sendProblem } from './problem.ts';

/** A stored record as the API shows it: its fields, id and version. */
export function presentRecord<T extends object>(r: StoredRecord<T>) {
  return { id: r.id, version: r.version, updatedAt: r.updatedAt, ...r.body };
}

export function sendSaved<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: SaveOutcome<T>,
  present: (record: StoredRecord<T>) => unknown,
  conflictCode: ErrorCode,
) {
  if (outcome.status === 'conflict') {
    return sendProblem(request, reply, conflictCode, {
      detail: outcome.reason,
      extra: { current: outcome.current && present(outcome.current) },
    });
  }
  reply.header('etag', `"${outcome.record.version}"`);
  return reply.code(outcome.status === 'created' ? 201 : 200).send({ status: outcome.status, ...(present(outcome.record) as object) });
}

export function sendDeleted<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: DeleteOutcome<T>,
  present: (record: StoredRecord<T>) => unknown,
  conflictCode: ErrorCode,
) {
  if (outcome.status === 'conflict') {
    return sendProblem(request, reply, conflictCode, {
      detail: outcome.reason,
      extra: { current: outcome.current && present(outcome.current) },
    });
  }
  return reply.code(204).send();
}
