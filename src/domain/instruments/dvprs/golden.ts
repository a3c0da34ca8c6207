// DVPRS golden cases, worked by hand from Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x (intensity 0–10 with colour bands mild 1–4,
// moderate 5–6, severe 7–10; four supplementary 0–10 items reported separately; items independent).
import type { InstrumentGolden } from '../golden.ts';

const S13 = 'Buckenmaier 2013, Pain Med 14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x (DVPRS 2.0)';
export const DVPRS_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'all five answered: intensity 6 → moderate; supplementary reported as given',
    source: S13,
    answers: { intensity: 6, activity: 5, sleep: 7, mood: 3, stress: 4 },
    expected: {
      kind: 'scored',
      score: 6,
      scores: { intensity: 6, activity: 5, sleep: 7, mood: 3, stress: 4 },
      band: 'moderate',
      flags: [],
      missing: [],
    },
  },
  {
    name: 'cut-off: 4 is mild (green 1–4)',
    source: S13,
    answers: { intensity: 4 },
    expected: {
      kind: 'scored',
      score: 4,
      scores: { activity: null, stress: null },
      band: 'mild',
      missing: ['activity', 'sleep', 'mood', 'stress'],
    },
  },
  {
    name: 'cut-off: 5 is moderate (yellow 5–6)',
    source: S13,
    answers: { intensity: 5, sleep: 8 },
    expected: { kind: 'scored', score: 5, scores: { sleep: 8, mood: null }, band: 'moderate', missing: ['activity', 'mood', 'stress'] },
  },
  {
    name: 'cut-off: 7 is severe (red 7–10)',
    source: S13,
    answers: { intensity: 7, activity: 9, sleep: 9, mood: 9, stress: 9 },
    expected: { kind: 'scored', score: 7, band: 'severe' },
  },
  {
    name: '0 is no pain',
    source: `${S13} (descriptor 0 = no pain)`,
    answers: { intensity: 0 },
    expected: { kind: 'scored', score: 0, band: 'no-pain' },
  },
  {
    name: 'intensity unanswered → not scored; supplementary answers still reported',
    source: `${S13} (items independent; intensity is the primary score)`,
    answers: { activity: 2, sleep: 3 },
    expected: { kind: 'incomplete', missing: ['intensity'], scores: { intensity: null, activity: 2, sleep: 3, mood: null } },
  },
  {
    name: 'supplementary answer 11 is out of range',
    source: `${S13} (0–10 each)`,
    answers: { intensity: 3, stress: 11 },
    expected: { kind: 'invalid', item: 'stress' },
  },
];
