// Instruments registered by group A (see index.ts). Each entry: definition + golden cases.
import type { InstrumentDefinition } from './model.ts';
import type { InstrumentGolden } from './golden.ts';
import { nrs } from './nrs/definition.ts';
import { NRS_GOLDEN } from './nrs/golden.ts';

export const GROUP_A: readonly { readonly definition: InstrumentDefinition; readonly golden: readonly InstrumentGolden[] }[] = [
  { definition: nrs, golden: NRS_GOLDEN },
];
