// "What helps, what hurts" in Insights, end to end against the real endpoint. A patient whose 84-day
// diary has a planted pattern (pain about 2 points lower on days with heat, with day-to-day noise)
// reads it as "went with lower pain", in a sentence that gives the interval and the days counted and
// says it is a pattern, not proof; a medicine taken on too few days says how many more days it needs,
// folded under a disclosure reached and opened from the keyboard. A second patient, with nothing in
// the diary, reads the calm empty state.
import type { Page } from 'playwright-core';
import { checkPage, expectFocused, expectVisible } from '../harness.ts';
import { type Journey, newPatient, openInsights, seedDiaryDays } from './journey.ts';

const DAYS = 84;

/**
 * Plants DAYS days before today. The days with heat come from a fixed pseudo-random stream, not a
 * rhythm, so that heat on one day says nothing about the next and the next-day comparison has no pattern
 * to find. Returns what the sentence must say.
 */
async function seedPlantedDiary(page: Page): Promise<{ withHeat: number; withoutHeat: number; difference: number }> {
  let state = 20261208;
  const draw = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const days = [];
  const withHeat: number[] = [];
  const withoutHeat: number[] = [];
  for (let n = DAYS; n >= 1; n--) {
    const heat = draw() < 0.5;
    const noise = [-1, 0, 0, 1][Math.floor(draw() * 4)]!;
    const moodDraw = draw();
    const intensity = (heat ? 4 : 6) + noise;
    (heat ? withHeat : withoutHeat).push(intensity);
    days.push({
      daysBack: n,
      fields: {
        intensity,
        mood: moodDraw < 0.3 ? 'low' : moodDraw < 0.7 ? 'neutral' : 'good',
        techniques: [
          ...(heat ? [{ id: 'heat', label: null, helped: null }] : []),
          ...(n % 5 === 0 ? [{ id: 'own', label: 'Foam roller', helped: null }] : []),
        ],
        // Seven days with a medicine: too few to compare (14 are needed).
        medicines:
          n % 12 === 0
            ? [
                {
                  name: 'Ibuprofen',
                  dose: 400,
                  unit: 'mg',
                  takenAt: null,
                  regimen: 'as-needed',
                  formularyId: null,
                  medicationOrderId: null,
                },
              ]
            : [],
      },
    });
  }
  await seedDiaryDays(page, days);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { withHeat: withHeat.length, withoutHeat: withoutHeat.length, difference: mean(withHeat) - mean(withoutHeat) };
}

export const journey: Journey = {
  name: 'patient reads what helps and what hurts from a long diary in Insights, and the empty state',
  async run(world, violations) {
    const page = await newPatient(world);
    const seeded = await seedPlantedDiary(page);
    if (seeded.withHeat < 14 || seeded.withoutHeat < 14)
      throw new Error(`the planted diary needs 14 days each side: ${JSON.stringify(seeded)}`);
    await openInsights(page);

    const whatWorks = page.getByRole('region', { name: 'What helps, what hurts' });
    const lower = whatWorks.getByTestId('what-works-lower');
    await expectVisible(lower.getByRole('heading', { level: 3, name: 'Went with lower pain' }), 'the "went with lower pain" group');
    const heat = lower.getByRole('listitem').filter({ hasText: 'Technique: Heat (same day)' });
    await expectVisible(heat, 'heat, the same day, among what went with lower pain');
    const sentence = (await heat.textContent()) ?? '';
    const points = Math.abs(seeded.difference).toFixed(1);
    const expected =
      `On days you used heat, your pain averaged ${points} points lower than on days you did not ` +
      `\\((\\d+\\.\\d) to (\\d+\\.\\d) lower\\), over ${DAYS} days \\(${seeded.withHeat} with, ${seeded.withoutHeat} without\\)\\. ` +
      'This is a pattern in your diary, not proof that heat caused it\\.';
    const match = new RegExp(expected).exec(sentence);
    if (!match) throw new Error(`expected the heat finding in words, got "${sentence}"`);
    // The interval is the 95 % one around the seeded difference, and all of it lies below no difference.
    const [near, far] = [Number(match[1]), Number(match[2])];
    if (!(near > 0 && near <= Number(points) && Number(points) <= far))
      throw new Error(`expected an interval around ${points} points lower, got ${near} to ${far}`);
    await expectVisible(whatWorks.getByText(/The range in brackets is the 95 % interval/), 'what the bracketed range is');
    // Heat on one day is unrelated to the next day's pain in this diary: no finding the day after.
    if ((await lower.getByText('Technique: Heat (next day)').count()) !== 0) throw new Error('heat the next day was shown as a finding');
    await expectVisible(
      whatWorks
        .getByTestId('what-works-no-clear-difference')
        .getByRole('listitem')
        .filter({ hasText: 'Technique: foam roller (same day)' }),
      "the person's own technique by its own words",
    );
    await expectVisible(whatWorks.getByText('Mood: Low (same day)'), 'mood named as the check-in names it');

    // Too few days with the medicine: folded away, reached with Tab and opened with Enter.
    const waiting = whatWorks.getByTestId('what-works-not-enough-data');
    const summary = waiting.locator('summary');
    await expectVisible(summary.getByText('Not enough data yet (2 comparisons)'), 'the count of comparisons still short of days');
    await page.getByLabel('Period').focus();
    for (let i = 0; i < 30 && !(await summary.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expectFocused(summary, 'the "not enough data yet" disclosure, reached with Tab');
    await page.keyboard.press('Enter');
    await expectVisible(
      waiting.getByRole('listitem').filter({ hasText: 'Medicine: ibuprofen (same day): not enough data yet — 7 more days with it needed' }),
      'the medicine taken on 7 days, 7 more days needed',
    );
    await checkPage(page, 'insights-what-works', violations);

    // A new patient with an empty diary: nothing to compare, said calmly, and no group shown.
    const empty = await newPatient(world);
    await openInsights(empty);
    const emptyWhatWorks = empty.getByRole('region', { name: 'What helps, what hurts' });
    await expectVisible(
      emptyWhatWorks.getByText('Nothing to compare yet. Keep checking in; patterns need a few weeks of days.'),
      'the empty state',
    );
    if ((await emptyWhatWorks.getByRole('heading', { level: 3 }).count()) !== 0)
      throw new Error('an empty diary showed a group of findings');
    await expectVisible(empty.getByText('Nothing recorded for this measure in this period yet.'), 'the empty trend');
    await checkPage(empty, 'insights-empty', violations);
  },
};
