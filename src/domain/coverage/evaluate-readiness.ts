// Coverage readiness of a planned pain procedure against the Medicare coverage criteria: every
// criterion met, not met or missing from the record, each with the LCD or NCD it comes from, and the
// verdict. Decision support: it shows the rule and the evidence, and decides nothing.
//
// Sources: facet joint interventions, LCD L38773 and the aligned contractor LCDs (facet.ts); epidural
// steroid injections, the ESI LCDs as encoded by ASIPP and billing-article summaries (esi.ts); spinal
// cord stimulation, NCD 160.7 and LCD L36204 (scs.ts).
//
// Invariants: pure; an absent fact is "missing", never assumed; any "not-met" gives "does-not-meet",
// else any "missing" gives "missing-documentation", else "meets".
import { type Readiness, verdictOf } from './criteria.ts';
import { evaluateEsi } from './esi.ts';
import { evaluateFacet } from './facet.ts';
import type { ReadinessRequest } from './request.ts';
import { evaluateScs } from './scs.ts';
import { type CoverageSettings, DEFAULT_COVERAGE_SETTINGS } from './settings.ts';

export function evaluateReadiness(request: ReadinessRequest, settings: CoverageSettings = DEFAULT_COVERAGE_SETTINGS): Readiness {
  const criteria = request.procedure.startsWith('facet-')
    ? evaluateFacet(request, settings)
    : request.procedure.startsWith('esi-')
      ? evaluateEsi(request, settings)
      : evaluateScs(request, settings);
  return { verdict: verdictOf(criteria), criteria };
}
