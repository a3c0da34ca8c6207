// Documented settings for the MME and safety-flag rules, with their defaults and sources.
// Source: CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME thresholds), https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html (naloxone), AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (safety flags); the FDA, Health Canada and QTc sources are cited per setting below.
// Every default either carries a citation or is labelled UNCONFIRMED in SETTING_DOCS and in
// docs/clinical-sources/medications.md.

export interface MedicationSettings {
  /** MME/day at or above which `mme-at-least-50` fires. CDC 2022: 50 (inclusive). */
  readonly mmeCautionThreshold: number;
  /** Legacy CDC 2016 / payer / state threshold for `mme-at-least-90`; null disables the flag. */
  readonly mmeLegacyThreshold: number | null;
  /** Acetaminophen mg/day above which `acetaminophen-above-3g` fires (strictly greater). */
  readonly acetaminophenCautionMg: number;
  /** Acetaminophen mg/day above which `acetaminophen-above-4g` fires (strictly greater). */
  readonly acetaminophenMaxMg: number;
  /** Age (years) from which `older-adult-caution` applies. */
  readonly olderAdultAge: number;
  /** Number of CNS-active drugs at which the Beers "≥ 3 CNS-active" reason applies. */
  readonly cnsActiveDrugCount: number;
  /** Creatinine clearance (mL/min) below which `nsaid-kidney-disease` fires. */
  readonly nsaidCreatinineClearanceBelow: number;
  /** UNCONFIRMED: whether antiplatelets (besides anticoagulants) trigger `nsaid-anticoagulant`. */
  readonly nsaidAnticoagulantIncludesAntiplatelets: boolean;
  /** UNCONFIRMED: age from which GI-bleed risk is mentioned in `nsaid-anticoagulant`. */
  readonly nsaidGiBleedRiskAge: number;
  /** UNCONFIRMED: whether a TCA at ≥ olderAdultAge is a reason for `older-adult-caution`. */
  readonly tcaOlderAdultCaution: boolean;
  /** QTc (ms) above which methadone is not recommended (APS/CPDD/HRS 2014). */
  readonly methadoneQtcAvoidAboveMs: number;
  /** QTc (ms) from which alternatives should be considered (APS/CPDD/HRS 2014; Krantz 2009). */
  readonly methadoneQtcCautionFromMs: number;
  /** Alcoholic drinks a day from which the acetaminophen messages say lower limits apply (Health Canada). */
  readonly liverRiskDrinksPerDay: number;
}

export const DEFAULT_MEDICATION_SETTINGS: MedicationSettings = {
  mmeCautionThreshold: 50,
  mmeLegacyThreshold: 90,
  acetaminophenCautionMg: 3000,
  acetaminophenMaxMg: 4000,
  olderAdultAge: 65,
  cnsActiveDrugCount: 3,
  nsaidCreatinineClearanceBelow: 30,
  nsaidAnticoagulantIncludesAntiplatelets: true,
  nsaidGiBleedRiskAge: 75,
  tcaOlderAdultCaution: true,
  methadoneQtcAvoidAboveMs: 500,
  methadoneQtcCautionFromMs: 450,
  liverRiskDrinksPerDay: 3,
};

/** The settings that are numeric thresholds. */
export type ThresholdSettingKey = {
  [K in keyof MedicationSettings]: MedicationSettings[K] extends number | null ? K : never;
}[keyof MedicationSettings];

/**
 * How each numeric threshold is compared with the patient's or regimen's value: `>=` fires at the
 * value itself, `>` only above it, `<` only below it. Typed over every numeric setting, so a new
 * threshold does not compile until its comparison is stated; the boundary tests are generated from
 * this table (the value itself and one step either side).
 */
export const THRESHOLD_COMPARISONS: Readonly<Record<ThresholdSettingKey, '>=' | '>' | '<'>> = {
  mmeCautionThreshold: '>=',
  mmeLegacyThreshold: '>=',
  acetaminophenCautionMg: '>',
  acetaminophenMaxMg: '>',
  olderAdultAge: '>=',
  cnsActiveDrugCount: '>=',
  nsaidCreatinineClearanceBelow: '<',
  nsaidGiBleedRiskAge: '>=',
  methadoneQtcAvoidAboveMs: '>',
  methadoneQtcCautionFromMs: '>=',
  liverRiskDrinksPerDay: '>=',
};

