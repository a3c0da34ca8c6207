// The shape of a regimen + patient document as it arrives (the MME helper's API body, the CLI's JSON,
// the web app's draft): types, ranges, decimals, required fields and no unknown fields, checked once,
// here. The contract's MmeRequestBody is built from these fields; validateRegimenInput then applies
// what depends on the drug (regimen-input.ts). Problems read `items[0].doseMg must be positive (got -5)`.
import { z } from 'zod';
import { DOSE_DECIMALS, PER_DAY_DECIMALS } from './compute-regimen.ts';
import { toScaled } from './exact-decimal.ts';
import { objectError, parseShape, say } from '../shape/shape-problems.ts';

/** Input-sanity limit (not a clinical number): keeps every product an exact safe integer. */
export const MAX_ITEMS = 100;

/** A finite amount, positive (or zero when `allowZero`), with at most `decimals` fraction digits so the arithmetic stays exact. */
function amount(decimals: number, allowZero: boolean) {
  return z
    .number(say('must be a number'))
    .refine((v) => v > 0 || (allowZero && v === 0), {
      error: (issue: { input?: unknown }) => `must be ${allowZero ? 'zero or positive' : 'positive'} (got ${String(issue.input)})`,
      abort: true,
    })
    .refine((v) => toScaled(v, decimals) !== undefined, {
      error: (issue: { input?: unknown }) => `must have at most ${decimals} decimal places (got ${String(issue.input)})`,
    });
}

const yesNo = () => z.boolean(say('must be true or false')).optional();
const atLeastZero = () => z.number(say('must be a number ≥ 0')).min(0, say('must be a number ≥ 0')).optional();

const item = z.strictObject(
  {
    /** A formulary id, generic or brand name. */
    drug: z
      .string(say('is required (a formulary id or generic name)'))
      .max(100, { ...say('must be at most 100 characters'), abort: true })
      .refine((text) => text.trim() !== '', say('is required (a formulary id or generic name)')),
    doseMg: amount(DOSE_DECIMALS, false).optional(),
    /** Transdermal patches only. */
    doseMcgPerHour: amount(DOSE_DECIMALS, false).optional(),
    /** Administrations per day; as-needed: the maximum. */
    perDay: amount(PER_DAY_DECIMALS, false).optional(),
    prn: z.boolean(say('must be true or false')).optional(),
    /** Combination products: acetaminophen per administration. */
    acetaminophenMg: amount(DOSE_DECIMALS, true).optional(),
  },
  objectError('must be an object'),
);

/** The document's fields: the items and what is known of the patient. */
export const REGIMEN_INPUT_FIELDS = {
  items: z.array(item, say('is required and must be an array')).max(MAX_ITEMS, say(`has more than ${MAX_ITEMS} entries`)),
  patient: z
    .strictObject(
      {
        age: z.number(say('must be a number ≥ 0')).min(0, say('must be a number ≥ 0')).max(150, say('must be at most 150')).optional(),
        kidneyDisease: yesNo(),
        creatinineClearanceMlPerMin: atLeastZero(),
        liverDisease: yesNo(),
        alcoholDrinksPerDay: atLeastZero(),
        opioidNaive: yesNo(),
        naloxoneOnList: yesNo(),
        /** The patient's own answer to "do you have naloxone?" (not the medication list). */
        patientReportsNaloxone: yesNo(),
        historyOfOverdose: yesNo(),
        substanceUseDisorder: yesNo(),
        sleepApnea: yesNo(),
        tapering: yesNo(),
        recentIncarceration: yesNo(),
        priorGiBleed: yesNo(),
        qtcMs: atLeastZero(),
      },
      objectError('must be an object'),
    )
    .optional(),
};

export const regimenInputShape = z.strictObject(REGIMEN_INPUT_FIELDS, objectError('must be a JSON object with an "items" array'));

export type RegimenInputShape = z.output<typeof regimenInputShape>;

/** `items[0].doseMg`, `patient.age`, or `regimen` for the document itself. */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'regimen';
  return path.map((token, i) => (typeof token === 'number' ? `[${token}]` : i === 0 ? String(token) : `.${String(token)}`)).join('');
}

/** Parse untrusted input: the typed document, or every shape problem as a sentence naming its field. */
export function parseRegimenInputShape(input: unknown): { ok: true; value: RegimenInputShape } | { ok: false; problems: string[] } {
  const parsed = parseShape(regimenInputShape, input);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map((p) => `${where(p.path)} ${p.message}`),
  };
}
