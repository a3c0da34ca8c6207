// Validation of untrusted findings documents (CLI JSON, API body) for the two grading systems.
// Each finding is true (yes), false (no), or null / absent (not assessed); `durationMonths` is a
// number of months and `comorbidities` a list of named comorbidities ([] = assessed, none present).
// Unknown fields are rejected so a typo never silently becomes "not assessed". Pure; returns a
// result, never throws on bad input.

import type { NeuropathicFindings } from './neuropathic.ts';
import { NOCIPLASTIC_COMORBIDITIES, type NociplasticComorbidity, type NociplasticFindings } from './nociplastic.ts';

export type FindingsInputResult<F> =
  | { readonly kind: 'valid'; readonly findings: F }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export const NEUROPATHIC_FINDING_KEYS = ['historySuggestive', 'distributionPlausible', 'sensorySigns', 'confirmatoryTest'] as const;
const NOCIPLASTIC_BOOLEAN_KEYS = ['regional', 'notEntirelyExplained', 'clinicalHypersensitivity', 'historyOfHypersensitivity'] as const;
export const NOCIPLASTIC_FINDING_KEYS = ['durationMonths', ...NOCIPLASTIC_BOOLEAN_KEYS, 'comorbidities'] as const;
/** Input-sanity limit, not a clinical number: a century of pain. */
export const MAX_DURATION_MONTHS = 1200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(raw: Record<string, unknown>, known: readonly string[], problems: string[]): void {
  for (const key of Object.keys(raw)) if (!known.includes(key)) problems.push(`${key} is not a known finding (known: ${known.join(', ')})`);
}

function readBoolean(raw: Record<string, unknown>, key: string, problems: string[]): boolean | null {
  const value = raw[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') {
    problems.push(`${key} must be true, false or null (not assessed)`);
    return null;
  }
  return value;
}

export function validateNeuropathicFindings(raw: unknown): FindingsInputResult<NeuropathicFindings> {
  if (!isRecord(raw)) return { kind: 'invalid', problems: ['findings must be a JSON object'] };
  const problems: string[] = [];
  unknownKeys(raw, NEUROPATHIC_FINDING_KEYS, problems);
  const findings: NeuropathicFindings = {
    historySuggestive: readBoolean(raw, 'historySuggestive', problems),
    distributionPlausible: readBoolean(raw, 'distributionPlausible', problems),
    sensorySigns: readBoolean(raw, 'sensorySigns', problems),
    confirmatoryTest: readBoolean(raw, 'confirmatoryTest', problems),
  };
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'valid', findings };
}

function readDuration(value: unknown, problems: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push('durationMonths must be a number of months or null (not assessed)');
    return null;
  }
  if (value < 0 || value > MAX_DURATION_MONTHS) {
    problems.push(`durationMonths must be between 0 and ${MAX_DURATION_MONTHS} (got ${value})`);
    return null;
  }
  return value;
}

function readComorbidities(value: unknown, problems: string[]): NociplasticComorbidity[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    problems.push('comorbidities must be a list ([] when none is present) or null (not assessed)');
    return null;
  }
  const seen = new Set<string>();
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || !(NOCIPLASTIC_COMORBIDITIES as readonly string[]).includes(item))
      problems.push(`comorbidities[${i}] must be one of ${NOCIPLASTIC_COMORBIDITIES.join(', ')}`);
    else if (seen.has(item)) problems.push(`comorbidities[${i}] repeats ${item}`);
    else seen.add(item);
  });
  return [...seen] as NociplasticComorbidity[];
}

export function validateNociplasticFindings(raw: unknown): FindingsInputResult<NociplasticFindings> {
  if (!isRecord(raw)) return { kind: 'invalid', problems: ['findings must be a JSON object'] };
  const problems: string[] = [];
  unknownKeys(raw, NOCIPLASTIC_FINDING_KEYS, problems);
  const findings: NociplasticFindings = {
    durationMonths: readDuration(raw.durationMonths, problems),
    regional: readBoolean(raw, 'regional', problems),
    notEntirelyExplained: readBoolean(raw, 'notEntirelyExplained', problems),
    clinicalHypersensitivity: readBoolean(raw, 'clinicalHypersensitivity', problems),
    historyOfHypersensitivity: readBoolean(raw, 'historyOfHypersensitivity', problems),
    comorbidities: readComorbidities(raw.comorbidities, problems),
  };
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'valid', findings };
}
