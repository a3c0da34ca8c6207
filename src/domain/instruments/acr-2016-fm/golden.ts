// ACR 2016 fibromyalgia golden cases, worked by hand from Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 (WPI 0–19; SSS 0–12; criteria
// WPI ≥ 7 & SSS ≥ 5 or WPI 4–6 & SSS ≥ 9; ≥ 4 of 5 regions, jaw/chest/abdomen excluded; ≥ 3 months) and Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012.
import type { InstrumentGolden } from '../golden.ts';

const G9 = 'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 (ACR 2016 fibromyalgia)';

const ALL_AREAS = [
  'jaw-left',
  'shoulder-girdle-left',
  'upper-arm-left',
  'lower-arm-left',
  'jaw-right',
  'shoulder-girdle-right',
  'upper-arm-right',
  'lower-arm-right',
  'hip-left',
  'upper-leg-left',
  'lower-leg-left',
  'hip-right',
  'upper-leg-right',
  'lower-leg-right',
  'neck',
  'upper-back',
  'lower-back',
  'chest',
  'abdomen',
] as const;

/** Every WPI area answered: the listed ones "yes", the rest "no". */
const areas = (...painful: (typeof ALL_AREAS)[number][]): Record<string, boolean> =>
  Object.fromEntries(ALL_AREAS.map((a) => [a, painful.includes(a)]));

interface Sss {
  f: number;
  u: number;
  c: number;
  h: boolean;
  a: boolean;
  d: boolean;
}
const sss = (s: Sss): Record<string, number | boolean> => ({
  fatigue: s.f,
  'waking-unrefreshed': s.u,
  cognitive: s.c,
  headaches: s.h,
  'lower-abdomen': s.a,
  depression: s.d,
});

const CASE_A_AREAS = areas(
  'shoulder-girdle-left',
  'upper-arm-left',
  'shoulder-girdle-right',
  'lower-arm-right',
  'hip-left',
  'upper-leg-right',
  'neck',
  'lower-back',
);
const CASE_A_SSS = sss({ f: 2, u: 2, c: 1, h: true, a: false, d: false });

