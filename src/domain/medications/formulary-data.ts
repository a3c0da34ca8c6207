// Painwise bundled formulary — data only.
//
// Sources (see docs/clinical-sources/medications.md for the full table):
// - MME factors: CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022,
//   MMWR Recomm Rep 2022;71(RR-3), conversion table (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1). Research-only factors: CDC
//   "Oral MME conversion factors, 2018 version" analytic file (CDC oral MME conversion factors, 2018 analytic file (https://github.com/cqframework/opioid-mme-r4, docs/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx)) — NOT for clinical use,
//   never added into a clinical total.
// - Buprenorphine excluded from MME: CDC 2022 table caution 6 (https://doi.org/10.15585/mmwr.rr7103a1).
// - Class tags: benzodiazepines [FDA-BZD16], gabapentinoids [FDA-GABA19], serotonergic drugs and opioids
//   with prior serotonin-syndrome warnings [FDA-SERO16], NSAIDs/anticoagulants/antiplatelets [BEERS23 FDA Drug Safety Communication 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires],
//   CNS-active classes for the older-adult count [BEERS23 ] (all via AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372).
// - Strengths: only those named in CDC 2022 worked examples or https://doi.org/10.15585/mmwr.rr7103a1 golden cases. They are
//   real labelled strengths but the lists are NOT exhaustive; the taper planner accepts a setting that
//   replaces them (see taper.ts).
// - Brand names: common US brand names, informational only (search); no rule reads them.
//
// Invariants: ids are stable kebab-case and never reused; factors are decimal literals with at most
// two fraction digits (checked at load in formulary.ts).

export const FORMULARY_VERSION = '2026.1';

export type DrugClass =
  | 'opioid'
  | 'er-la'
  | 'buprenorphine'
  | 'opioid-combination'
  | 'benzodiazepine'
  | 'z-drug'
  | 'gabapentinoid'
  | 'antiepileptic'
  | 'antidepressant'
  | 'serotonergic'
  | 'serotonergic-opioid'
  | 'ssri'
  | 'snri'
  | 'tca'
  | 'maoi'
  | 'triptan'
  | 'nsaid'
  | 'topical-nsaid'
  | 'anticoagulant'
  | 'antiplatelet'
  | 'acetaminophen'
  | 'muscle-relaxant'
  | 'topical'
  | 'naloxone';

/** How a drug enters the MME total. */
export type MmeRule =
  | { readonly kind: 'clinical'; readonly factor: number; readonly research2018?: number }
  | { readonly kind: 'buprenorphine-excluded' }
  | { readonly kind: 'research-only'; readonly research2018: number; readonly researchUnit: string };

export type DoseUnit = 'mg' | 'mcg/h';

export interface FormularyDrug {
  readonly id: string;
  readonly generic: string;
  readonly brands: readonly string[];
  readonly classes: readonly DrugClass[];
  readonly route: 'oral' | 'transdermal' | 'buccal' | 'sublingual' | 'nasal' | 'topical' | 'injection';
  /** Unit of the per-administration dose the regimen gives for this drug. */
  readonly doseUnit: DoseUnit;
  readonly mme?: MmeRule;
  /** True for combination products whose acetaminophen content must be stated per administration. */
  readonly containsAcetaminophen?: boolean;
  /** Labelled strengths of the opioid (or single) ingredient, in doseUnit; non-exhaustive, cited. */
  readonly strengths?: { readonly values: readonly number[]; readonly source: string };
  readonly source: string;
}

const CDC22 = 'CDC 2022 MME conversion table, MMWR Recomm Rep 2022;71(RR-3) (https://doi.org/10.15585/mmwr.rr7103a1)';
const CDC18 =
  'CDC 2018 oral MME analytic file — research use only, not clinical guidance (CDC oral MME conversion factors, 2018 analytic file (https://github.com/cqframework/opioid-mme-r4, docs/CDC_Oral_Morphine_Milligram_Equivalents_Sept_2018.xlsx))';
