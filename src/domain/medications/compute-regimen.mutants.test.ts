// What computeRegimen decides beyond the MME golden cases: which drugs count towards each safety rule,
// the wording of drugs whose MME is not calculable, and the programmer errors for unvalidated input.
//
// Sources of the expected values:
// - CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022. MMWR Recomm
//   Rep 2022;71(RR-3):1–95, https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm — MME table caution:
//   buprenorphine is not included in MME; meperidine has no factor in the 2022 table.
// - 2023 American Geriatrics Society Beers Criteria, J Am Geriatr Soc 2023, doi 10.1111/jgs.18372 —
//   in adults ≥ 65, avoid three or more CNS-active drugs (opioids, benzodiazepines, Z-drugs,
//   antiepileptics, antidepressants…); NSAIDs are not CNS-active, nor are warfarin or clopidogrel.
// - FDA Drug Safety Communication, 22 Mar 2016, https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-several-safety-issues-opioid-pain-medicines-requires
//   — serotonin syndrome with opioids and serotonergic drugs; tramadol is among the opioids named
//   specifically, oxycodone is not.
import { describe, expect, it } from 'vitest';
import { computeRegimen } from './compute-regimen.ts';
import type { RegimenItem } from './regimen.ts';

const items = (...list: RegimenItem[]) => ({ items: list });
const flag = (result: ReturnType<typeof computeRegimen>, id: string) => result.flags.find((f) => f.id === id);

describe('CNS-active drug count (Beers 2023: avoid ≥ 3 at age ≥ 65)', () => {
  it('does not count an NSAID, an anticoagulant or an antiplatelet', () => {
    const r = computeRegimen(
      items(
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
        { drug: 'ibuprofen', doseMg: 400, perDay: 3 },
        { drug: 'warfarin', doseMg: 5, perDay: 1 },
        { drug: 'clopidogrel', doseMg: 75, perDay: 1 },
      ),
      { age: 70 },
    );
    const older = flag(r, 'older-adult-caution');
    expect(older?.message).toContain('opioid use');
    expect(older?.message).not.toContain('CNS-active');
  });

  it('counts an opioid, a benzodiazepine and a Z-drug as three', () => {
    const r = computeRegimen(
      items(
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
        { drug: 'alprazolam', doseMg: 0.5, perDay: 1 },
        { drug: 'zolpidem', doseMg: 5, perDay: 1 },
      ),
      { age: 70 },
    );
    expect(flag(r, 'older-adult-caution')?.message).toContain('3 CNS-active drugs');
  });

  it('counts a gabapentinoid as an antiepileptic', () => {
    const r = computeRegimen(
      items(
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
        { drug: 'alprazolam', doseMg: 0.5, perDay: 1 },
        { drug: 'gabapentin', doseMg: 300, perDay: 3 },
      ),
      { age: 70 },
    );
    expect(flag(r, 'older-adult-caution')?.message).toContain('3 CNS-active drugs');
  });
});

describe('serotonergic combination (FDA 2016)', () => {
  it('names the opioids with specific warnings only when one is listed', () => {
    const withTramadol = computeRegimen(items({ drug: 'tramadol', doseMg: 50, perDay: 4 }, { drug: 'sertraline', doseMg: 100, perDay: 1 }));
    const named = flag(withTramadol, 'serotonergic-combination')?.message;
    expect(named).toContain('An opioid including tramadol, which carry specific warnings');
    expect(named).toContain('combined with serotonergic sertraline');

    const withOxycodone = computeRegimen(
      items({ drug: 'oxycodone', doseMg: 5, perDay: 2 }, { drug: 'sertraline', doseMg: 100, perDay: 1 }),
    );
    const message = flag(withOxycodone, 'serotonergic-combination')?.message;
    expect(message).toContain('An opioid is combined with serotonergic sertraline');
    expect(message).not.toContain('including');
  });
});

describe('NSAID bleeding partners', () => {
  it('an NSAID with drugs that are neither anticoagulant nor antiplatelet raises no bleeding flag', () => {
    const r = computeRegimen(
      items(
        { drug: 'ibuprofen', doseMg: 400, perDay: 3 },
        { drug: 'sertraline', doseMg: 100, perDay: 1 },
        { drug: 'oxycodone', doseMg: 5, perDay: 2 },
      ),
    );
    expect(flag(r, 'nsaid-anticoagulant')).toBeUndefined();
  });

  it('an NSAID with an antiplatelet is flagged by default', () => {
    const r = computeRegimen(items({ drug: 'ibuprofen', doseMg: 400, perDay: 3 }, { drug: 'clopidogrel', doseMg: 75, perDay: 1 }));
    expect(flag(r, 'nsaid-anticoagulant')?.message).toContain('NSAID ibuprofen is combined with clopidogrel');
  });
});

describe('MME not calculable (CDC 2022 MME table)', () => {
  it('says why buprenorphine has no MME, and that it is not 0', () => {
    const r = computeRegimen(items({ drug: 'buprenorphine-transdermal', doseMcgPerHour: 10 }));
    expect(r.notCalculable[0]?.message).toBe(
      'Buprenorphine is not included in MME (partial agonist with a ceiling effect); its MME is not calculable, not 0.',
    );
  });

  it('says a drug without a 2022 clinical factor is not calculable, naming it', () => {
    const r = computeRegimen(items({ drug: 'meperidine', doseMg: 50, perDay: 6 }));
    expect(r.notCalculable[0]).toMatchObject({ drug: 'meperidine', reason: 'no-clinical-factor', dailyDose: 300, unit: 'mg/day' });
    expect(r.notCalculable[0]?.message).toBe(
      'meperidine has no CDC 2022 clinical conversion factor; its MME is not calculable here, not 0.',
    );
    expect(r.notCalculable[0]?.source).toContain('research only');
    expect(r.totalMme).toBe(0);
  });
});

describe('unvalidated input is a programmer error naming the drug and the field', () => {
  it.each<[RegimenItem, string]>([
    [{ drug: 'oxycodone', perDay: 2 }, 'oxycodone: doseMg is required (validate input first)'],
    [{ drug: 'oxycodone', doseMg: 5 }, 'oxycodone: perDay is required (validate input first)'],
    [{ drug: 'fentanyl-transdermal' }, 'fentanyl-transdermal: doseMcgPerHour is required (validate input first)'],
    [{ drug: 'oxycodone', doseMg: 1.23456, perDay: 1 }, 'oxycodone: doseMg 1.23456 is not a non-negative decimal with ≤ 4 fraction digits'],
    [
      { drug: 'hydrocodone', doseMg: 5, perDay: 4, acetaminophenMg: 0.00001 },
      'hydrocodone: acetaminophenMg 0.00001 is not a non-negative decimal with ≤ 4 fraction digits',
    ],
    [{ drug: 'ibuprofen', acetaminophenMg: 500 }, 'ibuprofen: perDay is required (validate input first)'],
    [{ drug: 'acetaminophen', perDay: 3 }, 'acetaminophen: doseMg is required (validate input first)'],
    [{ drug: 'no-such-drug', doseMg: 1, perDay: 1 }, 'unknown drug "no-such-drug" (validate input first)'],
  ])('%j', (item, message) => {
    expect(() => computeRegimen(items(item))).toThrow(new RangeError(message));
  });
});
