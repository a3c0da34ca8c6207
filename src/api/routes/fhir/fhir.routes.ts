// The FHIR R4 read and search API at /fhir/R4 (application/fhir+json). Authentication is the JSON
// API's (session cookie or bearer token), authorization and the access log are the app layer's
// (app/fhir-reads.ts), the mapping is interop/fhir's. Failures leave through sendProblem, which
// answers an OperationOutcome with the same status under /fhir/. These routes stay out of the
// OpenAPI document: FHIR clients read the CapabilityStatement at /fhir/R4/metadata instead.
import { AppError } from '../../../app/errors.ts';
import { readFhirRecord, readFhirSources, type FhirSources, type FhirWant } from '../../../app/fhir-reads.ts';
import { capabilityStatement } from '../../../interop/fhir/capability.ts';
import { diaryObservations, diaryProvenance, type DiaryRecordInput } from '../../../interop/fhir/diary-observations.ts';
import { diaryNeeded, needsQuestionnaires, provenancesOf, searchObservations } from '../../../interop/fhir/observation-search.ts';
import { searchBundle } from '../../../interop/fhir/outcome.ts';
import { toFhirPatient } from '../../../interop/fhir/patient.ts';
import { questionnaireObservationsOf } from '../../../interop/fhir/questionnaire-observations.ts';
import { parseSearch, resourceMatches } from '../../../interop/fhir/search.ts';
import { registerFhirClinicalRoutes, clinicalResources } from './fhir-clinical.routes.ts';
import { FHIR_BASE, fhirPlumbing, queryOf, UUID } from './fhir-plumbing.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const STARTED = new Date().toISOString();

type Resource = Record<string, unknown>;

/** A patient id the address names, or a 404: a malformed id names no record. */
function patientIdFrom(raw: string): string {
  if (!UUID.test(raw)) throw new AppError('not-found', 'No such Patient.');
  return raw.toLowerCase();
}

const diaryInputs = (s: FhirSources): DiaryRecordInput[] =>
  s.diary.map((r) => ({ patientId: r.patientId, version: r.version, updatedAt: r.updatedAt, entry: r.body }));

const responseInputs = (s: Pick<FhirSources, 'responses'>) =>
  s.responses.map((r) => ({ id: r.id, patientId: r.patientId, instrumentId: r.instrumentId, score: r.score, completedAt: r.completedAt }));

const questionnaireObservations = (s: Pick<FhirSources, 'responses'>): Resource[] => questionnaireObservationsOf(responseInputs(s));