const BUP = 'CDC 2022 table caution 6: buprenorphine products for pain are not included in MME (https://doi.org/10.15585/mmwr.rr7103a1)';
const GOLDEN = 'strengths named in CDC 2022 worked examples / https://doi.org/10.15585/mmwr.rr7103a1 (non-exhaustive)';
const FDA_BZD = 'FDA Drug Safety Communication 31 Aug 2016 (AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372)';
const FDA_GABA = 'FDA Drug Safety Communication 19 Dec 2019 (AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372)';
const FDA_SERO = 'FDA Drug Safety Communication 22 Mar 2016 (AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372)';
const BEERS = 'AGS Beers Criteria 2023 (AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372)';
const APAP =
  'FDA 2011 acetaminophen action; CDC 2022 (https://doi.org/10.15585/mmwr.rr7103a1; Health Canada, https://canada.ca/en/health-canada/services/publications/drugs-health-products/poster-acetaminophen.html)';
const ER_LA =
  'extended-release / long-acting formulation (CDC 2022 R3, https://doi.org/10.15585/mmwr.rr7103a1); methadone and transdermal fentanyl are long-acting by pharmacology';
const NALOXONE =
  'CDC 2022 R8; cdc.gov Assess Risks (https://doi.org/10.15585/mmwr.rr7103a1; https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html)';
const CLASS = 'drug class membership (pharmacology)';

function strengths(values: readonly number[]): FormularyDrug['strengths'] {
  return { values, source: GOLDEN };
}

const clinical = (factor: number, research2018?: number): MmeRule =>
  research2018 === undefined ? { kind: 'clinical', factor } : { kind: 'clinical', factor, research2018 };
const researchOnly = (research2018: number, researchUnit: string): MmeRule => ({ kind: 'research-only', research2018, researchUnit });
const bup: MmeRule = { kind: 'buprenorphine-excluded' };

const SSRI: readonly DrugClass[] = ['ssri', 'antidepressant', 'serotonergic'];
const SNRI: readonly DrugClass[] = ['snri', 'antidepressant', 'serotonergic'];
const TCA: readonly DrugClass[] = ['tca', 'antidepressant', 'serotonergic'];
const MAOI: readonly DrugClass[] = ['maoi', 'antidepressant', 'serotonergic'];
const TRIPTAN: readonly DrugClass[] = ['triptan', 'serotonergic'];

function simple(
  id: string,
  generic: string,
  brands: readonly string[],
  classes: readonly DrugClass[],
  source: string,
  extra: Partial<FormularyDrug> = {},
): FormularyDrug {
  return { id, generic, brands, classes, route: 'oral', doseUnit: 'mg', source, ...extra };
}

