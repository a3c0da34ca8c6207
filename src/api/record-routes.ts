// The routes of one kind of versioned record, registered the same way for every kind: PUT by the
// client's id (If-Match to edit), optionally GET of one, DELETE (a tombstone), and the list. Each kind
// supplies its use cases, schemas, summaries and how a record is shown; how outcomes are answered is
// record-replies.ts. Kinds whose routes do more (a diary entry's batch, a taper's pause) keep those
// routes beside their own.
import type { z } from 'zod';
import type { RequestContext } from '../app/context.ts';
import type { PatientAction } from '../app/policy.ts';
import type { StoredRecord } from '../app/record-store.ts';
import type { DeleteOutcome, SaveOutcome } from '../app/versioned-records.ts';
import type { ErrorCode } from '../contract/errors.ts';
import { baseVersionFrom } from './if-match.ts';
import { sendDeleted, sendSaved } from './record-replies.ts';
import { contextOf } from './request-context.ts';
import type { ZodApp } from './types.ts';

export interface RecordRoutes<T extends object> {
  readonly tags: readonly string[];
  /** The collection under the patient, e.g. `conditions` for /api/patients/:patientId/conditions. */
  readonly collection: string;
  /** The path parameter naming one record, e.g. `conditionId`. */
  readonly idParam: string;
  /** Path parameters of one record: the patient's id and `idParam`. */
  readonly params: z.ZodType;
  readonly writeAction: PatientAction;
  readonly conflictCode: ErrorCode;
  /** How a stored record is shown, in replies and in a conflict's server copy. */
  readonly present: (record: StoredRecord<T>) => unknown;
  readonly put: {
    readonly summary: string;
    readonly body: z.ZodType;
    save(ctx: RequestContext, patientId: string, id: string, body: never, baseVersion: number | undefined): Promise<SaveOutcome<T>>;
  };
  readonly getOne?: { readonly summary: string; read(ctx: RequestContext, patientId: string, id: string): Promise<unknown> };
  /** Left out for kinds never deleted (a medication order is stopped, so its history stays whole). */
  readonly remove?: {
    readonly summary: string;
    run(ctx: RequestContext, patientId: string, id: string, baseVersion: number | undefined): Promise<DeleteOutcome<T>>;
  };
  readonly list: {
    readonly summary: string;
    readonly params: z.ZodType;
    readonly query?: z.ZodType;
    read(ctx: RequestContext, patientId: string, query: never): Promise<unknown>;
  };
}

export function registerRecordRoutes<T extends object>(app: ZodApp, kind: RecordRoutes<T>): void {
  const tags = [...kind.tags];
  const one = `/api/patients/:patientId/${kind.collection}/:${kind.idParam}`;
  // Client ids are UUIDs, which compare case-insensitively: one record whatever the case it is sent in.
  const idOf = (params: unknown) => (params as Record<string, string>)[kind.idParam]!.toLowerCase();
  const patientOf = (params: unknown) => (params as { patientId: string }).patientId;

  app.put(
    one,
    {
      config: { patientAction: kind.writeAction },
      schema: { tags, params: kind.params, body: kind.put.body, summary: kind.put.summary },
    },
    async (req, reply) =>
      sendSaved(
        req,
        reply,
        await kind.put.save(contextOf(req), patientOf(req.params), idOf(req.params), req.body as never, baseVersionFrom(req)),
        kind.present,
        kind.conflictCode,
      ),
  );

  const getOne = kind.getOne;
  if (getOne) {
    app.get(one, { config: { patientAction: 'read' }, schema: { tags, params: kind.params, summary: getOne.summary } }, async (req) =>
      getOne.read(contextOf(req), patientOf(req.params), idOf(req.params)),
    );
  }

  const remove = kind.remove;
  if (remove) {
    app.delete(
      one,
      { config: { patientAction: kind.writeAction }, schema: { tags, params: kind.params, summary: remove.summary } },
      async (req, reply) =>
        sendDeleted(
          req,
          reply,
          await remove.run(contextOf(req), patientOf(req.params), idOf(req.params), baseVersionFrom(req)),
          kind.present,
          kind.conflictCode,
        ),
    );
  }

  app.get(
    `/api/patients/:patientId/${kind.collection}`,
    {
      config: { patientAction: 'read' },
      schema: { tags, params: kind.list.params, ...(kind.list.query ? { querystring: kind.list.query } : {}), summary: kind.list.summary },
    },
    async (req) => kind.list.read(contextOf(req), patientOf(req.params), req.query as never),
  );
}
