// Golden cases for each safety-flag rule: at least one positive and one negative case per flag id.
// Expected outcomes are worked by hand from the published rule text (source cited per case)
// with the default settings documented in settings.ts — never produced by running the code.

import type { FlagId } from './regimen.ts';

export interface FlagGoldenCase {
  readonly name: string;
  readonly source: string;
  readonly input: { readonly items: readonly Record<string, unknown>[]; readonly patient?: Record<string, unknown> };
  readonly settings?: Record<string, unknown>;
  readonly expected: {
    readonly fires: readonly FlagId[];
    readonly doesNotFire: readonly FlagId[];
    /** Severity and a phrase the message must contain, for flags whose wording carries the rule. */
    readonly detail?: Partial<Record<FlagId, { readonly severity: 'caution' | 'warning'; readonly says: string }>>;
  };
}

const NALOXONE = { drug: 'naloxone-nasal' };

export const FLAG_GOLDEN_CASES: readonly FlagGoldenCase[] = [
  // mme-at-least-50 (inclusive)
  {
    name: 'morphine 25 mg BID = 50 MME: at the threshold fires',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 ("≥ 50" inclusive)',
    input: { items: [{ drug: 'morphine', doseMg: 25, perDay: 2 }, NALOXONE] },
    expected: { fires: ['mme-at-least-50'], doesNotFire: ['mme-at-least-90', 'naloxone-not-on-list'] },
  },
  {
    name: 'morphine 49.9 mg daily = 49.9 MME: below',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1',
    input: { items: [{ drug: 'morphine', doseMg: 49.9, perDay: 1 }] },
    expected: { fires: ['naloxone-not-on-list'], doesNotFire: ['mme-at-least-50', 'mme-at-least-90'] },
  },
  // mme-at-least-90 (legacy setting)
  {
    name: 'oxycodone 15 mg q4h = 135 MME: above the legacy 90',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (optional MME_HIGH = 90, legacy/payer)',
    input: { items: [{ drug: 'oxycodone', doseMg: 15, perDay: 6 }] },
    expected: { fires: ['mme-at-least-50', 'mme-at-least-90'], doesNotFire: [] },
  },
  {
    name: 'legacy threshold disabled by setting',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 developer guidance (optional MME_HIGH)',
    input: { items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }] },
    settings: { mmeLegacyThreshold: null },
    expected: { fires: ['mme-at-least-50'], doesNotFire: ['mme-at-least-90'] },
  },
  {
    name: 'legacy threshold set to 120 by a payer: 90 MME does not fire',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (state/payer thresholds vary, e.g. 120)',
    input: { items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }] },
    settings: { mmeLegacyThreshold: 120 },
    expected: { fires: ['mme-at-least-50'], doesNotFire: ['mme-at-least-90'] },
  },
  // opioid-benzodiazepine
  {
    name: 'tramadol + lorazepam',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; FDA Drug Safety Communication 31 Aug 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or (any opioid AND any benzodiazepine)',
    input: {
      items: [
        { drug: 'tramadol', doseMg: 50, perDay: 2 },
        { drug: 'lorazepam', doseMg: 1, perDay: 1 },
      ],
    },
    expected: { fires: ['opioid-benzodiazepine', 'naloxone-not-on-list'], doesNotFire: ['mme-at-least-50'] },
  },
  {
    name: 'benzodiazepine without opioid',
    source:
      'FDA Drug Safety Communication 31 Aug 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or',
    input: { items: [{ drug: 'alprazolam', doseMg: 0.5, perDay: 3 }] },
    expected: { fires: [], doesNotFire: ['opioid-benzodiazepine', 'naloxone-not-on-list'] },
  },
  {
    name: 'buprenorphine (an opioid) + diazepam',
    source:
      'FDA Drug Safety Communication 31 Aug 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or (any active opioid); FDA 2016 covers opioid analgesics',
    input: {
      items: [
        { drug: 'buprenorphine-transdermal', doseMcgPerHour: 5 },
        { drug: 'diazepam', doseMg: 5, perDay: 1 },
      ],
    },
    expected: { fires: ['opioid-benzodiazepine'], doesNotFire: ['mme-at-least-50'] },
  },
  // opioid-gabapentinoid
  {
    name: 'oxycodone + pregabalin',
    source:
      'FDA Drug Safety Communication 19 Dec 2019, https://www.fda.gov/drugs/drug-safety-and-availability/fda-warns-about-serious-breathing-problems-seizure-and-nerve-pain-medicines-gabapentin-neurontin (opioid AND gabapentin or pregabalin)',
    input: {
      items: [
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
        { drug: 'pregabalin', doseMg: 75, perDay: 2 },
      ],
    },
    expected: { fires: ['opioid-gabapentinoid'], doesNotFire: ['older-adult-caution'] },
  },
  {
    name: 'gabapentin without opioid',
    source:
      'FDA Drug Safety Communication 19 Dec 2019, https://www.fda.gov/drugs/drug-safety-and-availability/fda-warns-about-serious-breathing-problems-seizure-and-nerve-pain-medicines-gabapentin-neurontin',
    input: { items: [{ drug: 'gabapentin', doseMg: 300, perDay: 3 }] },
    expected: { fires: [], doesNotFire: ['opioid-gabapentinoid'] },
  },
  // serotonergic-combination
  {
    name: 'fentanyl patch + duloxetine',
    source:
      'FDA Drug Safety Communication 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires (any opioid AND SNRI)',
    input: {
      items: [
        { drug: 'fentanyl-transdermal', doseMcgPerHour: 12 },
        { drug: 'duloxetine', doseMg: 60, perDay: 1 },
      ],
    },
    expected: { fires: ['serotonergic-combination'], doesNotFire: ['mme-at-least-50'] },
  },
  {
    name: 'morphine + sumatriptan (triptan)',
    source:
      'FDA Drug Safety Communication 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires (opioid AND triptan)',
    input: {
      items: [
        { drug: 'morphine', doseMg: 15, perDay: 2 },
        { drug: 'sumatriptan', doseMg: 50, perDay: 1 },
      ],
    },
    expected: { fires: ['serotonergic-combination'], doesNotFire: [] },
  },
  {
    name: 'sertraline without opioid',
    source:
      'FDA Drug Safety Communication 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires (rule needs an opioid)',
    input: { items: [{ drug: 'sertraline', doseMg: 50, perDay: 1 }] },
    expected: { fires: [], doesNotFire: ['serotonergic-combination'] },
  },
  {
    name: 'tramadol alone',
    source:
      'FDA Drug Safety Communication 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires (needs a serotonergic drug besides the opioid)',
    input: { items: [{ drug: 'tramadol', doseMg: 50, perDay: 4 }] },
    expected: { fires: [], doesNotFire: ['serotonergic-combination'] },
  },
  // acetaminophen
  {
    name: 'acetaminophen 1000 mg TID = 3000 mg: not above 3 g',
    source:
      'FDA 2011 acetaminophen action; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html ("> 3,000 mg", strict)',
    input: { items: [{ drug: 'acetaminophen', doseMg: 1000, perDay: 3 }] },
    expected: { fires: [], doesNotFire: ['acetaminophen-above-3g', 'acetaminophen-above-4g'] },
  },
  {
    name: 'acetaminophen 1000 mg QID = 4000 mg: above 3 g, not above 4 g',
    source:
      'FDA 2011 acetaminophen action; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html ("> 4,000 mg" hard, "> 3,000 mg" caution)',
    input: { items: [{ drug: 'acetaminophen', doseMg: 1000, perDay: 4 }] },
    expected: { fires: ['acetaminophen-above-3g'], doesNotFire: ['acetaminophen-above-4g'] },
  },
  {
    name: 'acetaminophen 1000 mg QID + hydrocodone/APAP 5/325 once = 4325 mg from all products',
    source:
      'FDA 2011 acetaminophen action; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html (total from all products)',
    input: {
      items: [
        { drug: 'acetaminophen', doseMg: 1000, perDay: 4 },
        { drug: 'hydrocodone-acetaminophen', doseMg: 5, perDay: 1, acetaminophenMg: 325 },
      ],
    },
    expected: { fires: ['acetaminophen-above-3g', 'acetaminophen-above-4g'], doesNotFire: [] },
  },
  {
    name: 'FDA example: 2 × 325 mg q4h = 3900 mg is below the 4 g maximum',
    source:
      'FDA 2011 acetaminophen action; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html FDA 2011 example (3,900 mg < 4,000 mg)',
    input: { items: [{ drug: 'acetaminophen', doseMg: 650, perDay: 6 }] },
    expected: { fires: ['acetaminophen-above-3g'], doesNotFire: ['acetaminophen-above-4g'] },
  },
  // nsaid-anticoagulant
  {
    name: 'ibuprofen + warfarin',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (NSAID AND anticoagulant)',
    input: {
      items: [
        { drug: 'ibuprofen', doseMg: 400, perDay: 3 },
        { drug: 'warfarin', doseMg: 5, perDay: 1 },
      ],
    },
    expected: { fires: ['nsaid-anticoagulant'], doesNotFire: ['nsaid-kidney-disease'] },
  },
  {
    name: 'naproxen + clopidogrel (antiplatelet, default setting on)',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (anticoagulant/antiplatelet)',
    input: {
      items: [
        { drug: 'naproxen', doseMg: 250, perDay: 2 },
        { drug: 'clopidogrel', doseMg: 75, perDay: 1 },
      ],
    },
    expected: { fires: ['nsaid-anticoagulant'], doesNotFire: [] },
  },
  {
    name: 'naproxen + clopidogrel with antiplatelets excluded by setting',
    source: 'settings.ts nsaidAnticoagulantIncludesAntiplatelets (UNCONFIRMED)',
    input: {
      items: [
        { drug: 'naproxen', doseMg: 250, perDay: 2 },
        { drug: 'clopidogrel', doseMg: 75, perDay: 1 },
      ],
    },
    settings: { nsaidAnticoagulantIncludesAntiplatelets: false },
    expected: { fires: [], doesNotFire: ['nsaid-anticoagulant'] },
  },
  {
    name: 'aspirin alone (NSAID and antiplatelet in one drug)',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (needs two drugs)',
    input: { items: [{ drug: 'aspirin', doseMg: 81, perDay: 1 }] },
    expected: { fires: [], doesNotFire: ['nsaid-anticoagulant'] },
  },
  {
    name: 'topical diclofenac + apixaban',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (Beers names oral and parenteral NSAIDs)',
    input: { items: [{ drug: 'diclofenac-topical' }, { drug: 'apixaban', doseMg: 5, perDay: 2 }] },
    expected: { fires: [], doesNotFire: ['nsaid-anticoagulant'] },
  },
  // nsaid-kidney-disease
  {
    name: 'naproxen with CrCl 25 mL/min',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 (NSAID AND CrCl < 30)',
    input: { items: [{ drug: 'naproxen', doseMg: 250, perDay: 2 }], patient: { age: 72, creatinineClearanceMlPerMin: 25 } },
    expected: { fires: ['nsaid-kidney-disease'], doesNotFire: [] },
  },
  {
    name: 'celecoxib with recorded kidney disease',
    source:
      'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372; CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html reduced kidney function',
    input: { items: [{ drug: 'celecoxib', doseMg: 200, perDay: 1 }], patient: { kidneyDisease: true } },
    expected: { fires: ['nsaid-kidney-disease'], doesNotFire: [] },
  },
  {
    name: 'naproxen with CrCl exactly 30 mL/min',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 ("< 30", strict)',
    input: { items: [{ drug: 'naproxen', doseMg: 250, perDay: 2 }], patient: { creatinineClearanceMlPerMin: 30 } },
    expected: { fires: [], doesNotFire: ['nsaid-kidney-disease'] },
  },
  {
    name: 'kidney disease without NSAID',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372',
    input: { items: [{ drug: 'acetaminophen', doseMg: 500, perDay: 2 }], patient: { kidneyDisease: true } },
    expected: { fires: [], doesNotFire: ['nsaid-kidney-disease'] },
  },
  // methadone-qtc
  {
    name: 'methadone with QTc 510 ms',
    source:
      'Krantz 2009, Ann Intern Med 150:387, https://pubmed.ncbi.nlm.nih.gov/19153406/; https://doi.org/10.1016/j.jpain.2014.01.494 (Chou 2014: do not use if QTc > 500 ms)',
    input: { items: [{ drug: 'methadone', doseMg: 5, perDay: 2 }], patient: { qtcMs: 510 } },
    expected: { fires: ['methadone-qtc'], doesNotFire: ['mme-at-least-50'] },
  },
  {
    name: 'no methadone',
    source:
      'Krantz 2009, Ann Intern Med 150:387, https://pubmed.ncbi.nlm.nih.gov/19153406/; Chou 2014, J Pain 15:321, https://doi.org/10.1016/j.jpain.2014.01.494',
    input: { items: [{ drug: 'morphine', doseMg: 15, perDay: 2 }], patient: { qtcMs: 510 } },
    expected: { fires: [], doesNotFire: ['methadone-qtc'] },
  },
  // er-la-opioid-naive
  {
    name: 'fentanyl patch in an opioid-naive patient',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 R3',
    input: { items: [{ drug: 'fentanyl-transdermal', doseMcgPerHour: 12 }], patient: { opioidNaive: true } },
    expected: { fires: ['er-la-opioid-naive'], doesNotFire: [] },
  },
  {
    name: 'immediate-release oxycodone in an opioid-naive patient',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 R3 (IR preferred)',
    input: { items: [{ drug: 'oxycodone', doseMg: 5, perDay: 4 }], patient: { opioidNaive: true } },
    expected: { fires: [], doesNotFire: ['er-la-opioid-naive'] },
  },
  {
    name: 'ER opioid with opioid-naive status unknown',
    source: 'unknown facts never fire (settings.ts header)',
    input: { items: [{ drug: 'morphine-er', doseMg: 15, perDay: 2 }] },
    expected: { fires: [], doesNotFire: ['er-la-opioid-naive'] },
  },
  // older-adult-caution
  {
    name: 'amitriptyline at 70 (TCA in older adult)',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 TCAs in older adults (UNCONFIRMED wording; setting on)',
    input: { items: [{ drug: 'amitriptyline', doseMg: 10, perDay: 1 }], patient: { age: 70 } },
    expected: { fires: ['older-adult-caution'], doesNotFire: ['naloxone-not-on-list'] },
  },
  {
    name: 'three CNS-active drugs at 66',
    source: 'AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372 Beers ≥ 3 CNS-active drugs',
    input: {
      items: [
        { drug: 'sertraline', doseMg: 50, perDay: 1 },
        { drug: 'cyclobenzaprine', doseMg: 5, perDay: 1 },
        { drug: 'zolpidem', doseMg: 5, perDay: 1 },
      ],
      patient: { age: 66 },
    },
    expected: { fires: ['older-adult-caution'], doesNotFire: [] },
  },
  {
    name: 'opioid at 65 (inclusive)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html (age ≥ 65)',
    input: { items: [{ drug: 'oxycodone', doseMg: 5, perDay: 2 }], patient: { age: 65 } },
    expected: { fires: ['older-adult-caution'], doesNotFire: [] },
  },
  {
    name: 'opioid at 64',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html',
    input: { items: [{ drug: 'oxycodone', doseMg: 5, perDay: 2 }], patient: { age: 64 } },
    expected: { fires: [], doesNotFire: ['older-adult-caution'] },
  },
  {
    name: 'ibuprofen only at 80 (no listed older-adult reason)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html; AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372',
    input: { items: [{ drug: 'ibuprofen', doseMg: 200, perDay: 2 }], patient: { age: 80 } },
    expected: { fires: [], doesNotFire: ['older-adult-caution'] },
  },
  // naloxone-not-on-list
  {
    name: 'opioid with naloxone on the list (patient fact)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html',
    input: { items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }], patient: { naloxoneOnList: true } },
    expected: { fires: ['mme-at-least-50'], doesNotFire: ['naloxone-not-on-list'] },
  },
  {
    name: 'opioid with naloxone in the regimen',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html',
    input: { items: [{ drug: 'tramadol', doseMg: 50, perDay: 2 }, NALOXONE] },
    expected: { fires: [], doesNotFire: ['naloxone-not-on-list'] },
  },
  {
    name: 'no opioid, no naloxone',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html (offer when prescribing opioids)',
    input: { items: [{ drug: 'ibuprofen', doseMg: 400, perDay: 3 }] },
    expected: { fires: [], doesNotFire: ['naloxone-not-on-list'] },
  },
  // The patient's own naloxone check answer: REC08 ([OCDS], CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html) keeps the card until the
  // clinician documents "already has naloxone"; the patient's report is shown, not taken as documentation.
  {
    name: 'opioid at 90 MME, patient reports having naloxone, not on the list',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html ([OCDS] OpioidCDSREC08: "document already has naloxone")',
    input: { items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }], patient: { patientReportsNaloxone: true } },
    expected: {
      fires: ['mme-at-least-50', 'naloxone-not-on-list'],
      doesNotFire: [],
      detail: { 'naloxone-not-on-list': { severity: 'warning', says: 'the patient reports having naloxone' } },
    },
  },
  {
    name: 'opioid with sleep apnea, patient reports having no naloxone',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html (sleep-disordered breathing trigger; [OCDS] REC08)',
    input: { items: [{ drug: 'codeine', doseMg: 30, perDay: 2 }], patient: { sleepApnea: true, patientReportsNaloxone: false } },
    expected: {
      fires: ['naloxone-not-on-list'],
      doesNotFire: [],
      detail: { 'naloxone-not-on-list': { severity: 'warning', says: 'the patient reports having no naloxone' } },
    },
  },
  {
    name: 'patient reports naloxone and it is documented on the list',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html ([OCDS] REC08: documented → satisfied)',
    input: { items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6 }], patient: { patientReportsNaloxone: true, naloxoneOnList: true } },
    expected: { fires: [], doesNotFire: ['naloxone-not-on-list'] },
  },
  {
    name: 'low-dose opioid with sleep apnea and no naloxone',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html (sleep-disordered breathing trigger)',
    input: { items: [{ drug: 'codeine', doseMg: 30, perDay: 2 }], patient: { sleepApnea: true } },
    expected: { fires: ['naloxone-not-on-list'], doesNotFire: ['mme-at-least-50'] },
  },
];
