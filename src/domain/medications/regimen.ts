// Regimen and patient-fact types shared by MME, safety flags, taper planning and the CLI/API.
// A regimen item is one medication order as the prescriber wrote it: dose per administration and
// administrations per day (for as-needed orders: the maximum per day — CDC/OMME convention of counting
// PRN at maximum frequency, CDC MME calculator, https://github.com/cqframework/opioid-mme-r4 (input/cql/MMECalculator.cql)).

export interface RegimenItem {
  /** Formulary id, generic name or brand name (case-insensitive). */
  readonly drug: string;
  /** Dose per administration in mg (every drug except transdermal patches). */
  readonly doseMg?: number;
  /** Patch strength in mcg/h (transdermal fentanyl and buprenorphine). */
  readonly doseMcgPerHour?: number;
  /** Administrations per day; for as-needed orders the maximum per day. */
  readonly perDay?: number;
  /** As-needed order (counted at its maximum `perDay`). */
  readonly prn?: boolean;
  /** Acetaminophen per administration in mg (combination products). */
  readonly acetaminophenMg?: number;
}

export interface Regimen {
  readonly items: readonly RegimenItem[];
}

/** Facts about the patient the flag rules read. Unknown facts are left out (never guessed). */
export interface PatientFacts {
  readonly age?: number;
  readonly kidneyDisease?: boolean;
  readonly creatinineClearanceMlPerMin?: number;
  readonly liverDisease?: boolean;
  readonly alcoholDrinksPerDay?: number;
  readonly opioidNaive?: boolean;
  /** Naloxone is on the patient's medication list (also true when a naloxone item is in the regimen). */
  readonly naloxoneOnList?: boolean;
  /**
   * The patient's own answer to "do you have naloxone?" (the naloxone check): true when they say they
   * have it, false when they say they do not; absent when never asked. Not the same as it being on the list.
   */
  readonly patientReportsNaloxone?: boolean;
  readonly historyOfOverdose?: boolean;
  readonly substanceUseDisorder?: boolean;
  readonly sleepApnea?: boolean;
  readonly tapering?: boolean;
  readonly recentIncarceration?: boolean;
  readonly priorGiBleed?: boolean;
  /** Most recent corrected QT interval in ms. */
  readonly qtcMs?: number;
}

export type FlagId =
  | 'mme-at-least-50'
  | 'mme-at-least-90'
  | 'opioid-benzodiazepine'
  | 'opioid-gabapentinoid'
  | 'serotonergic-combination'
  | 'acetaminophen-above-3g'
  | 'acetaminophen-above-4g'
  | 'nsaid-anticoagulant'
  | 'nsaid-kidney-disease'
  | 'methadone-qtc'
  | 'er-la-opioid-naive'
  | 'older-adult-caution'
  | 'naloxone-not-on-list';

/** Every flag id, in the order flags are reported. */
export const FLAG_IDS: readonly FlagId[] = [
  'mme-at-least-50',
  'mme-at-least-90',
  'opioid-benzodiazepine',
  'opioid-gabapentinoid',
  'serotonergic-combination',
  'acetaminophen-above-3g',
  'acetaminophen-above-4g',
  'nsaid-anticoagulant',
  'nsaid-kidney-disease',
  'methadone-qtc',
  'er-la-opioid-naive',
  'older-adult-caution',
  'naloxone-not-on-list',
];

export type FlagSeverity = 'info' | 'caution' | 'warning';

export interface SafetyFlag {
  readonly id: FlagId;
  /** Clinician-facing text: what was found and options to discuss; never an instruction. */
  readonly message: string;
  readonly source: string;
  readonly severity: FlagSeverity;
}

export type MmeUnit = 'mg/day' | 'mcg/h';

export interface PerDrugMme {
  readonly drug: string;
  /** Total daily dose in `unit` (mg/day, or patch mcg/h for transdermal fentanyl). */
  readonly dailyDose: number;
  readonly unit: MmeUnit;
  readonly factor: number;
  readonly mme: number;
}

export interface NotCalculable {
  readonly drug: string;
  readonly reason: 'buprenorphine-excluded' | 'no-clinical-factor';
  readonly dailyDose: number | null;
  readonly unit: MmeUnit;
  readonly message: string;
  readonly source: string;
  /** CDC 2018 analytic factor, shown for information only — never used in the clinical total. */
  readonly researchFactorNotForClinicalUse?: number;
}

export interface RegimenResult {
  /** Sum of MME/day over drugs with a CDC 2022 clinical factor (excludes every `notCalculable` entry). */
  readonly totalMme: number;
  /** The same total as exact decimal text (e.g. "88.8"). */
  readonly totalMmeText: string;
  readonly perDrug: readonly PerDrugMme[];
  readonly notCalculable: readonly NotCalculable[];
  /** Total acetaminophen mg/day from all items. */
  readonly acetaminophenMgPerDay: number;
  readonly flags: readonly SafetyFlag[];
}
