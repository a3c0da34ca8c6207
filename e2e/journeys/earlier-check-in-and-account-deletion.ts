import { checkPage, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
  name: 'patient records an earlier check-in, then deletes their account through the confirmation dialog',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(`Dee ${unique()}`, `dee-${unique()}@example.test`, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
    await page.getByRole('radio', { name: 'Earlier' }).click();
    // Yesterday at 07:30 in the patient's zone (the browser's, Europe/Berlin) is always in the past.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() - 86_400_000));
    await page.getByLabel('Date', { exact: true }).fill(yesterday);
    await page.getByLabel('Time', { exact: true }).fill('07:30');
    await page.getByRole('radio', { name: /^5 — / }).check();
    await checkPage(page, 'check-in-earlier', violations);
    // More details: worst below now is explained at once; then worst 8, least 3, interference, sleep,
    // mood, a technique with how much it helped, and the left knee rated on its own.
    await page.getByRole('checkbox', { name: 'Knee, left' }).click();
    await page.getByRole('button', { name: 'More details', expanded: false }).click();
    const worst = page.getByRole('combobox', { name: 'Worst pain since your last check-in' });
    await worst.selectOption('4');
    await expectVisible(
      page.getByText('Your worst pain can’t be lower than your pain now (5).', { exact: false }),
      'why a worst of 4 is wrong',
    );
    await checkPage(page, 'check-in-details', violations);
    await worst.selectOption('8');
    await page.getByRole('combobox', { name: 'Least pain since your last check-in' }).selectOption('3');
    await page.getByRole('combobox', { name: 'How much does pain interfere with your usual activity?' }).selectOption('6');
    await page.getByRole('group', { name: 'How well did you sleep?' }).getByRole('radio', { name: 'Poorly', exact: true }).check();
    await page.getByRole('group', { name: 'How is your mood?' }).getByRole('radio', { name: 'Low', exact: true }).check();
    await page
      .getByRole('group', { name: 'What did you try to ease the pain?' })
      .getByRole('checkbox', { name: 'Heat', exact: true })
      .check();
    await page.getByRole('combobox', { name: 'How much did “Heat” help?' }).selectOption('a-lot');
    await page.getByRole('combobox', { name: 'Knee, left', exact: true }).selectOption('6');
    // Typed but not Added: Save keeps it.
    await page.getByRole('textbox', { name: 'In your own words' }).fill('cold wind');
    // A client whose own check was bypassed: the server refuses worst < now, and the form shows it on the field.
    await page.route(
      '**/diary-entries/*',
      (route) => route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), worstSinceLast: 2 }) }),
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(
      page.getByText('The worst pain since the last entry cannot be lower than the pain now'),
      "the server's refusal on its field",
    );
    if ((await worst.getAttribute('aria-invalid')) !== 'true') throw new Error('expected the worst-pain field marked invalid');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/07:30/), 'the earlier check-in at 07:30');
    // The corrected save went to the same entry: the refused write is gone from the outbox, and there is one 07:30 entry.
    const outboxLeft = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('painwise', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('outbox').objectStore('outbox').count();
            all.onsuccess = () => resolve(all.result);
            all.onerror = () => reject(all.error);
          };
        }),
    );
    if (outboxLeft !== 0) throw new Error(`expected no write left in the outbox after the corrected save, found ${outboxLeft}`);
    if ((await page.getByRole('list', { name: 'Diary' }).getByRole('listitem').filter({ hasText: '07:30' }).count()) !== 1)
      throw new Error('expected exactly one 07:30 check-in');
    // Edit it: more pain, a trigger and a medicine.
    await page.getByRole('button', { name: new RegExp(`^Edit check-in of ${yesterday} 07:30`) }).click();
    await expectVisible(page.getByRole('heading', { name: `Edit check-in of ${yesterday} 07:30` }), 'the edit form');
    await expectVisible(
      page.getByRole('button', { name: 'More details', expanded: true }),
      'the details opened for an entry that has them',
    );
    await page.getByRole('radio', { name: /^7 — / }).check();
    await page.getByRole('searchbox', { name: 'Find a trigger' }).fill('sleep');
    await page.getByRole('checkbox', { name: 'Poor sleep' }).check();
    await page.getByRole('textbox', { name: 'Medicine' }).fill('Ibuprofen');
    await page.getByRole('spinbutton', { name: 'Dose' }).fill('400');
    await page.getByRole('button', { name: 'Add medicine' }).click();
    await expectVisible(page.getByRole('button', { name: 'Remove Ibuprofen' }), 'the added medicine');
    await checkPage(page, 'check-in-edit', violations);
    // Another device changed it meanwhile (a 409 answered here): the toast says so, not "saved offline", and Keep my version sends it.
    const version = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
      return pulled.items.find((i: { entry: { localTime: string } | null }) => i.entry?.localTime === '07:30')?.version;
    });
    await page.route(
      '**/diary-entries/*',
      (route) =>
        route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          body: JSON.stringify({ detail: 'changed elsewhere', current: { version } }),
        }),
      { times: 1 },
    );
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByText('This check-in was changed somewhere else', { exact: false }), 'the conflict message after saving');
    if ((await page.getByText('Saved on this device').count()) !== 0) throw new Error('a conflict must not say "saved on this device"');
    await page.getByRole('list', { name: 'Waiting to be sent' }).getByRole('button', { name: 'Keep my version' }).click();
    await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/^7\/10.*07:30/), 'the edited check-in');
    const stored = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
      return pulled.items.find((i: { entry: { localTime: string } | null }) => i.entry?.localTime === '07:30')?.entry;
    });
    const want = {
      intensity: 7,
      worstSinceLast: 8,
      leastSinceLast: 3,
      interference: { activity: 6, sleep: null, mood: null, stress: null },
      sleepQuality: 'poor',
      mood: 'low',
      ownTriggers: ['cold wind'],
      techniques: [{ id: 'heat', label: null, helped: 'a-lot' }],
      regions: [{ code: 'knee-left', intensity: 6, qualities: [] }],
      medicines: ['Ibuprofen'],
    };
    const got = {
      intensity: stored?.intensity,
      worstSinceLast: stored?.worstSinceLast,
      leastSinceLast: stored?.leastSinceLast,
      interference: stored?.interference,
      sleepQuality: stored?.sleep.quality,
      mood: stored?.mood,
      ownTriggers: stored?.ownTriggers,
      techniques: stored?.techniques,
      regions: stored?.regions,
      medicines: stored?.medicines.map((m: { name: string }) => m.name),
    };
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new Error(`expected the details stored as ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    await checkPage(page, 'diary-heatmap', violations);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete account' });
    await expectVisible(dialog, 'the confirmation dialog');
    await checkPage(page, 'account-delete-dialog', violations);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Delete account' }).click();
    await dialog.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Sign in' }), 'the sign-in page after deleting the account');
  },
};
