// Shared machinery for scoring: answer validation (every error names its item), band lookup, and small
// arithmetic helpers the instrument folders compose. No instrument-specific rule lives here.

import type { Answers, BandDefinition, InstrumentDefinition, ItemDefinition, ScoreContext, ScoreResult, Sex } from './model.ts';

export interface AnswerError {
  /** The item key as given, or '' for an error about the whole answer object. */
  readonly item: string;
  readonly message: string;
}

export type ValidatedAnswers =
  | { readonly ok: true; readonly answers: Answers }
  | { readonly ok: false; readonly errors: readonly AnswerError[] };

/**
 * Checks raw answers (item key → value) against a definition. `null` or an absent key means
 * "not answered". Booleans are accepted for yes/no items (options exactly 0 and 1). Keys match
 * case-insensitively ("9a" finds "9A").
 */
export function validateAnswers(definition: InstrumentDefinition, raw: unknown): ValidatedAnswers {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ item: '', message: 'answers must be an object mapping item keys to values' }] };
  }
  const byKey = new Map(definition.items.map((i) => [i.key.toLowerCase(), i]));
  const errors: AnswerError[] = [];
  const answers = new Map<string, number>();
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const item = byKey.get(key.toLowerCase());
    if (!item) {
      errors.push({
        item: key,
        message: `item "${key}" is not part of ${definition.shortTitle}; its items are ${definition.items.map((i) => i.key).join(', ')}`,
      });
      continue;
    }
    if (value === null || value === undefined) continue;
    const numeric = toNumber(item, value);
    if (numeric === undefined) {
      errors.push({ item: key, message: `item "${item.key}" must be one of ${allowedValues(item)}` });
      continue;
    }
    if (answers.has(item.key)) {
      errors.push({ item: key, message: `item "${item.key}" is answered more than once` });
      continue;
    }
    answers.set(item.key, numeric);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
}

function isYesNo(item: ItemDefinition): boolean {
  return item.options.length === 2 && item.options.some((o) => o.value === 0) && item.options.some((o) => o.value === 1);
}

function toNumber(item: ItemDefinition, value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'boolean' && isYesNo(item)) n = value ? 1 : 0;
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return item.options.some((o) => o.value === n) ? n : undefined;
}

function allowedValues(item: ItemDefinition): string {
  const values = item.options.map((o) => o.value);
  const contiguous = values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
  const list = contiguous && values.length > 3 ? `the integers ${values[0]}–${values.at(-1)}` : values.join(', ');
  return isYesNo(item) ? `${list} (or true/false)` : list;
}

/** The band a score falls in: the highest band whose lower bound it meets. */
export function bandFor(bands: readonly BandDefinition[], score: number): BandDefinition | null {
  for (let i = bands.length - 1; i >= 0; i--) {
    const band = bands[i]!;
    if (band.inclusive ? score >= band.from : score > band.from) return band;
  }
  return null;
}

/** Item keys of `definition` not present in `answers` (optional items excluded unless `includeOptional`). */
export function missingItems(definition: InstrumentDefinition, answers: Answers, keys?: readonly string[]): string[] {
  const wanted = keys ?? definition.items.filter((i) => !i.optional).map((i) => i.key);
  return wanted.filter((k) => !answers.has(k));
}

export function sumOf(answers: Answers, keys: readonly string[]): number {
  let total = 0;
  for (const k of keys) total += answers.get(k) ?? 0;
  return total;
}

/**
 * A sum prorated over the answered items — `sum / answered × items` — when at most `maxMissing` are
 * missing (the DC/TMD rule for PHQ-9 and GAD-7, Kroenke 2001, J Gen Intern Med 16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x; Spitzer 2006, Arch Intern Med 166:1092, https://doi.org/10.1001/archinte.166.10.1092); unrounded. Null when more
 * are missing.
 */
export function proratedSum(
  answers: Answers,
  keys: readonly string[],
  maxMissing: number,
): { total: number; missing: string[] } | { total: null; missing: string[] } {
  const missing = keys.filter((k) => !answers.has(k));
  if (missing.length > maxMissing) return { total: null, missing };
  const sum = sumOf(answers, keys);
  const answered = keys.length - missing.length;
  return { total: missing.length === 0 ? sum : (sum / answered) * keys.length, missing };
}

/** Sum of `keys` when all are answered, else null. */
export function completeSum(answers: Answers, keys: readonly string[]): number | null {
  return keys.every((k) => answers.has(k)) ? sumOf(answers, keys) : null;
}

/** Integer 0..n options with labels; `labels[i]` labels value `start + i`. */
export function scaleOptions(
  labels: readonly string[],
  start = 0,
  loinc?: readonly string[],
): readonly { value: number; label: string; loinc?: string }[] {
  return labels.map((label, i) => (loinc?.[i] ? { value: start + i, label, loinc: loinc[i]! } : { value: start + i, label }));
}

export const YES_NO = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
] as const;

/** Score a response from raw answers: validation first, then the instrument's rule. */
export function scoreRaw(
  definition: InstrumentDefinition,
  raw: unknown,
  context: ScoreContext = {},
):
  | { readonly ok: true; readonly result: ScoreResult; readonly answers: Answers }
  | { readonly ok: false; readonly errors: readonly AnswerError[] } {
  const validated = validateAnswers(definition, raw);
  if (!validated.ok) return validated;
  return { ok: true, result: definition.score(validated.answers, context), answers: validated.answers };
}

export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
