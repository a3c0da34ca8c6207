// Validation of an untrusted regimen + patient document (CLI JSON, API body) into a Regimen. Its shape
// (types, ranges, decimals, unknown fields) is regimenInputShape's (regimen-input-shape.ts); this
// module applies what depends on the drug, to the typed document. Rules:
// - every item names a drug in the formulary (id, generic or brand name; resolved to the id);
// - transdermal patches give `doseMcgPerHour`; every other opioid and acetaminophen gives `doseMg` and
//   `perDay` (administrations per day; as-needed: the maximum); combination products give
//   `acetaminophenMg` per administration; other drugs may omit their dose (no rule reads it);
// - doses and perDay are finite and > 0 (acetaminophenMg ≥ 0), with at most 4 (dose) / 3 (perDay)
//   fraction digits so the arithmetic stays exact; unknown fields are rejected so typos surface.
// Pure; returns a result, never throws on bad input.

import { findDrug } from './formulary.ts';
import { computeRegimen } from './compute-regimen.ts';
import { parseRegimenInputShape, type RegimenInputShape } from './regimen-input-shape.ts';
import type { PatientFacts, Regimen, RegimenItem } from './regimen.ts';

export type RegimenInputResult =
  | { readonly kind: 'valid'; readonly regimen: Regimen; readonly patient: PatientFacts }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** What an item must give for its drug: a patch its strength, an opioid or acetaminophen a dose and perDay, a combination its acetaminophen. */
function resolveItem(raw: RegimenInputShape['items'][number], index: number, problems: string[]): RegimenItem | undefined {
  const at = `items[${index}]`;
  const before = problems.length;
  const drug = findDrug(raw.drug);
  if (!drug) {
    problems.push(`${at}.drug ${JSON.stringify(raw.drug)} is not in the formulary`);
    return undefined;
  }
  const isOpioid = drug.classes.includes('opioid');
  const item: { -readonly [K in keyof RegimenItem]: RegimenItem[K] } = { drug: drug.id };
  if (raw.prn !== undefined) item.prn = raw.prn;
  if (drug.doseUnit === 'mcg/h') {
    if (raw.doseMg !== undefined) problems.push(`${at}.doseMg does not apply to ${drug.id}; give the patch strength as doseMcgPerHour`);
    if (raw.perDay !== undefined) problems.push(`${at}.perDay does not apply to ${drug.id}; the patch strength in mcg/h is the dose`);
    if (raw.acetaminophenMg !== undefined) problems.push(`${at}.acetaminophenMg does not apply to ${drug.id}`);
    if (raw.doseMcgPerHour === undefined) {
      if (isOpioid) problems.push(`${at}.doseMcgPerHour is required for ${drug.id}`);
    } else item.doseMcgPerHour = raw.doseMcgPerHour;
  } else {
    if (raw.doseMcgPerHour !== undefined)
      problems.push(`${at}.doseMcgPerHour applies only to transdermal patches; give doseMg for ${drug.id}`);
    const needsDose = isOpioid || drug.id === 'acetaminophen';
    if (raw.doseMg === undefined) {
      if (needsDose) problems.push(`${at}.doseMg is required for ${drug.id}`);
    } else item.doseMg = raw.doseMg;
    if (drug.containsAcetaminophen && raw.acetaminophenMg === undefined) {
      problems.push(`${at}.acetaminophenMg is required for combination product ${drug.id} (mg per administration)`);
    }
    if (raw.acetaminophenMg !== undefined) item.acetaminophenMg = raw.acetaminophenMg;
    const needsPerDay = raw.doseMg !== undefined || raw.acetaminophenMg !== undefined;
    if (raw.perDay === undefined) {
      if (needsPerDay) problems.push(`${at}.perDay is required (administrations per day; for as-needed use the maximum)`);
    } else item.perDay = raw.perDay;
  }
  return problems.length === before ? item : undefined;
}

/** Validates `{ items: [...], patient?: {...} }`: its shape, then what each item's drug requires. */
export function validateRegimenInput(input: unknown): RegimenInputResult {
  const parsed = parseRegimenInputShape(input);
  if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
  const problems: string[] = [];
  const items: RegimenItem[] = [];
  parsed.value.items.forEach((raw, i) => {
    const item = resolveItem(raw, i, problems);
    if (item) items.push(item);
  });
  if (problems.length > 0) return { kind: 'invalid', problems };
  const patient: PatientFacts = { ...parsed.value.patient };
  const regimen: Regimen = { items };
  try {
    computeRegimen(regimen, patient);
  } catch (error) {
    if (error instanceof RangeError) return { kind: 'invalid', problems: ['doses are too large to compute exactly'] };
    throw error;
  }
  return { kind: 'valid', regimen, patient };
}
