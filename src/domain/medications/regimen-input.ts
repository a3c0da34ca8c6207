// Validation of an untrusted regimen + patient document (CLI JSON, API body) into a Regimen.
// The input shape is the MME helper's own (a product choice). Rules:
// - every item names a drug in the formulary (id, generic or brand name; resolved to the id);
// - transdermal patches give `doseMcgPerHour`; every other opioid and acetaminophen gives `doseMg` and
//   `perDay` (administrations per day; as-needed: the maximum); combination products give
//   `acetaminophenMg` per administration; other drugs may omit their dose (no rule reads it);
// - doses and perDay are finite and > 0 (acetaminophenMg ≥ 0), with at most 4 (dose) / 3 (perDay)
//   fraction digits so the arithmetic stays exact; unknown fields are rejected so typos surface.
// Pure; returns a result, never throws on bad input.

import { findDrug } from './formulary.ts';
import { computeRegimen, DOSE_DECIMALS, PER_DAY_DECIMALS } from './compute-regimen.ts';
import { toScaled } from './exact-decimal.ts';
import type { PatientFacts, Regimen, RegimenItem } from './regimen.ts';

export type RegimenInputResult =
  | { readonly kind: 'valid'; readonly regimen: Regimen; readonly patient: PatientFacts }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

const ITEM_KEYS = new Set(['drug', 'doseMg', 'doseMcgPerHour', 'perDay', 'prn', 'acetaminophenMg']);
const PATIENT_BOOLEANS = [
  'kidneyDisease',
  'liverDisease',
  'opioidNaive',
  'naloxoneOnList',
  'patientReportsNaloxone',
  'historyOfOverdose',
  'substanceUseDisorder',
  'sleepApnea',
  'tapering',
  'recentIncarceration',
  'priorGiBleed',
] as const;
const PATIENT_NUMBERS = ['age', 'creatinineClearanceMlPerMin', 'alcoholDrinksPerDay', 'qtcMs'] as const;
const PATIENT_KEYS = new Set<string>([...PATIENT_BOOLEANS, ...PATIENT_NUMBERS]);
/** Input-sanity limit (not a clinical number): keeps every product an exact safe integer. */
export const MAX_ITEMS = 100;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkNumber(problems: string[], where: string, value: unknown, decimals: number, allowZero: boolean): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${where} must be a number`);
    return undefined;
  }
  if (value < 0 || (!allowZero && value === 0)) {
    problems.push(`${where} must be ${allowZero ? 'zero or positive' : 'positive'} (got ${value})`);
    return undefined;
  }
  if (toScaled(value, decimals) === undefined) {
    problems.push(`${where} must have at most ${decimals} decimal places (got ${value})`);
    return undefined;
  }
  return value;
}

function validateItem(raw: unknown, index: number, problems: string[]): RegimenItem | undefined {
  const at = `items[${index}]`;
  if (!isRecord(raw)) {
    problems.push(`${at} must be an object`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw)) if (!ITEM_KEYS.has(key)) problems.push(`${at}.${key} is not a known field`);
  if (typeof raw.drug !== 'string' || raw.drug.trim() === '') {
    problems.push(`${at}.drug is required (a formulary id or generic name)`);
    return undefined;
  }
  const drug = findDrug(raw.drug);
  if (!drug) {
    problems.push(`${at}.drug ${JSON.stringify(raw.drug)} is not in the formulary`);
    return undefined;
  }
  const isOpioid = drug.classes.includes('opioid');
  const item: { -readonly [K in keyof RegimenItem]: RegimenItem[K] } = { drug: drug.id };
  if (raw.prn !== undefined) {
    if (typeof raw.prn !== 'boolean') problems.push(`${at}.prn must be true or false`);
    else item.prn = raw.prn;
  }
  if (drug.doseUnit === 'mcg/h') {
    if (raw.doseMg !== undefined) problems.push(`${at}.doseMg does not apply to ${drug.id}; give the patch strength as doseMcgPerHour`);
    if (raw.perDay !== undefined) problems.push(`${at}.perDay does not apply to ${drug.id}; the patch strength in mcg/h is the dose`);
    if (raw.acetaminophenMg !== undefined) problems.push(`${at}.acetaminophenMg does not apply to ${drug.id}`);
    if (raw.doseMcgPerHour === undefined) {
      if (isOpioid) problems.push(`${at}.doseMcgPerHour is required for ${drug.id}`);
    } else {
      const v = checkNumber(problems, `${at}.doseMcgPerHour`, raw.doseMcgPerHour, DOSE_DECIMALS, false);
      if (v !== undefined) item.doseMcgPerHour = v;
    }
  } else {
    if (raw.doseMcgPerHour !== undefined)
      problems.push(`${at}.doseMcgPerHour applies only to transdermal patches; give doseMg for ${drug.id}`);
    const needsDose = isOpioid || drug.id === 'acetaminophen';
    if (raw.doseMg === undefined) {
      if (needsDose) problems.push(`${at}.doseMg is required for ${drug.id}`);
    } else {
      const v = checkNumber(problems, `${at}.doseMg`, raw.doseMg, DOSE_DECIMALS, false);
      if (v !== undefined) item.doseMg = v;
    }
    if (drug.containsAcetaminophen && raw.acetaminophenMg === undefined) {
      problems.push(`${at}.acetaminophenMg is required for combination product ${drug.id} (mg per administration)`);
    }
    if (raw.acetaminophenMg !== undefined) {
      const v = checkNumber(problems, `${at}.acetaminophenMg`, raw.acetaminophenMg, DOSE_DECIMALS, true);
      if (v !== undefined) item.acetaminophenMg = v;
    }
    const needsPerDay = raw.doseMg !== undefined || raw.acetaminophenMg !== undefined;
    if (raw.perDay === undefined) {
      if (needsPerDay) problems.push(`${at}.perDay is required (administrations per day; for as-needed use the maximum)`);
    } else {
      const v = checkNumber(problems, `${at}.perDay`, raw.perDay, PER_DAY_DECIMALS, false);
      if (v !== undefined) item.perDay = v;
    }
  }
  return problems.length === before ? item : undefined;
}

function validatePatient(raw: unknown, problems: string[]): PatientFacts {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    problems.push('patient must be an object');
    return {};
  }
  const patient: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) if (!PATIENT_KEYS.has(key)) problems.push(`patient.${key} is not a known field`);
  for (const key of PATIENT_BOOLEANS) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'boolean') problems.push(`patient.${key} must be true or false`);
    else patient[key] = v;
  }
  for (const key of PATIENT_NUMBERS) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) problems.push(`patient.${key} must be a number ≥ 0`);
    else patient[key] = v;
  }
  return patient as PatientFacts;
}

/** Validates `{ items: [...], patient?: {...} }`; unknown top-level fields are rejected. */
export function validateRegimenInput(input: unknown): RegimenInputResult {
  const problems: string[] = [];
  if (!isRecord(input)) return { kind: 'invalid', problems: ['regimen must be a JSON object with an "items" array'] };
  for (const key of Object.keys(input)) if (key !== 'items' && key !== 'patient') problems.push(`${key} is not a known field`);
  if (!Array.isArray(input.items)) {
    problems.push('items is required and must be an array');
    return { kind: 'invalid', problems };
  }
  if (input.items.length > MAX_ITEMS) problems.push(`items has more than ${MAX_ITEMS} entries`);
  const items: RegimenItem[] = [];
  input.items.forEach((raw, i) => {
    const item = validateItem(raw, i, problems);
    if (item) items.push(item);
  });
  const patient = validatePatient(input.patient, problems);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const regimen: Regimen = { items };
  try {
    computeRegimen(regimen, patient);
  } catch (error) {
    if (error instanceof RangeError) return { kind: 'invalid', problems: ['doses are too large to compute exactly'] };
    throw error;
  }
  return { kind: 'valid', regimen, patient };
}
