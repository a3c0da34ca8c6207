// Boundary tests for every severity band of every registered instrument, generated from the
// instrument's own band table: for each band edge, a real response scoring just below the edge, at
// it, and just above it is scored and its band checked. A band added to any instrument is covered
// without touching this file. Separately, each band table is asserted against the published bands
// (primary sources cited below), so a wrong edge in a table fails even though the generated cases
// would follow it.
import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from './index.ts';
import type { Answers, BandDefinition, InstrumentDefinition, ScoreContext } from './model.ts';

/** Instruments whose band is not read from the score by the band table (tested in criteria-thresholds.test.ts). */
const BANDED_BY_OWN_RULE = new Set(['start-back', 'acr-2016-fm', 'gcps-r']);

/** The band a score falls in by the table's own semantics: the highest band whose lower bound it meets. */
function bandByTable(bands: readonly BandDefinition[], score: number): string | null {
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!;
    if (b.inclusive ? score >= b.from : score > b.from) return b.id;
  }
  return null;
}

interface Scored {
  readonly score: number;
  readonly band: string | null;
  readonly answers: Answers;
}

/**
 * Real responses from all answers at their lowest option up to all at their highest, raising one
 * answer by one option at a time and always taking the raise that moves the score least, plus every
 * response one raise away from that path (weighted items such as the ORT's skip values otherwise),
 * so every score the instrument can reach in small steps is visited.
 */
function scoredPath(d: InstrumentDefinition): Scored[] {
  const context: ScoreContext = d.usesSex ? { sex: 'female' } : {};
  const options = d.items.map((i) => [...i.options].map((o) => o.value).sort((a, b) => a - b));
  const at = d.items.map(() => 0);
  const answersAt = (): Map<string, number> => new Map(d.items.map((item, k) => [item.key, options[k]![at[k]!]!]));
  const path: Scored[] = [];
  const record = (): void => {
    const answers = answersAt();
    const r = d.score(answers, context);
    if (r.kind === 'scored') path.push({ score: r.score, band: r.band, answers });
    for (let k = 0; k < at.length; k++) {
      if (at[k]! >= options[k]!.length - 1) continue;
      at[k]!++;
      const neighbour = answersAt();
      const n = d.score(neighbour, context);
      at[k]!--;
      if (n.kind === 'scored') path.push({ score: n.score, band: n.band, answers: neighbour });
    }
  };
  record();
  for (;;) {
    let best = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let k = 0; k < at.length; k++) {
      if (at[k]! >= options[k]!.length - 1) continue;
      at[k]!++;
      const r = d.score(answersAt(), context);
      at[k]!--;
      if (r.kind === 'scored' && r.score < bestScore) {
        best = k;
        bestScore = r.score;
      }
    }
    if (best < 0) return path;
    at[best]!++;
    record();
  }
}

interface BoundaryCase {
  readonly instrument: string;
  readonly edge: string;
  readonly where: 'below' | 'at' | 'above';
  readonly score: number;
  readonly band: string | null;
  readonly expected: string | null;
}

function boundaryCases(d: InstrumentDefinition): { cases: BoundaryCase[]; unreachable: string[] } {
  const path = scoredPath(d);
  const cases: BoundaryCase[] = [];
  const unreachable: string[] = [];
  for (const b of d.bands) {
    const edge = `${b.id} ${b.inclusive ? '≥' : '>'} ${b.from}`;
    const below = path.filter((p) => p.score < b.from).sort((x, y) => y.score - x.score)[0];
    const exact = path.find((p) => p.score === b.from);
    const above = path.filter((p) => p.score > b.from).sort((x, y) => x.score - y.score)[0];
    if (!exact) unreachable.push(edge);
    for (const [where, p] of [
      ['below', below],
      ['at', exact],
      ['above', above],
    ] as const) {
      if (p) cases.push({ instrument: d.id, edge, where, score: p.score, band: p.band, expected: bandByTable(d.bands, p.score) });
    }
  }
  return { cases, unreachable };
}

const GENERATED = INSTRUMENTS.filter((d) => d.bands.length > 0 && !BANDED_BY_OWN_RULE.has(d.id)).map((d) => ({ d, ...boundaryCases(d) }));
const ALL_CASES = GENERATED.flatMap((g) => g.cases);