export interface SettingDoc {
  readonly key: keyof MedicationSettings;
  readonly source: string;
  readonly unconfirmed: boolean;
  readonly note?: string;
}

export const SETTING_DOCS: readonly SettingDoc[] = [
  {
    key: 'mmeCautionThreshold',
    source: 'CDC 2022 (draft implementation lines 2276–2281, 2378–2381); https://doi.org/10.15585/mmwr.rr7103a1',
    unconfirmed: false,
  },
  {
    key: 'mmeLegacyThreshold',
    source: 'CDC 2016 R5, Dowell 2016 JAMA 315:1624, https://pmc.ncbi.nlm.nih.gov/articles/PMC6390846/; not a CDC 2022 threshold',
    unconfirmed: false,
    note: 'legacy / payer / state rule, configurable; null disables',
  },
  {
    key: 'acetaminophenCautionMg',
    source:
      'FDA 2011 acetaminophen action; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html "> 3,000 mg (configurable caution)"; CDC 2022 ">3–4 g/day" https://doi.org/10.15585/mmwr.rr7103a1',
    unconfirmed: false,
    note: 'lower limits with liver disease or ≥ 3 drinks/day are not quantified in the reference; the message says so',
  },
  {
    key: 'acetaminophenMaxMg',
    source:
      'FDA 2011; Health Canada adult maximum 4,000 mg/day; FDA 2011 acetaminophen action; https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html',
    unconfirmed: false,
  },
  {
    key: 'olderAdultAge',
    source:
      'cdc.gov Assess Risks (age ≥ 65) CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html; AGS Beers 2023 https://doi.org/10.1111/jgs.18372',
    unconfirmed: false,
  },
  {
    key: 'cnsActiveDrugCount',
    source: 'AGS Beers 2023 (≥ 3 CNS-active drugs, ≥ 65 y) https://doi.org/10.1111/jgs.18372',
    unconfirmed: false,
  },
  {
    key: 'nsaidCreatinineClearanceBelow',
    source: 'AGS Beers 2023 Table 6 (CrCl < 30 mL/min) https://doi.org/10.1111/jgs.18372',
    unconfirmed: false,
  },
  {
    key: 'nsaidAnticoagulantIncludesAntiplatelets',
    source:
      'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 row "NSAID + GI bleed risk / anticoagulant"; Beers 2023 exact criteria UNCONFIRMED',
    unconfirmed: true,
  },
  {
    key: 'nsaidGiBleedRiskAge',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (age ≥ 75 from secondary Beers summaries); UNCONFIRMED',
    unconfirmed: true,
  },
  {
    key: 'tcaOlderAdultCaution',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 "TCAs in older adults" — Beers 2023 wording UNCONFIRMED',
    unconfirmed: true,
  },
  {
    key: 'methadoneQtcAvoidAboveMs',
    source: 'Chou 2014 APS/CPDD/HRS; Krantz 2009 (https://pubmed.ncbi.nlm.nih.gov/19153406/; https://doi.org/10.1016/j.jpain.2014.01.494)',
    unconfirmed: false,
  },
  {
    key: 'liverRiskDrinksPerDay',
    source:
      'Health Canada acetaminophen poster (lower limits with liver disease or ≥ 3 drinks/day), https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html; CDC 2022 (lower with chronic alcohol use), https://doi.org/10.15585/mmwr.rr7103a1',
    unconfirmed: false,
  },
  {
    key: 'methadoneQtcCautionFromMs',
    source: 'Chou 2014 APS/CPDD/HRS; Krantz 2009 (https://pubmed.ncbi.nlm.nih.gov/19153406/; https://doi.org/10.1016/j.jpain.2014.01.494)',
    unconfirmed: false,
  },
];

export function resolveSettings(overrides?: Partial<MedicationSettings>): MedicationSettings {
  return overrides ? { ...DEFAULT_MEDICATION_SETTINGS, ...overrides } : DEFAULT_MEDICATION_SETTINGS;
}
