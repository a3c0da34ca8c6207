// Golden MME cases — https://doi.org/10.15585/mmwr.rr7103a1 (M1–M17), CDC 2022 worked examples and an exact-
// arithmetic check. Expected values were worked by hand from the published rule (daily dose × CDC 2022
// factor, fentanyl patch mcg/h × 2.4, PRN at maximum, buprenorphine not calculable) — never produced
// by running the code. Expected flags come from the CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) "Expected flags" column plus the naloxone rule
// of CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html (offer naloxone whenever an opioid is listed and naloxone is not).
//
// `input` is the CLI / API document (`painwise mme --regimen '<json>'`).

import type { FlagId } from './regimen.ts';

export interface MmeGoldenCase {
  readonly name: string;
  readonly source: string;
  readonly input: {
    readonly items: readonly Record<string, unknown>[];
    readonly patient?: Record<string, unknown>;
  };
  readonly expected: {
    readonly totalMme: number;
    readonly perDrug: readonly { drug: string; dailyDose: number; unit: 'mg/day' | 'mcg/h'; factor: number; mme: number }[];
    readonly notCalculable: readonly string[];
    /** Exactly these flags, in any order. */
    readonly flags: readonly FlagId[];
    readonly acetaminophenMgPerDay?: number;
  };
}

