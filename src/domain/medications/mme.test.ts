import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeRegimen } from './compute-regimen.ts';
import { validateRegimenInput } from './regimen-input.ts';
import { MME_GOLDEN_CASES } from './mme.golden.ts';
import { FLAG_IDS, type Regimen, type RegimenItem } from './regimen.ts';

function run(input: unknown) {
  const v = validateRegimenInput(input);
  if (v.kind !== 'valid') throw new Error(`invalid golden input: ${v.problems.join('; ')}`);
  return computeRegimen(v.regimen, v.patient);
}

describe('MME golden cases (CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table))', () => {
  for (const c of MME_GOLDEN_CASES) {
    it(c.name, () => {
      const r = run(c.input);
      expect(r.totalMme).toBe(c.expected.totalMme);
      expect(r.perDrug).toEqual(c.expected.perDrug);
      expect(r.notCalculable.map((n) => n.drug)).toEqual(c.expected.notCalculable);
      expect(r.flags.map((f) => f.id).sort()).toEqual([...c.expected.flags].sort());
      if (c.expected.acetaminophenMgPerDay !== undefined) expect(r.acetaminophenMgPerDay).toBe(c.expected.acetaminophenMgPerDay);
    });
  }

  it('M17 total is the exact decimal 88.8', () => {
    const r = run(MME_GOLDEN_CASES.find((c) => c.name.startsWith('M17'))!.input);
    expect(r.totalMmeText).toBe('88.8');
  });

  it('buprenorphine is reported as not calculable with its reason and source, never as 0', () => {
    const r = run({ items: [{ drug: 'buprenorphine-transdermal', doseMcgPerHour: 10 }] });
    expect(r.perDrug).toEqual([]);
    expect(r.notCalculable).toHaveLength(1);
    expect(r.notCalculable[0]).toMatchObject({
      drug: 'buprenorphine-transdermal',
      reason: 'buprenorphine-excluded',
      dailyDose: 10,
      unit: 'mcg/h',
    });
    expect(r.notCalculable[0]!.source).toContain('caution 6');
  });

  it('a research-only factor is shown for information but never added to the total', () => {
    const r = run({
      items: [
        { drug: 'levorphanol', doseMg: 2, perDay: 3 },
        { drug: 'morphine', doseMg: 10, perDay: 1 },
      ],
    });
    expect(r.totalMme).toBe(10);
    expect(r.notCalculable[0]).toMatchObject({ drug: 'levorphanol', reason: 'no-clinical-factor', researchFactorNotForClinicalUse: 11 });
  });

  it('the flag message for ≥ 50 says the total excludes not-calculable drugs', () => {
    const r = run({
      items: [
        { drug: 'buprenorphine-sublingual', doseMg: 8, perDay: 1 },
        { drug: 'oxycodone', doseMg: 10, perDay: 4 },
      ],
    });
    const f = r.flags.find((x) => x.id === 'mme-at-least-50')!;
    expect(f.message).toContain('excludes buprenorphine-sublingual');
  });

  it('flags are in the canonical order and carry a source and "options to discuss" wording', () => {
    const r = run(MME_GOLDEN_CASES.find((c) => c.name.startsWith('M14'))!.input);
    const order = r.flags.map((f) => FLAG_IDS.indexOf(f.id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const f of r.flags) {
      expect(f.source).toMatch(/https:\/\//);
      expect(f.message).toMatch(/Options to discuss/);
    }
  });
});

// ── Properties ────────────────────────────────────────────────────────────────────────────────────
const ORAL_OPIOIDS = [
  'oxycodone',
  'hydrocodone',
  'morphine',
  'methadone',
  'tramadol',
  'tapentadol',
  'codeine',
  'hydromorphone',
  'oxymorphone',
  'morphine-er',
];
const OTHERS = ['alprazolam', 'gabapentin', 'sertraline', 'ibuprofen', 'warfarin', 'naloxone-nasal', 'cyclobenzaprine'];

/** Exact decimals with ≤ 2 fraction digits, built from integers so they are what a user would type. */
const dose = fc.integer({ min: 1, max: 40_000 }).map((n) => n / 100);
const perDay = fc.integer({ min: 1, max: 12 });
const oralOpioid = fc.record({ drug: fc.constantFrom(...ORAL_OPIOIDS), doseMg: dose, perDay, prn: fc.boolean() });
const patch = fc.record({
  drug: fc.constantFrom('fentanyl-transdermal', 'buprenorphine-transdermal'),
  doseMcgPerHour: fc.integer({ min: 1, max: 400 }).map((n) => n / 4),
});
const other = fc.record({ drug: fc.constantFrom(...OTHERS), doseMg: dose, perDay });
const item: fc.Arbitrary<RegimenItem> = fc.oneof(oralOpioid, patch, other);
const regimen = fc.array(item, { minLength: 0, maxLength: 10 }).map((items): Regimen => ({ items }));
const patientArb = fc.record(
  { age: fc.integer({ min: 18, max: 100 }), opioidNaive: fc.boolean(), kidneyDisease: fc.boolean() },
  { requiredKeys: [] },
);

describe('MME properties', () => {
  it('raising one opioid dose never lowers the total MME', () => {
    fc.assert(
      fc.property(regimen, oralOpioid, fc.integer({ min: 1, max: 10_000 }), (r, o, extra) => {
        const before = computeRegimen({ items: [...r.items, o] }).totalMme;
        const raised = { ...o, doseMg: (Math.round(o.doseMg * 100) + extra) / 100 };
        const after = computeRegimen({ items: [...r.items, raised] }).totalMme;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('the order of items does not change the result', () => {
    fc.assert(
      fc.property(regimen, patientArb, fc.integer(), (r, p, seed) => {
        const shuffled = [...r.items];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(computeRegimen({ items: shuffled }, p)).toEqual(computeRegimen(r, p));
      }),
    );
  });

  it('buprenorphine never contributes 0 silently: it is always listed as not calculable', () => {
    fc.assert(
      fc.property(regimen, (r) => {
        const result = computeRegimen(r);
        const bupIds = new Set(r.items.map((i) => i.drug).filter((d) => d.startsWith('buprenorphine')));
        expect(result.perDrug.some((p) => p.drug.startsWith('buprenorphine'))).toBe(false);
        expect(new Set(result.notCalculable.map((n) => n.drug))).toEqual(bupIds);
      }),
    );
  });

  it('total equals the exact sum of per-drug MME (checked in integer hundred-thousandths)', () => {
    fc.assert(
      fc.property(regimen, (r) => {
        const result = computeRegimen(r);
        const sum = result.perDrug.reduce((acc, p) => acc + Math.round(p.mme * 1e5), 0);
        expect(Math.round(result.totalMme * 1e5)).toBe(sum);
      }),
    );
  });

  it('adding a drug never removes the mme threshold flags', () => {
    fc.assert(
      fc.property(regimen, item, (r, extra) => {
        const ids = (x: Regimen) =>
          new Set(
            computeRegimen(x)
              .flags.map((f) => f.id)
              .filter((id) => id.startsWith('mme-')),
          );
        const before = ids(r);
        const after = ids({ items: [...r.items, extra] });
        for (const id of before) expect(after.has(id)).toBe(true);
      }),
    );
  });
});
