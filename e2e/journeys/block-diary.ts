import { checkPage, expectFocused, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
  name: 'patient keeps a block diary: baseline 8, the 15-minute reading due, records 2 with 75 % reported relief and sees the relief',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(`Bea ${unique()}`, `bea-${unique()}@example.test`, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block diary' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Block diaries', level: 1 }), 'the block diaries page');
    // Arriving on a page: focus on its heading (a screen reader announces it) and the tab named after it.
    await expectVisible(page.locator('h1:focus').filter({ hasText: 'Block diaries' }), "focus on the new page's heading");
    if ((await page.title()) !== 'Block diaries — Painwise')
      throw new Error(`expected the tab title to name the page, got "${await page.title()}"`);
    await expectVisible(page.getByText('No block diaries yet.'), 'the empty list');
    await page.getByRole('button', { name: 'Start a block diary' }).click();
    // Started with nothing filled in: every missing answer is listed at the top, which takes focus, each
    // linking to its field (the procedure and the baseline pain).
    await page.getByRole('button', { name: 'Start the diary' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(summary, 'the error summary of the empty start form');
    const listed = await summary.getByRole('link').count();
    if (listed !== 2) throw new Error(`expected the procedure and the baseline listed, found ${listed} links`);
    await checkPage(page, 'block-diary-error-summary', violations);
    await summary.getByRole('link').first().click();
    await expectFocused(page.getByRole('textbox', { name: 'Which procedure did you have?' }), 'the procedure field, from the summary');
    const label = 'Right L4-L5 medial branch block';
    await page.getByRole('textbox', { name: 'Which procedure did you have?' }).fill(label);
    // The procedure 20 minutes ago, as wall-clock date and time in the patient's zone (the browser's, Europe/Berlin).
    const then = new Date(Date.now() - 20 * 60_000);
    await page.getByLabel('Date of the procedure').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(then));
    await page
      .getByLabel('Time of the procedure')
      .fill(
        new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(then),
      );
    await page.getByRole('radio', { name: /^8 — / }).check();
    const offsets = await page.getByRole('textbox', { name: 'Reading times, in minutes after the procedure' }).inputValue();
    if (offsets !== '15, 30, 60, 120, 240, 360, 480') throw new Error(`expected the default reading times, got "${offsets}"`);
    await checkPage(page, 'block-diary-start', violations);
    await page.getByRole('button', { name: 'Start the diary' }).click();

    await expectVisible(page.getByRole('heading', { name: label, level: 1 }), 'the new diary');
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'Your reading at 15 minutes is due now.' }),
      'the 15-minute reading due now',
    );
    await expectVisible(page.getByText(/^Next reading at .+, in \d+ minutes?\.$/), 'when the next reading is');
    await page.getByRole('button', { name: 'Record the reading at 15 minutes' }).click();
    const form = page.getByRole('form', { name: 'Reading at 15 minutes' });
    // Saved empty: the summary says one of the two is needed and links to the pain score.
    await form.getByRole('button', { name: 'Save reading' }).click();
    await expectFocused(summary, 'the error summary of the empty reading');
    await summary.getByRole('link', { name: 'Give a pain score, a percent relief, or both.' }).click();
    await expectFocused(form.getByRole('radio', { name: /^0 — / }), 'the pain score, from the summary');
    await form.getByRole('radio', { name: /^2 — / }).check();
    await form.getByRole('spinbutton', { name: 'How much relief do you feel, in percent? (optional)' }).fill('75');
    await form.getByRole('button', { name: 'Save reading' }).click();
    // (8 − 2) / 8 = 75 % from the pain scores, beside the patient's own 75 %.
    await expectVisible(
      page.getByRole('list', { name: 'Readings' }).getByText('Pain 2 out of 10 · 75% relief by your pain score · You said 75% relief'),
      'the computed relief of the reading',
    );
    await expectVisible(page.getByText('Most relief: 75%, at 15 minutes.').first(), 'the peak relief');
    await expectVisible(page.getByText('Relief did not reach 80% at any reading.').first(), 'no relief of 80 % or more');
    await expectVisible(page.getByRole('button', { name: 'Change the reading at 15 minutes' }), 'the recorded reading can be changed');
    await checkPage(page, 'block-diary', violations);

    // Another device adds the 30-minute reading (version 3) while this one changes the 15-minute one: the
    // save meets a 409, shows the server's copy, and re-applies the change on top of it.
    await page.getByRole('button', { name: 'Change the reading at 15 minutes' }).click();
    await form.getByRole('spinbutton', { name: 'How much relief do you feel, in percent? (optional)' }).fill('80');
    const elsewhere = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const url = `/api/patients/${me.patient.id}/block-diaries`;
      const { id, version, schedule, relief, ...body } = (await (await fetch(url)).json()).items[0];
      void schedule;
      void relief;
      body.readings.push({ offsetMinutes: 30, intensity: 1, patientReportedReliefPct: null, recordedAt: null });
      return (
        await fetch(`${url}/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': `"${version}"`, 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        })
      ).status;
    });
    if (elsewhere !== 200) throw new Error(`expected the other device's save to succeed, got ${elsewhere}`);
    await form.getByRole('button', { name: 'Save reading' }).click();
    await expectVisible(form.getByRole('alert').getByText(/It is now version 3/), 'the conflict with the server copy');
    await expectVisible(
      form.getByRole('alert').getByText('30 minutes after: Pain 1 out of 10'),
      "the other device's reading in the server copy",
    );
    await checkPage(page, 'block-diary-conflict', violations);
    await form.getByRole('button', { name: 'Apply my change to version 3' }).click();
    const readings = page.getByRole('list', { name: 'Readings' });
    await expectVisible(
      readings.getByText('Pain 2 out of 10 · 75% relief by your pain score · You said 80% relief'),
      'the re-applied change',
    );
    await expectVisible(readings.getByText('Pain 1 out of 10 · 87.5% relief by your pain score'), "the other device's reading kept");
    // Focus goes back to the button that opened the form.
    await expectVisible(page.locator('#bd-reading-15-action:focus'), "focus back on the reading's button after re-applying");

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await expectVisible(page.getByRole('link', { name: `Open the block diary for ${label}` }), 'the diary in progress on Today');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block diary' }).click();
    const item = page.getByRole('list', { name: 'Block diaries' }).getByRole('listitem').filter({ hasText: label });
    await expectVisible(item.getByText(/2 of 7 readings done\./), 'readings done in the list');
    await expectVisible(item.getByText(/Most relief by your pain scores: 87\.5%\./), 'the peak in the list');

    // Fewer reading times (a wrong one is marked on its field first), then delete the diary.
    await item.getByRole('link', { name: label }).click();
    // By keyboard: the toasts of the last saves still cover the bottom of the window for a few seconds.
    await page.getByRole('button', { name: 'Change the details' }).press('Enter');
    const times = page.getByRole('textbox', { name: 'Reading times, in minutes after the procedure' });
    await times.fill('15, 30, 1h');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(page.locator('input[name="offsets"][aria-invalid="true"]'), 'the reading times marked invalid');
    await expectVisible(page.getByText('"1h" is not a whole number of minutes.'), 'why the reading times are wrong');
    await times.fill('15, 30, 60');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('list', { name: 'Readings' }).getByText('2 hours after').waitFor({ state: 'detached' });
    if ((await page.getByRole('list', { name: 'Readings' }).getByRole('listitem').count()) !== 3)
      throw new Error('expected three scheduled readings');
    // Another device deletes the diary while this one changes its label: no loop of 409s; it can be kept as a new diary.
    await page.getByRole('button', { name: 'Change the details' }).press('Enter');
    await expectVisible(page.locator('h2:focus').filter({ hasText: 'Change the details' }), "focus on the opened form's heading");
    await page.getByRole('textbox', { name: 'Which procedure did you have?' }).fill(`${label} (left)`);
    const removed = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const url = `/api/patients/${me.patient.id}/block-diaries`;
      const { id } = (await (await fetch(url)).json()).items[0];
      return (await fetch(`${url}/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': me.csrfToken } })).status;
    });
    if (removed !== 204) throw new Error(`expected the other device's delete to succeed, got ${removed}`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expectVisible(
      page.getByRole('alert').getByText('This diary was deleted on another device while you were changing it.'),
      'the diary deleted elsewhere',
    );
    // Offline, the try fails: why is said in the conflict box itself (no promise of a later send), and the choice stays.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Save mine as a new one' }).press('Enter');
    await expectVisible(
      page.getByRole('alert').getByText('Painwise could not be reached, so nothing was sent. Check your connection and try again.'),
      'why saving as new failed, in the conflict box',
    );
    await page.context().setOffline(false);
    await page.getByRole('button', { name: 'Save mine as a new one' }).press('Enter');
    await expectVisible(page.getByRole('heading', { name: `${label} (left)`, level: 1 }), 'the diary saved again as a new one');
    if ((await page.getByRole('list', { name: 'Readings' }).getByRole('listitem').count()) !== 3)
      throw new Error('expected the new diary to keep its three reading times');
    await page.getByRole('button', { name: 'Delete this diary' }).press('Enter');
    await page.getByRole('dialog', { name: 'Delete this block diary?' }).getByRole('button', { name: 'Delete the diary' }).click();
    await expectVisible(page.getByText('No block diaries yet.'), 'the empty list after deleting');
  },
};
