// Instruments registered by group A (see index.ts). Each entry: definition + golden cases.
import type { InstrumentDefinition } from './model.ts';
import type { InstrumentGolden } from './golden.ts';
import { nrs } from './nrs/definition.ts';
import { NRS_GOLDEN } from './nrs/golden.ts';
import { bpiSf } from './bpi-sf/definition.ts';
import { BPI_SF_GOLDEN } from './bpi-sf/golden.ts';
import { pcs } from './pcs/definition.ts';
import { PCS_GOLDEN } from './pcs/golden.ts';

export const GROUP_A: readonly { readonly definition: InstrumentDefinition; readonly golden: readonly InstrumentGolden[] }[] = [
  { definition: nrs, golden: NRS_GOLDEN },
  { definition: bpiSf, golden: BPI_SF_GOLDEN },
  { definition: pcs, golden: PCS_GOLDEN },
];
