// The figures docs/insight.md gives for "what works for me", by simulation (the same code as the API):
// the validation design (AR(1) pain, φ 0.6, marginal SD 1.5; a planted same-day effect beside 20
// factors with no effect) and detection rates by effect size and diary length.
//
//   node scripts/insight-detection-rates.ts            (about a minute)
import { seededRandom } from '../src/domain/insight/prng.ts';
import { PLANTED_FACTOR_ID, simulatePerson } from '../src/domain/insight/simulation.ts';
import { whatWorks } from '../src/domain/insight/what-works.ts';

const base = { phi: 0.6, sd: 1.5, nullFactors: 20 };
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

function run(seed: number, people: number, days: number, effect: number) {
  const random = seededRandom(seed);
  let found = 0;
  let plantedCovered = 0;
  let anyShown = 0;
  let intervals = 0;
  let covered = 0;
  for (let p = 0; p < people; p++) {
    const items = whatWorks(simulatePerson(random, { ...base, days, effect }));
    let shown = false;
    for (const item of items) {
      const planted = item.factor.id === PLANTED_FACTOR_ID && item.lag === 0;
      const truth = planted ? effect : 0;
      const hit = item.ci !== null && item.ci[0] <= truth && truth <= item.ci[1];
      intervals++;
      if (hit) covered++;
      if (planted && hit) plantedCovered++;
      if (planted && item.verdict === (effect < 0 ? 'lower' : 'higher')) found++;
      if (!planted && (item.verdict === 'lower' || item.verdict === 'higher')) shown = true;
      if (planted && effect === 0 && (item.verdict === 'lower' || item.verdict === 'higher')) shown = true;
    }
    if (shown) anyShown++;
  }
  return { found: found / people, plantedCovered: plantedCovered / people, anyShown: anyShown / people, covered: covered / intervals };
}

const planted = run(2025, 200, 180, -1);
const plantedCoverage = run(2025, 1000, 180, -1);
const none = run(2026, 1000, 180, 0);
const manyNone = run(99, 20_000, 180, 0);
console.log('Validation design, 180 days:');
console.log(`  planted 1-point effect found (lower): ${percent(planted.found)} of 200 people (seed 2025)`);
console.log(
  `  its interval covers −1: ${percent(plantedCoverage.plantedCovered)} of 1,000 people; all intervals: ${percent(plantedCoverage.covered)}`,
);
console.log(
  `  no effect, any verdict shown: ${percent(none.anyShown)} of 1,000 people (seed 2026); intervals cover 0: ${percent(none.covered)}`,
);
const se = Math.sqrt((manyNone.anyShown * (1 - manyNone.anyShown)) / 20_000);
console.log(
  `  no effect, any verdict shown: ${percent(manyNone.anyShown)} of 20,000 people (seed 99, ±${percent(1.96 * se)}); intervals cover 0: ${percent(manyNone.covered)}`,
);
console.log('\nDetection rate (planted effect lowering pain, found as lower), 1,000 people per cell:');
console.log('| effect | 60 days | 120 days | 180 days |');
console.log('| --- | --- | --- | --- |');
for (const effect of [0.5, 1, 1.5, 2]) {
  const cells = [60, 120, 180].map((days, i) => percent(run(3000 + 10 * effect + i, 1000, days, -effect).found));
  console.log(`| ${effect} | ${cells.join(' | ')} |`);
}
