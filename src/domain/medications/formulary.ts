// Formulary lookup and search over the bundled data in formulary-data.ts.
// Source: see formulary-data.ts header (CDC 2022 MME table, https://doi.org/10.15585/mmwr.rr7103a1; CDC oral MME conversion factors, 2018 analytic file (https://github.com/cqframework/opioid-mme-r4, docs/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx); AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372).
//
// Invariants: lookups are precomputed once at module load (the MME hot path does one Map.get per
// item); every clinical factor is an exact decimal with ≤ 2 fraction digits (checked here at load).

import { FORMULARY_DATA, type DrugClass, type FormularyDrug } from './formulary-data.ts';
import { toScaledOrThrow } from './exact-decimal.ts';

export { FORMULARY_DATA, FORMULARY_VERSION, type DrugClass, type FormularyDrug, type MmeRule, type DoseUnit } from './formulary-data.ts';

/** Fraction digits of every MME conversion factor. */
export const FACTOR_DECIMALS = 2;

const CLASS_BITS: Readonly<Record<DrugClass, number>> = {
  opioid: 1 << 0,
  'er-la': 1 << 1,
  buprenorphine: 1 << 2,
  'opioid-combination': 1 << 3,
  benzodiazepine: 1 << 4,
  'z-drug': 1 << 5,
  gabapentinoid: 1 << 6,
  antiepileptic: 1 << 7,
  antidepressant: 1 << 8,
  serotonergic: 1 << 9,
  'serotonergic-opioid': 1 << 10,
  ssri: 1 << 11,
  snri: 1 << 12,
  tca: 1 << 13,
  maoi: 1 << 14,
  triptan: 1 << 15,
  nsaid: 1 << 16,
  'topical-nsaid': 1 << 17,
  anticoagulant: 1 << 18,
  antiplatelet: 1 << 19,
  acetaminophen: 1 << 20,
  'muscle-relaxant': 1 << 21,
  topical: 1 << 22,
  naloxone: 1 << 23,
};

export function classBit(c: DrugClass): number {
  return CLASS_BITS[c];
}

/** A formulary entry with its precomputed rule inputs. */
export interface CompiledDrug {
  readonly drug: FormularyDrug;
  readonly classMask: number;
  /** Clinical factor × 10^FACTOR_DECIMALS, or undefined when the drug has no clinical factor. */
  readonly factorScaled: number | undefined;
}

const BY_ID = new Map<string, CompiledDrug>();
const BY_NAME = new Map<string, CompiledDrug>();

for (const drug of FORMULARY_DATA) {
  if (BY_ID.has(drug.id)) throw new Error(`duplicate formulary id ${drug.id}`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(drug.id)) throw new Error(`formulary id ${drug.id} is not kebab-case`);
  let classMask = 0;
  for (const c of drug.classes) classMask |= CLASS_BITS[c];
  const factorScaled = drug.mme?.kind === 'clinical' ? toScaledOrThrow(drug.mme.factor, FACTOR_DECIMALS) : undefined;
  const compiled: CompiledDrug = { drug, classMask, factorScaled };
  BY_ID.set(drug.id, compiled);
}
// Generic names resolve too ("drug is a formulary id or generic name"); ids win over names, and a
// name shared by two entries is not registered (ambiguous).
const ambiguous = new Set<string>();
for (const compiled of BY_ID.values()) {
  const names = [compiled.drug.generic, ...compiled.drug.brands].map((n) => n.toLowerCase());
  for (const name of names) {
    if (BY_ID.has(name)) continue;
    if (BY_NAME.has(name) && BY_NAME.get(name) !== compiled) ambiguous.add(name);
    else BY_NAME.set(name, compiled);
  }
}
for (const name of ambiguous) BY_NAME.delete(name);

/** The compiled entry for a formulary id, generic name or brand name (case-insensitive), if any. */
export function findCompiledDrug(idOrName: string): CompiledDrug | undefined {
  return BY_ID.get(idOrName) ?? BY_ID.get(idOrName.toLowerCase()) ?? BY_NAME.get(idOrName.trim().toLowerCase());
}

/** The formulary entry for an id, generic name or brand name (case-insensitive), if any. */
export function findDrug(idOrName: string): FormularyDrug | undefined {
  return findCompiledDrug(idOrName)?.drug;
}

export function hasClass(drug: FormularyDrug, c: DrugClass): boolean {
  return drug.classes.includes(c);
}

/**
 * Formulary entries whose id, generic name or a brand name contains `text` (case-insensitive).
 * Ranking: exact match, then prefix match, then substring match; ties keep formulary order.
 * Empty or blank text returns [].
 */
export function searchFormulary(text: string): FormularyDrug[] {
  const q = text.trim().toLowerCase();
  if (q.length === 0) return [];
  const ranked: { drug: FormularyDrug; rank: number; order: number }[] = [];
  FORMULARY_DATA.forEach((drug, order) => {
    let rank = Infinity;
    for (const name of [drug.id, drug.generic, ...drug.brands]) {
      const n = name.toLowerCase();
      if (n === q) rank = Math.min(rank, 0);
      else if (n.startsWith(q) || n.split(/[\s/-]+/).some((w) => w.startsWith(q))) rank = Math.min(rank, 1);
      else if (n.includes(q)) rank = Math.min(rank, 2);
    }
    if (rank !== Infinity) ranked.push({ drug, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.map((r) => r.drug);
}
