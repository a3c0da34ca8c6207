// A patient with two months of diary opens Insights: the pain trend over 90 days with its gaps, the
// clinically important band drawn and named, the baseline against the latest 14 days judged by the
// IMMPACT rule, the table alternative opened from the keyboard, and what helps saying there is nothing
// to compare in a diary that names no factor.
import { checkPage, expectFocused, expectVisible } from '../harness.ts';
import { type Journey, newPatient, openInsights, seedDiaryDays } from './journey.ts';

export const journey: Journey = {
  name: 'patient reads the pain trend with its important band and table in Insights',
  async run(world, violations) {
    const page = await newPatient(world);
    // Days 60–47 before today at pain 8 (the baseline), days 13–1 at pain 5 except day 3, left empty (a gap).
    const days = [];
    for (let n = 60; n >= 47; n--) days.push({ daysBack: n, fields: { intensity: 8 } });
    for (let n = 13; n >= 1; n--) if (n !== 3) days.push({ daysBack: n, fields: { intensity: 5 } });
    await seedDiaryDays(page, days);

    await openInsights(page);
    const chart = page.getByTestId('trend-chart');
    await expectVisible(chart, 'the trend chart');
    const label = (await chart.getAttribute('aria-label')) ?? '';
    if (!/26 of 90 days have a value; days without one are gaps/.test(label))
      throw new Error(`expected 26 of 90 days with gaps, got "${label}"`);
    if ((await page.getByTestId('important-band').count()) !== 1) throw new Error('expected the clinically important band drawn');
    await expectVisible(page.getByText('Shaded: clinically important improvement (5.6 or better).'), 'the band named in words');
    await expectVisible(
      page.getByTestId('trend-verdict').getByText('By the published threshold: moderate improvement (30 % or more).'),
      'the IMMPACT category of 8 → 5',
    );
    await expectVisible(page.getByText(/a drop of 2 points or more is met; a drop of 30 % or more is met/), "Farrar's two readings");

    // The table alternative, opened from the keyboard, one row a day over 30 days, the gap written out.
    await page.getByLabel('Period').selectOption('30d');
    await expectVisible(page.getByTestId('trend-chart'), 'the 30-day chart');
    const summary = page.getByText('Show the numbers as a table');
    await summary.focus();
    await expectFocused(summary, 'the table toggle');
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: /Pain now \(0–10\), one row a day/ });
    await expectVisible(table, 'the table alternative');
    if ((await table.getByRole('row').count()) !== 31) throw new Error('expected a header row and 30 days');
    if ((await table.getByRole('cell', { name: 'No entry' }).count()) !== 18) throw new Error('expected 18 days without an entry in 30');

    // What helps: check-ins that name no technique, medicine, trigger, sleep, activity or mood leave
    // nothing to compare (the findings themselves are insights-what-works.ts's).
    await expectVisible(
      page.getByTestId('what-works').getByText('Nothing to compare yet. Keep checking in; patterns need a few weeks of days.'),
      'what helps, with nothing to compare',
    );
    // Back to 90 days for the screenshots and axe: the band is drawn there.
    await page.getByLabel('Period').selectOption('90d');
    await expectVisible(page.getByTestId('important-band'), 'the band at 90 days');
    await checkPage(page, 'insights', violations);
  },
};
