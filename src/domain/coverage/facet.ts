// Coverage criteria for facet joint interventions: medial-branch blocks, therapeutic intra-articular
// injections, initial and repeat thermal radiofrequency ablation.
//
// Source: Medicare LCD "Facet Joint Interventions for Pain Management", CGS L38773 (effective 25 Apr
// 2021) and the aligned LCDs of the other contractors, https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773 ,
// with billing article A58364; CGS summary https://www.cgsmedicare.com/parta/pa/subs/facet.html .
//
// Reading of the rules that the policy leaves to the record (each said in the criterion's detail):
// - chronic means at least 12 weeks after onset (the LCD's own definition);
// - failed conservative care has no minimum duration ("as tolerated"); "not tolerated" counts as failed;
// - "facet-ia" is a therapeutic intra-articular injection; diagnostic blocks are "facet-mbb";
// - relief is the index pain's, (before − after) / before, on the baseline's scale;
// - the record names regions, not levels, so "same level" rules are checked per region and say so;
// - a "successful" prior RFA is one with at least 50 % pain relief (the repeat-RFA threshold).
import { addCalendarMonths } from '../care-plan/calendar-months.ts';
import {
  allOf,
  anyOf,
  baselineDisabilityScale,
  baselinePainScale,
  computeRelief,
  type Criterion,
  type CriterionStatus,
  criterion,
  daysBetween,
  describeCare,
  describeRelief,
  failedOrNotTolerated,
  imageGuidance,
  levelsPerSession,
  painDuration,
  priorInRegion,
  regionRecorded,
  reliefStatus,
  sessionLimit,
} from './criteria.ts';
import type { HistoryItem, ReadinessRequest } from './request.ts';
import { type CoverageSettings, facetSource } from './settings.ts';

/** Thresholds as the LCD states them. */
export const FACET_RULES = {
  chronicDays: 12 * 7,
  diagnosticReliefPercent: 80,
  confirmatoryIntervalDays: 14,
  maxLevelsPerSession: 2,
  maxDiagnosticSessionsPerYear: 4,
  maxTherapeuticSessionsPerYear: 4,
  maxRfSessionsPerYear: 2,
  therapeuticReliefPercent: 50,
  therapeuticReliefMonths: 3,
  repeatRfaReliefPercent: 50,
  repeatRfaReliefMonths: 6,
  repeatDiagnosticsAfterMonths: 24,
} as const;

const RF_KINDS = ['facet-rfa', 'facet-rfa-repeat'] as const;

