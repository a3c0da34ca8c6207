// Coverage criteria for spinal cord stimulation: the trial and the permanent implant.
//
// Source: NCD 160.7 Electrical Nerve Stimulators, section B.2, https://www.cms.gov/medicare-coverage-database/view/ncd.aspx?ncdid=240 ;
// LCD L36204 Spinal Cord Stimulators for Chronic Pain (Noridian JF), https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=36204 ,
// with billing article A57792 (one permanent implant per lifetime).
//
// Reading of the rules that the policy leaves to the record (each said in the criterion's detail):
// - "late resort" and "other modalities tried and unsatisfactory" are read together from the conservative
//   care record: at least one therapy failed or not tolerated, none still helping;
// - a trial's success is read from its ratings: ≥ 50 % target-pain relief on the baseline's scale or
//   ≥ 50 % fewer analgesics, and some functional improvement;
// - the NCD and LCD state no minimum pain duration, so none is checked.
// Not read from a request (to confirm on the order): the facilities and team (NCD B.2(d)), education and
// disclosure of risks and benefits, at most 2 leads or 16 contacts, and implanting in an ASC or hospital.
import {
  allOf,
  anyOf,
  computeRelief,
  type Criterion,
  type CriterionStatus,
  criterion,
  describeCare,
  describeRelief,
  failedOrNotTolerated,
  priorInRegion,
  reliefStatus,
} from './criteria.ts';
import type { HistoryItem, ReadinessRequest } from './request.ts';
import { type CoverageSettings, NCD_SCS, scsSource } from './settings.ts';

export const SCS_RULES = {
  trialReliefPercent: 50,
  trialAnalgesicReductionPercent: 50,
  maxTrialsPerRegion: 2,
  maxPermanentPerLifetime: 1,
} as const;

function booleanCriterion(
  id: string,
  value: boolean | null | undefined,
  wanted: boolean,
  texts: { yes: string; no: string; missing: string },
  source: string,
): Criterion {
  if (value == null) return criterion(id, 'missing', texts.missing, source);
  return criterion(id, value === wanted ? 'met' : 'not-met', value ? texts.yes : texts.no, source);
}

function selectionCriteria(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
  const p = request.patient;
  const criteria: Criterion[] = [];
  const modalitiesSource = `${NCD_SCS} B.2(a)–(b): a late resort, other therapies tried and unsatisfactory or unsuitable`;
  const care = p?.conservativeCare;
  if (care === undefined)
    criteria.push(criterion('other-therapies-unsatisfactory', 'missing', 'therapies tried not recorded', modalitiesSource));
  else if (care.some((c) => failedOrNotTolerated(c.outcome)) && !care.some((c) => c.outcome === 'helped'))
    criteria.push(criterion('other-therapies-unsatisfactory', 'met', describeCare(request), modalitiesSource));
  else if (care.some((c) => c.outcome === 'helped'))
    criteria.push(
      criterion('other-therapies-unsatisfactory', 'not-met', `a therapy still helps: ${describeCare(request)}`, modalitiesSource),
    );
  else
    criteria.push(
      criterion(
        'other-therapies-unsatisfactory',
        care.length === 0 ? 'not-met' : 'missing',
        care.length === 0 ? 'no other therapy tried' : `outcome not recorded: ${describeCare(request)}`,
        modalitiesSource,
      ),
    );
  criteria.push(
    booleanCriterion(
      'multidisciplinary-evaluation',
      p?.multidisciplinaryEvaluation,
      true,
      {
        yes: 'multidisciplinary screening documented',
        no: 'no multidisciplinary screening',
        missing: 'multidisciplinary screening not recorded',
      },
      `${NCD_SCS} B.2(c): screening, evaluation and diagnosis by a multidisciplinary team`,
    ),
  );
  criteria.push(
    booleanCriterion(
      'psychological-evaluation',
      p?.psychologicalEvaluation,
      true,
      { yes: 'psychological evaluation documented', no: 'no psychological evaluation', missing: 'psychological evaluation not recorded' },
      `${NCD_SCS} B.2(c); ${scsSource(settings, 'appropriate psychological screening')}`,
    ),
  );
  criteria.push(
    booleanCriterion(
      'no-active-substance-abuse',
      p?.activeSubstanceAbuse,
      false,
      { yes: 'active substance abuse', no: 'no active substance abuse', missing: 'substance use not recorded' },
      scsSource(settings, 'no active substance abuse'),
    ),
  );
  return criteria;
}

