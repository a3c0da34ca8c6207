// Instruments registered by group B (see index.ts). Each entry: definition + golden cases.
// Sources and the settings standing in for UNCONFIRMED facts: docs/clinical-sources/instruments-group-b.md.
import type { InstrumentDefinition } from './model.ts';
import type { InstrumentGolden } from './golden.ts';
import { acr2016Fm } from './acr-2016-fm/definition.ts';
import { ACR_2016_FM_GOLDEN } from './acr-2016-fm/golden.ts';
import { pseq10 } from './pseq-10/definition.ts';
import { PSEQ_10_GOLDEN } from './pseq-10/golden.ts';
import { pseq2 } from './pseq-2/definition.ts';
import { PSEQ_2_GOLDEN } from './pseq-2/golden.ts';
import { startBack } from './start-back/definition.ts';
import { START_BACK_GOLDEN } from './start-back/golden.ts';
import { ort } from './ort/definition.ts';
import { ORT_GOLDEN } from './ort/golden.ts';
import { ortOud } from './ort-oud/definition.ts';
import { ORT_OUD_GOLDEN } from './ort-oud/golden.ts';
import { gcpsR } from './gcps-r/definition.ts';
import { GCPS_R_GOLDEN } from './gcps-r/golden.ts';

export const GROUP_B: readonly { readonly definition: InstrumentDefinition; readonly golden: readonly InstrumentGolden[] }[] = [
  { definition: acr2016Fm, golden: ACR_2016_FM_GOLDEN },
  { definition: pseq10, golden: PSEQ_10_GOLDEN },
  { definition: pseq2, golden: PSEQ_2_GOLDEN },
  { definition: startBack, golden: START_BACK_GOLDEN },
  { definition: ort, golden: ORT_GOLDEN },
  { definition: ortOud, golden: ORT_OUD_GOLDEN },
  { definition: gcpsR, golden: GCPS_R_GOLDEN },
];
