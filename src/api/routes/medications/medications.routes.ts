import type { StoredRecord } from '../../../app/record-store.ts';
import {
  computeMmeForRegimen,
  createTaperPlan,
  getTaperPlan,
  listMedicationOrders,
  listTaperPlans,
  pauseOrResumeTaper,
  scheduleOf,
} from '../../../app/medications.ts';
import { saveMedicationOrder } from '../../../app/medication-order-safety.ts';
import { loadMedicationSummary } from '../../../app/medication-summary.ts';
import { findNaloxoneCheck, loadAsNeededUse, saveNaloxoneCheck } from '../../../app/opioid-safety.ts';
import { AsNeededUseQuery, NaloxoneCheckBody, NaloxoneCheckState } from '../../../contract/care-plan.ts';
import { PatientParams } from '../../../contract/common.ts';
import {
  MedicationOrderBody,
  MedicationOrderParams,
  MmeRequestBody,
  TaperPauseBody,
  TaperPlanBody,
  TaperPlanParams,
  TaperResumeBody,
} from '../../../contract/medications.ts';
import { baseVersionFrom } from '../../if-match.ts';
import { presentRecord, sendSaved } from '../../record-replies.ts';
import { registerRecordRoutes } from '../../record-routes.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['medications'];

export function registerMedicationRoutes(app: ZodApp, deps: ApiDeps): void {
  app.post(
    '/api/mme',
    {
      config: { changesNothing: true },
      schema: {
        tags,
        body: MmeRequestBody,
        summary:
          'MME (CDC 2022) and safety flags with citations for a regimen being typed — no patient record is read or written. Items as in `painwise mme`: drug (formulary id or name), doseMg or doseMcgPerHour, perDay (as-needed: the maximum), prn, acetaminophenMg.',
      },
    },
    async (req) => computeMmeForRegimen(contextOf(req), req.body),
  );

  registerRecordRoutes(app, {
    tags,
    collection: 'medication-orders',
    idParam: 'orderId',
    params: MedicationOrderParams,
    writeAction: 'order-medications',
    conflictCode: 'clinical-record-conflict',
    present: presentRecord,
    put: {
      summary:
        'Create or edit a medication order by its client-generated id (If-Match with the version you edited to change it; stale → 409 with the current order). Stop an order by setting stopDate; orders are never deleted, so the history stays complete.',
      body: MedicationOrderBody,
      save: (ctx, patientId, id, body, baseVersion) => saveMedicationOrder(deps, ctx, patientId, id, body, baseVersion),
    },
    list: {
      summary: "Medication orders: those in effect today (the patient's local date) and the full history, newest start first",
      params: PatientParams,
      read: async (ctx, patientId) => {
        const list = await listMedicationOrders(deps, ctx, patientId);
        return { asOf: list.asOf, current: list.current.map(presentRecord), history: list.history.map(presentRecord) };
      },
    },
  });

  app.get(
    '/api/patients/:patientId/medications/summary',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        summary:
          'The orders in effect today with total MME/day, MME per drug, drugs whose MME is not calculable, and safety flags with their citations (CDC 2022, FDA, AGS Beers and the other primary sources each flag names)',
      },
    },
    async (req) => {
      const s = await loadMedicationSummary(deps, contextOf(req), req.params.patientId);
      return { ...s, orders: s.orders.map(presentRecord) };
    },
  );

  const presentTaper = (asOf: string) => (r: StoredRecord<Parameters<typeof scheduleOf>[0]>) => ({
    id: r.id,
    version: r.version,
    updatedAt: r.updatedAt,
    ...r.body,
    asOf,
    schedule: scheduleOf(r.body, asOf),
  });

  app.put(
    '/api/patients/:patientId/taper-plans/:taperPlanId',
    {
      config: { patientAction: 'plan-tapers' },
      schema: {
        tags,
        params: TaperPlanParams,
        body: TaperPlanBody,
        summary:
          'Plan an opioid taper from the medicines in effect today (a schedule to discuss, rounded to available strengths, MME at each step). Idempotent by client id; a plan is not edited — pause it or make a new one.',
      },
    },
    async (req, reply) => {
      const outcome = await createTaperPlan(deps, contextOf(req), req.params.patientId, req.params.taperPlanId.toLowerCase(), req.body);
      return sendSaved(
        req,
        reply,
        outcome,
        presentTaper(outcome.status === 'conflict' ? '' : outcome.record.body.plan.startDate),
        'clinical-record-conflict',
      );
    },
  );

  app.get(
    '/api/patients/:patientId/taper-plans/:taperPlanId',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: TaperPlanParams,
        summary: 'A taper plan with its schedule after pauses, the step in effect today and a plain-language line per step',
      },
    },
    async (req) => {
      const { asOf, record } = await getTaperPlan(deps, contextOf(req), req.params.patientId, req.params.taperPlanId.toLowerCase());
      return presentTaper(asOf)(record);
    },
  );

  const pauseRoutes = [
    { step: 'pause', body: TaperPauseBody, summary: 'Pause the taper from a date: steps not yet started are held until it is resumed' },
    { step: 'resume', body: TaperResumeBody, summary: 'Resume a paused taper: the remaining steps move later by the length of the pause' },
  ] as const;
  for (const { step, body, summary } of pauseRoutes) {
    app.post(
      `/api/patients/:patientId/taper-plans/:taperPlanId/${step}`,
      { config: { patientAction: 'plan-tapers' }, schema: { tags, params: TaperPlanParams, body, summary } },
      async (req, reply) => {
        const { on } = req.body as { on: string };
        const record = await pauseOrResumeTaper(deps, contextOf(req), req.params.patientId, req.params.taperPlanId.toLowerCase(), step, on);
        reply.header('etag', `"${record.version}"`);
        return presentTaper(on)(record);
      },
    );
  }

  app.get(
    '/api/patients/:patientId/taper-plans',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: PatientParams, summary: 'Taper plans, newest start first, each with its schedule' },
    },
    async (req) => {
      const { asOf, items } = await listTaperPlans(deps, contextOf(req), req.params.patientId);
      return { asOf, items: items.map((i) => presentTaper(asOf)(i.record)) };
    },
  );

  app.get(
    '/api/patients/:patientId/medications/as-needed-use',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: AsNeededUseQuery,
        summary:
          "As-needed opioid use logged in the diary over the last `days` days (the patient's local dates, ending today), each day against the maximum per day of the as-needed orders in effect; one logged medicine is one administration",
      },
    },
    async (req) => loadAsNeededUse(deps, contextOf(req), req.params.patientId, req.query.days),
  );

  app.get(
    '/api/patients/:patientId/naloxone-check',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        response: { 200: NaloxoneCheckState },
        summary: "The patient's naloxone check: whether they have naloxone and where it is; `answered: false` until someone answers it",
      },
    },
    async (req, reply) => {
      const r = await findNaloxoneCheck(deps, contextOf(req), req.params.patientId);
      if (!r) return { answered: false as const };
      reply.header('etag', `"${r.version}"`);
      return { answered: true as const, ...presentRecord(r) };
    },
  );

  app.put(
    '/api/patients/:patientId/naloxone-check',
    {
      config: { patientAction: 'write-diary' },
      schema: {
        tags,
        params: PatientParams,
        body: NaloxoneCheckBody,
        summary:
          'Record the naloxone check (the patient, a caregiver with diary scope, or a clinician with write scope); If-Match with the version you edited to change it',
      },
    },
    async (req, reply) =>
      sendSaved(
        req,
        reply,
        await saveNaloxoneCheck(deps, contextOf(req), req.params.patientId, req.body, baseVersionFrom(req)),
        presentRecord,
        'clinical-record-conflict',
      ),
  );
}
