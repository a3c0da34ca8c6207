// MME (morphine milligram equivalents) and safety flags for a medication regimen.
//
// Source: CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022
// (MMWR Recomm Rep 2022;71(RR-3)), MME conversion table and cautions (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1):
//   MME/day = daily dose (mg/day) × factor; transdermal fentanyl: patch mcg/h × 2.4 (no division by 3);
//   methadone: single factor 4.7 at any dose; buprenorphine: not included ("not calculable", never 0).
// As-needed orders are counted at their maximum frequency (OMME MMECalculator.cql, CDC MME calculator, https://github.com/cqframework/opioid-mme-r4 (input/cql/MMECalculator.cql)).
// Opioids with only a 2018 research factor (CDC oral MME conversion factors, 2018 analytic file (https://github.com/cqframework/opioid-mme-r4, docs/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx)) are listed as not calculable.
//
// Invariants
// - Exact decimal arithmetic: doses (≤ 4 fraction digits), administrations/day (≤ 3) and factors (≤ 2)
//   are scaled integers; MME is an integer count of 10^-9 MME; thresholds compare integers.
//   Nothing is rounded before a threshold is compared.
// - Result is independent of item order: perDrug and notCalculable are sorted by drug id, flags are
//   in FLAG_IDS order.
// - Pure: no I/O, clock or randomness. Input must have passed validateRegimenInput (regimen-input.ts);
//   invalid input here is a programmer error (RangeError).

import { classBit, findCompiledDrug, FACTOR_DECIMALS, type CompiledDrug } from './formulary.ts';
import { addScaled, formatScaled, fromScaled, multiplyScaled, toScaled } from './exact-decimal.ts';
import type { NotCalculable, PatientFacts, PerDrugMme, Regimen, RegimenItem, RegimenResult } from './regimen.ts';
import { resolveSettings, type MedicationSettings } from './settings.ts';
import { DAILY_DECIMALS, evaluateSafetyFlags, MME_DECIMALS, type RegimenFacts } from './safety-flags.ts';

/** Fraction digits accepted for a dose per administration (mg or mcg/h). */
export const DOSE_DECIMALS = 4;
/** Fraction digits accepted for administrations per day. */
export const PER_DAY_DECIMALS = 3;

const OPIOID = classBit('opioid');
const ER_LA = classBit('er-la');
const BENZO = classBit('benzodiazepine');
const GABA = classBit('gabapentinoid');
const SEROTONERGIC = classBit('serotonergic');
const SEROTONERGIC_OPIOID = classBit('serotonergic-opioid');
const TCA = classBit('tca');
const NSAID = classBit('nsaid');
const ANTICOAG = classBit('anticoagulant');
const ANTIPLATELET = classBit('antiplatelet');
const NALOXONE = classBit('naloxone');
const APAP = classBit('acetaminophen');
const CNS_ACTIVE =
  OPIOID | BENZO | classBit('z-drug') | classBit('antiepileptic') | classBit('antidepressant') | classBit('muscle-relaxant');

const BUP_SOURCE = 'CDC 2022 MME table caution 6 (buprenorphine for pain is not included) — https://doi.org/10.15585/mmwr.rr7103a1';
const RESEARCH_SOURCE =
  'No CDC 2022 clinical factor; CDC 2018 analytic factor is for research only — CDC oral MME conversion factors, 2018 analytic file (https://github.com/cqframework/opioid-mme-r4, docs/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx)';
const ONE_PER_DAY = 10 ** PER_DAY_DECIMALS;

function scaledOrThrow(value: number | undefined, decimals: number, what: string, drug: string): number {
  if (value === undefined) throw new RangeError(`${drug}: ${what} is required (validate input first)`);
  const scaled = toScaled(value, decimals);
  if (scaled === undefined)
    throw new RangeError(`${drug}: ${what} ${value} is not a non-negative decimal with ≤ ${decimals} fraction digits`);
  return scaled;
}

interface Accumulator {
  compiled: CompiledDrug;
  dailyScaled: number; // 10^-DAILY_DECIMALS of the dose unit per day (mcg/h for patches)
}

/**
 * Daily dose of one item scaled by 10^DAILY_DECIMALS, in mg/day (or patch mcg/h), or undefined when
 * the item carries no dose (allowed for drugs whose dose no rule reads).
 */
function dailyDoseScaled(item: RegimenItem, compiled: CompiledDrug): number | undefined {
  const id = compiled.drug.id;
  if (compiled.drug.doseUnit === 'mcg/h') {
    if (item.doseMcgPerHour === undefined && (compiled.classMask & OPIOID) === 0) return undefined;
    return multiplyScaled(scaledOrThrow(item.doseMcgPerHour, DOSE_DECIMALS, 'doseMcgPerHour', id), ONE_PER_DAY);
  }
  if (item.doseMg === undefined && (compiled.classMask & (OPIOID | APAP)) === 0) return undefined;
  const dose = scaledOrThrow(item.doseMg, DOSE_DECIMALS, 'doseMg', id);
  const perDay = scaledOrThrow(item.perDay, PER_DAY_DECIMALS, 'perDay', id);
  return multiplyScaled(dose, perDay);
}

