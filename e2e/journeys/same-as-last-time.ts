import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'returning patient checks in with "same as last time" in two taps',
  async run(world, violations) {
    const page = await signedInAs(world, world.demo.patients[0]!.email);
    // The trend reads on its own: a 0–10 scale with ticks, dates under it, the mild band named with its
    // numbers as the diary's colour key names them, and a text alternative in words.
    const trend = page.getByRole('img', {
      name: /^Average pain over the last 28 days: [\d.]+ out of 10, from [\d.]+ on [A-Z][a-z]{2} \d{1,2}, \d{4}/,
    });
    await expectVisible(trend, "Today's trend with its text alternative");
    for (const tick of ['0', '2', '4', '6', '8', '10'])
      if ((await trend.locator('text', { hasText: new RegExp(`^${tick}$`) }).count()) !== 1)
        throw new Error(`the trend has no ${tick} on its axis`);
    if ((await trend.locator('text', { hasText: /^[A-Z][a-z]{2} \d{1,2}$/ }).count()) < 2)
      throw new Error('the trend has no dates under it');
    await expectVisible(trend.getByText('Mild (1–4; average under 4.5)'), 'the mild band named with the one definition of the bands');
    await checkPage(page, 'today-returning', violations);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
    await expectVisible(page.getByRole('button', { name: 'Same as last time' }), 'the carry-forward button');
    // Triggers: a search box and this person's recent ones, not the whole vocabulary in the tab order.
    const triggers = page.getByRole('group', { name: 'Anything that may have set it off? (optional)' });
    const offered = await triggers.getByRole('checkbox').count();
    if (offered > 6) throw new Error(`expected at most the 6 recent triggers before a search, found ${offered}`);
    await triggers.getByRole('searchbox', { name: 'Find a trigger' }).fill('stres');
    await expectVisible(triggers.getByRole('checkbox', { name: 'Stress' }), 'a trigger found by searching');
    await triggers.getByRole('searchbox', { name: 'Find a trigger' }).fill('');
    await checkPage(page, 'check-in', violations);
    // The repeat check-in itself, every tap counted: "Same as last time" copies the pain too, then Save.
    let taps = 0;
    const tap = async (target: Locator) => {
      taps++;
      await target.click();
    };
    await tap(page.getByRole('button', { name: 'Same as last time' }));
    const copied = await page.getByRole('radio', { name: /^\d+ — /, checked: true }).getAttribute('value');
    if (copied === null) throw new Error('the last pain score was not copied');
    await checkPage(page, 'check-in-same-as-last', violations);
    await tap(page.getByRole('button', { name: 'Save as it is' }));
    await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after saving');
    if (taps !== 2) throw new Error(`a repeat check-in took ${taps} taps, expected 2`);
    await expectVisible(
      page
        .getByRole('list', { name: 'Diary' })
        .getByText(new RegExp(`^${copied}/10`))
        .first(),
      `the new ${copied}/10 check-in at the top of the diary`,
    );
    // An edit link to a check-in that is not in the diary says so (not a form half new, half edit).
    await page.evaluate(() => {
      history.pushState(null, '', '/check-in?edit=019a0000-0000-7000-8000-0000000000ff');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expectVisible(page.getByText('This check-in is not in your diary.', { exact: false }), 'the missing check-in explained');
    if ((await page.getByRole('button', { name: 'Save check-in' }).count()) !== 0)
      throw new Error('a form was offered for a check-in that does not exist');
    await page.getByRole('link', { name: 'Go to the diary' }).click();
    await checkPage(page, 'diary', violations);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^Download my diary \(CSV/ }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    if (!csv.startsWith('id,') || csv.split('\n').length < 300) throw new Error('expected the CSV export with six months of check-ins');
  },
};
