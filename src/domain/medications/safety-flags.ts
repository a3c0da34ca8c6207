// Opioid-safety and interaction flags (decision support, never prescriptive).
//
// Sources, per flag (full citations with URLs in FLAG_SOURCES below and docs/clinical-sources/medications.md):
//   mme-at-least-50          CDC 2022 R4/R7/R8 draft implementation, inclusive ≥ 50 MME/day
//   mme-at-least-90          legacy CDC 2016 R5 / payer-state threshold, a setting — not a CDC 2022 rule
//   opioid-benzodiazepine    FDA DSC 31 Aug 2016 boxed warning; CDC 2022 R11; Beers 2023
//   opioid-gabapentinoid     FDA DSC 19 Dec 2019; Beers 2023
//   serotonergic-combination FDA DSC 22 Mar 2016 (opioid + serotonergic drug)
//   acetaminophen-above-3g   configurable caution; CDC 2022 ">3–4 g/day"
//   acetaminophen-above-4g   FDA 2011 / Health Canada maximum 4,000 mg/day
//   nsaid-anticoagulant      Beers (secondary; exact 2023 criteria UNCONFIRMED)
//   nsaid-kidney-disease     Beers 2023 Table 6, CrCl < 30 mL/min; CDC reduced kidney function caution
//   methadone-qtc            Krantz 2009; Chou 2014 APS/CPDD/HRS; CDC 2022 3-day follow-up (draft)
//   er-la-opioid-naive       CDC 2022 R3
//   older-adult-caution      cdc.gov Assess Risks (age ≥ 65); Beers 2023
//   naloxone-not-on-list     CDC 2022 R8; cdc.gov Assess Risks triggers. The patient's own answer
//                            to the naloxone check does not clear it: in the CDS reference (OCDS REC08,
//                            cqframework/opioid-cds-r4 OpioidCDSREC08.cql) the card stays until the clinician documents "already has naloxone"
//                            (here: naloxone on the list). Either answer is shown in the message; the
//                            severity stays the one the triggers give (a self-report is not documentation).
//
// Invariants: flags are reported in FLAG_IDS order; thresholds are compared on exact scaled integers;
// an unknown patient fact never fires a flag that needs it (it may be mentioned as unknown).

import type { FlagSeverity, PatientFacts, SafetyFlag } from './regimen.ts';
import type { MedicationSettings } from './settings.ts';
import { formatScaled, toScaled } from './exact-decimal.ts';

export const FLAG_SOURCES = {
  'mme-at-least-50':
    'CDC 2022 Clinical Practice Guideline (MMWR Recomm Rep 2022;71(RR-3)) R4, R7, R8 — https://doi.org/10.15585/mmwr.rr7103a1',
  'mme-at-least-90':
    'Legacy CDC 2016 R5 / payer or state threshold (not a CDC 2022 recommendation) — Dowell 2016, JAMA 315:1624, https://pmc.ncbi.nlm.nih.gov/articles/PMC6390846/',
  'opioid-benzodiazepine':
    'FDA Drug Safety Communication 31 Aug 2016 (boxed warning); CDC 2022 R11; AGS Beers 2023 — https://doi.org/10.15585/mmwr.rr7103a1; https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or',
  'opioid-gabapentinoid':
    'FDA Drug Safety Communication 19 Dec 2019; AGS Beers 2023 — https://www.fda.gov/drugs/drug-safety-and-availability/fda-warns-about-serious-breathing-problems-seizure-and-nerve-pain-medicines-gabapentin-neurontin',
  'serotonergic-combination':
    'FDA Drug Safety Communication 22 Mar 2016 — https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires',
  'acetaminophen-above-3g':
    'CDC 2022 (hepatotoxic at >3–4 g/day); configurable caution — https://doi.org/10.15585/mmwr.rr7103a1; FDA 2011 acetaminophen action; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html',
  'acetaminophen-above-4g':
    'FDA 2011 acetaminophen action; Health Canada adult maximum 4,000 mg/day — https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html',
  'nsaid-anticoagulant':
    'AGS Beers Criteria (secondary summaries; exact 2023 wording UNCONFIRMED) — AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372',
  'nsaid-kidney-disease':
    'AGS Beers 2023 Table 6 (CrCl < 30 mL/min); cdc.gov Assess Risks — https://doi.org/10.1111/jgs.18372; CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html',
  'methadone-qtc':
    'Krantz 2009 Ann Intern Med 150:387; Chou 2014 APS/CPDD/HRS methadone guideline; CDC 2022 (draft) — https://pubmed.ncbi.nlm.nih.gov/19153406/; https://doi.org/10.1016/j.jpain.2014.01.494; https://doi.org/10.15585/mmwr.rr7103a1',
  'er-la-opioid-naive': 'CDC 2022 R3 (immediate-release when starting opioids) — https://doi.org/10.15585/mmwr.rr7103a1',
  'older-adult-caution':
    'cdc.gov Assess Risks and Potential Harms of Opioid Use (age ≥ 65); AGS Beers 2023 — CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html; https://doi.org/10.1111/jgs.18372',
  'naloxone-not-on-list':
    'CDC 2022 R8; cdc.gov Assess Risks and Potential Harms of Opioid Use — https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html',
} as const;

