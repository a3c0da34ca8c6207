// The clinic's coverage settings: which Medicare contractor (MAC jurisdiction) the patient's claims go
// to, and the values the published sources leave open. Each open value is a named setting, shown in the
// criterion it affects, never a silent guess.
//
// Facet LCD numbers per MAC: ASRA, "New Coverage Policies for Facet Joint Interventions for Pain
// Management" (26 Mar 2021) and the ACR advocacy note (22 Mar 2021). UNCONFIRMED: which of Noridian's
// L38801 / L38803 belongs to JE and which to JF (a billing analysis for a JF practice cites L38801,
// against ASRA), and WPS's billing article. The criteria themselves are the CGS text, LCD L38773; the
// contractors' LCDs are "largely aligned".
// ESI LCDs (L39240, L39015, L36920, L39054, L33906): which MAC each belongs to is UNCONFIRMED, so the
// clinic names its LCD; the criteria come from secondary encodings that agree (ASIPP "An Algorithmic
// Approach to Epidural Steroid Injections"; summaries of L33906 and billing articles A56651, A58731,
// A58777; a checklist-derived rubric for L39240), not from the LCD text itself.
// SCS: NCD 160.7 nationally, with LCD L36204 (Noridian JF), L35136 (Noridian JE) or L37632 (Palmetto).

export const MAC_JURISDICTIONS = ['J5', 'J6', 'J8', 'J15', 'JE', 'JF', 'JH', 'JJ', 'JK', 'JL', 'JM', 'JN'] as const;
export type MacJurisdiction = (typeof MAC_JURISDICTIONS)[number];

export interface FacetLcd {
  readonly lcd: string;
  readonly contractor: string;
  /** Set when the jurisdiction-to-LCD mapping itself is not confirmed. */
  readonly unconfirmed?: string;
}

const NORIDIAN_MAPPING = 'JE/JF assignment of L38801 and L38803 UNCONFIRMED';

export const FACET_LCD_BY_JURISDICTION: Readonly<Record<MacJurisdiction, FacetLcd>> = {
  J15: { lcd: 'L38773', contractor: 'CGS' },
  JN: { lcd: 'L33930', contractor: 'First Coast' },
  J6: { lcd: 'L35936', contractor: 'NGS' },
  JK: { lcd: 'L35936', contractor: 'NGS' },
  JE: { lcd: 'L38801', contractor: 'Noridian', unconfirmed: NORIDIAN_MAPPING },
  JF: { lcd: 'L38803', contractor: 'Noridian', unconfirmed: NORIDIAN_MAPPING },
  JH: { lcd: 'L34892', contractor: 'Novitas' },
  JL: { lcd: 'L34892', contractor: 'Novitas' },
  JJ: { lcd: 'L38765', contractor: 'Palmetto' },
  JM: { lcd: 'L38765', contractor: 'Palmetto' },
  J5: { lcd: 'L38841', contractor: 'WPS', unconfirmed: 'WPS billing article UNCONFIRMED' },
  J8: { lcd: 'L38841', contractor: 'WPS', unconfirmed: 'WPS billing article UNCONFIRMED' },
};

export const ESI_LCDS = ['L39240', 'L39015', 'L36920', 'L39054', 'L33906'] as const;
export type EsiLcd = (typeof ESI_LCDS)[number];

export const SCS_LCDS = ['L36204', 'L35136', 'L37632'] as const;
export type ScsLcd = (typeof SCS_LCDS)[number];

export interface CoverageSettings {
  /** The patient's MAC jurisdiction; names the facet LCD. Unset: criteria are cited to L38773, whose text they are. */
  readonly jurisdiction?: MacJurisdiction;
  /** The ESI LCD that applies (MAC mapping UNCONFIRMED). Unset: cited to the ESI LCD family. */
  readonly esiLcd?: EsiLcd;
  /** The SCS LCD that applies beside NCD 160.7; the trial criteria are quoted from L36204. */
  readonly scsLcd?: ScsLcd;
  /**
   * Shortest relief, in hours, counted as "duration consistent with the agent" for a diagnostic facet
   * block. The expected duration per anaesthetic is UNCONFIRMED (a multicentre diary study found no
   * difference between lidocaine and bupivacaine), so unset means any documented duration is accepted
   * and the consistency is left to the clinician.
   */
  readonly minimumBlockReliefHours?: number;
}

export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = {};

export function facetSource(settings: CoverageSettings, part: string): string {
  const j = settings.jurisdiction;
  if (j === undefined) return `LCD L38773 Facet Joint Interventions (CGS text, aligned across MACs; jurisdiction not set): ${part}`;
  const f = FACET_LCD_BY_JURISDICTION[j];
  const note = f.unconfirmed ? `; ${f.unconfirmed}` : '';
  return `LCD ${f.lcd} Facet Joint Interventions (${f.contractor} ${j}${note}): ${part}`;
}

export function esiSource(settings: CoverageSettings, part: string): string {
  const lcd = settings.esiLcd === undefined ? `ESI LCD (one of ${ESI_LCDS.join('/')}; MAC mapping UNCONFIRMED)` : `LCD ${settings.esiLcd}`;
  return `${lcd} Epidural Steroid Injections, criteria per secondary encodings (ASIPP; billing-article summaries): ${part}`;
}

export function scsSource(settings: CoverageSettings, part: string): string {
  return `LCD ${settings.scsLcd ?? 'L36204'} Spinal Cord Stimulators for Chronic Pain: ${part}`;
}

export const NCD_SCS = 'NCD 160.7 Electrical Nerve Stimulators';
