// Public entry of the instruments domain: the registry of validated instruments, scoring and change.
// One folder per instrument (definition.ts + golden.ts). Each definition cites its primary source (paper, manual or LOINC) with a URL or DOI.

import type { InstrumentDefinition, ScoreContext } from './model.ts';
import type { InstrumentGolden } from './golden.ts';
import { phq9 } from './phq-9/definition.ts';
import { PHQ9_GOLDEN } from './phq-9/golden.ts';
import { peg } from './peg/definition.ts';
import { PEG_GOLDEN } from './peg/golden.ts';
import { PAIN_MOOD_AND_FUNCTION_INSTRUMENTS } from './pain-mood-and-function-instruments.ts';
import { CRITERIA_RISK_AND_PROMIS_INSTRUMENTS } from './criteria-risk-and-promis-instruments.ts';
import { scoreRaw } from './scoring.ts';

export type * from './model.ts';
export { computeChange, type Change, type ChangeCategory } from './change.ts';
export { describeInstrument, type InstrumentDescription } from './describe.ts';
export { validateAnswers, bandFor, scoreRaw, type AnswerError } from './scoring.ts';

const ENTRIES: readonly { readonly definition: InstrumentDefinition; readonly golden: readonly InstrumentGolden[] }[] = [
  { definition: peg, golden: PEG_GOLDEN },
  { definition: phq9, golden: PHQ9_GOLDEN },
  ...PAIN_MOOD_AND_FUNCTION_INSTRUMENTS,
  ...CRITERIA_RISK_AND_PROMIS_INSTRUMENTS,
];

export const INSTRUMENTS: readonly InstrumentDefinition[] = ENTRIES.map((e) => e.definition);
export const INSTRUMENT_GOLDEN: ReadonlyMap<string, readonly InstrumentGolden[]> = new Map(ENTRIES.map((e) => [e.definition.id, e.golden]));

const BY_ID = new Map(INSTRUMENTS.map((d) => [d.id, d]));

export function findInstrument(id: string): InstrumentDefinition | undefined {
  return BY_ID.get(id.toLowerCase());
}

/** Validate and score raw answers for an instrument id; undefined when the id is unknown. */
export function scoreInstrument(id: string, raw: unknown, context: ScoreContext = {}): ReturnType<typeof scoreRaw> | undefined {
  const definition = findInstrument(id);
  return definition && scoreRaw(definition, raw, context);
}
