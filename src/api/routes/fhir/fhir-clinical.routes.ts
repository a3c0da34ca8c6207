// Condition, Procedure and MedicationRequest at /fhir/R4: read by id and search by patient (with
// _lastUpdated, and code and date where the type takes them), from the care plan's records. The
// shared plumbing (errors as OperationOutcome, authorization, the access log) is as in fhir.routes.ts.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../app/errors.ts';
import { type ClinicalResourceType, type FhirSources, readFhirClinicalRecord, readFhirSources } from '../../../app/fhir-reads.ts';
import { patientToday, toFhirCondition, toFhirMedicationRequest, toFhirProcedure } from '../../../interop/fhir/clinical.ts';
import { searchBundle } from '../../../interop/fhir/outcome.ts';
import { resourceMatches, type SearchQuery } from '../../../interop/fhir/search.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import { FHIR_BASE, type FhirPlumbing, UUID } from './fhir-plumbing.ts';

type Resource = Record<string, unknown>;

/** Every clinical resource of one patient, by type, in the order the records list them (newest first). */
export function clinicalResources(s: FhirSources, now: Date): Record<ClinicalResourceType, Resource[]> {
  const today = patientToday(now, s.patient.timeZone);
  return {
    Condition: s.conditions.map((r) => toFhirCondition(r, today)),
    Procedure: s.procedures.map((r) => toFhirProcedure(r, today)),
    MedicationRequest: s.medicationOrders.map((r) => toFhirMedicationRequest(r, today)),
  };
}

const DATE_OF: Record<ClinicalResourceType, (r: Resource) => string | undefined> = {
  Condition: (r) => r.onsetDateTime as string | undefined,
  Procedure: (r) => r.performedDateTime as string | undefined,
  MedicationRequest: (r) => r.authoredOn as string | undefined,
};

export function registerFhirClinicalRoutes(app: ZodApp, deps: ApiDeps, plumbing: FhirPlumbing): void {
  const hidden = { hide: true } as const;
  const read = { patientAction: 'read' } as const;
  for (const type of ['Condition', 'Procedure', 'MedicationRequest'] as const) {
    app.get(`${FHIR_BASE}/${type}`, { schema: hidden, config: read }, async (request: FastifyRequest, reply) => {
      const q: SearchQuery & { patient: string } = plumbing.searchOf(request, type);
      const s = await readFhirSources(
        deps,
        contextOf(request),
        q.patient,
        { clinical: true },
        { interaction: 'search', resourceType: type },
      );
      const all = clinicalResources(s, deps.clock.now())[type].filter((r) => resourceMatches(r, q, DATE_OF[type]));
      const hasMore = all.length > q.offset + q.count;
      return plumbing.send(
        reply,
        searchBundle({
          total: all.length,
          links: plumbing.pageLinks(request, type, q, hasMore),
          matches: all.slice(q.offset, q.offset + q.count),
          included: [],
          baseUrl: plumbing.baseUrl(request),
        }),
      );
    });

    app.get(`${FHIR_BASE}/${type}/:id`, { schema: hidden, config: read }, async (request, reply) => {
      const id = (request.params as { id: string }).id;
      if (!UUID.test(id)) throw new AppError('not-found', `No such ${type}.`);
      const found = await readFhirClinicalRecord(deps, contextOf(request), type, id.toLowerCase());
      const today = patientToday(deps.clock.now(), found.patient.timeZone);
      const resource =
        found.kind === 'condition'
          ? toFhirCondition(found.record, today)
          : found.kind === 'procedure'
            ? toFhirProcedure(found.record, today)
            : toFhirMedicationRequest(found.record, today);
      return plumbing.send(reply, resource);
    });
  }
}
