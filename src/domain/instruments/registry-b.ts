// Instruments registered by group B (see index.ts). Each entry: definition + golden cases.
import type { InstrumentDefinition } from './model.ts';
import type { InstrumentGolden } from './golden.ts';

export const GROUP_B: readonly { readonly definition: InstrumentDefinition; readonly golden: readonly InstrumentGolden[] }[] = [];
