// Questionnaires: the catalogue (with FHIR Questionnaires), responses (with FHIR QuestionnaireResponses),
// organization licences, and assignments. The rules are the app layer's (app/instruments.ts).
import { assignInstrument, cancelAssignment, listAssignments, listDueInstruments } from '../../../app/instrument-assignments.ts';
import {
  disableInstrumentLicence,
  enableInstrumentLicence,
  getCatalogueEntry,
  listCatalogue,
  listOrganizationInstruments,
  mayPresentItems,
} from '../../../app/instrument-licences.ts';
import {
  findInstrument,
  getInstrumentResponse,
  listInstrumentResponses,
  listPatientInstruments,
  submitInstrumentResponse,
} from '../../../app/instruments.ts';
import { requireUser } from '../../../app/access.ts';
import { crisisResourcesFor } from '../../../app/crisis.ts';
import { OrganizationParams, PatientParams } from '../../../contract/common.ts';
import {
  AssignBody,
  InstrumentDefinitionQuery,
  InstrumentParams,
  LicenceBody,
  OrganizationInstrumentParams,
  PatientAssignmentParams,
  PatientInstrumentResponseParams,
  ResponseListQuery,
  SubmitResponseBody,
} from '../../../contract/instruments.ts';
import { toFhirQuestionnaire, toFhirQuestionnaireResponse } from '../../../interop/fhir/instruments.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import { AppError, notFound } from '../../../app/errors.ts';

const tags = ['questionnaires'];
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const utc = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toISOString());

