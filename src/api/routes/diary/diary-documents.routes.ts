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
import { registerRecordRoutes } from '../../record-routes.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerDiaryDocumentRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['diary'];
  const flare = (d: { version: number; body: object }) => ({ ...d.body, version: d.version });

  const deleted = (what: string) => `Delete ${what} (If-Match: refused with a conflict if it changed since; deleting it again is done)`;
  registerRecordRoutes(app, {
    tags,
    collection: 'flares',
    idParam: 'documentId',
    params: DocumentParams,
    writeAction: 'write-diary',
    conflictCode: 'diary-entry-conflict',
    present: flare,
    put: {
      summary: 'Record or edit a flare by its client-generated id (If-Match to edit)',
      body: FlareBody,
      save: (ctx, patientId, id, body, baseVersion) => saveDocument(FLARES, deps, ctx, patientId, id, body, baseVersion),
    },
    remove: {
      summary: deleted('a flare'),
      run: (ctx, patientId, id, baseVersion) => deleteRecord(FLARES, deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Flares as a timeline (newest first) with duration and whether ongoing',
      params: PatientParams,
      query: ListQuery,
      read: async (ctx, patientId, query: { limit: number }) => ({
        items: presentFlares(await listRecords(FLARES, deps, ctx, patientId, query.limit)),
      }),
    },
  });

  registerRecordRoutes(app, {
    tags,
    collection: 'block-diaries',
    idParam: 'documentId',
    params: DocumentParams,
    writeAction: 'write-diary',
    conflictCode: 'diary-entry-conflict',
    present: presentBlockDiary,
    put: {
      summary: 'Record or edit a block diary (baseline, timed readings) by client id (If-Match to edit)',
      body: BlockDiaryBody,
      save: (ctx, patientId, id, body, baseVersion) => saveDocument(BLOCK_DIARIES, deps, ctx, patientId, id, body, baseVersion),
    },
    getOne: {
      summary: 'A block diary with its reading schedule and relief (NRS-derived and patient-reported, peak, time at ≥ 50 % and ≥ 80 %)',
      read: async (ctx, patientId, id) => presentBlockDiary(await getRecord(BLOCK_DIARIES, deps, ctx, patientId, id)),
    },
    remove: {
      summary: deleted('a block diary'),
      run: (ctx, patientId, id, baseVersion) => deleteRecord(BLOCK_DIARIES, deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Block diaries, newest procedure first',
      params: PatientParams,
      query: ListQuery,
      read: async (ctx, patientId, query: { limit: number }) => ({
        items: (await listRecords(BLOCK_DIARIES, deps, ctx, patientId, query.limit)).map(presentBlockDiary),
      }),
    },
  });

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
