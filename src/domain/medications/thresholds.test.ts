// Boundary tests for every numeric safety-flag threshold. The cases are generated from
// THRESHOLD_COMPARISONS (the value itself and one step either side), so a threshold added to the
// settings fails here until it has a probe; and the published value of each threshold is asserted
// separately against its primary source, so a wrong default fails too.
import { describe, expect, it } from 'vitest';
import type { PatientFacts, SafetyFlag } from './regimen.ts';
import { DAILY_DECIMALS, MME_DECIMALS, evaluateSafetyFlags, type RegimenFacts } from './safety-flags.ts';
import { DEFAULT_MEDICATION_SETTINGS, THRESHOLD_COMPARISONS, type ThresholdSettingKey } from './settings.ts';
import { toScaled } from './exact-decimal.ts';

const NO_DRUGS: RegimenFacts = {
  hasOpioid: false,
  hasErLa: false,
  hasBenzodiazepine: false,
  hasGabapentinoid: false,
  serotonergicDrugs: [],
  serotonergicOpioids: [],
  hasTca: false,
  hasMethadone: false,
  hasNaloxone: false,
  nsaids: [],
  anticoagulants: [],
  antiplatelets: [],
  cnsActiveCount: 0,
  totalMmeScaled: 0,
  notCalculableDrugs: [],
  acetaminophenScaled: 0,
};

const scaled = (value: number, decimals: number): number => {
  const s = toScaled(value, decimals);
  if (s === undefined) throw new RangeError(`${value} is not an exact decimal`);
  return s;
};

const flagsFor = (facts: Partial<RegimenFacts>, patient: PatientFacts): SafetyFlag[] =>
  evaluateSafetyFlags({ ...NO_DRUGS, ...facts }, patient, DEFAULT_MEDICATION_SETTINGS);
const has = (flags: readonly SafetyFlag[], id: SafetyFlag['id']): boolean => flags.some((f) => f.id === id);
const find = (flags: readonly SafetyFlag[], id: SafetyFlag['id']): SafetyFlag | undefined => flags.find((f) => f.id === id);

/**
 * For each threshold: the smallest step its value is recorded in, and whether the rule it drives
 * applies to a value (everything else about the patient and regimen held so that only it decides).
 */
const PROBES: Record<ThresholdSettingKey, { readonly step: number; readonly applies: (value: number) => boolean }> = {
  // MME totals are exact decimals; CDC's own worked figures carry one decimal (e.g. 88.8 MME/day).
  mmeCautionThreshold: {
    step: 0.1,
    applies: (v) => has(flagsFor({ hasOpioid: true, totalMmeScaled: scaled(v, MME_DECIMALS) }, {}), 'mme-at-least-50'),
  },
  mmeLegacyThreshold: {
    step: 0.1,
    applies: (v) => has(flagsFor({ hasOpioid: true, totalMmeScaled: scaled(v, MME_DECIMALS) }, {}), 'mme-at-least-90'),
  },
  acetaminophenCautionMg: {
    step: 1,
    applies: (v) => has(flagsFor({ acetaminophenScaled: scaled(v, DAILY_DECIMALS) }, {}), 'acetaminophen-above-3g'),
  },
  acetaminophenMaxMg: {
    step: 1,
    applies: (v) => has(flagsFor({ acetaminophenScaled: scaled(v, DAILY_DECIMALS) }, {}), 'acetaminophen-above-4g'),
  },
  olderAdultAge: { step: 1, applies: (v) => has(flagsFor({ hasOpioid: true, hasNaloxone: true }, { age: v }), 'older-adult-caution') },
  // No opioid and no TCA: the CNS-active count is the only reason the older-adult flag could give.
  cnsActiveDrugCount: { step: 1, applies: (v) => has(flagsFor({ cnsActiveCount: v }, { age: 80 }), 'older-adult-caution') },
  nsaidCreatinineClearanceBelow: {
    step: 1,
    applies: (v) => has(flagsFor({ nsaids: ['ibuprofen'] }, { creatinineClearanceMlPerMin: v }), 'nsaid-kidney-disease'),
  },
  nsaidGiBleedRiskAge: {
    step: 1,
    applies: (v) =>
      find(flagsFor({ nsaids: ['ibuprofen'], anticoagulants: ['warfarin'] }, { age: v }), 'nsaid-anticoagulant')!.message.includes('age ≥'),
  },
  methadoneQtcAvoidAboveMs: {
    step: 1,
    applies: (v) => find(flagsFor({ hasMethadone: true }, { qtcMs: v }), 'methadone-qtc')!.severity === 'warning',
  },
  // From 450 ms the message asks for a discussion of risks and alternatives (above 500 it advises against).
  methadoneQtcCautionFromMs: {
    step: 1,
    applies: (v) =>
      /discuss risks, alternatives|advises against methadone/.test(
        find(flagsFor({ hasMethadone: true }, { qtcMs: v }), 'methadone-qtc')!.message,
      ),
  },
  liverRiskDrinksPerDay: {
    step: 1,
    applies: (v) =>
      find(
        flagsFor({ acetaminophenScaled: scaled(3500, DAILY_DECIMALS) }, { alcoholDrinksPerDay: v }),
        'acetaminophen-above-3g',
      )!.message.includes('alcoholic drinks/day is recorded'),
  },
};

