// Boundary tests for the instrument rules that are not a single band table: the PHQ-9 syndrome
// algorithm and item-9 flag, the PCS cut-off, the STarT Back risk rule, the ACR 2016 fibromyalgia
// criteria and the GCPS-R grades. Cases are generated from the exported rule constants (the value
// itself and one step either side); the published values are asserted separately.
//
// Sources:
// - PHQ-9 syndromes: Spitzer RL, Kroenke K, Williams JB. Validation and utility of a self-report version
//   of PRIME-MD: the PHQ primary care study. JAMA 1999;282:1737, https://doi.org/10.1001/jama.282.18.1737 ;
//   Kroenke K et al. J Gen Intern Med 2001;16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x
//   (major depressive syndrome: ≥ 5 symptoms "more than half the days", item 9 counting at any frequency,
//   one of them item 1 or 2; other depressive syndrome: 2–4 such symptoms including item 1 or 2).
//   Item 9 above "not at all": Simon GE et al. Psychiatr Serv 2013;64:1195, https://doi.org/10.1176/appi.ps.201200587
// - PCS ≥ 30: Sullivan MJL. The Pain Catastrophizing Scale user manual (2009), https://sullivan-painresearch.mcgill.ca/pcs.php
//   (boundary at exactly 30 UNCONFIRMED; the setting PCS_CUTOFF_INCLUSIVE decides).
// - STarT Back: Hill JC et al. Arthritis Rheum 2008;59:632, https://doi.org/10.1002/art.23563 ; Keele scoring,
//   https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (total ≤ 3 low; else distress ≤ 3 medium, ≥ 4 high;
//   item 9 positive for "very much" or "extremely").
// - ACR 2016: Wolfe F et al. Semin Arthritis Rheum 2016;46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012
// - GCPS-R: Von Korff M et al. Pain 2020;161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/ ; algorithm per
//   the Inquisit GCPS-R manual, https://www.millisecond.com/library/v7/gcps_r/gcps_r/gcps_r.manual (UNCONFIRMED against the paper).
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './index.ts';
import type { Answers, InstrumentDefinition, ScoreResult } from './model.ts';
import { PHQ9_SYNDROME } from './phq-9/definition.ts';
import { PCS_CLINICAL_CUTOFF, PCS_CUTOFF_INCLUSIVE } from './pcs/definition.ts';
import { START_BACK_ITEM9_POSITIVE_FROM, START_BACK_RISK } from './start-back/definition.ts';
import { ACR_2016_CRITERIA, ACR_AREAS, ACR_DURATION } from './acr-2016-fm/definition.ts';
import { GCPS_R_BOTHERSOME_SUM, GCPS_R_MOST_DAYS } from './gcps-r/definition.ts';

function registered(id: string): InstrumentDefinition {
  const d = INSTRUMENTS.find((x) => x.id === id);
  expect(d, `${id} must stay registered`).toBeDefined();
  return d!;
}
const score = (id: string, answers: Record<string, number>): ScoreResult =>
  registered(id).score(new Map(Object.entries(answers)) as Answers, {});
const scored = (r: ScoreResult) => {
  if (r.kind !== 'scored') throw new Error(`expected a score, got missing ${r.missing.join(', ')}`);
  return r;
};
const around = (edge: number): number[] => [edge - 1, edge, edge + 1];