describe('severity bands: every edge, one step either side (generated from each band table)', () => {
  it('reaches every band edge with a real response', () => {
    for (const g of GENERATED) expect(g.unreachable, g.d.id).toEqual([]);
  });

  it('has a case at each edge and on both sides of each inner edge', () => {
    for (const g of GENERATED) {
      const inner = g.d.bands.filter((b) => b.from > g.d.scoreRange.min).length;
      expect(g.cases.filter((c) => c.where === 'at').length, g.d.id).toBe(g.d.bands.length);
      expect(g.cases.filter((c) => c.where === 'below').length, g.d.id).toBe(inner);
    }
  });

  it.each(ALL_CASES)('$instrument: $edge, $where (score $score) → $expected', (c) => {
    expect(c.band).toBe(c.expected);
  });

  it('bands compare the unrounded prorated PHQ-9 and GAD-7 totals', () => {
    const phq9 = INSTRUMENTS.find((d) => d.id === 'phq-9');
    const gad7 = INSTRUMENTS.find((d) => d.id === 'gad-7');
    expect(phq9, 'PHQ-9 must stay registered').toBeDefined();
    expect(gad7, 'GAD-7 must stay registered').toBeDefined();
    // 4 of 8 answered → 4.5: still below the 5-point edge (a rounded 5 would read "mild").
    const phq = phq9!.score(
      new Map([
        ['1', 1],
        ['2', 1],
        ['3', 1],
        ['4', 1],
        ['5', 0],
        ['6', 0],
        ['7', 0],
        ['8', 0],
      ]),
      {},
    );
    expect(phq).toMatchObject({ kind: 'scored', score: 4.5, band: 'none-minimal' });
    // 4 of 6 answered → 4.666…: below 5.
    const gad = gad7!.score(
      new Map([
        ['1', 1],
        ['2', 1],
        ['3', 1],
        ['4', 1],
        ['5', 0],
        ['6', 0],
      ]),
      {},
    );
    expect(gad).toMatchObject({ kind: 'scored', band: 'minimal' });
  });
});