export const MME_GOLDEN_CASES: readonly MmeGoldenCase[] = [
  {
    name: 'M1 hydrocodone/APAP 5/325 one tab QID',
    source: 'https://doi.org/10.15585/mmwr.rr7103a1 M1; CDC 2022 table footnote example: 20 mg hydrocodone × 1.0 = 20 MME',
    input: { items: [{ drug: 'hydrocodone-acetaminophen', doseMg: 5, perDay: 4, acetaminophenMg: 325 }] },
    expected: {
      totalMme: 20,
      perDrug: [{ drug: 'hydrocodone-acetaminophen', dailyDose: 20, unit: 'mg/day', factor: 1, mme: 20 }],
      notCalculable: [],
      flags: ['naloxone-not-on-list'],
      acetaminophenMgPerDay: 1300,
    },
  },
  {
    name: 'M1 via generic name: hydrocodone 5 mg QID with acetaminophen 325 mg per dose',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M1 (input form of the MME helper)',
    input: { items: [{ drug: 'hydrocodone', doseMg: 5, perDay: 4, prn: false, acetaminophenMg: 325 }] },
    expected: {
      totalMme: 20,
      perDrug: [{ drug: 'hydrocodone', dailyDose: 20, unit: 'mg/day', factor: 1, mme: 20 }],
      notCalculable: [],
      flags: ['naloxone-not-on-list'],
      acetaminophenMgPerDay: 1300,
    },
  },
  {
    name: 'M2 oxycodone ER 10 mg BID, opioid-naive start',
    source: 'https://doi.org/10.15585/mmwr.rr7103a1 M2; CDC 2022 example 20 mg × 1.5 = 30 MME; R3 ER/LA in opioid-naive',
    input: { items: [{ drug: 'oxycodone-er', doseMg: 10, perDay: 2 }], patient: { opioidNaive: true } },
    expected: {
      totalMme: 30,
      perDrug: [{ drug: 'oxycodone-er', dailyDose: 20, unit: 'mg/day', factor: 1.5, mme: 30 }],
      notCalculable: [],
      flags: ['er-la-opioid-naive', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M2 oxycodone ER 10 mg BID, not opioid-naive (negative for er-la-opioid-naive)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M2; R3 applies only when starting',
    input: { items: [{ drug: 'oxycodone-er', doseMg: 10, perDay: 2 }], patient: { opioidNaive: false } },
    expected: {
      totalMme: 30,
      perDrug: [{ drug: 'oxycodone-er', dailyDose: 20, unit: 'mg/day', factor: 1.5, mme: 30 }],
      notCalculable: [],
      flags: ['naloxone-not-on-list'],
    },
  },
  {
    name: 'M3 oxycodone IR 10 mg q4h scheduled (6/day)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M3: 60 mg × 1.5 = 90; ≥ 50 and ≥ 90 (inclusive)',
    input: { items: [{ drug: 'oxycodone', doseMg: 10, perDay: 6, prn: false }] },
    expected: {
      totalMme: 90,
      perDrug: [{ drug: 'oxycodone', dailyDose: 60, unit: 'mg/day', factor: 1.5, mme: 90 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'mme-at-least-90', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M4 morphine ER 30 mg q12h + oxycodone IR 5 mg q6h PRN (max 4/day)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M4: 60 × 1 + 20 × 1.5 = 90; PRN at maximum',
    input: {
      items: [
        { drug: 'morphine-er', doseMg: 30, perDay: 2 },
        { drug: 'oxycodone', doseMg: 5, perDay: 4, prn: true },
      ],
    },
    expected: {
      totalMme: 90,
      perDrug: [
        { drug: 'morphine-er', dailyDose: 60, unit: 'mg/day', factor: 1, mme: 60 },
        { drug: 'oxycodone', dailyDose: 20, unit: 'mg/day', factor: 1.5, mme: 30 },
      ],
      notCalculable: [],
      flags: ['mme-at-least-50', 'mme-at-least-90', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M5 fentanyl TD 25 mcg/h, one patch q72h',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M5: 25 × 2.4 = 60 (no division by 3)',
    input: { items: [{ drug: 'fentanyl-transdermal', doseMcgPerHour: 25 }] },
    expected: {
      totalMme: 60,
      perDrug: [{ drug: 'fentanyl-transdermal', dailyDose: 25, unit: 'mcg/h', factor: 2.4, mme: 60 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M6 methadone 10 mg TID',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M6: 30 mg × 4.7 = 141 (single 2022 factor, not the 2016 tier ×8)',
    input: { items: [{ drug: 'methadone', doseMg: 10, perDay: 3 }] },
    expected: {
      totalMme: 141,
      perDrug: [{ drug: 'methadone', dailyDose: 30, unit: 'mg/day', factor: 4.7, mme: 141 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'mme-at-least-90', 'methadone-qtc', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M7 methadone 5 mg BID',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M7: 10 mg × 4.7 = 47 (< 50; methadone-specific flags)',
    input: { items: [{ drug: 'methadone', doseMg: 5, perDay: 2 }] },
    expected: {
      totalMme: 47,
      perDrug: [{ drug: 'methadone', dailyDose: 10, unit: 'mg/day', factor: 4.7, mme: 47 }],
      notCalculable: [],
      flags: ['methadone-qtc', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M8 tramadol 50 mg q6h + sertraline 100 mg daily',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M8: 200 × 0.2 = 40; serotonin-syndrome interaction (FDA 2016, FDA Drug Safety Communication 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires)',
    input: {
      items: [
        { drug: 'tramadol', doseMg: 50, perDay: 4 },
        { drug: 'sertraline', doseMg: 100, perDay: 1 },
      ],
    },
    expected: {
      totalMme: 40,
      perDrug: [{ drug: 'tramadol', dailyDose: 200, unit: 'mg/day', factor: 0.2, mme: 40 }],
      notCalculable: [],
      flags: ['serotonergic-combination', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M9 tapentadol ER 100 mg BID',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M9: 200 × 0.4 = 80; no serotonergic drug listed',
    input: { items: [{ drug: 'tapentadol-er', doseMg: 100, perDay: 2 }] },
    expected: {
      totalMme: 80,
      perDrug: [{ drug: 'tapentadol-er', dailyDose: 200, unit: 'mg/day', factor: 0.4, mme: 80 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M10 hydromorphone 4 mg q4h (6/day)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M10: 24 × 5.0 = 120 (2016 factor 4 would give 96)',
    input: { items: [{ drug: 'hydromorphone', doseMg: 4, perDay: 6 }] },
    expected: {
      totalMme: 120,
      perDrug: [{ drug: 'hydromorphone', dailyDose: 24, unit: 'mg/day', factor: 5, mme: 120 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'mme-at-least-90', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M11 codeine/APAP 30/300, 2 tabs q6h (8 tabs/day)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M11: 240 mg × 0.15 = 36; APAP 2,400 mg/day (ok)',
    input: { items: [{ drug: 'codeine-acetaminophen', doseMg: 60, perDay: 4, acetaminophenMg: 600 }] },
    expected: {
      totalMme: 36,
      perDrug: [{ drug: 'codeine-acetaminophen', dailyDose: 240, unit: 'mg/day', factor: 0.15, mme: 36 }],
      notCalculable: [],
      flags: ['naloxone-not-on-list'],
      acetaminophenMgPerDay: 2400,
    },
  },
  {
    name: 'M12 oxymorphone ER 10 mg q12h',
    source: 'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M12: 20 × 3.0 = 60',
    input: { items: [{ drug: 'oxymorphone-er', doseMg: 10, perDay: 2 }] },
    expected: {
      totalMme: 60,
      perDrug: [{ drug: 'oxymorphone-er', dailyDose: 20, unit: 'mg/day', factor: 3, mme: 60 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M13 hydrocodone/APAP 10/325 q4h (6/day) + alprazolam 0.5 mg TID',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M13: 60 × 1.0 = 60; opioid + benzodiazepine (R11, FDA boxed); naloxone (two triggers)',
    input: {
      items: [
        { drug: 'hydrocodone-acetaminophen', doseMg: 10, perDay: 6, acetaminophenMg: 325 },
        { drug: 'alprazolam', doseMg: 0.5, perDay: 3 },
      ],
    },
    expected: {
      totalMme: 60,
      perDrug: [{ drug: 'hydrocodone-acetaminophen', dailyDose: 60, unit: 'mg/day', factor: 1, mme: 60 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'opioid-benzodiazepine', 'naloxone-not-on-list'],
      acetaminophenMgPerDay: 1950,
    },
  },
  {
    name: 'M14 oxycodone/APAP 10/325, 2 tabs q4h (12 tabs/day) + gabapentin 600 mg TID, age 70',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M14: 120 × 1.5 = 180; APAP 3,900 mg (> 3 g, < 4 g); opioid + gabapentinoid; age ≥ 65',
    input: {
      items: [
        { drug: 'oxycodone-acetaminophen', doseMg: 20, perDay: 6, acetaminophenMg: 650 },
        { drug: 'gabapentin', doseMg: 600, perDay: 3 },
      ],
      patient: { age: 70 },
    },
    expected: {
      totalMme: 180,
      perDrug: [{ drug: 'oxycodone-acetaminophen', dailyDose: 120, unit: 'mg/day', factor: 1.5, mme: 180 }],
      notCalculable: [],
      flags: [
        'mme-at-least-50',
        'mme-at-least-90',
        'opioid-gabapentinoid',
        'acetaminophen-above-3g',
        'older-adult-caution',
        'naloxone-not-on-list',
      ],
      acetaminophenMgPerDay: 3900,
    },
  },
  {
    name: 'M15 buprenorphine TD 10 mcg/h weekly + oxycodone IR 5 mg BID',
    source: 'https://doi.org/10.15585/mmwr.rr7103a1 M15: 10 × 1.5 = 15; buprenorphine not calculable (CDC 2022 caution 6), not 0',
    input: {
      items: [
        { drug: 'buprenorphine-transdermal', doseMcgPerHour: 10 },
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
      ],
    },
    expected: {
      totalMme: 15,
      perDrug: [{ drug: 'oxycodone', dailyDose: 10, unit: 'mg/day', factor: 1.5, mme: 15 }],
      notCalculable: ['buprenorphine-transdermal'],
      flags: ['naloxone-not-on-list'],
    },
  },
  {
    name: 'M16 fentanyl TD 50 mcg/h + morphine IR 15 mg q4h PRN (max 4/day)',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M16: 50 × 2.4 + 60 × 1 = 180',
    input: {
      items: [
        { drug: 'fentanyl-transdermal', doseMcgPerHour: 50 },
        { drug: 'morphine', doseMg: 15, perDay: 4, prn: true },
      ],
    },
    expected: {
      totalMme: 180,
      perDrug: [
        { drug: 'fentanyl-transdermal', dailyDose: 50, unit: 'mcg/h', factor: 2.4, mme: 120 },
        { drug: 'morphine', dailyDose: 60, unit: 'mg/day', factor: 1, mme: 60 },
      ],
      notCalculable: [],
      flags: ['mme-at-least-50', 'mme-at-least-90', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'M17 fentanyl TD 25 mcg/h + 12 mcg/h patches together',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M17: 37 × 2.4 = 88.8 exactly; ≥ 50 true, ≥ 90 false',
    input: {
      items: [
        { drug: 'fentanyl-transdermal', doseMcgPerHour: 25 },
        { drug: 'fentanyl-transdermal', doseMcgPerHour: 12 },
      ],
    },
    expected: {
      totalMme: 88.8,
      perDrug: [{ drug: 'fentanyl-transdermal', dailyDose: 37, unit: 'mcg/h', factor: 2.4, mme: 88.8 }],
      notCalculable: [],
      flags: ['mme-at-least-50', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'Exactness: oxycodone 0.05 mg TID + codeine 598.5 mg daily lands exactly on 90',
    source:
      'CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) "no rounding before threshold comparison": 0.15 × 1.5 = 0.225; 598.5 × 0.15 = 89.775; sum 90 (binary floating point gives 89.99999999999999)',
    input: {
      items: [
        { drug: 'oxycodone', doseMg: 0.05, perDay: 3 },
        { drug: 'codeine', doseMg: 598.5, perDay: 1 },
      ],
    },
    expected: {
      totalMme: 90,
      perDrug: [
        { drug: 'codeine', dailyDose: 598.5, unit: 'mg/day', factor: 0.15, mme: 89.775 },
        { drug: 'oxycodone', dailyDose: 0.15, unit: 'mg/day', factor: 1.5, mme: 0.225 },
      ],
      notCalculable: [],
      flags: ['mme-at-least-50', 'mme-at-least-90', 'naloxone-not-on-list'],
    },
  },
  {
    name: 'Research-only opioid: meperidine 50 mg q4h is not calculable (no CDC 2022 clinical factor)',
    source:
      'CDC oral MME conversion factors, 2018 analytic file (https://github.com/cqframework/opioid-mme-r4, docs/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx): 2018 factor 0.1 is for retrospective analytic use, not clinical guidance',
    input: { items: [{ drug: 'meperidine', doseMg: 50, perDay: 6 }] },
    expected: {
      totalMme: 0,
      perDrug: [],
      notCalculable: ['meperidine'],
      flags: ['naloxone-not-on-list'],
    },
  },
];