function generalCriteria(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
  const src = (part: string) => facetSource(settings, part);
  const p = request.patient;
  const exclusions = p?.exclusions;
  const criteria: Criterion[] = [];

  const pattern = p?.pattern;
  criteria.push(
    pattern === undefined
      ? criterion('axial-pain', 'missing', 'pain pattern not recorded', src('predominantly axial neck or low back pain'))
      : criterion(
          'axial-pain',
          pattern === 'axial' ? 'met' : 'not-met',
          `pain pattern ${pattern}; predominantly axial pain needed`,
          src('predominantly axial neck or low back pain'),
        ),
  );
  criteria.push(
    painDuration(request, FACET_RULES.chronicDays, 'at least 12 weeks (3 months)', src('chronic pain, at least 12 weeks after onset')),
  );
  criteria.push(baselinePainScale(request, src('pain at baseline on a named scale')));
  criteria.push(baselineDisabilityScale(request, src('disability scale at baseline')));

  const care = p?.conservativeCare;
  const careSource = src('failure of noninvasive conservative care as tolerated (no minimum duration)');
  if (care === undefined) criteria.push(criterion('conservative-care-failed', 'missing', 'conservative care not recorded', careSource));
  else if (care.some((c) => failedOrNotTolerated(c.outcome)))
    criteria.push(criterion('conservative-care-failed', 'met', `failed or not tolerated: ${describeCare(request)}`, careSource));
  else if (care.some((c) => c.outcome == null))
    criteria.push(criterion('conservative-care-failed', 'missing', `outcome not recorded: ${describeCare(request)}`, careSource));
  else
    criteria.push(
      criterion(
        'conservative-care-failed',
        'not-met',
        care.length === 0 ? 'no conservative care tried' : `none failed: ${describeCare(request)}`,
        careSource,
      ),
    );

  const radic = p?.untreatedRadiculopathy;
  const radicSource = src('no untreated radiculopathy or neurogenic claudication (except from a facet synovial cyst)');
  criteria.push(
    radic == null
      ? criterion('no-untreated-radiculopathy', 'missing', 'untreated radiculopathy not recorded either way', radicSource)
      : criterion(
          'no-untreated-radiculopathy',
          radic ? 'not-met' : 'met',
          radic ? 'untreated radiculopathy present' : 'no untreated radiculopathy',
          radicSource,
        ),
  );

  const exclusionCriterion = (id: string, found: readonly string[], what: string, part: string) => {
    if (exclusions === undefined) return criterion(id, 'missing', `${what} not recorded either way`, src(part));
    const present = exclusions.filter((e) => found.includes(e));
    return criterion(
      id,
      present.length > 0 ? 'not-met' : 'met',
      present.length > 0 ? `present: ${present.join(', ')}` : `no ${what}`,
      src(part),
    );
  };
  criteria.push(
    exclusionCriterion(
      'no-non-facet-pathology',
      ['fracture', 'tumour', 'infection', 'deformity'],
      'fracture, tumour, infection or significant deformity',
      'no non-facet pathology explaining the pain',
    ),
  );
  const generalized = exclusionCriterion(
    'not-generalized-pain',
    ['fibromyalgia', 'centralized-pain'],
    'generalized or centralized pain',
    'not for generalized pain (e.g. fibromyalgia) or centralized pain syndromes',
  );
  criteria.push(
    pattern === 'widespread' ? criterion('not-generalized-pain', 'not-met', 'pain pattern widespread', generalized.source) : generalized,
  );
  criteria.push(
    exclusionCriterion(
      'not-after-alif',
      ['prior-alif'],
      'prior anterior lumbar interbody fusion',
      'not after anterior lumbar interbody fusion',
    ),
  );

  criteria.push(imageGuidance(request, src('CT or fluoroscopic guidance (not unguided, ultrasound or MRI)')));
  criteria.push(regionRecorded(request, src('one spinal region per session')));
  criteria.push(levelsPerSession(request, FACET_RULES.maxLevelsPerSession, src('1–2 levels per session, uni- or bilateral')));
  return criteria;
}

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

function priorResponse(
  id: string,
  prior: HistoryItem,
  request: ReadinessRequest,
  percent: number,
  months: number,
  functionStatus: CriterionStatus,
  functionText: string,
  source: string,
): Criterion {
  const relief = computeRelief(prior, request.patient?.baselinePain);
  const lasted = prior.reliefDurationMonths;
  const painPath = allOf([reliefStatus(relief, percent), lasted == null ? 'missing' : lasted >= months ? 'met' : 'not-met']);
  const detail = `${describeRelief(prior, relief)}, lasting ${lasted == null ? 'an unrecorded time' : `${lasted} months`}; ${functionText}; needs ≥ ${percent}% for ≥ ${months} months or the function alternative`;
  return criterion(id, anyOf([painPath, functionStatus]), detail, source);
}