// The published bands: [id, lower bound, inclusive]. Primary sources:
// - NRS and DVPRS: 1–4 mild, 5–6 moderate, 7–10 severe. Serlin RC et al. When is cancer pain mild,
//   moderate or severe? Pain 1995;61:277–284 (derivation; as applied by ePPOC,
//   https://ahsri.atlassian.net/wiki/pages/viewpage.action?navigatingVersions=true&pageId=20584125);
//   DVPRS colour bands: Buckenmaier CC et al. Pain Med 2013;14:110, https://doi.org/10.1111/j.1526-4637.2012.01516.x
// - PHQ-9: Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606, https://doi.org/10.1046/j.1525-1497.2001.016009606.x
// - PHQ-2 ≥ 3: Kroenke K, Spitzer RL, Williams JB. Med Care 2003;41:1284,
//   https://indiana.pure.elsevier.com/en/publications/the-patient-health-questionnaire-2-validity-of-a-two-item-depress
// - GAD-7: Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092, https://doi.org/10.1001/archinte.166.10.1092
// - GAD-2 ≥ 3: Kroenke K et al. Ann Intern Med 2007;146:317, https://doi.org/10.7326/0003-4819-146-5-200703060-00004
// - ODI 0–20 / 21–40 / 41–60 / 61–80 / 81–100 %: Fairbank JC, Pynsent PB. Spine 2000;25:2940, https://doi.org/10.1097/00007632-200011150-00017
// - DN4 ≥ 4/10 and DN4-interview ≥ 3/7: Bouhassira D et al. Pain 2005;114:29, https://doi.org/10.1016/j.pain.2004.12.010;
//   Spallone V et al. Diabet Med 2012;29:578, https://doi.org/10.1111/j.1464-5491.2011.03500.x
// - ORT low 0–3, moderate 4–7, high ≥ 8: Webster LR, Webster RM. Pain Med 2005;6:432; LOINC 91392-1, https://loinc.org/91392-1
// - ORT-OUD ≥ 3 high (secondary, UNCONFIRMED against the paper): Cheatle MD et al. J Pain 2019;20:842,
//   https://pmc.ncbi.nlm.nih.gov/articles/PMC6768552/
// - PSEQ-10 severe 0–19, moderate 20–30, mild 31–40, minimal 41–60 (normative data, Nicholas MK et al. Pain 2019;
//   https://measurely.com.au/outcome-measures/pain-self-efficacy-questionnaire/)
// - PGIC 1–7, one band per rating: NINDS Common Data Elements, Patient Global Impression of Change,
//   https://www.commondataelements.ninds.nih.gov/ReportViewer.aspx?/nindscdereports/rptNOC&rs:Command=Render&rc:Parameters=false&crfID=F2677
// - STarT Back low / medium / high by total and distress: Keele University, https://www.keele.ac.uk/sbst/startbacktool/usingandscoring/ ;
//   LOINC 91352-5, https://loinc.org/91352-5
// - GCPS-R grades 0–3: Von Korff M et al. Pain 2020;161:651, https://pmc.ncbi.nlm.nih.gov/articles/PMC7097879/
// - ACR 2016 met / not met: Wolfe F et al. Semin Arthritis Rheum 2016;46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012
type Published = readonly (readonly [id: string, from: number, inclusive: boolean])[];
const PAIN_NRS: Published = [
  ['no-pain', 0, true],
  ['mild', 1, true],
  ['moderate', 5, true],
  ['severe', 7, true],
];
const SCREEN = (positiveFrom: number): Published => [
  ['negative', 0, true],
  ['positive', positiveFrom, true],
];
const PUBLISHED_BANDS: Readonly<Record<string, Published>> = {
  nrs: PAIN_NRS,
  dvprs: PAIN_NRS,
  'phq-9': [
    ['none-minimal', 0, true],
    ['mild', 5, true],
    ['moderate', 10, true],
    ['moderately-severe', 15, true],
    ['severe', 20, true],
  ],
  'phq-2': SCREEN(3),
  'gad-7': [
    ['minimal', 0, true],
    ['mild', 5, true],
    ['moderate', 10, true],
    ['severe', 15, true],
  ],
  'gad-2': SCREEN(3),
  odi: [
    ['minimal', 0, true],
    ['moderate', 20, false],
    ['severe', 40, false],
    ['crippled', 60, false],
    ['bed-bound', 80, false],
  ],
  dn4: SCREEN(4),
  'dn4-interview': SCREEN(3),
  ort: [
    ['low', 0, true],
    ['moderate', 4, true],
    ['high', 8, true],
  ],
  'ort-oud': [
    ['low', 0, true],
    ['high', 3, true],
  ],
  'pseq-10': [
    ['severe', 0, true],
    ['moderate', 20, true],
    ['mild', 31, true],
    ['minimal', 41, true],
  ],
  pgic: [
    ['very-much-improved', 1, true],
    ['much-improved', 2, true],
    ['minimally-improved', 3, true],
    ['no-change', 4, true],
    ['minimally-worse', 5, true],
    ['much-worse', 6, true],
    ['very-much-worse', 7, true],
  ],
  // Banded by their own rule: only the ids and order are published here; the rule's edges are in criteria-thresholds.test.ts.
  'start-back': [
    ['low', 0, true],
    ['medium', 4, true],
    ['high', 4, true],
  ],
  'gcps-r': [
    ['no-chronic-pain', 0, true],
    ['mild', 1, true],
    ['bothersome', 2, true],
    ['high-impact', 3, true],
  ],
  'acr-2016-fm': [
    ['criteria-not-met', 0, true],
    ['criteria-met', 12, true],
  ],
};

describe('severity bands: published values', () => {
  it('every banded instrument has its published table here', () => {
    expect(
      INSTRUMENTS.filter((d) => d.bands.length > 0)
        .map((d) => d.id)
        .sort(),
    ).toEqual(Object.keys(PUBLISHED_BANDS).sort());
  });

  it.each(Object.entries(PUBLISHED_BANDS))('%s bands are the published ones', (id, published) => {
    const d = INSTRUMENTS.find((x) => x.id === id);
    expect(d, `${id} must stay registered`).toBeDefined();
    expect(d!.bands.map((b) => [b.id, b.from, b.inclusive])).toEqual(published);
  });
});
