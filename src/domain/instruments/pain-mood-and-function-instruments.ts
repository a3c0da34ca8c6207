// Registered instruments that rate pain, mood and function: pain intensity (NRS, DVPRS), interference
// (BPI-SF), catastrophizing (PCS), mood screens (PHQ-2, GAD-7, GAD-2), disability (ODI), neuropathic pain
// (DN4, DN4 interview) and global change (PGIC). Each entry: definition + golden cases; listed in index.ts.
// Sources and the settings standing in for UNCONFIRMED facts: docs/clinical-sources/instruments-pain-mood-and-function.md.
import type { InstrumentDefinition } from './model.ts';
import type { InstrumentGolden } from './golden.ts';
import { nrs } from './nrs/definition.ts';
import { NRS_GOLDEN } from './nrs/golden.ts';
import { bpiSf } from './bpi-sf/definition.ts';
import { BPI_SF_GOLDEN } from './bpi-sf/golden.ts';
import { pcs } from './pcs/definition.ts';
import { PCS_GOLDEN } from './pcs/golden.ts';
import { phq2 } from './phq-2/definition.ts';
import { PHQ2_GOLDEN } from './phq-2/golden.ts';
import { gad7 } from './gad-7/definition.ts';
import { GAD7_GOLDEN } from './gad-7/golden.ts';
import { gad2 } from './gad-2/definition.ts';
import { GAD2_GOLDEN } from './gad-2/golden.ts';
import { odi } from './odi/definition.ts';
import { ODI_GOLDEN } from './odi/golden.ts';
import { dn4 } from './dn4/definition.ts';
import { DN4_GOLDEN } from './dn4/golden.ts';
import { dn4Interview } from './dn4-interview/definition.ts';
import { DN4_INTERVIEW_GOLDEN } from './dn4-interview/golden.ts';
import { pgic } from './pgic/definition.ts';
import { PGIC_GOLDEN } from './pgic/golden.ts';
import { dvprs } from './dvprs/definition.ts';
import { DVPRS_GOLDEN } from './dvprs/golden.ts';

export const PAIN_MOOD_AND_FUNCTION_INSTRUMENTS: readonly {
  readonly definition: InstrumentDefinition;
  readonly golden: readonly InstrumentGolden[];
}[] = [
  { definition: nrs, golden: NRS_GOLDEN },
  { definition: bpiSf, golden: BPI_SF_GOLDEN },
  { definition: pcs, golden: PCS_GOLDEN },
  { definition: phq2, golden: PHQ2_GOLDEN },
  { definition: gad7, golden: GAD7_GOLDEN },
  { definition: gad2, golden: GAD2_GOLDEN },
  { definition: odi, golden: ODI_GOLDEN },
  { definition: dn4, golden: DN4_GOLDEN },
  { definition: dn4Interview, golden: DN4_INTERVIEW_GOLDEN },
  { definition: pgic, golden: PGIC_GOLDEN },
  { definition: dvprs, golden: DVPRS_GOLDEN },
];
