// Requests for the readiness tests: a patient whose record meets every general criterion, so a test
// changes one fact and sees one criterion move. Dates are fixed; nothing reads a clock.
import { evaluateReadiness } from './evaluate-readiness.ts';
import type { Criterion, CriterionStatus, Readiness } from './criteria.ts';
import { validateReadinessRequest } from './request.ts';
import type { CoverageSettings } from './settings.ts';

export const PLANNED = '2026-03-02';

export const FULL_PATIENT = {
  painOnset: '2025-06-02',
  pattern: 'axial',
  indication: 'facet-arthropathy',
  concordantImaging: true,
  untreatedRadiculopathy: false,
  exclusions: [] as string[],
  baselinePain: { scale: 'nrs', value: 8 },
  baselineDisability: { scale: 'odi', value: 40 },
  conservativeCare: [{ kind: 'physical-therapy', weeks: 8, outcome: 'failed' }],
  psychologicalEvaluation: true,
  multidisciplinaryEvaluation: true,
  activeSubstanceAbuse: false,
  notRfaCandidateReason: 'implanted electrical device',
};

export const RADICULAR_PATIENT = { ...FULL_PATIENT, pattern: 'radicular', indication: 'disc-herniation' };

type Json = object;

export function item(procedure: string, date: string, fields: Json = {}): Json {
  return { procedure, date, region: 'lumbar', levels: 1, scale: 'nrs', painBefore: 8, painAfter: 0, reliefDurationHours: 4, ...fields };
}

export function request(procedure: string, fields: Json = {}): Json {
  return {
    procedure,
    date: PLANNED,
    region: 'lumbar',
    levels: 1,
    bilateral: false,
    guidance: 'fluoroscopy',
    contrast: true,
    patient: procedure.startsWith('esi-') ? RADICULAR_PATIENT : FULL_PATIENT,
    history: [],
    ...fields,
  };
}

export interface Evaluated extends Readiness {
  status(id: string): CriterionStatus | undefined;
  find(id: string): Criterion | undefined;
}

/** Validate and evaluate; a request the test meant to be valid that is not fails loudly. */
export function evaluate(input: Json, settings?: CoverageSettings): Evaluated {
  const parsed = validateReadinessRequest(input);
  if (parsed.kind !== 'valid') throw new Error(`invalid test request: ${JSON.stringify(parsed.problems)}`);
  const result = evaluateReadiness(parsed.request, settings);
  return {
    ...result,
    status: (id) => result.criteria.find((c) => c.id === id)?.status,
    find: (id) => result.criteria.find((c) => c.id === id),
  };
}