describe('PHQ-9 syndrome algorithm (generated from PHQ9_SYNDROME)', () => {
  const rule = PHQ9_SYNDROME;
  /** `n` symptoms counting, the first `core` of them items 1–2, the rest from items 3–9; others one below counting. */
  function answers(n: number, core: number): Record<string, number> {
    const out: Record<string, number> = {};
    const order = [...['1', '2'].slice(0, core), ...['3', '4', '5', '6', '7', '8', '9'], ...['1', '2'].slice(core)];
    order.forEach((k, i) => {
      const from = k === '9' ? rule.item9From : rule.symptomFrom;
      out[k] = i < n ? from : from - 1;
    });
    return out;
  }
  const counts = [...new Set([...around(rule.majorFromCount), ...around(rule.otherFromCount), ...around(rule.otherToCount)])].filter(
    (n) => n >= 0 && n <= 9,
  );
  const cases = [1, 0].flatMap((core) =>
    counts
      .filter((n) => n >= core && n - core <= 7)
      .map((n) => ({
        n,
        core,
        mds: core >= rule.coreAtLeast && n >= rule.majorFromCount ? 1 : 0,
        ods: core >= rule.coreAtLeast && n >= rule.otherFromCount && n <= rule.otherToCount ? 1 : 0,
      })),
  );

  it.each(cases)('$n symptoms, $core core → major $mds, other $ods', ({ n, core, mds, ods }) => {
    expect(scored(score('phq-9', answers(n, core))).scores).toMatchObject({ mds, ods });
  });

  it('a symptom counts from "more than half the days", item 9 from "several days"', () => {
    const base = answers(rule.majorFromCount - 1, 1); // one short of major depressive syndrome, item 9 not counting
    expect(scored(score('phq-9', { ...base, 9: rule.item9From - 1 })).scores.mds).toBe(0);
    expect(scored(score('phq-9', { ...base, 9: rule.item9From })).scores.mds).toBe(1);
    const withoutNine: Record<string, number> = { ...answers(rule.majorFromCount - 1, 1), 9: 0 };
    const spare = ['3', '4', '5', '6', '7', '8'].find((k) => withoutNine[k] === rule.symptomFrom - 1)!;
    expect(scored(score('phq-9', { ...withoutNine, [spare]: rule.symptomFrom - 1 })).scores.mds).toBe(0);
    expect(scored(score('phq-9', { ...withoutNine, [spare]: rule.symptomFrom })).scores.mds).toBe(1);
  });

  it('item 9: 0 raises nothing, 1 raises crisis', () => {
    const rest = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0 };
    expect(scored(score('phq-9', { ...rest, 9: 0 })).flags).not.toContain('crisis');
    expect(scored(score('phq-9', { ...rest, 9: 1 })).flags).toContain('crisis');
  });

  it('published values', () => {
    expect(PHQ9_SYNDROME).toEqual({ symptomFrom: 2, item9From: 1, coreAtLeast: 1, majorFromCount: 5, otherFromCount: 2, otherToCount: 4 });
  });
});

describe('PCS clinically relevant catastrophizing (generated from PCS_CLINICAL_CUTOFF)', () => {
  /** A PCS response totalling `total` (items filled from item 1, 4 points each). */
  function pcs(total: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 1; i <= 13; i++) out[String(i)] = Math.max(0, Math.min(4, total - 4 * (i - 1)));
    return out;
  }
  it.each(around(PCS_CLINICAL_CUTOFF))('total %i', (total) => {
    const r = scored(score('pcs', pcs(total)));
    expect(r.score).toBe(total);
    expect(r.flags.includes('clinically-relevant')).toBe(PCS_CUTOFF_INCLUSIVE ? total >= PCS_CLINICAL_CUTOFF : total > PCS_CLINICAL_CUTOFF);
  });
  it('published value: 30, read as "30 or above"', () => {
    expect([PCS_CLINICAL_CUTOFF, PCS_CUTOFF_INCLUSIVE]).toEqual([30, true]);
  });
});

describe('STarT Back risk (generated from START_BACK_RISK)', () => {
  /** `physical` positive answers among items 1–4 and `distress` among items 5–9 (item 9 as its answer). */
  function sbst(physical: number, distress: number, item9Value?: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 1; i <= 4; i++) out[String(i)] = i <= physical ? 1 : 0;
    for (let i = 5; i <= 8; i++) out[String(i)] = i - 4 <= distress ? 1 : 0;
    out['9'] = item9Value ?? (distress >= 5 ? START_BACK_ITEM9_POSITIVE_FROM : 0);
    return out;
  }
  const expected = (total: number, distress: number) =>
    total < START_BACK_RISK.notLowFromTotal ? 'low' : distress < START_BACK_RISK.highFromDistress ? 'medium' : 'high';
  const cases = around(START_BACK_RISK.notLowFromTotal).flatMap((total) =>
    around(START_BACK_RISK.highFromDistress)
      .filter((distress) => distress <= total && total - distress <= 4 && distress <= 5)
      .map((distress) => ({ total, distress, band: expected(total, distress) })),
  );
  // Total at the edge with no distress at all, so the total alone decides low vs medium.
  cases.push(
    ...around(START_BACK_RISK.notLowFromTotal)
      .filter((total) => total <= 4)
      .map((total) => ({ total, distress: 0, band: expected(total, 0) })),
  );

  it.each(cases)('total $total, distress $distress → $band', ({ total, distress, band }) => {
    const r = scored(score('start-back', sbst(total - distress, distress)));
    expect(r.scores).toMatchObject({ total, distress });
    expect(r.band).toBe(band);
  });

  it.each(around(START_BACK_ITEM9_POSITIVE_FROM))('item 9 answered %i counts only from "very much"', (value) => {
    expect(scored(score('start-back', sbst(0, 0, value))).scores.total).toBe(value >= START_BACK_ITEM9_POSITIVE_FROM ? 1 : 0);
  });

  it('published values: total ≥ 4 not low, distress ≥ 4 high, item 9 from "very much" (3)', () => {
    expect(START_BACK_RISK).toEqual({ notLowFromTotal: 4, highFromDistress: 4 });
    expect(START_BACK_ITEM9_POSITIVE_FROM).toBe(3);
  });
});