/** What the flag rules need to know about a regimen, computed once by computeRegimen. */
export interface RegimenFacts {
  readonly hasOpioid: boolean;
  readonly hasErLa: boolean;
  readonly hasBenzodiazepine: boolean;
  readonly hasGabapentinoid: boolean;
  /** Non-opioid serotonergic drugs present (SSRI, SNRI, TCA, MAOI, triptan). */
  readonly serotonergicDrugs: readonly string[];
  /** Opioids with an FDA serotonin-syndrome warning before 2016 or frequent FAERS cases. */
  readonly serotonergicOpioids: readonly string[];
  readonly hasTca: boolean;
  readonly hasMethadone: boolean;
  readonly hasNaloxone: boolean;
  /** Systemic NSAIDs present. */
  readonly nsaids: readonly string[];
  readonly anticoagulants: readonly string[];
  readonly antiplatelets: readonly string[];
  readonly cnsActiveCount: number;
  /** Clinical MME total, scaled by 10^MME_DECIMALS. */
  readonly totalMmeScaled: number;
  readonly notCalculableDrugs: readonly string[];
  /** Acetaminophen mg/day, scaled by 10^DAILY_DECIMALS. */
  readonly acetaminophenScaled: number;
}

export const MME_DECIMALS = 9;
export const DAILY_DECIMALS = 7;

function thresholdScaled(value: number, decimals: number): number {
  const scaled = toScaled(value, decimals);
  if (scaled === undefined) throw new RangeError(`threshold ${value} is not an exact decimal`);
  return scaled;
}

function flag(id: SafetyFlag['id'], message: string, severity: FlagSeverity): SafetyFlag {
  return { id, message, source: FLAG_SOURCES[id], severity };
}

function list(names: readonly string[]): string {
  return names.join(', ');
}

