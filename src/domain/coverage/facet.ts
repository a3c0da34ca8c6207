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
  computeRelief,
  type Criterion,
  type CriterionStatus,
  criterion,
  daysBetween,
  describeRelief,
  priorInRegion,
  reliefStatus,
  sessionLimit,
} from './criteria.ts';
import { evaluateDiagnosticBlocks } from './facet-blocks.ts';
import { FACET_RULES, generalCriteria, RF_KINDS } from './facet-general.ts';
import type { HistoryItem, ReadinessRequest } from './request.ts';
import { type CoverageSettings, facetSource } from './settings.ts';

export { FACET_RULES } from './facet-general.ts';

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
