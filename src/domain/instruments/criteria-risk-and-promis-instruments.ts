// Registered classification criteria, risk tools and PROMIS short forms: fibromyalgia criteria
// (ACR 2016), pain self-efficacy (PSEQ-10, PSEQ-2), back-pain and opioid risk (STarT Back, ORT, ORT-OUD),
// chronic-pain grade (GCPS-R) and PROMIS pain and function. Each entry: definition + golden cases; listed in index.ts.
// Sources and the settings standing in for UNCONFIRMED facts: docs/clinical-sources/instruments-criteria-risk-and-promis.md.
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
import { promisPi4a } from './promis-pi-4a/definition.ts';
import { PROMIS_PI_4A_GOLDEN } from './promis-pi-4a/golden.ts';
import { promisPi6a } from './promis-pi-6a/definition.ts';
import { PROMIS_PI_6A_GOLDEN } from './promis-pi-6a/golden.ts';
import { promisPf6b } from './promis-pf-6b/definition.ts';
import { PROMIS_PF_6B_GOLDEN } from './promis-pf-6b/golden.ts';
import { promisPainIntensity3a } from './promis-pain-intensity-3a/definition.ts';
import { PROMIS_PAIN_INTENSITY_3A_GOLDEN } from './promis-pain-intensity-3a/golden.ts';

export const CRITERIA_RISK_AND_PROMIS_INSTRUMENTS: readonly {
  readonly definition: InstrumentDefinition;
  readonly golden: readonly InstrumentGolden[];
}[] = [
  { definition: acr2016Fm, golden: ACR_2016_FM_GOLDEN },
  { definition: pseq10, golden: PSEQ_10_GOLDEN },
  { definition: pseq2, golden: PSEQ_2_GOLDEN },
  { definition: startBack, golden: START_BACK_GOLDEN },
  { definition: ort, golden: ORT_GOLDEN },
  { definition: ortOud, golden: ORT_OUD_GOLDEN },
  { definition: gcpsR, golden: GCPS_R_GOLDEN },
  { definition: promisPi4a, golden: PROMIS_PI_4A_GOLDEN },
  { definition: promisPi6a, golden: PROMIS_PI_6A_GOLDEN },
  { definition: promisPf6b, golden: PROMIS_PF_6B_GOLDEN },
  { definition: promisPainIntensity3a, golden: PROMIS_PAIN_INTENSITY_3A_GOLDEN },
];
