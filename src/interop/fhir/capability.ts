// The CapabilityStatement at /fhir/R4/metadata: exactly what this server does, built from the same
// table of search parameters the parser reads, so the two cannot disagree.
import { SEARCH_PARAMETERS, type SearchableType } from './search.ts';

const SEARCH_PARAM_DOCS: Record<string, { type: string; definition?: string; documentation: string }> = {
  patient: { type: 'reference', documentation: 'Required: the patient whose records are searched (Patient/<id> or <id>).' },
  subject: { type: 'reference', documentation: 'Same as patient; only Patient references.' },
  date: {
    type: 'date',
    documentation:
      'Observation: when it was measured (the diary entry’s wall clock with its zone’s offset); Procedure: when it was done. Prefixes eq, lt, le, gt, ge.',
  },
  code: { type: 'token', documentation: 'system|code, code or system|; comma-separated values match any.' },
  category: { type: 'token', documentation: 'system|code, code or system|; comma-separated values match any.' },
  _lastUpdated: { type: 'date', documentation: 'When the record was last changed. Prefixes eq, lt, le, gt, ge.' },
  _id: { type: 'token', documentation: 'One of these resource ids.' },
};

const COMMON = [
  { name: '_count', type: 'number', documentation: 'Page size, 50 by default, at most 1000.' },
  { name: '_offset', type: 'number', documentation: 'Where the page starts; the Bundle’s next and previous links carry it.' },
];

export function capabilityStatement(options: { readonly baseUrl: string; readonly date: string; readonly version: string }) {
  const searchable = (type: SearchableType) => ({
    searchParam: [
      ...SEARCH_PARAMETERS[type]
        .filter((name) => name !== '_revinclude')
        .map((name) => ({ name, type: SEARCH_PARAM_DOCS[name]!.type, documentation: SEARCH_PARAM_DOCS[name]!.documentation })),
      ...COMMON,
    ],
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: options.date,
    publisher: 'Painwise',
    kind: 'instance',
    software: { name: 'Painwise', version: options.version },
    implementation: { description: 'Painwise FHIR R4 read and search API', url: options.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read and search only. Authorization is the same as the JSON API: a session cookie or a bearer API token; the patient, a caregiver with read scope, or a clinician of a clinic the patient shares with. Every read is recorded in the patient’s access log. Searches require the patient parameter. Unknown search parameters are refused (400).',
        security: { cors: false, description: 'Session cookie or a Painwise API token (Authorization: Bearer pw_…).' },
        resource: [
          {
            type: 'Patient',
            interaction: [{ code: 'read' }],
            operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }],
          },
          {
            type: 'Observation',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchRevInclude: ['Provenance:target'],
            ...searchable('Observation'),
          },
          { type: 'Provenance', interaction: [{ code: 'read' }, { code: 'search-type' }], ...searchable('Provenance') },
          ...(['Condition', 'Procedure', 'MedicationRequest'] as const).map((type) => ({
            type,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            ...searchable(type),
          })),
        ],
      },
    ],
  };
}