/** Evaluates every flag rule; result in FLAG_IDS order. */
export function evaluateSafetyFlags(facts: RegimenFacts, patient: PatientFacts, settings: MedicationSettings): SafetyFlag[] {
  const flags: SafetyFlag[] = [];
  const mmeText = formatScaled(facts.totalMmeScaled, MME_DECIMALS);
  const partial =
    facts.notCalculableDrugs.length > 0
      ? ` This total excludes ${list(facts.notCalculableDrugs)} (MME not calculable), so the true opioid exposure is higher.`
      : '';
  const age = patient.age;
  const older = age !== undefined && age >= settings.olderAdultAge;

  const at50 = facts.hasOpioid && facts.totalMmeScaled >= thresholdScaled(settings.mmeCautionThreshold, MME_DECIMALS);
  if (at50) {
    flags.push(
      flag(
        'mme-at-least-50',
        `Total opioid dosage is ${mmeText} MME/day (at or above ${settings.mmeCautionThreshold}).${partial} ` +
          'Options to discuss: reassessing benefits and risks before any increase, more frequent follow-up, ' +
          'and offering naloxone with overdose education for the patient and household.',
        'caution',
      ),
    );
  }
  const legacy = settings.mmeLegacyThreshold;
  if (legacy !== null && facts.hasOpioid && facts.totalMmeScaled >= thresholdScaled(legacy, MME_DECIMALS)) {
    flags.push(
      flag(
        'mme-at-least-90',
        `Total opioid dosage is ${mmeText} MME/day (at or above ${legacy}, a legacy CDC 2016 / payer or state threshold, ` +
          `not a CDC 2022 recommendation).${partial} Options to discuss: documentation a payer or state rule may require, ` +
          'and whether the dosage still yields benefit for pain and function.',
        'caution',
      ),
    );
  }
  if (facts.hasOpioid && facts.hasBenzodiazepine) {
    flags.push(
      flag(
        'opioid-benzodiazepine',
        'An opioid and a benzodiazepine are both on the list (FDA boxed warning: profound sedation, respiratory depression, coma, death). ' +
          'Options to discuss: whether benefits outweigh risks, alternatives, the lowest effective doses, naloxone, and ' +
          'if tapering both, tapering the opioid first and the benzodiazepine gradually.',
        'warning',
      ),
    );
  }
  if (facts.hasOpioid && facts.hasGabapentinoid) {
    flags.push(
      flag(
        'opioid-gabapentinoid',
        'An opioid and a gabapentinoid are both on the list (FDA 2019: serious breathing difficulties with respiratory risk factors' +
          `${older ? '; Beers 2023: avoid at ≥ 65 except when transitioning from opioids or reducing the opioid dose' : ''}). ` +
          'Options to discuss: starting low and titrating slowly, monitoring for sedation and breathing problems.',
        'caution',
      ),
    );
  }
  if (facts.hasOpioid && facts.serotonergicDrugs.length > 0) {
    const opioidNote =
      facts.serotonergicOpioids.length > 0 ? ` including ${list(facts.serotonergicOpioids)}, which carry specific warnings` : '';
    flags.push(
      flag(
        'serotonergic-combination',
        `An opioid${opioidNote} is combined with serotonergic ${list(facts.serotonergicDrugs)} (FDA 2016: serotonin syndrome risk). ` +
          'Options to discuss: watching for agitation, fever, sweating, tremor or muscle twitching within hours to days of a start or dose change.',
        'caution',
      ),
    );
  }
  const apapText = formatScaled(facts.acetaminophenScaled, DAILY_DECIMALS);
  const liverRisk =
    patient.liverDisease === true ||
    (patient.alcoholDrinksPerDay !== undefined && patient.alcoholDrinksPerDay >= settings.liverRiskDrinksPerDay);
  const liverNote = liverRisk
    ? ` Liver disease or ≥ ${settings.liverRiskDrinksPerDay} alcoholic drinks/day is recorded: lower limits apply (the reference gives no number).`
    : '';
  if (facts.acetaminophenScaled > thresholdScaled(settings.acetaminophenCautionMg, DAILY_DECIMALS)) {
    flags.push(
      flag(
        'acetaminophen-above-3g',
        `Acetaminophen from all listed products is ${apapText} mg/day (above ${settings.acetaminophenCautionMg} mg).${liverNote} ` +
          'Options to discuss: a lower total, and checking for over-the-counter acetaminophen.',
        'caution',
      ),
    );
  }
  if (facts.acetaminophenScaled > thresholdScaled(settings.acetaminophenMaxMg, DAILY_DECIMALS)) {
    flags.push(
      flag(
        'acetaminophen-above-4g',
        `Acetaminophen from all listed products is ${apapText} mg/day, above the ${settings.acetaminophenMaxMg} mg/day adult maximum (hepatotoxicity risk).${liverNote} ` +
          'Options to discuss: reducing the total below the maximum.',
        'warning',
      ),
    );
  }
  const bleedPartners = settings.nsaidAnticoagulantIncludesAntiplatelets
    ? [...facts.anticoagulants, ...facts.antiplatelets]
    : facts.anticoagulants;
  const pair = findDistinctPair(facts.nsaids, bleedPartners);
  if (pair) {
    const extra: string[] = [];
    if (age !== undefined && age >= settings.nsaidGiBleedRiskAge) extra.push(`age ≥ ${settings.nsaidGiBleedRiskAge}`);
    if (patient.priorGiBleed === true) extra.push('prior GI bleed or ulcer');
    flags.push(
      flag(
        'nsaid-anticoagulant',
        `NSAID ${pair[0]} is combined with ${pair[1]} (bleeding risk)${extra.length ? `; further GI-bleed risk factors: ${extra.join(', ')}` : ''}. ` +
          'Options to discuss: alternatives to the NSAID, or gastroprotection and monitoring.',
        'warning',
      ),
    );
  }
  const crcl = patient.creatinineClearanceMlPerMin;
  const lowCrcl = crcl !== undefined && crcl < settings.nsaidCreatinineClearanceBelow;
  if (facts.nsaids.length > 0 && (patient.kidneyDisease === true || lowCrcl)) {
    flags.push(
      flag(
        'nsaid-kidney-disease',
        `NSAID ${list(facts.nsaids)} with ${lowCrcl ? `creatinine clearance ${crcl} mL/min (below ${settings.nsaidCreatinineClearanceBelow})` : 'recorded kidney disease'} ` +
          '(risk of acute kidney injury and further decline in kidney function). Options to discuss: a non-NSAID alternative.',
        'warning',
      ),
    );
  }
  if (facts.hasMethadone) {
    const qtc = patient.qtcMs;
    let qtcNote = ' No QTc is recorded.';
    let severity: FlagSeverity = 'caution';
    if (qtc !== undefined) {
      if (qtc > settings.methadoneQtcAvoidAboveMs) {
        qtcNote = ` Recorded QTc ${qtc} ms is above ${settings.methadoneQtcAvoidAboveMs} ms: the APS/CPDD/HRS guideline advises against methadone at this level; discuss alternatives and contributing factors.`;
        severity = 'warning';
      } else if (qtc >= settings.methadoneQtcCautionFromMs) {
        qtcNote = ` Recorded QTc ${qtc} ms is ${settings.methadoneQtcCautionFromMs}–${settings.methadoneQtcAvoidAboveMs} ms: discuss risks, alternatives and closer monitoring.`;
      } else {
        qtcNote = ` Recorded QTc ${qtc} ms.`;
      }
    }
    flags.push(
      flag(
        'methadone-qtc',
        `Methadone is on the list (QT prolongation; long, variable half-life).${qtcNote} Options to discuss: ECG before starting, ` +
          'within 30 days and yearly, and follow-up within 3 days of starting or increasing methadone.',
        severity,
      ),
    );
  }
  if (facts.hasErLa && patient.opioidNaive === true) {
    flags.push(
      flag(
        'er-la-opioid-naive',
        'An extended-release / long-acting opioid is listed for an opioid-naive patient. CDC 2022 R3: prefer immediate-release opioids when starting. ' +
          'Options to discuss: an immediate-release alternative at the lowest effective dose.',
        'warning',
      ),
    );
  }
  if (older) {
    const reasons: string[] = [];
    if (facts.hasOpioid) reasons.push('opioid use (additional caution and monitoring at this age)');
    if (facts.hasOpioid && facts.hasBenzodiazepine) reasons.push('opioid with benzodiazepine (Beers: avoid)');
    if (facts.hasOpioid && facts.hasGabapentinoid)
      reasons.push('opioid with gabapentinoid (Beers: avoid unless transitioning from or reducing opioids)');
    if (settings.tcaOlderAdultCaution && facts.hasTca)
      reasons.push('tricyclic antidepressant (Beers: avoid; anticholinergic, sedating, orthostatic hypotension)');
    if (facts.cnsActiveCount >= settings.cnsActiveDrugCount)
      reasons.push(`${facts.cnsActiveCount} CNS-active drugs (Beers: avoid ≥ ${settings.cnsActiveDrugCount}; minimize)`);
    if (reasons.length > 0) {
      flags.push(
        flag(
          'older-adult-caution',
          `Patient is ${age} (≥ ${settings.olderAdultAge}): ${reasons.join('; ')}. Options to discuss: lower doses, fewer sedating drugs, fall and sedation precautions.`,
          'caution',
        ),
      );
    }
  }
  if (facts.hasOpioid && !facts.hasNaloxone && patient.naloxoneOnList !== true) {
    const triggers: string[] = [];
    if (at50) triggers.push(`dosage ≥ ${settings.mmeCautionThreshold} MME/day`);
    if (facts.hasBenzodiazepine) triggers.push('benzodiazepine with opioid');
    if (patient.historyOfOverdose === true) triggers.push('history of overdose');
    if (patient.substanceUseDisorder === true) triggers.push('substance use disorder');
    if (patient.sleepApnea === true) triggers.push('sleep-disordered breathing');
    if (patient.tapering === true) triggers.push('tapering (loss of tolerance)');
    if (patient.recentIncarceration === true) triggers.push('recent release from incarceration');
    const reasons = triggers.length ? `; particular reasons to offer it: ${triggers.join(', ')}` : '';
    if (patient.patientReportsNaloxone === true) {
      flags.push(
        flag(
          'naloxone-not-on-list',
          `An opioid is listed and naloxone is not on the medication list, but the patient reports having naloxone (naloxone check)${reasons}. ` +
            'Options to discuss: confirming it is in date and that the household knows where it is and how to use it, overdose education, ' +
            'and documenting it on the medication list.',
          triggers.length > 0 ? 'warning' : 'caution',
        ),
      );
    } else {
      const answer = patient.patientReportsNaloxone === false ? '; the patient reports having no naloxone (naloxone check)' : '';
      flags.push(
        flag(
          'naloxone-not-on-list',
          `An opioid is listed and naloxone is not on the medication list${answer}${reasons}. ` +
            'Options to discuss: offering naloxone and overdose education (do they have it, where is it kept).',
          triggers.length > 0 ? 'warning' : 'caution',
        ),
      );
    }
  }
  return flags;
}

function findDistinctPair(left: readonly string[], right: readonly string[]): [string, string] | undefined {
  for (const a of left) for (const b of right) if (a !== b) return [a, b];
  return undefined;
}