export function registerFhirRoutes(app: ZodApp, deps: ApiDeps, publicUrl: string | undefined): void {
  const plumbing = fhirPlumbing(publicUrl);
  const { baseUrl, searchOf, pageLinks } = plumbing;
  const sendFhir = plumbing.send;
  const hidden = { hide: true } as const;
  const read = { patientAction: 'read' } as const;
  registerFhirClinicalRoutes(app, deps, plumbing);

  app.get(`${FHIR_BASE}/metadata`, { schema: hidden }, async (request, reply) =>
    sendFhir(reply, capabilityStatement({ baseUrl: baseUrl(request), date: STARTED, version: '0.1.0' })),
  );

  app.get(`${FHIR_BASE}/Patient/:id`, { schema: hidden, config: read }, async (request, reply) => {
    const id = patientIdFrom((request.params as { id: string }).id);
    const s = await readFhirSources(deps, contextOf(request), id, {}, { interaction: 'read', resourceType: 'Patient', resourceId: id });
    return sendFhir(reply, toFhirPatient(s.patient));
  });

  app.get(`${FHIR_BASE}/Patient/:id/$everything`, { schema: hidden, config: read }, async (request, reply) => {
    const id = patientIdFrom((request.params as { id: string }).id);
    const parsed = parseSearch(
      'Observation',
      new URLSearchParams([...queryOf(request)].filter(([name]) => name === '_count' || name === '_offset' || name === '_format')),
    );
    if (!parsed.ok) throw new AppError('validation-failed', parsed.problem);
    for (const [name] of queryOf(request))
      if (!['_count', '_offset', '_format'].includes(name)) throw new AppError('validation-failed', `$everything does not take '${name}'.`);
    const s = await readFhirSources(
      deps,
      contextOf(request),
      id,
      { diary: 'all', responses: true, clinical: true },
      {
        interaction: 'everything',
        resourceType: 'Patient',
        resourceId: id,
      },
    );
    const diary = diaryInputs(s);
    const all: Resource[] = [
      toFhirPatient(s.patient),
      ...diary.flatMap((r) => [...diaryObservations(r), diaryProvenance(r)]),
      ...questionnaireObservations(s),
      ...Object.values(clinicalResources(s, deps.clock.now())).flat(),
    ];
    const q = parsed.query;
    const hasMore = all.length > q.offset + q.count;
    return sendFhir(
      reply,
      searchBundle({
        total: all.length,
        links: pageLinks(request, `Patient/${id}/$everything`, q, hasMore),
        matches: all.slice(q.offset, q.offset + q.count),
        included: [],
        baseUrl: baseUrl(request),
      }),
    );
  });

  app.get(`${FHIR_BASE}/Observation`, { schema: hidden, config: read }, async (request, reply) => {
    const q = searchOf(request, 'Observation');
    const load = (diary: FhirWant['diary'], first: boolean) =>
      readFhirSources(
        deps,
        contextOf(request),
        q.patient,
        { diary, responses: needsQuestionnaires(q) },
        first ? { interaction: 'search', resourceType: 'Observation' } : null,
      );
    let limit = diaryNeeded(q);
    let s = await load(limit, true);
    let page = searchObservations({ diary: diaryInputs(s), diaryComplete: s.diaryComplete, responses: responseInputs(s) }, q);
    // Too few matches among the newest entries read: read more (the access was decided and logged once).
    while (page.kind === 'need-more' && limit !== 'all') {
      limit = diaryNeeded(q, limit);
      s = await load(limit, false);
      page = searchObservations({ diary: diaryInputs(s), diaryComplete: s.diaryComplete, responses: responseInputs(s) }, q);
    }
    if (page.kind !== 'page') throw new Error('A search of every entry always makes a page.');
    return sendFhir(
      reply,
      searchBundle({
        total: page.total,
        links: pageLinks(request, 'Observation', q, page.hasMore),
        matches: page.matches,
        included: q.revincludeProvenance ? provenancesOf(diaryInputs(s), page.matches) : [],
        baseUrl: baseUrl(request),
      }),
    );
  });

  app.get(`${FHIR_BASE}/Provenance`, { schema: hidden, config: read }, async (request, reply) => {
    const q = searchOf(request, 'Provenance');
    const s = await readFhirSources(
      deps,
      contextOf(request),
      q.patient,
      { diary: 'all' },
      { interaction: 'search', resourceType: 'Provenance' },
    );
    const all = diaryInputs(s)
      .map(diaryProvenance)
      .filter((p) => resourceMatches(p, q, () => undefined));
    const hasMore = all.length > q.offset + q.count;
    return sendFhir(
      reply,
      searchBundle({
        total: all.length,
        links: pageLinks(request, 'Provenance', q, hasMore),
        matches: all.slice(q.offset, q.offset + q.count),
        included: [],
        baseUrl: baseUrl(request),
      }),
    );
  });

  // Observation ids are `<diary entry id>.<measure>` or `<response id>.score`; a Provenance's is its entry's.
  app.get(`${FHIR_BASE}/Observation/:id`, { schema: hidden, config: read }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const recordId = id.split('.')[0]!;
    if (!UUID.test(recordId)) throw new AppError('not-found', 'No such Observation.');
    const found = await readFhirRecord(deps, contextOf(request), recordId.toLowerCase(), 'Observation', id);
    const observations =
      found.kind === 'diary'
        ? diaryObservations({
            patientId: found.record.patientId,
            version: found.record.version,
            updatedAt: found.record.updatedAt,
            entry: found.record.body,
          })
        : questionnaireObservations({ responses: [found.response] });
    const observation = observations.find((o) => o.id === id);
    if (!observation) throw new AppError('not-found', 'No such Observation.');
    return sendFhir(reply, observation);
  });

  app.get(`${FHIR_BASE}/Provenance/:id`, { schema: hidden, config: read }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!UUID.test(id)) throw new AppError('not-found', 'No such Provenance.');
    const found = await readFhirRecord(deps, contextOf(request), id.toLowerCase(), 'Provenance', id);
    if (found.kind !== 'diary') throw new AppError('not-found', 'No such Provenance.');
    const r = found.record;
    return sendFhir(reply, diaryProvenance({ patientId: r.patientId, version: r.version, updatedAt: r.updatedAt, entry: r.body }));
  });
}
