// Diagnostic medial-branch blocks as the facet LCD reads them: two, each with at least 80 % relief of
// the index pain on the baseline's scale, the second at least 2 weeks after the first, relief lasting
// as long as the agent should (LCD L38773, https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773).
import {
  allOf,
  computeRelief,
  type Criterion,
  type CriterionStatus,
  criterion,
  daysBetween,
  describeRelief,
  priorInRegion,
  reliefStatus,
} from './criteria.ts';
import { FACET_RULES } from './facet-general.ts';
import type { HistoryItem, ReadinessRequest } from './request.ts';
import { type CoverageSettings, facetSource } from './settings.ts';

interface BlockEvaluation {
  readonly relief: Criterion;
  readonly interval: Criterion;
  readonly duration: Criterion;
  readonly positive: readonly HistoryItem[];
}

/** Two diagnostic medial-branch blocks, each with at least 80 % relief, the second at least 14 days after the first. */
export function evaluateDiagnosticBlocks(request: ReadinessRequest, settings: CoverageSettings, after?: string): BlockEvaluation {
  const reliefSource = facetSource(settings, '2 diagnostic MBBs, each ≥ 80% relief of the index pain on the same scale');
  const intervalSource = facetSource(settings, 'confirmatory block at least 2 weeks after the first (documented exceptions allowed)');
  const durationSource = facetSource(settings, 'relief duration consistent with the agent');
  const missingAll = (why: string): BlockEvaluation => ({
    relief: criterion('two-positive-diagnostic-blocks', 'missing', why, reliefSource),
    interval: criterion('diagnostic-block-interval', 'missing', why, intervalSource),
    duration: criterion('block-relief-duration', 'missing', why, durationSource),
    positive: [],
  });
  if (request.region === undefined) return missingAll('spinal region not recorded');
  if (request.history === undefined) return missingAll('prior diagnostic blocks not recorded');

  const blocks = priorInRegion(request.history, ['facet-mbb'], request.region).filter((b) => after === undefined || b.date > after);
  const baseline = request.patient?.baselinePain;
  const rated = blocks.map((b) => {
    const relief = computeRelief(b, baseline);
    return { block: b, status: reliefStatus(relief, FACET_RULES.diagnosticReliefPercent), text: describeRelief(b, relief) };
  });
  const positive = rated.filter((r) => r.status === 'met').map((r) => r.block);
  const unknown = rated.filter((r) => r.status === 'missing').length;
  const listing = rated.length === 0 ? `no diagnostic MBB in the ${request.region} region` : rated.map((r) => r.text).join('; ');
  const reliefStatusAll: CriterionStatus = positive.length >= 2 ? 'met' : positive.length + unknown >= 2 ? 'missing' : 'not-met';
  const relief = criterion('two-positive-diagnostic-blocks', reliefStatusAll, `${listing}; 2 blocks with ≥ 80% needed`, reliefSource);

  // The confirmatory pair: the earliest positive block and a later positive one at least 14 days on.
  let pair: [HistoryItem, HistoryItem] | undefined;
  for (let i = 0; i < positive.length && pair === undefined; i++)
    for (let j = i + 1; j < positive.length && pair === undefined; j++)
      if (daysBetween(positive[j]!, positive[i]!) >= FACET_RULES.confirmatoryIntervalDays) pair = [positive[i]!, positive[j]!];
  let interval: Criterion;
  if (pair !== undefined)
    interval = criterion(
      'diagnostic-block-interval',
      'met',
      `second block ${daysBetween(pair[1], pair[0])} days after the first; ≥ 14 needed`,
      intervalSource,
    );
  else {
    const candidates = positive.length >= 2 ? positive : blocks;
    if (candidates.length < 2)
      interval = criterion('diagnostic-block-interval', 'missing', 'fewer than two diagnostic blocks recorded', intervalSource);
    else {
      const last = candidates[candidates.length - 1]!;
      const previous = candidates[candidates.length - 2]!;
      const days = daysBetween(last, previous);
      interval = criterion(
        'diagnostic-block-interval',
        days >= FACET_RULES.confirmatoryIntervalDays ? 'met' : 'not-met',
        `second block ${days} days after the first; ≥ 14 needed unless an exception is documented`,
        intervalSource,
      );
    }
  }

  const targets = pair ?? (positive.length > 0 ? positive : blocks);
  const min = settings.minimumBlockReliefHours;
  const durationOf = (b: HistoryItem): CriterionStatus =>
    b.reliefDurationHours == null ? 'missing' : min !== undefined && b.reliefDurationHours < min ? 'not-met' : 'met';
  const durationText = targets
    .map((b) => `${b.date}: ${b.reliefDurationHours == null ? 'not recorded' : `${b.reliefDurationHours} h`}`)
    .join('; ');
  const judged =
    min === undefined
      ? 'consistency with the agent is the clinician’s judgement (expected hours per agent UNCONFIRMED; setting minimumBlockReliefHours unset)'
      : `at least ${min} h (setting minimumBlockReliefHours)`;
  const duration =
    targets.length === 0
      ? criterion('block-relief-duration', 'missing', 'no diagnostic block recorded', durationSource)
      : criterion('block-relief-duration', allOf(targets.map(durationOf)), `relief lasted ${durationText}; ${judged}`, durationSource);
  return { relief, interval, duration, positive };
}