/** Success of a trial: (≥ 50 % pain relief or ≥ 50 % fewer analgesics) and some functional improvement. */
function trialSuccess(trial: HistoryItem, request: ReadinessRequest): { status: CriterionStatus; text: string } {
  const relief = computeRelief(trial, request.patient?.baselinePain);
  const pain = reliefStatus(relief, SCS_RULES.trialReliefPercent);
  const a = trial.analgesicReductionPercent;
  const analgesic: CriterionStatus = a == null ? 'missing' : a >= SCS_RULES.trialAnalgesicReductionPercent ? 'met' : 'not-met';
  const f = trial.functionImproved;
  const fn: CriterionStatus = f == null ? 'missing' : f ? 'met' : 'not-met';
  const text = `${describeRelief(trial, relief)}, analgesics ${a == null ? 'change not recorded' : `−${a}%`}, function ${f == null ? 'not recorded' : f ? 'improved' : 'not improved'}`;
  return { status: allOf([anyOf([pain, analgesic]), fn]), text };
}

export function evaluateScs(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
  const criteria = selectionCriteria(request, settings);
  const lifetimeSource = 'Billing article A57792: one permanent SCS per lifetime (replacing a working system needs no new trial)';
  if (request.region === undefined || request.history === undefined) {
    const why = request.region === undefined ? 'spinal region not recorded' : 'prior SCS trials and implants not recorded';
    if (request.procedure === 'scs-trial')
      criteria.push(
        criterion('scs-trials-per-region', 'missing', why, scsSource(settings, 'at most 2 trials per spinal region per lifetime')),
      );
    else criteria.push(criterion('successful-trial', 'missing', why, `${NCD_SCS} B.2(e); ${scsSource(settings, 'successful trial')}`));
    if (request.procedure === 'scs-permanent') criteria.push(criterion('one-permanent-per-lifetime', 'missing', why, lifetimeSource));
    return criteria;
  }
  const trials = priorInRegion(request.history, ['scs-trial'], request.region);
  const implants = request.history.filter((h) => h.procedure === 'scs-permanent');
  const crps = request.patient?.indication === 'crps';

  if (request.procedure === 'scs-trial') {
    const source = scsSource(
      settings,
      'at most 2 trials per spinal region per lifetime; a repeat trial after a failed one only with extenuating circumstances',
    );
    const last = trials[trials.length - 1];
    if (trials.length >= SCS_RULES.maxTrialsPerRegion)
      criteria.push(
        criterion(
          'scs-trials-per-region',
          'not-met',
          `${trials.length} prior trials in the ${request.region} region; at most 2 (exceptions: technical limitation, new modality)`,
          source,
        ),
      );
    else if (last !== undefined && trialSuccess(last, request).status !== 'met')
      criteria.push(
        criterion(
          'scs-trials-per-region',
          'missing',
          `prior trial ${last.date} not shown successful: a repeat trial needs extenuating circumstances documented`,
          source,
        ),
      );
    else
      criteria.push(
        criterion(
          'scs-trials-per-region',
          'met',
          `this would be trial ${trials.length + 1} of at most 2 in the ${request.region} region`,
          source,
        ),
      );
  } else {
    const source = `${NCD_SCS} B.2(e): relief with a temporarily implanted electrode; ${scsSource(settings, '≥ 50% reduction of target pain or ≥ 50% reduction of analgesics, and some functional improvement')}`;
    const last = trials[trials.length - 1];
    if (last === undefined)
      criteria.push(criterion('successful-trial', 'not-met', `no SCS trial in the ${request.region} region recorded`, source));
    else {
      const success = trialSuccess(last, request);
      const crpsNote = crps && success.status === 'not-met' ? '; CRPS may show lower improvement — physician judgement is considered' : '';
      criteria.push(criterion('successful-trial', success.status, `${success.text}${crpsNote}`, source));
    }
    criteria.push(
      implants.length >= SCS_RULES.maxPermanentPerLifetime
        ? criterion(
            'one-permanent-per-lifetime',
            'not-met',
            `permanent SCS already implanted ${implants.map((i) => i.date).join(', ')}`,
            lifetimeSource,
          )
        : criterion('one-permanent-per-lifetime', 'met', 'no permanent SCS recorded', lifetimeSource),
    );
  }
  return criteria;
}