function repeatRfaCriteria(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
  const source = facetSource(
    settings,
    'repeat RFA: prior RFA gave ≥ 50% pain improvement for ≥ 6 months, or improvement in painful movements/ADLs on the same scale',
  );
  const twoYearSource = facetSource(
    settings,
    '2 years or more since the last RFA and the pain source in question: repeat diagnostic blocks',
  );
  if (request.region === undefined || request.history === undefined) {
    const why = request.region === undefined ? 'spinal region not recorded' : 'prior RFA not recorded';
    return [
      criterion('prior-rfa-response', 'missing', why, source),
      criterion('repeat-diagnostics-after-two-years', 'missing', why, twoYearSource),
    ];
  }
  const prior = priorInRegion(request.history, RF_KINDS, request.region);
  const last = prior[prior.length - 1];
  if (last === undefined)
    return [criterion('prior-rfa-response', 'not-met', `no prior RFA in the ${request.region} region recorded`, source)];
  const f = last.functionImproved;
  const functionStatus: CriterionStatus = f == null ? 'missing' : f ? 'met' : 'not-met';
  const functionText =
    f == null ? 'function/ADL change not recorded' : f ? 'painful movements/ADLs improved' : 'no improvement in painful movements/ADLs';
  const response = priorResponse(
    'prior-rfa-response',
    last,
    request,
    FACET_RULES.repeatRfaReliefPercent,
    FACET_RULES.repeatRfaReliefMonths,
    functionStatus,
    functionText,
    source,
  );
  const twoYears = addCalendarMonths(last.date, FACET_RULES.repeatDiagnosticsAfterMonths);
  let diagnostics: Criterion;
  if (request.date < twoYears)
    diagnostics = criterion(
      'repeat-diagnostics-after-two-years',
      'met',
      `last RFA ${last.date}, under 2 years ago: no repeat diagnostic blocks needed`,
      twoYearSource,
    );
  else {
    const blocks = evaluateDiagnosticBlocks(request, settings, last.date);
    diagnostics =
      blocks.relief.status === 'met'
        ? criterion('repeat-diagnostics-after-two-years', 'met', `last RFA ${last.date}; two positive blocks since`, twoYearSource)
        : criterion(
            'repeat-diagnostics-after-two-years',
            'missing',
            `last RFA ${last.date}, 2 years or more ago: if the pain source is in question, two repeat diagnostic blocks with ≥ 80% relief are required`,
            twoYearSource,
          );
  }
  return [response, diagnostics];
}

function successfulRfaCriterion(request: ReadinessRequest, settings: CoverageSettings): Criterion {
  const source = facetSource(settings, 'no diagnostic block at the level of a previously successful RFA');
  if (request.region === undefined) return criterion('no-prior-successful-rfa', 'missing', 'spinal region not recorded', source);
  if (request.history === undefined) return criterion('no-prior-successful-rfa', 'missing', 'prior RFA not recorded', source);
  const rated = priorInRegion(request.history, RF_KINDS, request.region).map((h) => ({
    h,
    status: reliefStatus(computeRelief(h, request.patient?.baselinePain), FACET_RULES.repeatRfaReliefPercent),
  }));
  const successful = rated.filter((r) => r.status === 'met');
  if (successful.length > 0) {
    const last = successful[successful.length - 1]!.h;
    if (request.date >= addCalendarMonths(last.date, FACET_RULES.repeatDiagnosticsAfterMonths))
      return criterion(
        'no-prior-successful-rfa',
        'met',
        `successful RFA ${last.date}, 2 years or more ago: repeat diagnostic blocks allowed`,
        source,
      );
    return criterion(
      'no-prior-successful-rfa',
      'missing',
      `successful RFA (≥ 50%) in the ${request.region} region on ${last.date}: record that this block is at other levels (the record names regions, not levels)`,
      source,
    );
  }
  if (rated.some((r) => r.status === 'missing'))
    return criterion('no-prior-successful-rfa', 'missing', `a prior RFA in the ${request.region} region has no recorded relief`, source);
  return criterion('no-prior-successful-rfa', 'met', `no successful RFA in the ${request.region} region recorded`, source);
}

function confirmatoryIntervalCriterion(request: ReadinessRequest, settings: CoverageSettings): Criterion | undefined {
  if (request.region === undefined || request.history === undefined) return undefined;
  const blocks = priorInRegion(request.history, ['facet-mbb'], request.region);
  const last = blocks[blocks.length - 1];
  if (last === undefined) return undefined;
  const days = daysBetween(request.date, last);
  return criterion(
    'diagnostic-block-interval',
    days >= FACET_RULES.confirmatoryIntervalDays ? 'met' : 'not-met',
    `${days} days after the previous block on ${last.date}; ≥ 14 needed unless an exception is documented`,
    facetSource(settings, 'confirmatory block at least 2 weeks after the first (documented exceptions allowed)'),
  );
}

