// The criteria every facet procedure shares, and the LCD's thresholds for all of them.
// Source: Medicare LCD L38773 "Facet Joint Interventions for Pain Management" (CGS),
// https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=38773 ; readings of the rules are listed in facet.ts.
import {
  baselineDisabilityScale,
  baselinePainScale,
  type Criterion,
  criterion,
  describeCare,
  failedOrNotTolerated,
  imageGuidance,
  levelsPerSession,
  painDuration,
  regionRecorded,
} from './criteria.ts';
import type { ReadinessRequest } from './request.ts';
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

/** Initial and repeat ablations count alike towards the RF session limit. */
export const RF_KINDS = ['facet-rfa', 'facet-rfa-repeat'] as const;

export function generalCriteria(request: ReadinessRequest, settings: CoverageSettings): Criterion[] {
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
