// Coverage criteria for epidural steroid injections: interlaminar, transforaminal and caudal.
//
// Source: Medicare LCD "Epidural Steroid Injections for Pain Management" (effective about Dec 2021; the
// contractors' LCDs L39240, L39015, L36920, L39054, L33906). The LCD text itself was not retrieved: the
// criteria are those on which three secondary encodings agree — ASIPP, "An Algorithmic Approach to
// Epidural Steroid Injections", https://asipp.org/an-algorithmic-approach-to-epidural-steroid-injections-2/ ;
// the summary of L33906 and billing articles A56651, A58731, A58777 (https://verity.backworkai.com/policy/L33906);
// and a public rubric for L39240 / A58993 derived from a Cedars-Sinai checklist. The rubric's rule on
// treatment beyond 12 months (focused review, notice to the primary care physician) is UNCONFIRMED and
// not evaluated.
//
// Reading of the rules that the policy leaves to the record (each said in the criterion's detail):
// - "failed or not tolerated ≥ 4 weeks of conservative care" is met by one course of at least 4 weeks
//   that failed, or by a course the patient could not tolerate (intolerance cuts a course short);
// - a repeat ESI looks at the last ESI in the region in the history sent; after a first ESI that
//   failed, a repeat after 14 days needs another approach (level or drug cannot be read from the record).
import {
  allOf,
  anyOf,
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
import type { ReadinessRequest } from './request.ts';
import { type CoverageSettings, esiSource } from './settings.ts';

export const ESI_RULES = {
  minPainDays: 4 * 7,
  minConservativeWeeks: 4,
  maxTransforaminalLevels: 2,
  maxInterlaminarOrCaudalLevels: 1,
  repeatReliefPercent: 50,
  repeatReliefMonths: 3,
  afterFailedFirstDays: 14,
  maxSessionsPerYear: 4,
} as const;

const ESI_KINDS = ['esi-interlaminar', 'esi-transforaminal', 'esi-caudal'] as const;
const RADICULAR = ['radicular', 'neurogenic-claudication'];

function indicationCriterion(request: ReadinessRequest, src: (part: string) => string): Criterion {
  const source = src(
    'radiculopathy/radicular pain/neurogenic claudication from disc herniation, osteophyte complex or severe DDD with foraminal or central stenosis; post-laminectomy syndrome; acute herpes zoster; not axial/non-specific back pain or CRPS',
  );
  const { indication, pattern } = request.patient ?? {};
  if (indication === undefined) return criterion('covered-indication', 'missing', 'indication not recorded', source);
  switch (indication) {
    case 'herpes-zoster':
    case 'post-laminectomy':
      return criterion('covered-indication', 'met', `${indication} is a covered indication`, source);
    case 'disc-herniation':
    case 'foraminal-stenosis':
    case 'central-stenosis':
      if (pattern === undefined) return criterion('covered-indication', 'missing', `${indication}; pain pattern not recorded`, source);
      return RADICULAR.includes(pattern)
        ? criterion('covered-indication', 'met', `${pattern} pain from ${indication}`, source)
        : criterion(
            'covered-indication',
            'not-met',
            `${pattern} pain from ${indication}: radicular pain or neurogenic claudication needed`,
            source,
          );
    case 'failed-back-surgery':
    case 'other':
      return criterion(
        'covered-indication',
        'missing',
        `${indication}: record the covered diagnosis (e.g. post-laminectomy syndrome, osteophyte complex) if it applies`,
        source,
      );
    default:
      return criterion('covered-indication', 'not-met', `${indication} is not a covered indication`, source);
  }
}

function conservativeCareCriterion(request: ReadinessRequest, src: (part: string) => string): Criterion {
  const source = src('failure of, or intolerance to, at least 4 weeks of noninvasive conservative care, duration and results documented');
  const care = request.patient?.conservativeCare;
  if (care === undefined) return criterion('conservative-care-4-weeks', 'missing', 'conservative care not recorded', source);
  const statuses: CriterionStatus[] = care.map((c) => {
    if (c.outcome == null) return 'missing';
    if (c.outcome === 'not-tolerated') return 'met';
    if (!failedOrNotTolerated(c.outcome)) return 'not-met';
    if (c.weeks == null) return 'missing';
    return c.weeks >= ESI_RULES.minConservativeWeeks ? 'met' : 'not-met';
  });
  const detail =
    care.length === 0 ? 'no conservative care tried' : `${describeCare(request)}; one failed course of ≥ 4 weeks (or intolerance) needed`;
  return criterion('conservative-care-4-weeks', anyOf(statuses), detail, source);
}

function repeatCriterion(request: ReadinessRequest, src: (part: string) => string): Criterion | undefined {
  if (request.region === undefined || request.history === undefined) return undefined;
  const prior = priorInRegion(request.history, ESI_KINDS, request.region);
  const last = prior[prior.length - 1];
  if (last === undefined) return undefined;
  const source = src(
    'repeat ESI: ≥ 50% sustained relief or function improvement for ≥ 3 months on the same scale; after a failed first ESI, a repeat after 14 days with another approach, level or drug',
  );
  const relief = computeRelief(last, request.patient?.baselinePain);
  const lasted = last.reliefDurationMonths;
  const longEnough: CriterionStatus = lasted == null ? 'missing' : lasted >= ESI_RULES.repeatReliefMonths ? 'met' : 'not-met';
  const f = last.functionImproved;
  const functionStatus: CriterionStatus = f == null ? 'missing' : f ? 'met' : 'not-met';
  const sustained = allOf([anyOf([reliefStatus(relief, ESI_RULES.repeatReliefPercent), functionStatus]), longEnough]);
  const what = `${describeRelief(last, relief)}, function ${f == null ? 'not recorded' : f ? 'improved' : 'not improved'}, lasting ${lasted == null ? 'an unrecorded time' : `${lasted} months`}`;
  if (sustained !== 'not-met' || prior.length > 1)
    return criterion('repeat-esi-response', sustained, `${what}; ≥ 50% for ≥ 3 months needed`, source);
  // The first ESI in the region failed: a second try is allowed after 14 days by another route.
  const days = daysBetween(request.date, last);
  if (days < ESI_RULES.afterFailedFirstDays)
    return criterion('repeat-esi-response', 'not-met', `${what}; first ESI failed: a repeat needs ≥ 14 days (${days} so far)`, source);
  if (last.procedure !== request.procedure)
    return criterion('repeat-esi-response', 'met', `${what}; first ESI failed, repeat ${days} days later by another approach`, source);
  return criterion(
    'repeat-esi-response',
    'missing',
    `${what}; first ESI failed: a repeat by the same approach needs another level or drug documented`,
    source,
  );
}

export function evaluateEsi(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
  const src = (part: string) => esiSource(settings, part);
  const p = request.patient;
  const criteria: Criterion[] = [indicationCriterion(request, src)];

  const widespreadSource = src('not for widespread pain');
  if (p?.pattern === 'widespread') criteria.push(criterion('not-widespread-pain', 'not-met', 'pain pattern widespread', widespreadSource));
  else if (p?.exclusions?.some((e) => e === 'fibromyalgia' || e === 'centralized-pain'))
    criteria.push(
      criterion(
        'not-widespread-pain',
        'not-met',
        `present: ${p.exclusions.filter((e) => e === 'fibromyalgia' || e === 'centralized-pain').join(', ')}`,
        widespreadSource,
      ),
    );
  else if (p?.pattern === undefined || p.exclusions === undefined)
    criteria.push(criterion('not-widespread-pain', 'missing', 'pain pattern or exclusions not recorded', widespreadSource));
  else criteria.push(criterion('not-widespread-pain', 'met', `pain pattern ${p.pattern}, no generalized pain recorded`, widespreadSource));

  const imagingSource = src('history, examination and concordant imaging');
  const imaging = p?.concordantImaging;
  criteria.push(
    imaging == null
      ? criterion('concordant-imaging', 'missing', 'concordant imaging not recorded', imagingSource)
      : criterion(
          'concordant-imaging',
          imaging ? 'met' : 'not-met',
          imaging ? 'imaging concordant' : 'imaging not concordant',
          imagingSource,
        ),
  );

  const baselineSource = src('objective pain scale or functional assessment at baseline, the same scale at follow-ups');
  const measures = [
    p?.baselinePain && `pain ${p.baselinePain.value} on ${p.baselinePain.scale}`,
    p?.baselineDisability && `function ${p.baselineDisability.value} on ${p.baselineDisability.scale}`,
  ].filter(Boolean);
  criteria.push(
    measures.length === 0
      ? criterion('baseline-scale', 'missing', 'no baseline pain or functional scale recorded', baselineSource)
      : criterion('baseline-scale', 'met', `baseline ${measures.join(', ')}`, baselineSource),
  );

  if (p?.indication === 'herpes-zoster')
    criteria.push(
      criterion('pain-duration', 'met', 'acute herpes zoster: no minimum duration', src('pain at least 4 weeks, except herpes zoster')),
    );
  else criteria.push(painDuration(request, ESI_RULES.minPainDays, 'at least 4 weeks', src('pain at least 4 weeks, except herpes zoster')));

  criteria.push(conservativeCareCriterion(request, src));
  criteria.push(imageGuidance(request, src('CT or fluoroscopy')));
  const contrastSource = src('with contrast unless contraindicated (contrast allergy, pregnancy)');
  criteria.push(
    request.contrast === undefined
      ? criterion('contrast', 'missing', 'contrast not recorded', contrastSource)
      : request.contrast
        ? criterion('contrast', 'met', 'with contrast', contrastSource)
        : criterion('contrast', 'not-met', 'without contrast: document the contraindication (contrast allergy, pregnancy)', contrastSource),
  );
  criteria.push(regionRecorded(request, src('one spinal region per session')));
  const transforaminal = request.procedure === 'esi-transforaminal';
  criteria.push(
    levelsPerSession(
      request,
      transforaminal ? ESI_RULES.maxTransforaminalLevels : ESI_RULES.maxInterlaminarOrCaudalLevels,
      src(transforaminal ? 'transforaminal: at most 2 levels per session' : 'interlaminar or caudal: 1 level per session'),
    ),
  );
  if (!transforaminal) {
    const bilateralSource = src('bilateral interlaminar or caudal injection is not necessary');
    criteria.push(
      request.bilateral === undefined
        ? criterion('not-bilateral', 'missing', 'laterality not recorded', bilateralSource)
        : criterion(
            'not-bilateral',
            request.bilateral ? 'not-met' : 'met',
            request.bilateral ? 'bilateral' : 'single injection',
            bilateralSource,
          ),
    );
  }
  const repeat = repeatCriterion(request, src);
  if (repeat !== undefined) criteria.push(repeat);
  criteria.push(
    sessionLimit(
      request,
      ESI_KINDS,
      ESI_RULES.maxSessionsPerYear,
      'ESI session',
      'esi-sessions-12-months',
      src('at most 4 sessions per spinal region per rolling 12 months (billing articles A56651, A58731, A58777)'),
    ),
  );
  return criteria;
}
