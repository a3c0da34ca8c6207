// Public entry of the medications domain: formulary, MME (CDC 2022), safety flags and taper planning.
// Sources: see each module's header and docs/clinical-sources/medications.md.
export { computeRegimen } from './compute-regimen.ts';
export { validateRegimenInput, type RegimenInputResult } from './regimen-input.ts';
export { findDrug, searchFormulary, FORMULARY_DATA, FORMULARY_VERSION, type FormularyDrug, type DrugClass } from './formulary.ts';
export { DEFAULT_MEDICATION_SETTINGS, SETTING_DOCS, type MedicationSettings } from './settings.ts';
export { FLAG_SOURCES } from './safety-flags.ts';
export {
  planTaper,
  applyTaperPauses,
  DEFAULT_TAPER_RATE,
  WEEKLY_THEN_REMAINING_RATE,
  type TaperPlan,
  type TaperRate,
  type TaperOptions,
} from './taper.ts';
export * from './regimen.ts';
