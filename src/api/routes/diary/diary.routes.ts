import { z } from 'zod';
import {
  deleteDiaryEntry,
  listDaySummaries,
  listRecentDaySummaries,
  pullDiaryChanges,
  pushDiaryBatch,
  putDiaryEntry,
  type PutOutcome,
} from '../../../app/diary.ts';
import { PatientParams } from '../../../contract/common.ts';
import {
  DaySummaryQuery,
  DIARY_BATCH_MAX_BYTES,
  DiaryBatchBody,
  DiaryEntryBody,
  DiaryEntryParams,
  DiaryPullQuery,
} from '../../../contract/diary.ts';
import { renderChangePage } from '../../change-page.ts';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../../contract/text.ts';
import { sendProblem } from '../../problem.ts';
import { contextOf } from '../../request-context.ts';
import { baseVersionFrom } from '../../if-match.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';

function sendOutcome(request: FastifyRequest, reply: FastifyReply, outcome: PutOutcome) {
  if (outcome.status === 'conflict') {
    return sendProblem(request, reply, 'diary-entry-conflict', { detail: outcome.reason, extra: { current: outcome.current } });
  }
  reply.header('etag', `"${outcome.record.version}"`);
  return reply.code(outcome.status === 'created' ? 201 : 200).send({ status: outcome.status, ...outcome.record });
}

const tags = ['diary'];

/** One schema issue of a batch item's entry as a field error (as the API's validation errors read). */
function schemaProblem(prefix: string, issue: z.core.$ZodIssue): { pointer: string; detail: string } {
  const at = `${prefix}${issue.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
  if (issue.code === 'unrecognized_keys')
    return { pointer: `${at}/${issue.keys[0]}`, detail: `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.` };
  return { pointer: at, detail: issue.message };
}

export function registerDiaryRoutes(app: ZodApp, deps: ApiDeps): void {
  app.put(
    '/api/patients/:patientId/diary-entries/:entryId',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: DiaryEntryParams,
        body: DiaryEntryBody,
        summary:
          'Create or update a diary entry by its client-generated id (idempotent). Send If-Match with the version you edited to change an existing entry; a stale version answers 409 with the server copy.',
      },
    },
    async (req, reply) => {
      const outcome = await putDiaryEntry(
        deps,
        contextOf(req),
        req.params.patientId,
        req.params.entryId.toLowerCase(),
        req.body,
        baseVersionFrom(req),
      );
      return sendOutcome(req, reply, outcome);
    },
  );

  app.delete(
    '/api/patients/:patientId/diary-entries/:entryId',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: DiaryEntryParams,
        summary: 'Delete a diary entry (kept as a tombstone so other devices learn of it). Optional If-Match.',
      },
    },
    async (req, reply) => {
      const outcome = await deleteDiaryEntry(
        deps,
        contextOf(req),
        req.params.patientId,
        req.params.entryId.toLowerCase(),
        baseVersionFrom(req),
      );
      return sendOutcome(req, reply, outcome);
    },
  );

  app.post(
    '/api/patients/:patientId/diary-entries/batch',
    {
      config: { patientAction: 'write-diary', textCheckedPerItem: true },
      bodyLimit: DIARY_BATCH_MAX_BYTES,
      schema: {
        tags,
        params: PatientParams,
        body: DiaryBatchBody,
        summary:
          'Push up to 500 entries in one transaction; each item gets its own result (created, updated, unchanged, conflict or invalid).',
      },
    },
    async (req) => {
      const items = req.body.items.map((item, i) => {
        // This route's JSON is not refused whole for text no store keeps (one bad item must not sink the
        // other 499), so each item's is looked for here.
        const unstorable = findUnstorableText(item.entry);
        if (unstorable !== null)
          return {
            ...item,
            invalid: [{ pointer: `/items/${i}/entry${unstorable === '/' ? '' : unstorable}`, detail: UNSTORABLE_TEXT_MESSAGE }],
          };
        const checked = DiaryEntryBody.safeParse(item.entry);
        if (checked.success) return { ...item, entry: checked.data };
        return { ...item, invalid: checked.error.issues.map((issue) => schemaProblem(`/items/${i}/entry`, issue)) };
      });
      return { results: await pushDiaryBatch(deps, contextOf(req), req.params.patientId, items) };
    },
  );

  app.get(
    '/api/patients/:patientId/diary-entries',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: DiaryPullQuery,
        summary:
          'Pull entries changed since a cursor, oldest first: { items: [{ id, version, changeSeq, updatedAt, deleted, entry }], cursor, hasMore }. Deleted entries come as tombstones (entry null). Pass the returned cursor as `since` next time.',
      },
    },
    async (req, reply) => {
      const page = await pullDiaryChanges(deps, contextOf(req), req.params.patientId, req.query.since, req.query.limit);
      return reply.type('application/json; charset=utf-8').send(renderPullPage(page));
    },
  );

  app.get(
    '/api/patients/:patientId/day-summaries',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: DaySummaryQuery,
        summary:
          "Day summaries (the patient's local dates) between from and to inclusive, or for the last N days (?last=28) up to today in the patient's time zone",
        response: { 200: z.array(z.looseObject({ localDate: z.string() }).catchall(z.unknown())) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      // The query's schema lets through only `last`, or both `from` and `to`.
      const days =
        q.last !== undefined
          ? await listRecentDaySummaries(deps, contextOf(req), req.params.patientId, q.last)
          : await listDaySummaries(deps, contextOf(req), req.params.patientId, q.from!, q.to!);
      // The response schema documents the answer; the list goes out through encodeDays, as it is.
      return reply
        .type('application/json; charset=utf-8')
        .serializer(encodeDays)
        .send(days as unknown as { localDate: string }[]);
    },
  );
}

// A year of summaries is about 300 KB of JSON. While nothing of the patient's changes, the use case
// hands back the very same list, so its JSON is written once and sent as it is.
const encodedDays = new WeakMap<object, string>();
function encodeDays(days: unknown): string {
  let json = encodedDays.get(days as object);
  if (json === undefined) {
    json = JSON.stringify(days);
    encodedDays.set(days as object, json);
  }
  return json;
}

/** A diary pull page as JSON bytes: the change feed's page, diary entries only, each body named `entry`. */
export function renderPullPage(page: Parameters<typeof renderChangePage>[0]): Buffer {
  return renderChangePage(page, { bodyField: 'entry', withKind: false });
}