export const ACR_2016_FM_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 A: WPI 8, 5 regions, SSS 2+2+1+1 = 6, ≥ 3 months → met, FS 14',
    source: G9,
    answers: { ...CASE_A_AREAS, ...CASE_A_SSS, 'duration-3-months': true },
    expected: { kind: 'scored', score: 14, scores: { wpi: 8, sss: 6, fs: 14, regions: 5, met: 1 }, band: 'criteria-met', missing: [] },
  },
  {
    name: 'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 B: jaw L/R, chest, abdomen, lower back → WPI 5 but 1 region → not met, FS 15',
    source: G9,
    answers: {
      ...areas('jaw-left', 'jaw-right', 'chest', 'abdomen', 'lower-back'),
      ...sss({ f: 3, u: 3, c: 2, h: true, a: true, d: false }),
      'duration-3-months': true,
    },
    expected: { kind: 'scored', score: 15, scores: { wpi: 5, sss: 10, fs: 15, regions: 1, met: 0 }, band: 'criteria-not-met' },
  },
  {
    name: 'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 C: WPI 4 (regions 1–4), SSS 3+3+2+1 = 9 → met on the WPI 4–6 & SSS ≥ 9 cut-off, FS 13',
    source: G9,
    answers: {
      ...areas('shoulder-girdle-left', 'shoulder-girdle-right', 'upper-leg-left', 'lower-leg-right'),
      ...sss({ f: 3, u: 3, c: 2, h: true, a: false, d: false }),
      'duration-3-months': true,
    },
    expected: { kind: 'scored', score: 13, scores: { wpi: 4, sss: 9, fs: 13, regions: 4, met: 1 }, band: 'criteria-met' },
  },
  {
    name: 'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 D: as A but symptoms only 2 months → not met',
    source: G9,
    answers: { ...CASE_A_AREAS, ...CASE_A_SSS, 'duration-3-months': false },
    expected: { kind: 'scored', score: 14, scores: { wpi: 8, sss: 6, fs: 14, regions: 5, met: 0 }, band: 'criteria-not-met' },
  },
  {
    name: 'cut-off: WPI exactly 7 and SSS exactly 5 in 4 regions → met, FS 12',
    source:
      'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 criterion 1 (WPI ≥ 7 and SSS ≥ 5) and criterion 2 (≥ 4 of 5 regions)',
    // R1 shoulder L + upper arm L, R2 shoulder R, R3 hip L, R5 neck + upper back, jaw L (region 1, excluded anyway): regions 1, 2, 3, 5 = 4.
    answers: {
      ...areas('jaw-left', 'shoulder-girdle-left', 'upper-arm-left', 'shoulder-girdle-right', 'hip-left', 'neck', 'upper-back'),
      ...sss({ f: 2, u: 1, c: 1, h: false, a: true, d: false }),
      'duration-3-months': 1,
    },
    expected: { kind: 'scored', score: 12, scores: { wpi: 7, sss: 5, fs: 12, regions: 4, met: 1 }, band: 'criteria-met' },
  },
  {
    name: 'cut-off: WPI 7 but SSS 4 → not met',
    source:
      'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 criterion 1 (SSS ≥ 5 needed when WPI ≥ 7)',
    answers: {
      ...areas('jaw-left', 'shoulder-girdle-left', 'upper-arm-left', 'shoulder-girdle-right', 'hip-left', 'neck', 'upper-back'),
      ...sss({ f: 2, u: 1, c: 1, h: false, a: false, d: false }),
      'duration-3-months': 1,
    },
    expected: { kind: 'scored', score: 11, scores: { wpi: 7, sss: 4, regions: 4, met: 0 }, band: 'criteria-not-met' },
  },
  {
    name: 'WPI 3 with SSS 12 → not met under 2016 (the 2010/2011 rule "WPI 3–6" would have met)',
    source:
      'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 criterion 1 and the note on 2010/2011 "3–6"',
    answers: {
      ...areas('shoulder-girdle-left', 'shoulder-girdle-right', 'hip-left'),
      ...sss({ f: 3, u: 3, c: 3, h: true, a: true, d: true }),
      'duration-3-months': true,
    },
    expected: { kind: 'scored', score: 15, scores: { wpi: 3, sss: 12, regions: 3, met: 0 }, band: 'criteria-not-met' },
  },
  {
    name: 'cut-off: 3 counting regions (jaw-only left upper) → generalized pain fails',
    source:
      'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 criterion 2 (jaw does not count for the region)',
    // WPI 7: jaw L (region 1 not counted), shoulder R, upper arm R, hip L, upper leg L, neck, lower back → regions 2, 3, 5.
    answers: {
      ...areas('jaw-left', 'shoulder-girdle-right', 'upper-arm-right', 'hip-left', 'upper-leg-left', 'neck', 'lower-back'),
      ...sss({ f: 3, u: 2, c: 1, h: false, a: false, d: false }),
      'duration-3-months': true,
    },
    expected: { kind: 'scored', score: 13, scores: { wpi: 7, sss: 6, regions: 3, met: 0 }, band: 'criteria-not-met' },
  },
  {
    name: 'duration unanswered and one SSS item missing → incomplete; WPI still reported',
    source: ' (no missing-item rule → not scored)',
    answers: { ...CASE_A_AREAS, fatigue: 2, 'waking-unrefreshed': 2, headaches: true, 'lower-abdomen': false, depression: false },
    expected: {
      kind: 'incomplete',
      missing: ['cognitive', 'duration-3-months'],
      scores: { wpi: 8, regions: 5, sss: null, fs: null, met: null },
    },
  },
  {
    name: 'SSS item answered 4 (scale 0–3) names the item',
    source: 'Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 (fatigue 0–3)',
    answers: { ...CASE_A_AREAS, ...CASE_A_SSS, fatigue: 4, 'duration-3-months': true },
    expected: { kind: 'invalid', item: 'fatigue' },
  },
];
