// Keele STarT Back golden cases, worked by hand from Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (items 1–8 agree = 1; item 9
// positive only for "very much" (3) / "extremely" (4); total 0–9; distress = items 5–9; total ≤ 3 low,
// else distress ≤ 3 medium, ≥ 4 high), its table Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ and the; edges (total 3/4, distress 3/4).
import type { InstrumentGolden } from '../golden.ts';

const G10 =
  'Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (Keele STarT Back)';
const EDGE =
  'Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ risk rule boundary edges total 3/4 and distress 3/4';
/** Items 1–8 (0 disagree / 1 agree) then item 9 (0 not at all … 4 extremely). */
const items = (...v: number[]): Record<string, number> => Object.fromEntries(v.map((x, i) => [String(i + 1), x]));

export const START_BACK_GOLDEN: readonly InstrumentGolden[] = [
  {
    name: 'case 1: 1,0,1,0,0,0,0,0 + moderately → total 2, distress 0, low',
    source: G10,
    answers: items(1, 0, 1, 0, 0, 0, 0, 0, 2),
    expected: { kind: 'scored', score: 2, scores: { total: 2, distress: 0 }, band: 'low', missing: [] },
  },
  {
    name: 'case 2: 1,1,1,1,0,1,0,0 + very much → total 6, distress 2, medium',
    source: G10,
    answers: items(1, 1, 1, 1, 0, 1, 0, 0, 3),
    expected: { kind: 'scored', score: 6, scores: { total: 6, distress: 2 }, band: 'medium' },
  },
  {
    name: 'case 3: 0,0,0,0,1,1,1,1 + extremely → total 5, distress 5, high',
    source: G10,
    answers: items(0, 0, 0, 0, 1, 1, 1, 1, 4),
    expected: { kind: 'scored', score: 5, scores: { total: 5, distress: 5 }, band: 'high' },
  },
  {
    name: 'case 4: 1,1,1,0,1,0,1,0 + slightly → total 5, distress 2, medium',
    source: G10,
    answers: items(1, 1, 1, 0, 1, 0, 1, 0, 1),
    expected: { kind: 'scored', score: 5, scores: { total: 5, distress: 2 }, band: 'medium' },
  },
  {
    name: 'edge: total 3 with distress 3 is low (total decides first)',
    source: EDGE,
    answers: items(0, 0, 0, 0, 1, 1, 1, 0, 0),
    expected: { kind: 'scored', score: 3, scores: { total: 3, distress: 3 }, band: 'low' },
  },
  {
    name: 'edge: total 4 with distress 3 is medium',
    source: EDGE,
    answers: items(1, 0, 0, 0, 1, 1, 1, 0, 0),
    expected: { kind: 'scored', score: 4, scores: { total: 4, distress: 3 }, band: 'medium' },
  },
  {
    name: 'edge: total 4 with distress 4 is high',
    source: EDGE,
    answers: items(0, 0, 0, 0, 1, 1, 1, 1, 0),
    expected: { kind: 'scored', score: 4, scores: { total: 4, distress: 4 }, band: 'high' },
  },
  {
    name: 'edge: total 4 with item 9 "very much" as the 4th distress point is high',
    source: EDGE,
    answers: items(0, 0, 0, 0, 1, 1, 0, 1, 3),
    expected: { kind: 'scored', score: 4, scores: { total: 4, distress: 4 }, band: 'high' },
  },
  {
    name: 'all agree and extremely → total 9, distress 5, high',
    source:
      'Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (total 0–9, distress 0–5)',
    answers: items(1, 1, 1, 1, 1, 1, 1, 1, 4),
    expected: { kind: 'scored', score: 9, scores: { total: 9, distress: 5 }, band: 'high' },
  },
  {
    name: 'item 9 missing → not scored',
    source:
      'Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (missing rule UNCONFIRMED, recommend not scoring)',
    answers: { ...items(1, 1, 1, 1, 1, 1, 1, 1), 9: null },
    expected: { kind: 'incomplete', missing: ['9'] },
  },
  {
    name: 'item 1 answered 2 names the item',
    source:
      'Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (items 1–8 agree/disagree)',
    answers: items(2, 0, 0, 0, 0, 0, 0, 0, 0),
    expected: { kind: 'invalid', item: '1' },
  },
  {
    name: 'item 9 answered 5 names the item',
    source:
      'Hill 2008, Arthritis Rheum 59:632, https://doi.org/10.1002/art.23563; https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ (item 9 five answers, 0–4)',
    answers: items(0, 0, 0, 0, 0, 0, 0, 0, 5),
    expected: { kind: 'invalid', item: '9' },
  },
];
