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
 * How far a typed name may be from a formulary name and still be offered, in edits (a letter added,
 * dropped, changed, or two neighbours swapped). A product convention, not a clinical fact: two slips in
 * a name of five or more letters, one in three or four; none below three letters, where a single edit
 * would match nearly every name. A close match is only ever a suggestion the clinician picks.
 */
export const TYPO_TOLERANCE = { minLetters: 3, longFromLetters: 5, shortMaxEdits: 1, longMaxEdits: 2 } as const;

/** How a formulary entry matched the typed text, best first. */
export type FormularyMatchKind = 'exact' | 'prefix' | 'substring' | 'typo';
const KIND_RANK: Readonly<Record<FormularyMatchKind, number>> = { exact: 0, prefix: 1, substring: 2, typo: 3 };

export interface FormularyMatch {
  readonly drug: FormularyDrug;
  readonly kind: FormularyMatchKind;
  /** The id, generic or brand name that matched best, as the formulary spells it. */
  readonly name: string;
  /** Edits between the typed text and the start of `name`; 0 unless kind is 'typo'. */
  readonly edits: number;
}

/**
 * Formulary entries whose id, generic name or a brand name matches `text` (case-insensitive), best
 * first: an exact name, then a name or one of its words starting with the text, then the text anywhere
 * in a name, then a name or word whose start is within TYPO_TOLERANCE edits of the text (fewer edits
 * first), unless some name matches exactly. Ties keep formulary order. Empty or blank text returns [].
 */
export function matchFormulary(text: string): FormularyMatch[] {
  const q = text.trim().toLowerCase();
  if (q.length === 0) return [];
  const maxEdits = maxEditsFor(q);
  const ranked: { match: FormularyMatch; order: number }[] = [];
  FORMULARY_DATA.forEach((drug, order) => {
    let best: FormularyMatch | undefined;
    for (const name of [drug.id, drug.generic, ...drug.brands]) {
      const match = matchName(drug, name, q, maxEdits);
      if (match && (!best || compareMatches(match, best) < 0)) best = match;
    }
    if (best) ranked.push({ match: best, order });
  });
  ranked.sort((a, b) => compareMatches(a.match, b.match) || a.order - b.order);
  // A name typed in full is meant as typed: names a slip or two away from it are look-alikes
  // (Xanax and Zanaflex), not what the person was reaching for, so they are not offered beside it.
  const exact = ranked[0]?.match.kind === 'exact';
  return ranked.map((r) => r.match).filter((m) => !exact || m.kind !== 'typo');
}

/** The entries of matchFormulary, without how they matched. */
export function searchFormulary(text: string): FormularyDrug[] {
  return matchFormulary(text).map((m) => m.drug);
}

function maxEditsFor(q: string): number {
  if (q.length < TYPO_TOLERANCE.minLetters) return 0;
  return q.length >= TYPO_TOLERANCE.longFromLetters ? TYPO_TOLERANCE.longMaxEdits : TYPO_TOLERANCE.shortMaxEdits;
}

function compareMatches(a: FormularyMatch, b: FormularyMatch): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.edits - b.edits;
}

function matchName(drug: FormularyDrug, name: string, q: string, maxEdits: number): FormularyMatch | undefined {
  const n = name.toLowerCase();
  // Every place a word starts: "ms contin" is found from "contin" as well as from "ms".
  const starts = [0, ...[...n.matchAll(/[\s/-]+/g)].map((m) => m.index + m[0].length)];
  if (n === q) return { drug, kind: 'exact', name, edits: 0 };
  if (starts.some((i) => n.startsWith(q, i))) return { drug, kind: 'prefix', name, edits: 0 };
  if (n.includes(q)) return { drug, kind: 'substring', name, edits: 0 };
  if (maxEdits === 0) return undefined;
  const edits = Math.min(...starts.map((i) => editsToSomePrefix(q, n.slice(i, i + q.length + maxEdits))));
  return edits <= maxEdits ? { drug, kind: 'typo', name, edits } : undefined;
}

/**
 * The fewest edits (insert, delete, substitute, swap two neighbours: the optimal-string-alignment
 * Damerau–Levenshtein distance) that turn `q` into some prefix of `s`, so a half-typed name with a
 * slip still matches ("oxycotn" → "oxycontin").
 */
function editsToSomePrefix(q: string, s: string): number {
  // rows[i][j]: edits between q's first i letters and s's first j letters.
  const rows: number[][] = [Array.from({ length: s.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= q.length; i++) {
    const row = [i];
    for (let j = 1; j <= s.length; j++) {
      const cost = q[i - 1] === s[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && q[i - 1] === s[j - 2] && q[i - 2] === s[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return Math.min(...rows[q.length]!);
}