export function evaluateFacet(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
  const criteria = generalCriteria(request, settings);
  const src = (part: string) => facetSource(settings, part);
  switch (request.procedure) {
    case 'facet-mbb': {
      const interval = confirmatoryIntervalCriterion(request, settings);
      if (interval !== undefined) criteria.push(interval);
      criteria.push(successfulRfaCriterion(request, settings));
      criteria.push(
        sessionLimit(
          request,
          ['facet-mbb'],
          FACET_RULES.maxDiagnosticSessionsPerYear,
          'diagnostic session',
          'diagnostic-sessions-12-months',
          src('at most 4 diagnostic sessions per spinal region per rolling 12 months'),
        ),
      );
      break;
    }
    case 'facet-ia': {
      const blocks = evaluateDiagnosticBlocks(request, settings);
      criteria.push(blocks.relief, blocks.interval, blocks.duration);
      const prior = request.region && request.history ? priorInRegion(request.history, ['facet-ia'], request.region) : [];
      const last = prior[prior.length - 1];
      if (last !== undefined) {
        // The ADL alternative asks for ≥ 50 % improvement on the same scale; a yes/no cannot show the size.
        const f = last.functionImproved;
        const functionStatus: CriterionStatus = f === false ? 'not-met' : 'missing';
        const functionText =
          f == null
            ? 'ADL change not recorded'
            : f
              ? 'ADLs improved (the size, ≥ 50% on the same scale, must be documented)'
              : 'no ADL improvement';
        criteria.push(
          priorResponse(
            'prior-therapeutic-response',
            last,
            request,
            FACET_RULES.therapeuticReliefPercent,
            FACET_RULES.therapeuticReliefMonths,
            functionStatus,
            functionText,
            src('repeat therapeutic injection at the site: ≥ 50% relief for ≥ 3 months, or ≥ 50% improvement in ADLs on the same scale'),
          ),
        );
      }
      const reason = request.patient?.notRfaCandidateReason;
      const reasonSource = src('documentation of why the patient is not an RFA candidate');
      criteria.push(
        reason == null
          ? criterion('not-rfa-candidate-documented', 'missing', 'why the patient is not an RFA candidate is not recorded', reasonSource)
          : criterion('not-rfa-candidate-documented', 'met', `not an RFA candidate: ${reason}`, reasonSource),
      );
      criteria.push(
        sessionLimit(
          request,
          ['facet-ia'],
          FACET_RULES.maxTherapeuticSessionsPerYear,
          'therapeutic session',
          'therapeutic-sessions-12-months',
          src('at most 4 therapeutic sessions per spinal region per rolling 12 months'),
        ),
      );
      break;
    }
    case 'facet-rfa': {
      const blocks = evaluateDiagnosticBlocks(request, settings);
      criteria.push(blocks.relief, blocks.interval, blocks.duration);
      criteria.push(
        sessionLimit(
          request,
          RF_KINDS,
          FACET_RULES.maxRfSessionsPerYear,
          'RF session',
          'rf-sessions-12-months',
          src('at most 2 RF sessions per spinal region per rolling 12 months'),
        ),
      );
      break;
    }
    case 'facet-rfa-repeat': {
      criteria.push(...repeatRfaCriteria(request, settings));
      criteria.push(
        sessionLimit(
          request,
          RF_KINDS,
          FACET_RULES.maxRfSessionsPerYear,
          'RF session',
          'rf-sessions-12-months',
          src('at most 2 RF sessions per spinal region per rolling 12 months'),
        ),
      );
      break;
    }
    default:
      throw new Error(`not a facet procedure: ${request.procedure}`);
  }
  return criteria;
}
