import { requireRecentAuthentication } from '../../../app/reauthentication.ts';
import { z } from 'zod';
import { BLOCK_DIARIES, FLARES, presentBlockDiary, presentFlares, saveDocument } from '../../../app/diary-documents.ts';
import { exportDiary, importDiary, importRowProblem } from '../../../app/diary.ts';
import { AppError } from '../../../app/errors.ts';
import { deleteRecord, getRecord, listRecords } from '../../../app/versioned-records.ts';
import { PatientParams } from '../../../contract/common.ts';
import { BlockDiaryBody, DIARY_IMPORT_MAX_BYTES, DocumentParams, FlareBody, ListQuery } from '../../../contract/diary.ts';
import { exportDiaryCsv, parseDiaryCsv } from '../../../interop/csv/diary-csv.ts';
import { exportDiarySpreadsheet } from '../../../interop/csv/diary-spreadsheet.ts';
import { contextOf } from '../../request-context.ts';
import { baseVersionFrom } from '../../if-match.ts';
import { sendDeleted, sendSaved } from '../../record-replies.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerDiaryDocumentRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['diary'];
  const flare = (d: { version: number; body: object }) => ({ ...d.body, version: d.version });

  app.put(
    '/api/patients/:patientId/flares/:documentId',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: DocumentParams,
        body: FlareBody,
        summary: 'Record or edit a flare by its client-generated id (If-Match to edit)',
      },
    },
    async (req, reply) =>
      sendSaved(
        req,
        reply,
        await saveDocument(
          FLARES,
          deps,
          contextOf(req),
          req.params.patientId,
          req.params.documentId.toLowerCase(),
          req.body,
          baseVersionFrom(req),
        ),
        flare,
        'diary-entry-conflict',
      ),
  );

  app.get(
    '/api/patients/:patientId/flares',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: ListQuery,
        summary: 'Flares as a timeline (newest first) with duration and whether ongoing',
      },
    },
    async (req) => ({ items: presentFlares(await listRecords(FLARES, deps, contextOf(req), req.params.patientId, req.query.limit)) }),
  );

  app.delete(
    '/api/patients/:patientId/flares/:documentId',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: DocumentParams,
        summary: 'Delete a flare (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      },
    },
    async (req, reply) =>
      sendDeleted(
        req,
        reply,
        await deleteRecord(FLARES, deps, contextOf(req), req.params.patientId, req.params.documentId.toLowerCase(), baseVersionFrom(req)),
        flare,
        'diary-entry-conflict',
      ),
  );

  app.put(
    '/api/patients/:patientId/block-diaries/:documentId',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: DocumentParams,
        body: BlockDiaryBody,
        summary: 'Record or edit a block diary (baseline, timed readings) by client id (If-Match to edit)',
      },
    },
    async (req, reply) =>
      sendSaved(
        req,
        reply,
        await saveDocument(
          BLOCK_DIARIES,
          deps,
          contextOf(req),
          req.params.patientId,
          req.params.documentId.toLowerCase(),
          req.body,
          baseVersionFrom(req),
        ),
        presentBlockDiary,
        'diary-entry-conflict',
      ),
  );

  app.get(
    '/api/patients/:patientId/block-diaries/:documentId',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: DocumentParams,
        summary: 'A block diary with its reading schedule and relief (NRS-derived and patient-reported, peak, time at ≥ 50 % and ≥ 80 %)',
      },
    },
    async (req) =>
      presentBlockDiary(await getRecord(BLOCK_DIARIES, deps, contextOf(req), req.params.patientId, req.params.documentId.toLowerCase())),
  );

  app.get(
    '/api/patients/:patientId/block-diaries',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: PatientParams, querystring: ListQuery, summary: 'Block diaries, newest procedure first' },
    },
    async (req) => ({
      items: (await listRecords(BLOCK_DIARIES, deps, contextOf(req), req.params.patientId, req.query.limit)).map(presentBlockDiary),
    }),
  );

  app.delete(
    '/api/patients/:patientId/block-diaries/:documentId',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: DocumentParams,
        summary: 'Delete a block diary (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      },
    },
    async (req, reply) =>
      sendDeleted(
        req,
        reply,
        await deleteRecord(
          BLOCK_DIARIES,
          deps,
          contextOf(req),
          req.params.patientId,
          req.params.documentId.toLowerCase(),
          baseVersionFrom(req),
        ),
        presentBlockDiary,
        'diary-entry-conflict',
      ),
  );

  app.get(
    '/api/patients/:patientId/diary-export.csv',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: z.strictObject({
          layout: z
            .enum(['lossless', 'spreadsheet'])
            .default('lossless')
            .describe('lossless: every field, importable again (docs/diary-csv.md); spreadsheet: one column per measure, in words'),
        }),
        summary: 'Every diary entry as CSV (a session must have signed in or re-authenticated within PAINWISE_REAUTH_MINUTES)',
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await requireRecentAuthentication(deps, ctx, req.auth.sessionId, { tokens: 'pass' });
      const entries = await exportDiary(deps, ctx, req.params.patientId);
      const spreadsheet = req.query.layout === 'spreadsheet';
      const csv = spreadsheet ? exportDiarySpreadsheet(entries) : exportDiaryCsv(entries);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${spreadsheet ? 'painwise-diary-spreadsheet.csv' : 'painwise-diary.csv'}"`)
        .serializer((x: unknown) => x as string)
        .send(csv);
    },
  );

  app.post(
    '/api/patients/:patientId/diary-import',
    {
      config: { patientAction: 'write-diary' },
      bodyLimit: DIARY_IMPORT_MAX_BYTES,
      schema: {
        tags,
        params: PatientParams,
        body: z.string().max(DIARY_IMPORT_MAX_BYTES).describe('A Painwise diary CSV export (Content-Type: text/csv)'),
        summary: 'Import a Painwise diary CSV all-or-nothing; entries already present (same id and content) are recognised and skipped',
        response: { 200: z.object({ imported: z.number().int(), alreadyPresent: z.number().int(), newIds: z.number().int() }) },
      },
    },
    async (req) => {
      const parsed = parseDiaryCsv(req.body, { asOf: deps.clock.now() });
      if (!parsed.ok) {
        throw new AppError('validation-failed', `The file has ${parsed.errors.length} problem(s); nothing was imported.`, {
          // A problem of the whole file (row 0) has no row to point at.
          errors: parsed.errors
            .slice(0, 200)
            .map((e) => (e.row > 0 ? importRowProblem(e, e.column, e.message) : { pointer: '', detail: e.message })),
        });
      }
      return importDiary(
        deps,
        contextOf(req),
        req.params.patientId,
        parsed.entries.map((entry, i) => ({ entry, ...parsed.positions[i]! })),
      );
    },
  );
}