export const FORMULARY_DATA: readonly FormularyDrug[] = [
  // ── Opioids in the CDC 2022 clinical table ────────────────────────────────────────────────────────
  simple('codeine', 'codeine', [], ['opioid'], CDC22, { mme: clinical(0.15, 0.15) }),
  simple(
    'codeine-acetaminophen',
    'codeine and acetaminophen',
    ['Tylenol with Codeine'],
    ['opioid', 'opioid-combination', 'acetaminophen'],
    CDC22,
    { mme: clinical(0.15, 0.15), containsAcetaminophen: true, strengths: strengths([30]) },
  ),
  {
    id: 'fentanyl-transdermal',
    generic: 'fentanyl transdermal',
    brands: ['Duragesic'],
    classes: ['opioid', 'er-la', 'serotonergic-opioid'],
    route: 'transdermal',
    doseUnit: 'mcg/h',
    mme: clinical(2.4, 7.2),
    strengths: strengths([12, 25, 50]),
    source: `${CDC22}; ${ER_LA}; ${FDA_SERO}`,
  },
  simple('hydrocodone', 'hydrocodone', [], ['opioid'], CDC22, { mme: clinical(1, 1), strengths: strengths([5, 10]) }),
  simple(
    'hydrocodone-acetaminophen',
    'hydrocodone and acetaminophen',
    ['Norco', 'Vicodin', 'Lortab'],
    ['opioid', 'opioid-combination', 'acetaminophen'],
    CDC22,
    { mme: clinical(1, 1), containsAcetaminophen: true, strengths: strengths([5, 10]) },
  ),
  simple('hydrocodone-er', 'hydrocodone extended-release', ['Hysingla ER', 'Zohydro ER'], ['opioid', 'er-la'], `${CDC22}; ${ER_LA}`, {
    mme: clinical(1, 1),
  }),
  simple('hydromorphone', 'hydromorphone', ['Dilaudid'], ['opioid'], CDC22, { mme: clinical(5, 4), strengths: strengths([4]) }),
  simple('hydromorphone-er', 'hydromorphone extended-release', ['Exalgo'], ['opioid', 'er-la'], `${CDC22}; ${ER_LA}`, {
    mme: clinical(5, 4),
  }),
  simple(
    'methadone',
    'methadone',
    ['Dolophine', 'Methadose'],
    ['opioid', 'er-la', 'serotonergic-opioid'],
    `${CDC22}; ${ER_LA}; ${FDA_SERO}`,
    { mme: clinical(4.7, 3), strengths: strengths([5, 10]) },
  ),
  simple('morphine', 'morphine', ['MSIR'], ['opioid'], CDC22, { mme: clinical(1, 1), strengths: strengths([15]) }),
  simple('morphine-er', 'morphine extended-release', ['MS Contin', 'Kadian'], ['opioid', 'er-la'], `${CDC22}; ${ER_LA}`, {
    mme: clinical(1, 1),
    strengths: strengths([30]),
  }),
  simple('oxycodone', 'oxycodone', ['Roxicodone', 'Oxaydo'], ['opioid'], CDC22, { mme: clinical(1.5, 1.5), strengths: strengths([5, 10]) }),
  simple(
    'oxycodone-acetaminophen',
    'oxycodone and acetaminophen',
    ['Percocet', 'Endocet'],
    ['opioid', 'opioid-combination', 'acetaminophen'],
    CDC22,
    { mme: clinical(1.5, 1.5), containsAcetaminophen: true, strengths: strengths([10]) },
  ),
  simple('oxycodone-er', 'oxycodone extended-release', ['OxyContin', 'Xtampza ER'], ['opioid', 'er-la'], `${CDC22}; ${ER_LA}`, {
    mme: clinical(1.5, 1.5),
    strengths: strengths([10]),
  }),
  simple('oxymorphone', 'oxymorphone', ['Opana'], ['opioid'], CDC22, { mme: clinical(3, 3) }),
  simple('oxymorphone-er', 'oxymorphone extended-release', ['Opana ER'], ['opioid', 'er-la'], `${CDC22}; ${ER_LA}`, {
    mme: clinical(3, 3),
    strengths: strengths([10]),
  }),
  simple('tapentadol', 'tapentadol', ['Nucynta'], ['opioid', 'serotonergic-opioid'], `${CDC22}; ${FDA_SERO}`, { mme: clinical(0.4, 0.4) }),
  simple(
    'tapentadol-er',
    'tapentadol extended-release',
    ['Nucynta ER'],
    ['opioid', 'er-la', 'serotonergic-opioid'],
    `${CDC22}; ${ER_LA}; ${FDA_SERO}`,
    { mme: clinical(0.4, 0.4), strengths: strengths([100]) },
  ),
  simple('tramadol', 'tramadol', ['Ultram'], ['opioid', 'serotonergic-opioid'], `${CDC22}; ${FDA_SERO}`, {
    mme: clinical(0.2, 0.1),
    strengths: strengths([50]),
  }),
  simple(
    'tramadol-er',
    'tramadol extended-release',
    ['ConZip'],
    ['opioid', 'er-la', 'serotonergic-opioid'],
    `${CDC22}; ${ER_LA}; ${FDA_SERO}`,
    { mme: clinical(0.2, 0.1) },
  ),
  simple(
    'tramadol-acetaminophen',
    'tramadol and acetaminophen',
    ['Ultracet'],
    ['opioid', 'opioid-combination', 'acetaminophen', 'serotonergic-opioid'],
    `${CDC22}; ${FDA_SERO}`,
    { mme: clinical(0.2, 0.1), containsAcetaminophen: true },
  ),

  // ── Opioids with only a 2018 research factor (never in a clinical total) ─────────────────────────
  simple('butorphanol', 'butorphanol', [], ['opioid'], CDC18, { route: 'nasal', mme: researchOnly(7, 'mg') }),
  simple('dihydrocodeine', 'dihydrocodeine', [], ['opioid'], CDC18, { mme: researchOnly(0.25, 'mg') }),
  simple(
    'fentanyl-buccal',
    'fentanyl buccal/sublingual tablet or lozenge',
    ['Fentora', 'Abstral', 'Actiq'],
    ['opioid', 'serotonergic-opioid'],
    `${CDC18}; ${FDA_SERO}`,
    { route: 'buccal', mme: researchOnly(0.13, 'mcg') },
  ),
  simple(
    'fentanyl-film-spray',
    'fentanyl buccal film or oral spray',
    ['Subsys', 'Onsolis'],
    ['opioid', 'serotonergic-opioid'],
    `${CDC18}; ${FDA_SERO}`,
    { route: 'buccal', mme: researchOnly(0.18, 'mcg') },
  ),
  simple('fentanyl-nasal', 'fentanyl nasal spray', ['Lazanda'], ['opioid', 'serotonergic-opioid'], `${CDC18}; ${FDA_SERO}`, {
    route: 'nasal',
    mme: researchOnly(0.16, 'mcg'),
  }),
  simple('levomethadyl', 'levomethadyl acetate', [], ['opioid'], CDC18, { mme: researchOnly(8, 'mg') }),
  simple('levorphanol', 'levorphanol tartrate', [], ['opioid'], CDC18, { mme: researchOnly(11, 'mg') }),
  simple('meperidine', 'meperidine', ['Demerol'], ['opioid', 'serotonergic-opioid'], `${CDC18}; ${FDA_SERO}`, {
    mme: researchOnly(0.1, 'mg'),
  }),
  simple('opium', 'opium', [], ['opioid'], CDC18, { mme: researchOnly(1, 'mg') }),
  simple('pentazocine', 'pentazocine', [], ['opioid'], CDC18, { mme: researchOnly(0.37, 'mg') }),

  // ── Buprenorphine (excluded from MME: "not calculable", never 0) ──────────────────────────────────
  {
    id: 'buprenorphine-transdermal',
    generic: 'buprenorphine transdermal',
    brands: ['Butrans'],
    classes: ['opioid', 'buprenorphine', 'er-la'],
    route: 'transdermal',
    doseUnit: 'mcg/h',
    mme: bup,
    strengths: strengths([10]),
    source: BUP,
  },
  simple('buprenorphine-buccal', 'buprenorphine buccal film', ['Belbuca'], ['opioid', 'buprenorphine'], BUP, { route: 'buccal', mme: bup }),
  simple('buprenorphine-sublingual', 'buprenorphine sublingual', ['Subutex'], ['opioid', 'buprenorphine'], BUP, {
    route: 'sublingual',
    mme: bup,
  }),
  simple('buprenorphine-naloxone', 'buprenorphine and naloxone', ['Suboxone', 'Zubsolv'], ['opioid', 'buprenorphine'], BUP, {
    route: 'sublingual',
    mme: bup,
  }),

  // ── Naloxone (opioid antagonist; not an opioid for any rule) ──────────────────────────────────────
  simple('naloxone-nasal', 'naloxone nasal spray', ['Narcan', 'Kloxxado'], ['naloxone'], NALOXONE, { route: 'nasal' }),
  simple('naloxone-injection', 'naloxone injection', ['Zimhi'], ['naloxone'], NALOXONE, { route: 'injection' }),

  // ── Benzodiazepines and Z-drugs ───────────────────────────────────────────────────────────────────
  simple('alprazolam', 'alprazolam', ['Xanax'], ['benzodiazepine'], FDA_BZD, { strengths: strengths([0.5]) }),
  simple('chlordiazepoxide', 'chlordiazepoxide', ['Librium'], ['benzodiazepine'], FDA_BZD),
  simple('clonazepam', 'clonazepam', ['Klonopin'], ['benzodiazepine'], FDA_BZD),
  simple('diazepam', 'diazepam', ['Valium'], ['benzodiazepine'], FDA_BZD),
  simple('lorazepam', 'lorazepam', ['Ativan'], ['benzodiazepine'], FDA_BZD),
  simple('temazepam', 'temazepam', ['Restoril'], ['benzodiazepine'], FDA_BZD),
  simple('zolpidem', 'zolpidem', ['Ambien'], ['z-drug'], BEERS),
  simple('eszopiclone', 'eszopiclone', ['Lunesta'], ['z-drug'], BEERS),

  // ── Gabapentinoids ────────────────────────────────────────────────────────────────────────────────
  simple('gabapentin', 'gabapentin', ['Neurontin', 'Gralise'], ['gabapentinoid', 'antiepileptic'], FDA_GABA, {
    strengths: strengths([600]),
  }),
  simple('gabapentin-enacarbil', 'gabapentin enacarbil', ['Horizant'], ['gabapentinoid', 'antiepileptic'], FDA_GABA),
  simple('pregabalin', 'pregabalin', ['Lyrica'], ['gabapentinoid', 'antiepileptic'], FDA_GABA),

  // ── Serotonergic antidepressants and triptans ─────────────────────────────────────────────────────
  simple('citalopram', 'citalopram', ['Celexa'], SSRI, FDA_SERO),
  simple('escitalopram', 'escitalopram', ['Lexapro'], SSRI, FDA_SERO),
  simple('fluoxetine', 'fluoxetine', ['Prozac'], SSRI, FDA_SERO),
  simple('fluvoxamine', 'fluvoxamine', ['Luvox'], SSRI, FDA_SERO),
  simple('paroxetine', 'paroxetine', ['Paxil'], SSRI, FDA_SERO),
  simple('sertraline', 'sertraline', ['Zoloft'], SSRI, FDA_SERO, { strengths: strengths([100]) }),
  simple('desvenlafaxine', 'desvenlafaxine', ['Pristiq'], SNRI, FDA_SERO),
  simple('duloxetine', 'duloxetine', ['Cymbalta'], SNRI, FDA_SERO),
  simple('milnacipran', 'milnacipran', ['Savella'], SNRI, FDA_SERO),
  simple('venlafaxine', 'venlafaxine', ['Effexor'], SNRI, FDA_SERO),
  simple('amitriptyline', 'amitriptyline', ['Elavil'], TCA, `${FDA_SERO}; ${BEERS}`),
  simple('desipramine', 'desipramine', ['Norpramin'], TCA, `${FDA_SERO}; ${BEERS}`),
  simple('doxepin', 'doxepin', ['Sinequan', 'Silenor'], TCA, `${FDA_SERO}; ${BEERS}`),
  simple('imipramine', 'imipramine', ['Tofranil'], TCA, `${FDA_SERO}; ${BEERS}`),
  simple('nortriptyline', 'nortriptyline', ['Pamelor'], TCA, `${FDA_SERO}; ${BEERS}`),
  simple('isocarboxazid', 'isocarboxazid', ['Marplan'], MAOI, FDA_SERO),
  simple('phenelzine', 'phenelzine', ['Nardil'], MAOI, FDA_SERO),
  simple('selegiline', 'selegiline', ['Emsam', 'Eldepryl'], MAOI, FDA_SERO),
  simple('tranylcypromine', 'tranylcypromine', ['Parnate'], MAOI, FDA_SERO),
  simple('eletriptan', 'eletriptan', ['Relpax'], TRIPTAN, FDA_SERO),
  simple('naratriptan', 'naratriptan', ['Amerge'], TRIPTAN, FDA_SERO),
  simple('rizatriptan', 'rizatriptan', ['Maxalt'], TRIPTAN, FDA_SERO),
  simple('sumatriptan', 'sumatriptan', ['Imitrex'], TRIPTAN, FDA_SERO),
  simple('zolmitriptan', 'zolmitriptan', ['Zomig'], TRIPTAN, FDA_SERO),

  // ── NSAIDs (systemic) ─────────────────────────────────────────────────────────────────────────────
  simple('aspirin', 'aspirin', ['Bayer', 'Ecotrin'], ['nsaid', 'antiplatelet'], BEERS),
  simple('celecoxib', 'celecoxib', ['Celebrex'], ['nsaid'], BEERS),
  simple('diclofenac', 'diclofenac', ['Cataflam', 'Zorvolex'], ['nsaid'], BEERS),
  simple('etodolac', 'etodolac', ['Lodine'], ['nsaid'], BEERS),
  simple('ibuprofen', 'ibuprofen', ['Advil', 'Motrin'], ['nsaid'], BEERS),
  simple('indomethacin', 'indomethacin', ['Indocin'], ['nsaid'], BEERS),
  simple('ketorolac', 'ketorolac', ['Toradol'], ['nsaid'], BEERS),
  simple('meloxicam', 'meloxicam', ['Mobic'], ['nsaid'], BEERS),
  simple('nabumetone', 'nabumetone', ['Relafen'], ['nsaid'], BEERS),
  simple('naproxen', 'naproxen', ['Aleve', 'Naprosyn'], ['nsaid'], BEERS),

  // ── Anticoagulants and antiplatelets ──────────────────────────────────────────────────────────────
  simple('apixaban', 'apixaban', ['Eliquis'], ['anticoagulant'], CLASS),
  simple('dabigatran', 'dabigatran', ['Pradaxa'], ['anticoagulant'], CLASS),
  simple('edoxaban', 'edoxaban', ['Savaysa'], ['anticoagulant'], CLASS),
  simple('enoxaparin', 'enoxaparin', ['Lovenox'], ['anticoagulant'], CLASS, { route: 'injection' }),
  simple('heparin', 'heparin', [], ['anticoagulant'], CLASS, { route: 'injection' }),
  simple('rivaroxaban', 'rivaroxaban', ['Xarelto'], ['anticoagulant'], CLASS),
  simple('warfarin', 'warfarin', ['Coumadin', 'Jantoven'], ['anticoagulant'], CLASS),
  simple('clopidogrel', 'clopidogrel', ['Plavix'], ['antiplatelet'], CLASS),
  simple('prasugrel', 'prasugrel', ['Effient'], ['antiplatelet'], CLASS),
  simple('ticagrelor', 'ticagrelor', ['Brilinta'], ['antiplatelet'], CLASS),

  // ── Acetaminophen ─────────────────────────────────────────────────────────────────────────────────
  simple('acetaminophen', 'acetaminophen', ['Tylenol', 'paracetamol'], ['acetaminophen'], APAP),

  // ── Skeletal muscle relaxants ─────────────────────────────────────────────────────────────────────
  simple('baclofen', 'baclofen', ['Lioresal'], ['muscle-relaxant'], BEERS),
  simple('carisoprodol', 'carisoprodol', ['Soma'], ['muscle-relaxant'], BEERS),
  simple('cyclobenzaprine', 'cyclobenzaprine', ['Flexeril', 'Amrix'], ['muscle-relaxant'], BEERS),
  simple('metaxalone', 'metaxalone', ['Skelaxin'], ['muscle-relaxant'], BEERS),
  simple('methocarbamol', 'methocarbamol', ['Robaxin'], ['muscle-relaxant'], BEERS),
  simple('tizanidine', 'tizanidine', ['Zanaflex'], ['muscle-relaxant'], BEERS),

  // ── Topical agents (topical NSAIDs are not systemic NSAIDs for the flag rules) ─────────────────────
  simple(
    'capsaicin-cream',
    'capsaicin cream',
    ['Zostrix'],
    ['topical'],
    'NeuPSIG 2025 (Soliman 2025, Lancet Neurol, https://doi.org/10.1016/S1474-4422(25)00068-7)',
    { route: 'topical' },
  ),
  simple(
    'capsaicin-patch-8',
    'capsaicin 8% patch',
    ['Qutenza'],
    ['topical'],
    'NeuPSIG 2015/2025 (Finnerup 2015, Lancet Neurol 14:162, https://pmc.ncbi.nlm.nih.gov/articles/PMC4493167)',
    { route: 'topical' },
  ),
  simple(
    'diclofenac-topical',
    'diclofenac topical',
    ['Voltaren gel', 'Flector', 'Pennsaid'],
    ['topical', 'topical-nsaid'],
    'topical NSAID; Beers 2023 NSAID criteria name oral and parenteral NSAIDs (AGS Beers 2023, J Am Geriatr Soc, https://doi.org/10.1111/jgs.18372)',
    { route: 'topical' },
  ),
  simple(
    'lidocaine-plaster-5',
    'lidocaine 5% plaster',
    ['Lidoderm'],
    ['topical'],
    'NeuPSIG 2015 (Finnerup 2015, Lancet Neurol 14:162, https://pmc.ncbi.nlm.nih.gov/articles/PMC4493167)',
    { route: 'topical' },
  ),
];
