// A scored questionnaire response as a FHIR R4 Observation of its total: the instrument's own LOINC
// score code where instruments.md gives one (PEG 91147-9, PHQ-9 44261-6, ODI 97909-6 …), otherwise
// Painwise's questionnaire-score code named after the instrument, so no code is guessed. The
// Observation points to the QuestionnaireResponse it was derived from.
import { findInstrument, type InstrumentDefinition } from '../../domain/instruments/index.ts';
import { LOINC, OBSERVATION_CATEGORY, PAINWISE_SYSTEM, UCUM } from './common.ts';

export interface ScoredResponseInput {
  readonly id: string;
  readonly patientId: string;
  readonly score: number | null;
  readonly completedAt: string;
}

export const questionnaireObservationId = (responseId: string) => `${responseId}.score`;

export function questionnaireScoreCode(d: InstrumentDefinition): Record<string, unknown> {
  const text = `${d.shortTitle} ${d.primaryScore}`;
  return d.loinc.score
    ? { coding: [{ system: LOINC, code: d.loinc.score }], text }
    : { coding: [{ system: PAINWISE_SYSTEM.questionnaireScore, code: d.id, display: text }], text };
}

/** The total of a scored response; undefined for a response without a score (an instrument that only screens). */
export function questionnaireObservation(d: InstrumentDefinition, r: ScoredResponseInput): Record<string, unknown> | undefined {
  if (r.score === null) return undefined;
  return {
    resourceType: 'Observation',
    id: questionnaireObservationId(r.id),
    meta: { lastUpdated: r.completedAt },
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: questionnaireScoreCode(d),
    subject: { reference: `Patient/${r.patientId}` },
    effectiveDateTime: r.completedAt,
    issued: r.completedAt,
    valueQuantity: { value: r.score, unit: 'score', system: UCUM, code: '{score}' },
    derivedFrom: [{ reference: `QuestionnaireResponse/${r.id}` }],
  };
}

/** The totals of scored responses, each with its instrument's definition; responses of an instrument no longer known are left out. */
export function questionnaireObservationsOf(
  responses: readonly (ScoredResponseInput & { readonly instrumentId: string })[],
): Record<string, unknown>[] {
  return responses.flatMap((r) => {
    const d = findInstrument(r.instrumentId);
    const o = d && questionnaireObservation(d, r);
    return o ? [o] : [];
  });
}
