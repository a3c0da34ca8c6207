// What every FHIR route shares: the base address, the media type, the parsed search with the patient
// it names, and a Bundle's paging links.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../app/errors.ts';
import { parseSearch, type SearchableType, type SearchQuery } from '../../../interop/fhir/search.ts';

export const FHIR_BASE = '/fhir/R4';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FhirPlumbing {
  baseUrl(request: FastifyRequest): string;
  send(reply: FastifyReply, body: unknown): FastifyReply;
  /** The parsed search of `type`, with the patient it names; a 400 (or 404 for a malformed patient id) otherwise. */
  searchOf(request: FastifyRequest, type: SearchableType): SearchQuery & { patient: string };
  pageLinks(request: FastifyRequest, path: string, q: SearchQuery, hasMore: boolean): { relation: string; url: string }[];
}

/** The query string as FHIR reads it: repeats kept, in order. */
export const queryOf = (request: FastifyRequest) => new URLSearchParams(request.url.split('?')[1] ?? '');

export function fhirPlumbing(publicUrl: string | undefined): FhirPlumbing {
  const baseUrl = (request: FastifyRequest) => `${publicUrl ?? `${request.protocol}://${request.host}`}${FHIR_BASE}`;
  return {
    baseUrl,
    send: (reply, body) => reply.type(FHIR_JSON).send(JSON.stringify(body)),
    searchOf(request, type) {
      const parsed = parseSearch(type, queryOf(request));
      if (!parsed.ok) throw new AppError('validation-failed', parsed.problem);
      const patient = parsed.query.patient;
      if (patient === undefined) throw new AppError('validation-failed', `A ${type} search needs the patient parameter.`);
      if (!UUID.test(patient)) throw new AppError('not-found', 'No such Patient.');
      return { ...parsed.query, patient };
    },
    pageLinks(request, path, q, hasMore) {
      const url = (offset: number) => {
        const params = queryOf(request);
        params.delete('_offset');
        params.set('_count', String(q.count));
        if (offset > 0) params.set('_offset', String(offset));
        return `${baseUrl(request)}/${path}?${params.toString()}`;
      };
      return [
        { relation: 'self', url: url(q.offset) },
        { relation: 'first', url: url(0) },
        ...(q.offset > 0 ? [{ relation: 'previous', url: url(Math.max(0, q.offset - q.count)) }] : []),
        ...(hasMore ? [{ relation: 'next', url: url(q.offset + q.count) }] : []),
      ];
    },
  };
}