/**
 * Total MME/day, per-drug MME, drugs whose MME is not calculable, and every safety flag.
 * Example (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M17): fentanyl-transdermal 25 mcg/h + 12 mcg/h → totalMme 88.8;
 * `mme-at-least-50` fires, `mme-at-least-90` does not.
 */
export function computeRegimen(regimen: Regimen, patient: PatientFacts = {}, settings?: Partial<MedicationSettings>): RegimenResult {
  const resolved = resolveSettings(settings);
  const byDrug = new Map<string, Accumulator>();
  let mask = 0;
  let acetaminophenScaled = 0;

  for (const item of regimen.items) {
    const compiled = findCompiledDrug(item.drug);
    if (!compiled) throw new RangeError(`unknown drug ${JSON.stringify(item.drug)} (validate input first)`);
    mask |= compiled.classMask;
    const daily = dailyDoseScaled(item, compiled);
    let acc = byDrug.get(compiled.drug.id);
    if (!acc) {
      acc = { compiled, dailyScaled: 0 };
      byDrug.set(compiled.drug.id, acc);
    }
    if (daily !== undefined) acc.dailyScaled = addScaled(acc.dailyScaled, daily);

    if (compiled.drug.id === 'acetaminophen' && daily !== undefined) acetaminophenScaled = addScaled(acetaminophenScaled, daily);
    if (item.acetaminophenMg !== undefined) {
      const apap = scaledOrThrow(item.acetaminophenMg, DOSE_DECIMALS, 'acetaminophenMg', compiled.drug.id);
      acetaminophenScaled = addScaled(
        acetaminophenScaled,
        multiplyScaled(apap, scaledOrThrow(item.perDay, PER_DAY_DECIMALS, 'perDay', compiled.drug.id)),
      );
    }
  }

  const perDrug: PerDrugMme[] = [];
  const notCalculable: NotCalculable[] = [];
  const serotonergicDrugs: string[] = [];
  const serotonergicOpioids: string[] = [];
  const nsaids: string[] = [];
  const anticoagulants: string[] = [];
  const antiplatelets: string[] = [];
  let totalMmeScaled = 0;
  let cnsActiveCount = 0;

  const ids = [...byDrug.keys()].sort();
  for (const id of ids) {
    const acc = byDrug.get(id)!;
    const { drug, classMask, factorScaled } = acc.compiled;
    if (classMask & CNS_ACTIVE) cnsActiveCount++;
    if (classMask & SEROTONERGIC) serotonergicDrugs.push(id);
    if (classMask & SEROTONERGIC_OPIOID) serotonergicOpioids.push(id);
    if (classMask & NSAID) nsaids.push(id);
    if (classMask & ANTICOAG) anticoagulants.push(id);
    if (classMask & ANTIPLATELET) antiplatelets.push(id);
    if ((classMask & OPIOID) === 0 || !drug.mme) continue;
    const unit = drug.doseUnit === 'mcg/h' ? 'mcg/h' : 'mg/day';
    const dailyDose = fromScaled(acc.dailyScaled, DAILY_DECIMALS);
    if (factorScaled !== undefined) {
      const mmeScaled = multiplyScaled(acc.dailyScaled, factorScaled); // 10^-(7+2) = 10^-9 MME
      totalMmeScaled = addScaled(totalMmeScaled, mmeScaled);
      perDrug.push({
        drug: id,
        dailyDose,
        unit,
        factor: fromScaled(factorScaled, FACTOR_DECIMALS),
        mme: fromScaled(mmeScaled, MME_DECIMALS),
      });
    } else if (drug.mme.kind === 'buprenorphine-excluded') {
      notCalculable.push({
        drug: id,
        reason: 'buprenorphine-excluded',
        dailyDose,
        unit,
        message: 'Buprenorphine is not included in MME (partial agonist with a ceiling effect); its MME is not calculable, not 0.',
        source: BUP_SOURCE,
      });
    } else if (drug.mme.kind === 'research-only') {
      notCalculable.push({
        drug: id,
        reason: 'no-clinical-factor',
        dailyDose,
        unit,
        message: `${drug.generic} has no CDC 2022 clinical conversion factor; its MME is not calculable here, not 0.`,
        source: RESEARCH_SOURCE,
        researchFactorNotForClinicalUse: drug.mme.research2018,
      });
    }
  }

  const facts: RegimenFacts = {
    hasOpioid: (mask & OPIOID) !== 0,
    hasErLa: (mask & ER_LA) !== 0,
    hasBenzodiazepine: (mask & BENZO) !== 0,
    hasGabapentinoid: (mask & GABA) !== 0,
    serotonergicDrugs,
    serotonergicOpioids,
    hasTca: (mask & TCA) !== 0,
    hasMethadone: byDrug.has('methadone'),
    hasNaloxone: (mask & NALOXONE) !== 0,
    nsaids,
    anticoagulants,
    antiplatelets,
    cnsActiveCount,
    totalMmeScaled,
    notCalculableDrugs: notCalculable.map((n) => n.drug),
    acetaminophenScaled,
  };

  return {
    totalMme: fromScaled(totalMmeScaled, MME_DECIMALS),
    totalMmeText: formatScaled(totalMmeScaled, MME_DECIMALS),
    perDrug,
    notCalculable,
    acetaminophenMgPerDay: fromScaled(acetaminophenScaled, DAILY_DECIMALS),
    flags: evaluateSafetyFlags(facts, patient, resolved),
  };
}
