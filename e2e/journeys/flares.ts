import { checkPage, expectFocused, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
  name: 'patient notes flares: starts one (peak 7, a trigger), edits it through a conflict, marks it over, and deletes another',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(`Flo ${unique()}`, `flo-${unique()}@example.test`, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flares' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Flares', level: 1 }), 'the flares page');
    await expectVisible(page.getByText(/^No flares noted yet/), 'the empty timeline');
    const timeline = page.getByRole('list', { name: 'Your flares, newest first' });
    // The patient's zone is the browser's (Europe/Berlin).
    const berlinDate = (offsetDays: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

    // An earlier flare, yesterday 08:00–10:30 (to delete later); a start in the future is refused on its field.
    await page.getByRole('button', { name: 'Start a flare' }).click();
    await page.getByLabel('When did it start?').fill(`${berlinDate(2)}T08:00`);
    await page.getByRole('checkbox', { name: 'It is still going on' }).uncheck();
    await page.getByLabel('When was it over?').fill(`${berlinDate(2)}T10:30`);
    await page.getByRole('button', { name: 'Save flare' }).click();
    await expectVisible(page.locator('input[name="flareStarted"][aria-invalid="true"]'), 'the future start marked invalid');
    await expectVisible(page.getByText('cannot be in the future').first(), "the server's reason on the start field");
    // The refusal is listed at the top, which takes focus, and its link leads to the field.
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(summary, 'the error summary after the refused save');
    await checkPage(page, 'flares-error-summary', violations);
    // Both times are in the future: both are listed, each linking to its own field.
    const future = summary.getByRole('link', { name: 'Cannot be in the future' });
    if ((await future.count()) !== 2) throw new Error('expected the start and the end listed in the summary');
    await future.first().click();
    await expectFocused(page.getByLabel('When did it start?'), 'the start field, reached from the summary');
    // The form's own checks are listed too, every one of them: here no start and no end.
    await page.getByLabel('When did it start?').fill('');
    await page.getByLabel('When was it over?').fill('');
    await page.getByRole('button', { name: 'Save flare' }).click();
    await expectFocused(summary, 'the error summary after a second refused save');
    const links = await summary.getByRole('link').count();
    if (links !== 2) throw new Error(`expected the summary to link to the start and the end, found ${links} links`);
    await page.getByLabel('When did it start?').fill(`${berlinDate(-1)}T08:00`);
    await page.getByLabel('When was it over?').fill(`${berlinDate(-1)}T10:30`);
    await page.getByRole('radio', { name: /^4 — / }).check();
    await page.getByRole('button', { name: 'Save flare' }).click();
    await expectVisible(timeline.getByText('Lasted 2 hours 30 minutes.'), 'the earlier flare with its duration');

    // The flare now: peak 7 and a trigger; it shows as going on.
    await page.getByRole('button', { name: 'Start a flare' }).click();
    await page.getByRole('radio', { name: /^7 — / }).check();
    await page.getByRole('group', { name: 'What may have set it off? (optional)' }).getByRole('checkbox', { name: 'Poor sleep' }).check();
    await checkPage(page, 'flares-start', violations);
    await page.getByRole('button', { name: 'Save flare' }).click();
    const ongoing = timeline.getByRole('listitem').filter({ hasText: 'Going on since' });
    await expectVisible(ongoing.getByText(/^At its worst: 7 out of 10/), 'the ongoing flare with its peak');
    await expectVisible(ongoing.getByText('May have set it off: Poor sleep.'), "the ongoing flare's trigger");
    await checkPage(page, 'flares', violations);

    // Edit it (adds what helped) while another device changes it: the save meets a 409, shows version 2, and re-applies.
    await ongoing.getByRole('button', { name: /^Edit the flare from/ }).click();
    await expectVisible(page.getByRole('heading', { name: /^Edit the flare from/, level: 2 }), 'the edit form');
    const elsewhere = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const url = `/api/patients/${me.patient.id}/flares`;
      const current = (await (await fetch(url)).json()).items.find((f: { ongoing: boolean }) => f.ongoing);
      const { id, version, durationMinutes, ongoing, ...body } = current;
      void durationMinutes;
      void ongoing;
      return (
        await fetch(`${url}/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': `"${version}"`, 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ ...body, notes: 'Noted on my phone.' }),
        })
      ).status;
    });
    if (elsewhere !== 200) throw new Error(`expected the concurrent edit to make version 2, got ${elsewhere}`);
    await page.getByRole('group', { name: 'What helped? (optional)' }).getByRole('checkbox', { name: 'Heat' }).check();
    await page.getByRole('textbox', { name: 'Anything else that helped, in your own words (optional)' }).fill('a warm bath');
    await page.getByRole('button', { name: 'Save flare' }).click();
    await expectVisible(page.getByRole('alert').getByText(/changed somewhere else.*version 2/), 'the conflict with version 2');
    await checkPage(page, 'flares-conflict', violations);
    await page.getByRole('button', { name: 'Save my changes over version 2' }).click();
    await expectVisible(ongoing.getByText('What helped: Heat, a warm bath.'), 'what helped on the timeline');
    // Only the fields changed here are re-applied: the other device's note survives.
    await expectVisible(ongoing.getByText('Notes: Noted on my phone.'), "the other device's note kept after re-applying");

    // It's over now: the flare gets an end and a duration.
    await ongoing.getByRole('button', { name: /^It's over now/ }).click();
    const ended = timeline.getByRole('listitem').filter({ hasText: 'What helped: Heat, a warm bath.' });
    await expectVisible(ended.getByText(/^Lasted (less than a minute|\d+ minutes?)\.$/), 'the duration once it is over');
    if ((await timeline.getByText(/^Going on since/).count()) !== 0) throw new Error('the flare still shows as going on');

    // Edit the earlier flare while another device deletes it: the save says so (no loop) and keeps it as a new flare.
    await timeline
      .getByRole('listitem')
      .filter({ hasText: 'Lasted 2 hours 30 minutes.' })
      .getByRole('button', { name: /^Edit the flare from/ })
      .click();
    await page.getByRole('textbox', { name: /^Notes/ }).fill('Written before it went.');
    const gone = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const url = `/api/patients/${me.patient.id}/flares`;
      const earlier = (await (await fetch(url)).json()).items.find((f: { durationMinutes: number | null }) => f.durationMinutes === 150);
      return (await fetch(`${url}/${earlier.id}`, { method: 'DELETE', headers: { 'x-csrf-token': me.csrfToken } })).status;
    });
    if (gone !== 204) throw new Error(`expected the other device's delete to succeed, got ${gone}`);
    await page.getByRole('button', { name: 'Save flare' }).click();
    await expectVisible(
      page.getByRole('alert').getByText('This flare was deleted on another device while you were editing it.'),
      'the flare deleted elsewhere',
    );
    await page.getByRole('button', { name: 'Save mine as a new one' }).click();
    await expectVisible(timeline.getByText('Notes: Written before it went.'), 'the flare saved again as a new one');

    // Delete the earlier flare: Undo takes focus (the toast waits while it has it); Undo brings the flare
    // back with focus on its Delete button; deleting again and closing the toast with Escape sends the delete.
    const earlier = timeline.getByRole('listitem').filter({ hasText: 'Lasted 2 hours 30 minutes.' });
    const deleteEarlier = earlier.getByRole('button', { name: /^Delete the flare from/ });
    await deleteEarlier.click();
    const undo = page.getByRole('button', { name: 'Undo' });
    await expectFocused(undo, 'Undo after deleting');
    await checkPage(page, 'flares-undo', violations);
    await page.keyboard.press('Enter');
    await expectFocused(deleteEarlier, "the restored flare's Delete button after Undo");
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/flares/'), { timeout: 20_000 });
    await page.keyboard.press('Enter');
    await expectFocused(undo, 'Undo after deleting by keyboard');
    await page.keyboard.press('Escape');
    if ((await deleted).status() !== 204) throw new Error('the flare was not deleted on the server');
    await expectFocused(page.getByRole('heading', { name: 'Your flares, newest first' }), 'the timeline heading once the toast is closed');
    await page.reload();
    await expectVisible(timeline.getByText('What helped: Heat, a warm bath.'), 'the remaining flare after reload');
    if ((await timeline.getByRole('listitem').count()) !== 1) throw new Error('expected one flare left on the timeline');
  },
};
