import { describe, expect, it } from 'vitest';
import { FORMULARY_DATA, findDrug, matchFormulary, searchFormulary } from './formulary.ts';

describe('formulary', () => {
  it('holds every opioid of the CDC 2022 clinical table with its 2022 factor', () => {
    // CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1
    const expected: Record<string, number> = {
      codeine: 0.15,
      'fentanyl-transdermal': 2.4,
      hydrocodone: 1,
      hydromorphone: 5,
      methadone: 4.7,
      morphine: 1,
      oxycodone: 1.5,
      oxymorphone: 3,
      tapentadol: 0.4,
      tramadol: 0.2,
    };
    for (const [id, factor] of Object.entries(expected)) {
      const drug = findDrug(id);
      expect(drug?.mme).toMatchObject({ kind: 'clinical', factor });
    }
  });

  it('keeps 2018 research factors apart and flags research-only opioids', () => {
    expect(findDrug('tramadol')?.mme).toMatchObject({ research2018: 0.1 });
    expect(findDrug('meperidine')?.mme).toEqual({ kind: 'research-only', research2018: 0.1, researchUnit: 'mg' });
    expect(findDrug('levorphanol')?.mme).toMatchObject({ kind: 'research-only', research2018: 11 });
  });

  it('excludes every buprenorphine form from MME', () => {
    const bup = FORMULARY_DATA.filter((d) => d.classes.includes('buprenorphine'));
    expect(bup.length).toBeGreaterThanOrEqual(4);
    for (const d of bup) expect(d.mme).toEqual({ kind: 'buprenorphine-excluded' });
  });

  it('has the ids the CLI documents', () => {
    for (const id of [
      'oxycodone',
      'hydrocodone',
      'morphine',
      'fentanyl-transdermal',
      'methadone',
      'tramadol',
      'buprenorphine-transdermal',
      'alprazolam',
      'gabapentin',
      'sertraline',
      'acetaminophen',
    ]) {
      expect(findDrug(id)?.id).toBe(id);
    }
  });

  it('resolves generic and brand names case-insensitively', () => {
    expect(findDrug('OxyContin')?.id).toBe('oxycodone-er');
    expect(findDrug('Oxycodone')?.id).toBe('oxycodone');
    expect(findDrug('hydrocodone and acetaminophen')?.id).toBe('hydrocodone-acetaminophen');
    expect(findDrug('no-such-drug')).toBeUndefined();
  });

  it('searches by generic and brand name, prefix before substring', () => {
    expect(
      searchFormulary('oxy')
        .map((d) => d.id)
        .slice(0, 3),
    ).toEqual(['oxycodone', 'oxycodone-acetaminophen', 'oxycodone-er']);
    expect(searchFormulary('xanax').map((d) => d.id)).toEqual(['alprazolam']);
    expect(searchFormulary('CONTIN').map((d) => d.id)).toEqual(expect.arrayContaining(['oxycodone-er', 'morphine-er']));
    expect(searchFormulary('  ')).toEqual([]);
  });

  it('finds a brand or generic name typed with a slip or two', () => {
    expect(searchFormulary('oxycontn')[0]?.id).toBe('oxycodone-er');
    expect(searchFormulary('ibuprofin').map((d) => d.id)).toEqual(['ibuprofen']);
    expect(searchFormulary('percoset').map((d) => d.id)).toEqual(['oxycodone-acetaminophen']);
    // Two neighbours swapped is one slip, not two.
    expect(matchFormulary('xnaax').map((m) => [m.drug.id, m.name, m.edits])).toEqual([['alprazolam', 'Xanax', 1]]);
  });

  it('finds a half-typed name with a slip in it, from any word of the name', () => {
    expect(searchFormulary('oxycotn')[0]?.id).toBe('oxycodone-er');
    expect(searchFormulary('ms contn').map((d) => d.id)).toEqual(['morphine-er']);
  });

  it('ranks a name or word starting with the text, then the text inside a name, then a close slip', () => {
    expect(matchFormulary('cont').map((m) => [m.drug.id, m.name, m.kind])).toEqual([
      ['morphine-er', 'MS Contin', 'prefix'],
      ['oxycodone-er', 'OxyContin', 'substring'],
      ['tramadol-er', 'ConZip', 'typo'],
    ]);
    // The brand typed in part comes before generics that are only a slip away.
    expect(matchFormulary('oxycont').map((m) => [m.drug.id, m.kind])).toEqual([
      ['oxycodone-er', 'prefix'],
      ['oxycodone', 'typo'],
      ['oxycodone-acetaminophen', 'typo'],
    ]);
  });

  it('tolerates two slips from five letters, one in three or four, none below three', () => {
    expect(searchFormulary('znaax').map((d) => d.id)).toContain('alprazolam');
    expect(searchFormulary('xnqqx')).toEqual([]);
    expect(searchFormulary('nrco').map((d) => d.id)).toEqual(['hydrocodone-acetaminophen']);
    expect(searchFormulary('xnxa')).toEqual([]);
    expect(searchFormulary('xn')).toEqual([]);
  });

  it('offers no look-alikes beside a name typed in full', () => {
    expect(searchFormulary('zanax').map((d) => d.id)).toEqual(['alprazolam', 'tizanidine']);
    expect(matchFormulary('codeine').map((m) => [m.drug.id, m.kind])).toEqual([
      ['codeine', 'exact'],
      ['codeine-acetaminophen', 'prefix'],
      ['dihydrocodeine', 'substring'],
    ]);
  });

  it('tags the classes the rules use', () => {
    expect(findDrug('sertraline')?.classes).toContain('serotonergic');
    expect(findDrug('phenelzine')?.classes).toContain('maoi');
    expect(findDrug('sumatriptan')?.classes).toContain('triptan');
    expect(findDrug('amitriptyline')?.classes).toContain('tca');
    expect(findDrug('pregabalin')?.classes).toContain('gabapentinoid');
    expect(findDrug('warfarin')?.classes).toContain('anticoagulant');
    expect(findDrug('methadone')?.classes).toContain('er-la');
    expect(findDrug('diclofenac-topical')?.classes).not.toContain('nsaid');
  });

  it('every entry has a source and combination products contain acetaminophen', () => {
    for (const d of FORMULARY_DATA) expect(d.source.length).toBeGreaterThan(0);
    for (const d of FORMULARY_DATA.filter((x) => x.classes.includes('opioid-combination'))) expect(d.containsAcetaminophen).toBe(true);
  });
});
