// FHIR R4 Questionnaire for an instrument and QuestionnaireResponse for a stored response.
// LOINC codes are attached where the published sources list them (panel on the Questionnaire, item codes on
// items, LA answer codes on options, the score code on the read-only calculated-score item). Items carry the
// construct paraphrase, never copyrighted wording; the licence attribution goes in `copyright`.
import type { InstrumentDefinition } from '../../domain/instruments/index.ts';

const LOINC = 'http://loinc.org';
const BASE = 'https://painwise.org/fhir/Questionnaire';

export function questionnaireCanonical(d: InstrumentDefinition): string {
  return `${BASE}/${d.id}`;
}

/**
 * Questionnaire.version: the published edition as a token, because a canonical reference
 * (`url|version`) may not contain whitespace — "PHQ-9 (Kroenke 2001)" → "PHQ-9-Kroenke-2001".
 */
export function questionnaireVersion(d: InstrumentDefinition): string {
  return d.version.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The calculated primary score, a read-only item of the Questionnaire (linkId `score`). */
const SCORE_LINK_ID = 'score';

const optionCoding = (d: InstrumentDefinition, itemKey: string, o: { value: number; label: string; loinc?: string }) =>
  o.loinc
    ? { system: LOINC, code: o.loinc, display: o.label }
    : { system: `${questionnaireCanonical(d)}/item/${itemKey}`, code: String(o.value), display: o.label };

/** `withItemText: false` (a licensed instrument without a licence here): items keep their codes and values, not their text. */
export function toFhirQuestionnaire(d: InstrumentDefinition, options: { readonly withItemText: boolean } = { withItemText: true }) {
  return {
    resourceType: 'Questionnaire',
    id: d.id,
    url: questionnaireCanonical(d),
    version: questionnaireVersion(d),
    name: d.shortTitle.replace(/[^A-Za-z0-9]/g, ''),
    title: d.title,
    status: 'active',
    description: `${d.measures}. ${d.recallPeriod ? `Recall: ${d.recallPeriod}. ` : ''}Source: ${d.source}`,
    copyright: d.licence.attribution,
    ...(d.loinc.panel ? { code: [{ system: LOINC, code: d.loinc.panel, display: d.title }] } : {}),
    item: [
      ...d.items.map(
        (i): Record<string, unknown> => ({
          linkId: i.key,
          ...(i.loinc ? { code: [{ system: LOINC, code: i.loinc }] } : {}),
          prefix: i.key,
          ...(options.withItemText ? { text: i.construct } : {}),
          type: 'choice',
          required: !i.optional,
          answerOption: i.options.map((o) => ({
            valueCoding: options.withItemText
              ? optionCoding(d, i.key, o)
              : (({ display: _display, ...coding }) => coding)(optionCoding(d, i.key, o)),
            extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: o.value }],
          })),
        }),
      ),
      {
        linkId: SCORE_LINK_ID,
        ...(d.loinc.score ? { code: [{ system: LOINC, code: d.loinc.score }] } : {}),
        text: `${d.shortTitle} ${d.primaryScore}`,
        type: 'decimal',
        required: false,
        readOnly: true,
      },
    ],
  };
}

export interface FhirResponseInput {
  readonly id: string;
  readonly patientId: string;
  readonly answers: Readonly<Record<string, unknown>>;
  readonly score: number | null;
  readonly completedAt: string;
  readonly enteredBy: string;
}

/** `withItemText: false` (a licensed instrument without a licence here): answers keep their codes, not item text or labels. */
export function toFhirQuestionnaireResponse(
  d: InstrumentDefinition,
  r: FhirResponseInput,
  options: { readonly withItemText: boolean } = { withItemText: true },
) {
  const items: Record<string, unknown>[] = d.items
    .filter((i) => typeof r.answers[i.key] === 'number')
    .map((i) => {
      const value = r.answers[i.key] as number;
      const option = i.options.find((o) => o.value === value);
      const coding = option ? optionCoding(d, i.key, option) : { code: String(value) };
      const { display: _display, ...codeOnly } = coding as { display?: string };
      return {
        linkId: i.key,
        ...(options.withItemText ? { text: i.construct } : {}),
        answer: [{ valueCoding: options.withItemText ? coding : codeOnly }],
      };
    });
  // QuestionnaireResponse.item has no `code` in R4: the LOINC score code is on the Questionnaire's item.
  if (r.score !== null)
    items.push({ linkId: SCORE_LINK_ID, text: `${d.shortTitle} ${d.primaryScore}`, answer: [{ valueDecimal: r.score }] });
  return {
    resourceType: 'QuestionnaireResponse',
    id: r.id,
    questionnaire: `${questionnaireCanonical(d)}|${questionnaireVersion(d)}`,
    status: 'completed',
    subject: { reference: `Patient/${r.patientId}` },
    authored: r.completedAt,
    author: { identifier: { system: 'https://painwise.org/fhir/user', value: r.enteredBy } },
    item: items,
  };
}