describe('ACR 2016 fibromyalgia criteria (generated from ACR_2016_CRITERIA)', () => {
  const c = ACR_2016_CRITERIA;
  // Areas that count for generalized pain, one region after another, so `regions` is controlled separately.
  const generalized = ACR_AREAS.filter((a) => a.countsForGeneralized);
  const firstOfRegion = [1, 2, 3, 4, 5].map((r) => generalized.find((a) => a.region === r)!.key);
  const others = generalized.map((a) => a.key).filter((k) => !firstOfRegion.includes(k));
  function acr(wpi: number, sss: number, regions: number): Record<string, number> {
    const out: Record<string, number> = Object.fromEntries(ACR_AREAS.map((a) => [a.key, 0]));
    const picked = [...firstOfRegion.slice(0, regions), ...others].slice(0, wpi);
    const excluded = ACR_AREAS.filter((a) => !a.countsForGeneralized).map((a) => a.key);
    for (const k of picked) out[k] = 1;
    for (let i = picked.length; i < wpi; i++) out[excluded[i - picked.length]!] = 1;
    let rest = sss;
    for (const k of ['fatigue', 'waking-unrefreshed', 'cognitive']) {
      out[k] = Math.min(3, rest);
      rest -= out[k]!;
    }
    for (const k of ['headaches', 'lower-abdomen', 'depression']) {
      out[k] = Math.min(1, rest);
      rest -= out[k]!;
    }
    out[ACR_DURATION] = 1;
    return out;
  }
  const meets = (wpi: number, sss: number, regions: number) =>
    ((wpi >= c.wpiFrom && sss >= c.sssWithWpiFrom) || (wpi >= c.lowWpiFrom && wpi <= c.lowWpiTo && sss >= c.sssWithLowWpiFrom)) &&
    regions >= c.regionsFrom;
  const cases = [
    ...around(c.wpiFrom).flatMap((wpi) => around(c.sssWithWpiFrom).map((sss) => ({ wpi, sss, regions: 5 }))),
    ...around(c.lowWpiFrom).flatMap((wpi) =>
      around(c.sssWithLowWpiFrom).map((sss) => ({ wpi, sss, regions: Math.min(c.regionsFrom, wpi) })),
    ),
    ...around(c.lowWpiTo).flatMap((wpi) => around(c.sssWithLowWpiFrom).map((sss) => ({ wpi, sss, regions: 5 }))),
    ...around(c.regionsFrom).map((regions) => ({ wpi: 8, sss: 6, regions })),
  ].map((x) => ({ ...x, met: meets(x.wpi, x.sss, x.regions) ? 1 : 0 }));

  it.each(cases)('WPI $wpi, SSS $sss, $regions regions → met $met', ({ wpi, sss, regions, met }) => {
    const r = scored(score('acr-2016-fm', acr(wpi, sss, regions)));
    expect(r.scores).toMatchObject({ wpi, sss, regions, met });
  });

  it('published values', () => {
    expect(ACR_2016_CRITERIA).toEqual({ wpiFrom: 7, sssWithWpiFrom: 5, lowWpiFrom: 4, lowWpiTo: 6, sssWithLowWpiFrom: 9, regionsFrom: 4 });
  });
});

describe('GCPS-R grades (generated from GCPS_R_MOST_DAYS and GCPS_R_BOTHERSOME_SUM)', () => {
  const peg = (sum: number) => ({ 3: Math.min(10, sum), 4: Math.min(10, Math.max(0, sum - 10)), 5: Math.max(0, sum - 20) });
  it.each(around(GCPS_R_MOST_DAYS).filter((v) => v <= 3))('Q1 = %i: chronic pain only from "most days"', (q1) => {
    const grade = scored(score('gcps-r', { 1: q1, 2: 0, ...peg(0) })).score;
    expect(grade === 0).toBe(q1 < GCPS_R_MOST_DAYS);
  });
  it.each(around(GCPS_R_MOST_DAYS).filter((v) => v <= 3))('Q2 = %i: high impact only from "most days"', (q2) => {
    expect(scored(score('gcps-r', { 1: 3, 2: q2, ...peg(0) })).score).toBe(q2 >= GCPS_R_MOST_DAYS ? 3 : 1);
  });
  it.each(around(GCPS_R_BOTHERSOME_SUM))('PEG sum %i: bothersome from the cut-off', (sum) => {
    expect(scored(score('gcps-r', { 1: 3, 2: 0, ...peg(sum) })).score).toBe(sum >= GCPS_R_BOTHERSOME_SUM ? 2 : 1);
  });
  it('published values: "most days" (2) and a PEG sum of 12 (mean 4)', () => {
    expect([GCPS_R_MOST_DAYS, GCPS_R_BOTHERSOME_SUM]).toEqual([2, 12]);
  });
});