const expected = (comparison: '>=' | '>' | '<', value: number, threshold: number): boolean =>
  comparison === '>=' ? value >= threshold : comparison === '>' ? value > threshold : value < threshold;

const round = (x: number): number => Number.parseFloat(x.toPrecision(12));

const CASES = (Object.keys(THRESHOLD_COMPARISONS) as ThresholdSettingKey[]).flatMap((key) => {
  const threshold = DEFAULT_MEDICATION_SETTINGS[key];
  if (threshold === null) return [];
  const comparison = THRESHOLD_COMPARISONS[key];
  const step = PROBES[key]?.step ?? Number.NaN;
  return [round(threshold - step), threshold, round(threshold + step)].map((value) => ({ key, comparison, threshold, value }));
});

describe('safety-flag thresholds: the value itself and one step either side (generated)', () => {
  it('every numeric threshold has a probe', () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(THRESHOLD_COMPARISONS).sort());
  });

  it.each(CASES)('$key $comparison $threshold at $value', ({ key, comparison, threshold, value }) => {
    expect(PROBES[key].applies(value)).toBe(expected(comparison, value, threshold));
  });
});

// Published values, from the primary sources:
// - CDC 2022: Dowell D et al. CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United
//   States, 2022. MMWR Recomm Rep 2022;71(RR-3):1–95, https://doi.org/10.15585/mmwr.rr7103a1 — "if total
//   dosage reaches or exceeds 50 MME/day" offer naloxone and follow up more often; acetaminophen is
//   hepatotoxic above 3–4 g/day. The 2016 guideline's "≥ 90 MME/day" (Dowell D, Haegerich TM, Chou R.
//   JAMA 2016;315:1624, https://doi.org/10.1001/jama.2016.1464) is kept as a legacy payer/state setting.
// - cdc.gov, Assess Risks and Potential Harms of Opioid Use (age ≥ 65),
//   https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html
// - FDA 2011 acetaminophen action and Health Canada (adult maximum 4,000 mg/day; lower with liver disease
//   or ≥ 3 drinks a day), https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html
// - American Geriatrics Society 2023 Updated Beers Criteria, J Am Geriatr Soc 2023, https://doi.org/10.1111/jgs.18372
//   (≥ 3 CNS-active drugs; NSAIDs at CrCl < 30 mL/min; GI-bleed risk from age 75 per secondary summaries, UNCONFIRMED).
// - Krantz MJ et al. Ann Intern Med 2009;150:387, https://pubmed.ncbi.nlm.nih.gov/19153406/ (QTc 450–500 ms:
//   discuss risks; > 500 ms: consider stopping) and Chou R et al., APS/CPDD/HRS methadone safety guideline,
//   J Pain 2014;15:321, https://doi.org/10.1016/j.jpain.2014.01.494 ("do not use methadone if QTc > 500 ms").
describe('safety-flag thresholds: published values', () => {
  it('each default and its comparison is the published one', () => {
    const published: Record<ThresholdSettingKey, readonly [number, '>=' | '>' | '<']> = {
      mmeCautionThreshold: [50, '>='],
      mmeLegacyThreshold: [90, '>='],
      acetaminophenCautionMg: [3000, '>'],
      acetaminophenMaxMg: [4000, '>'],
      olderAdultAge: [65, '>='],
      cnsActiveDrugCount: [3, '>='],
      nsaidCreatinineClearanceBelow: [30, '<'],
      nsaidGiBleedRiskAge: [75, '>='],
      methadoneQtcAvoidAboveMs: [500, '>'],
      methadoneQtcCautionFromMs: [450, '>='],
      liverRiskDrinksPerDay: [3, '>='],
    };
    for (const [key, [value, comparison]] of Object.entries(published) as [ThresholdSettingKey, readonly [number, string]][]) {
      expect(DEFAULT_MEDICATION_SETTINGS[key], key).toBe(value);
      expect(THRESHOLD_COMPARISONS[key], key).toBe(comparison);
    }
  });

  it('QTc bands as worded by the sources: below 450 no note, 450–500 discuss, above 500 advise against', () => {
    const at = (qtcMs: number) => find(flagsFor({ hasMethadone: true }, { qtcMs }), 'methadone-qtc')!;
    expect(at(449)).toMatchObject({ severity: 'caution', message: expect.stringContaining('Recorded QTc 449 ms. ') });
    expect(at(450).message).toContain('is 450–500 ms');
    expect(at(500)).toMatchObject({ severity: 'caution', message: expect.stringContaining('is 450–500 ms') });
    expect(at(501)).toMatchObject({ severity: 'warning', message: expect.stringContaining('advises against methadone') });
  });
});
