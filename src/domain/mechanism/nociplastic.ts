// Clinical criteria and grading of nociplastic pain affecting the musculoskeletal system:
// not applicable / unlikely / possible / probable (no "definite" level exists).
//
// Source: Kosek E, Clauw D, Nijs J, et al. Chronic nociplastic pain affecting the musculoskeletal
// system: clinical criteria and grading system. Pain 2021;162(11):2629–2634; criteria as enumerated by
// Nijs J et al., J Clin Med 2021;10(15):3203, https://pmc.ncbi.nlm.nih.gov/articles/PMC8347369
//   1. pain of at least 3 months' duration (3 itself counts);
//   2. regional (multifocal or widespread) rather than discrete distribution;
//   3. pain cannot entirely be explained by nociceptive or neuropathic mechanisms;
//   4. clinical signs of pain hypersensitivity at least in the region of pain;
//   5. history of pain hypersensitivity in the region of pain;
//   6. at least one comorbidity: sensitivity to sound, light or odours; sleep disturbance with frequent
//      nocturnal awakenings; fatigue; cognitive problems.
//   Steps: 1–3 not all met → not applicable (consider nociceptive or neuropathic pain); 4 not met →
//   unlikely; 5 and 6 met → probable; otherwise possible.
// UNCONFIRMED: the verbatim Kosek 2021 sentence for "probable"; requiring both 5 and 6 is corroborated by
// secondary sources only, so it is the setting `probableRequiresHistoryAndComorbidity` (default true).
// Invariants: "no" and "not assessed" give the same grade; turning an answer to yes never lowers it. Pure.

import { answerOf, type Answer, type CriterionResult } from './model.ts';

export const NOCIPLASTIC_GRADES = ['not-applicable', 'unlikely', 'possible', 'probable'] as const;
export type NociplasticGrade = (typeof NOCIPLASTIC_GRADES)[number];

export const NOCIPLASTIC_COMORBIDITIES = ['sound-light-odour-sensitivity', 'sleep-disturbance', 'fatigue', 'cognitive-problems'] as const;
export type NociplasticComorbidity = (typeof NOCIPLASTIC_COMORBIDITIES)[number];

export type NociplasticCriterionId =
  | 'duration'
  | 'regional'
  | 'not-entirely-explained'
  | 'clinical-hypersensitivity'
  | 'history-of-hypersensitivity'
  | 'comorbidity';

/** Kosek 2021 criterion 1: pain of at least this many months (inclusive). */
export const NOCIPLASTIC_MIN_DURATION_MONTHS = 3;

/** Null or absent means not assessed; an empty comorbidity list means assessed and none present. */
export interface NociplasticFindings {
  readonly durationMonths?: number | null;
  readonly regional?: boolean | null;
  readonly notEntirelyExplained?: boolean | null;
  readonly clinicalHypersensitivity?: boolean | null;
  readonly historyOfHypersensitivity?: boolean | null;
  readonly comorbidities?: readonly NociplasticComorbidity[] | null;
}

export interface NociplasticSettings {
  /**
   * UNCONFIRMED (Kosek 2021 verbatim wording not retrieved): true requires both a history of pain
   * hypersensitivity and at least one comorbidity for "probable", as secondary sources report; false
   * lets either one suffice.
   */
  readonly probableRequiresHistoryAndComorbidity: boolean;
}

export const DEFAULT_NOCIPLASTIC_SETTINGS: NociplasticSettings = { probableRequiresHistoryAndComorbidity: true };

export interface NociplasticGrading {
  readonly grade: NociplasticGrade;
  readonly criteria: readonly CriterionResult<NociplasticCriterionId>[];
}

export const NOCIPLASTIC_SOURCE =
  'Kosek 2021, Pain 162:2629 (criteria as enumerated by Nijs 2021, J Clin Med 10:3203, https://pmc.ncbi.nlm.nih.gov/articles/PMC8347369)';
const PROBABLE_RULE_NOTE = '; "probable" needs history and comorbidity per secondary sources (verbatim rule UNCONFIRMED)';

function durationCriterion(months: number | null | undefined): CriterionResult<NociplasticCriterionId> {
  const answer: Answer =
    months === null || months === undefined ? 'not-assessed' : months >= NOCIPLASTIC_MIN_DURATION_MONTHS ? 'yes' : 'no';
  const recorded = answer === 'not-assessed' ? 'duration not recorded' : `${months} months`;
  return {
    id: 'duration',
    answer,
    detail: `${recorded}; at least ${NOCIPLASTIC_MIN_DURATION_MONTHS} months needed`,
    source: NOCIPLASTIC_SOURCE,
  };
}

function comorbidityCriterion(
  list: readonly NociplasticComorbidity[] | null | undefined,
  settings: NociplasticSettings,
): CriterionResult<NociplasticCriterionId> {
  const answer: Answer = list === null || list === undefined ? 'not-assessed' : list.length > 0 ? 'yes' : 'no';
  const recorded = answer === 'not-assessed' ? 'not assessed' : answer === 'no' ? 'none present' : [...new Set(list)].join(', ');
  return {
    id: 'comorbidity',
    answer,
    detail: `at least one of sound/light/odour sensitivity, sleep disturbance, fatigue, cognitive problems: ${recorded}`,
    source: NOCIPLASTIC_SOURCE + (settings.probableRequiresHistoryAndComorbidity ? PROBABLE_RULE_NOTE : ''),
  };
}

export function gradeNociplastic(
  findings: NociplasticFindings,
  settings: NociplasticSettings = DEFAULT_NOCIPLASTIC_SETTINGS,
): NociplasticGrading {
  const answered = (id: NociplasticCriterionId, value: boolean | null | undefined, detail: string) => ({
    id,
    answer: answerOf(value),
    detail,
    source: NOCIPLASTIC_SOURCE,
  });
  const criteria: CriterionResult<NociplasticCriterionId>[] = [
    durationCriterion(findings.durationMonths),
    answered('regional', findings.regional, 'regional (multifocal or widespread) rather than discrete pain distribution'),
    answered(
      'not-entirely-explained',
      findings.notEntirelyExplained,
      'pain cannot entirely be explained by nociceptive or neuropathic mechanisms',
    ),
    answered(
      'clinical-hypersensitivity',
      findings.clinicalHypersensitivity,
      'clinical signs of pain hypersensitivity at least in the region of pain (allodynia or painful after-sensations)',
    ),
    answered('history-of-hypersensitivity', findings.historyOfHypersensitivity, 'history of pain hypersensitivity in the region of pain'),
    comorbidityCriterion(findings.comorbidities, settings),
  ];
  const yes = (id: NociplasticCriterionId) => criteria.find((c) => c.id === id)?.answer === 'yes';
  let grade: NociplasticGrade;
  if (!(yes('duration') && yes('regional') && yes('not-entirely-explained'))) grade = 'not-applicable';
  else if (!yes('clinical-hypersensitivity')) grade = 'unlikely';
  else {
    const probable = settings.probableRequiresHistoryAndComorbidity
      ? yes('history-of-hypersensitivity') && yes('comorbidity')
      : yes('history-of-hypersensitivity') || yes('comorbidity');
    grade = probable ? 'probable' : 'possible';
  }
  return { grade, criteria };
}