export function registerInstrumentRoutes(app: ZodApp, deps: ApiDeps): void {
  app.get(
    '/api/crisis-resources',
    {
      schema: {
        tags,
        summary:
          'The crisis resources configured for this installation (PAINWISE_CRISIS_LOCALE); public, so they can be shown before sign-in and cached offline',
      },
    },
    async () => ({ locale: deps.settings.crisisLocale, resources: crisisResourcesFor(deps.settings.crisisLocale) }),
  );

  // A licensed instrument's item text (constructs, answer labels) only where a licence here covers it:
  // through the named patient's caring organizations, else the requester's own (itemTextWithheld says so).
  app.get(
    '/api/instruments',
    {
      schema: {
        tags,
        querystring: InstrumentDefinitionQuery,
        summary:
          'Every validated instrument: items (keys and allowed values), scoring range, bands, change rule, LOINC codes, licence and attribution; licensed item text only where a licence here covers it',
      },
    },
    async (req) => {
      requireUser(contextOf(req));
      return { items: await listCatalogue(deps, contextOf(req), req.query.patientId?.toLowerCase()) };
    },
  );

  app.get(
    '/api/instruments/:instrumentId',
    {
      schema: {
        tags,
        params: InstrumentParams,
        querystring: InstrumentDefinitionQuery,
        summary:
          "One instrument definition with its attribution; licensed item text only where a licence here covers it (pass patientId to use that patient's caring organizations)",
      },
    },
    async (req) => {
      requireUser(contextOf(req));
      return getCatalogueEntry(deps, contextOf(req), req.params.instrumentId, req.query.patientId?.toLowerCase());
    },
  );

  app.get(
    '/api/instruments/:instrumentId/fhir',
    {
      schema: {
        tags,
        params: InstrumentParams,
        querystring: InstrumentDefinitionQuery,
        summary:
          'The instrument as a FHIR R4 Questionnaire (LOINC codes where they exist); licensed item text only where a licence here covers it',
      },
    },
    async (req, reply) => {
      requireUser(contextOf(req));
      const d = findInstrument(req.params.instrumentId);
      if (!d) throw notFound('The questionnaire');
      const withItemText = await mayPresentItems(deps, contextOf(req), d, req.query.patientId?.toLowerCase());
      return reply.type(FHIR_JSON).send(JSON.stringify(toFhirQuestionnaire(d, { withItemText })));
    },
  );

  app.get(
    '/api/patients/:patientId/instruments',
    {
      config: { patientAction: 'see-due-questionnaires' },
      schema: {
        tags,
        params: PatientParams,
        summary:
          'Questionnaires this patient can answer here (licensed ones only where a caring organization enabled them), with what is due',
      },
    },
    async (req) => ({ items: await listPatientInstruments(deps, contextOf(req), req.params.patientId) }),
  );

  app.post(
    '/api/patients/:patientId/instrument-responses',
    {
      config: { patientAction: 'answer-questionnaires' },
      schema: {
        tags,
        params: PatientParams,
        body: SubmitResponseBody,
        summary:
          'Submit a questionnaire response: scored exactly as published and stored with its scoring version. Answers out of range, of the wrong type or for unknown items are refused naming the item. A PHQ-9 item 9 above 0 returns crisis resources and raises an urgent alert for every caring organization.',
      },
    },
    async (req, reply) => {
      const b = req.body;
      const outcome = await submitInstrumentResponse(deps, contextOf(req), req.params.patientId, {
        id: b.id?.toLowerCase(),
        instrumentId: b.instrumentId,
        answers: b.answers,
        sex: b.sex,
        completedAt: utc(b.completedAt),
      });
      return reply.code(outcome.status === 'created' ? 201 : 200).send(outcome);
    },
  );

  app.get(
    '/api/patients/:patientId/instrument-responses',
    {
      config: { patientAction: 'read' },
      schema: {
        tags,
        params: PatientParams,
        querystring: ResponseListQuery,
        summary: 'Questionnaire history, newest first, optionally for one instrument',
      },
    },
    async (req) => ({
      items: await listInstrumentResponses(deps, contextOf(req), req.params.patientId, req.query.instrument, req.query.limit),
    }),
  );

  app.get(
    '/api/patients/:patientId/instrument-responses/:responseId',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: PatientInstrumentResponseParams, summary: 'One questionnaire response with its stored result' },
    },
    async (req) => getInstrumentResponse(deps, contextOf(req), req.params.patientId, req.params.responseId.toLowerCase()),
  );

  app.get(
    '/api/patients/:patientId/instrument-responses/:responseId/fhir',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: PatientInstrumentResponseParams, summary: 'One response as a FHIR R4 QuestionnaireResponse' },
    },
    async (req, reply) => {
      const r = await getInstrumentResponse(deps, contextOf(req), req.params.patientId, req.params.responseId.toLowerCase());
      const d = findInstrument(r.instrumentId);
      if (!d) throw new AppError('not-found', 'The questionnaire of this response is no longer known.');
      const withItemText = await mayPresentItems(deps, contextOf(req), d, req.params.patientId.toLowerCase());
      return reply.type(FHIR_JSON).send(JSON.stringify(toFhirQuestionnaireResponse(d, r, { withItemText })));
    },
  );

  app.get(
    '/api/patients/:patientId/instruments/due',
    {
      config: { patientAction: 'see-due-questionnaires' },
      schema: { tags, params: PatientParams, summary: 'Assigned questionnaires that are due or overdue now, oldest first' },
    },
    async (req) => ({ items: await listDueInstruments(deps, contextOf(req), req.params.patientId) }),
  );

  app.get(
    '/api/patients/:patientId/instrument-assignments',
    {
      config: { patientAction: 'read' },
      schema: { tags, params: PatientParams, summary: 'Assignments with their due items and completion' },
    },
    async (req) => ({ items: await listAssignments(deps, contextOf(req), req.params.patientId) }),
  );

  app.post(
    '/api/patients/:patientId/instrument-assignments',
    {
      config: { patientAction: 'assign-questionnaires' },
      schema: {
        tags,
        params: PatientParams,
        body: AssignBody,
        summary:
          'Assign a questionnaire (clinicians): once, on a recurrence (e.g. PEG every 7 days) or relative to a visit (e.g. 3 days before). Scheduled through the job table.',
      },
    },
    async (req, reply) => {
      const b = req.body;
      const s = b.schedule;
      const schedule =
        s.kind === 'once'
          ? { kind: s.kind, dueAt: utc(s.dueAt)! }
          : s.kind === 'recurring'
            ? { kind: s.kind, startAt: utc(s.startAt)!, everyDays: s.everyDays, endAt: s.endAt === null ? null : utc(s.endAt)! }
            : { kind: s.kind, visitAt: utc(s.visitAt)!, daysBefore: s.daysBefore };
      const assignment = await assignInstrument(deps, contextOf(req), req.params.patientId, {
        id: b.id?.toLowerCase(),
        instrumentId: b.instrumentId,
        schedule,
      });
      return reply.code(201).send(assignment);
    },
  );

  app.delete(
    '/api/patients/:patientId/instrument-assignments/:assignmentId',
    {
      config: { patientAction: 'assign-questionnaires' },
      schema: { tags, params: PatientAssignmentParams, summary: 'Cancel an assignment; open due items are withdrawn, completed ones kept' },
    },
    async (req, reply) => {
      await cancelAssignment(deps, contextOf(req), req.params.patientId, req.params.assignmentId.toLowerCase());
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/organizations/:organizationId/instruments',
    {
      config: { clinicAction: 'view-clinic' },
      schema: { tags, params: OrganizationParams, summary: 'Instruments and their licence status in this organization (members)' },
    },
    async (req) => ({ items: await listOrganizationInstruments(deps, contextOf(req), req.params.organizationId) }),
  );

  app.put(
    '/api/organizations/:organizationId/instruments/:instrumentId/licence',
    {
      config: { clinicAction: 'manage-licences' },
      schema: {
        tags,
        params: OrganizationInstrumentParams,
        body: LicenceBody,
        summary: 'Enable a licensed instrument (admins), recording who confirmed the licence and when',
      },
    },
    async (req, reply) => {
      await enableInstrumentLicence(deps, contextOf(req), req.params.organizationId, req.params.instrumentId, req.body);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/organizations/:organizationId/instruments/:instrumentId/licence',
    {
      config: { clinicAction: 'manage-licences' },
      schema: { tags, params: OrganizationInstrumentParams, summary: 'Disable a licensed instrument again (admins)' },
    },
    async (req, reply) => {
      await disableInstrumentLicence(deps, contextOf(req), req.params.organizationId, req.params.instrumentId);
      return reply.code(204).send();
    },
  );
}
