// `npm run e2e`: the browser journeys. Prints one line per journey and closes with "N passed, N failed".
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { checkPage, DEMO_PASSWORD, expectFocused, expectVisible, newContext, startWorld, type World } from './harness.ts';
import { MedicinesTab, PatientChartPage, SharingPage, SignInPage, SignUpPage } from './pages/pages.ts';

type Journey = { name: string; run(world: World, violations: string[]): Promise<void> };

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const PASSWORD = 'a calm and long passphrase';

async function signedInAs(world: World, email: string): Promise<Page> {
  const page = await (await newContext(world)).newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email, DEMO_PASSWORD);
  return page;
}

const journeys: Journey[] = [
  {
    name: 'patient signs up, shares with the demo clinic, and the physician sees them',
    async run(world, violations) {
      const page = await (await newContext(world)).newPage();
      const signUp = new SignUpPage(page);
      await signUp.open();
      await checkPage(page, 'sign-up', violations);
      const name = `Pat ${unique()}`;
      await signUp.signUp(name, `pat-${unique()}@example.test`, PASSWORD);
      await checkPage(page, 'today-patient', violations);
      const sharing = new SharingPage(page);
      await sharing.open();
      await sharing.shareWithClinic(world.demo.clinic.shareCode.toLowerCase(), world.demo.clinic.name);
      await checkPage(page, 'sharing', violations);

      const doctor = await signedInAs(world, 'physician@demo.painwise.test');
      await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await expectVisible(doctor.getByRole('cell', { name }), `${name} in the physician's patient list`);
      await checkPage(doctor, 'clinic-patients', violations);
      await doctor.getByRole('link', { name }).click();
      await expectVisible(doctor.getByRole('heading', { name, level: 1 }), `${name}'s chart`);
      await checkPage(doctor, 'patient-chart', violations);
      await expectVisible(doctor.getByRole('heading', { name: 'Last 28 days', level: 2 }), 'the overview\'s trend, not "Your last 28 days"');
      // The chart's tabs work as tabs do: arrows move and select, only the selected one is in the Tab order.
      await doctor.getByRole('tab', { name: 'Overview' }).focus();
      await doctor.keyboard.press('ArrowRight');
      await expectVisible(doctor.locator('[role="tab"][aria-selected="true"]:focus').filter({ hasText: 'Diary' }), 'ArrowRight selecting the Diary tab');
      await expectVisible(doctor.getByText('No check-ins yet.'), 'the empty diary of a new patient');
      await doctor.keyboard.press('End');
      await expectVisible(doctor.locator('[role="tab"][aria-selected="true"]:focus').filter({ hasText: 'Medicines' }), 'End selecting the last tab');
      await doctor.keyboard.press('Home');
      await doctor.keyboard.press('ArrowRight');
      await expectVisible(doctor.getByText('No check-ins yet.'), 'back on the Diary tab by keyboard');
      await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
      await expectVisible(doctor.getByRole('heading', { name: /Alerts at/ }), 'the alerts inbox');
      await checkPage(doctor, 'clinic-alerts', violations);

      // The patient sees the physician's visit in their access log.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who looked' }).click();
      await expectVisible(page.getByRole('cell', { name: /Dr\. Priya Raman/ }), 'the physician in the access log');
      // What they did, in words (not the recorded id such as patient.read).
      await expectVisible(page.getByRole('cell', { name: 'Opened the record' }).first(), 'the physician\'s action in words');
      if (await page.getByRole('cell', { name: /^[a-z_-]+\.[a-z_.-]+$/ }).count() !== 0) throw new Error('an action id was shown instead of words');
      await checkPage(page, 'access-log', violations);
    },
  },
  {
    name: 'clinician invites a patient with a one-time code, and the patient accepts it',
    async run(world, violations) {
      const nurse = await signedInAs(world, 'nurse@demo.painwise.test');
      await nurse.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
      await nurse.getByRole('button', { name: 'Invite a patient' }).click();
      const code = (await nurse.getByTestId('one-time-code').textContent())!.trim();
      const page = await (await newContext(world)).newPage();
      const signUp = new SignUpPage(page);
      await signUp.open();
      await signUp.signUp(`Ivy ${unique()}`, `ivy-${unique()}@example.test`, PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Enter a code' }).click();
      await page.getByRole('radio', { name: 'My clinic invited me to share my record' }).check();
      await page.getByRole('textbox', { name: 'Invitation code' }).fill(code);
      await page.getByRole('button', { name: 'Accept' }).click();
      await expectVisible(page.getByText(`Now sharing with ${world.demo.clinic.name}.`), 'the sharing confirmation');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Enter a code' }).click();
      await checkPage(page, 'enter-code', violations);
    },
  },
  {
    name: 'returning patient checks in with "same as last time" in three interactions',
    async run(world, violations) {
      const page = await signedInAs(world, world.demo.patients[0]!.email);
      await checkPage(page, 'today-returning', violations);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
      await expectVisible(page.getByRole('button', { name: 'Same as last time' }), 'the carry-forward button');
      await checkPage(page, 'check-in', violations);
      await page.getByRole('button', { name: 'Same as last time' }).click(); // 1
      await page.getByRole('radio', { name: /^4 — / }).check(); // 2
      await page.getByRole('button', { name: 'Save check-in' }).click(); // 3
      await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after saving');
      await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/^4\/10/).first(), 'the new 4/10 check-in at the top of the diary');
      // An edit link to a check-in that is not in the diary says so (not a form half new, half edit).
      await page.evaluate(() => { history.pushState(null, '', '/check-in?edit=019a0000-0000-7000-8000-0000000000ff'); dispatchEvent(new PopStateEvent('popstate')); });
      await expectVisible(page.getByText('This check-in is not in your diary.', { exact: false }), 'the missing check-in explained');
      if (await page.getByRole('button', { name: 'Save check-in' }).count() !== 0) throw new Error('a form was offered for a check-in that does not exist');
      await page.getByRole('link', { name: 'Go to the diary' }).click();
      await checkPage(page, 'diary', violations);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my diary (CSV)' }).click()]);
      const csv = await readFile((await download.path())!, 'utf8');
      if (!csv.startsWith('id,') || csv.split('\n').length < 300) throw new Error('expected the CSV export with six months of check-ins');
    },
  },
  {
    name: 'patient with a medicine list checks in with "Took <drug>" from their list',
    async run(world, violations) {
      const page = await signedInAs(world, world.demo.patients[2]!.email);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
      const took = page.getByRole('group', { name: 'From your medicine list' }).getByRole('button', { name: 'Took Pregabalin' });
      await took.click();
      await expectVisible(page.getByRole('button', { name: 'Remove Pregabalin' }), 'the picked medicine');
      await checkPage(page, 'check-in-medicine-list', violations);
      await page.getByRole('radio', { name: /^5 — / }).check();
      await page.getByRole('textbox', { name: 'Notes (optional)' }).fill('took it from my list');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after saving');
      const medicine = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
        return pulled.items.find((i: { entry: { notes: string } | null }) => i.entry?.notes === 'took it from my list')?.entry.medicines[0];
      });
      if (medicine?.formularyId !== 'pregabalin' || !medicine.medicationOrderId || medicine.dose !== 75 || medicine.unit !== 'mg') {
        throw new Error(`expected pregabalin 75 mg with its order id, got ${JSON.stringify(medicine)}`);
      }
    },
  },
  {
    name: 'a check-in made offline is kept and synced once when back online',
    async run(world, violations) {
      const context = await newContext(world);
      const page = await context.newPage();
      const signUp = new SignUpPage(page);
      await signUp.open();
      await signUp.signUp(`Olly ${unique()}`, `olly-${unique()}@example.test`, PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
      // The connection drops once the check-in screen is open (its code is loaded on demand).
      await expectVisible(page.getByRole('radio', { name: /^6 — / }), 'the check-in form before going offline');
      await context.setOffline(true);
      await expectVisible(page.getByText('You are offline'), 'the offline banner');
      // What cannot be loaded offline says so, with a Retry, instead of "Loading…" for ever: a screen whose
      // code was never fetched (Flares), and the cards on Today.
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Flares' }).click();
      await expectVisible(page.getByRole('heading', { name: 'This page could not be loaded', level: 1 }), 'the Flares screen saying it could not be loaded');
      await expectVisible(page.getByText('Painwise could not be reached. Check your connection and try again.'), 'why, for a read');
      await page.getByRole('button', { name: 'Try again' }).click();
      await expectVisible(page.getByRole('button', { name: 'Try again' }), 'Retry still offered while offline');
      await checkPage(page, 'flares-offline', violations);
      await nav.getByRole('link', { name: 'Today' }).click();
      const sharingCard = page.getByRole('region', { name: 'Sharing' });
      await expectVisible(sharingCard.getByText('Who you share with could not be loaded. Painwise could not be reached.', { exact: false }), 'the sharing card\'s load failure');
      await expectVisible(sharingCard.getByRole('button', { name: 'Try again' }), 'Retry on the sharing card');
      await expectVisible(page.getByText('Your trend could not be loaded.', { exact: false }), 'the trend card\'s load failure');
      if (await page.getByText('Loading…').count() !== 0) throw new Error('Today still says "Loading…" offline');
      await checkPage(page, 'today-offline', violations);
      await nav.getByRole('link', { name: 'Check in' }).click();
      await page.getByRole('radio', { name: /^6 — / }).check();
      await page.getByRole('checkbox', { name: 'Knee, left' }).click();
      await page.getByRole('textbox', { name: 'Notes (optional)' }).fill('written offline');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expectVisible(page.getByText('Saved on this device'), 'the saved-offline message');
      await expectVisible(page.getByRole('list', { name: 'Waiting to be sent' }), 'the pending check-in');
      // The history could not be loaded: said so, not "no check-ins", and not "nothing was sent".
      const offlineHistory = page.getByText('Your history could not be loaded while offline; check-ins you make are kept and sent later.');
      await expectVisible(offlineHistory, 'the history saying it could not be loaded offline');
      await expectVisible(page.getByText('The last 12 weeks could not be loaded.', { exact: false }), 'the heat map saying it could not be loaded');
      for (const untrue of ['No check-ins in the last 12 weeks.', 'No check-ins yet.', 'so nothing was sent']) {
        if (await page.getByText(untrue, { exact: false }).count() !== 0) throw new Error(`the offline diary says "${untrue}"`);
      }
      await checkPage(page, 'diary-offline', violations);
      await context.setOffline(false);
      await page.getByRole('list', { name: 'Waiting to be sent' }).waitFor({ state: 'detached', timeout: 15_000 });
      await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/^6\/10/), 'the synced check-in');
      // Back online, the page loads again by itself and the offline messages go.
      await page.getByText(/could not be (loaded|brought up to date) while offline/).waitFor({ state: 'detached' });
      await expectVisible(page.locator('svg.heatmap'), 'the heat map once back online');
      const synced = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
        return pulled.items.filter((i: { entry: { notes: string } | null }) => i.entry?.notes === 'written offline').length;
      });
      if (synced !== 1) throw new Error(`expected the offline check-in on the server exactly once, found ${synced}`);
      // A screen that could not be fetched offline loads once back online.
      await nav.getByRole('link', { name: 'Flares' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Flares', level: 1 }), 'the Flares screen once back online');
    },
  },
  {
    name: 'patient keeps a block diary: baseline 8, the 15-minute reading due, records 2 with 75 % reported relief and sees the relief',
    async run(world, violations) {
      const page = await (await newContext(world)).newPage();
      const signUp = new SignUpPage(page);
      await signUp.open();
      await signUp.signUp(`Bea ${unique()}`, `bea-${unique()}@example.test`, PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block diary' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Block diaries', level: 1 }), 'the block diaries page');
      // Arriving on a page: focus on its heading (a screen reader announces it) and the tab named after it.
      await expectVisible(page.locator('h1:focus').filter({ hasText: 'Block diaries' }), 'focus on the new page\'s heading');
      if (await page.title() !== 'Block diaries — Painwise') throw new Error(`expected the tab title to name the page, got "${await page.title()}"`);
      await expectVisible(page.getByText('No block diaries yet.'), 'the empty list');
      await page.getByRole('button', { name: 'Start a block diary' }).click();
      const label = 'Right L4-L5 medial branch block';
      await page.getByRole('textbox', { name: 'Which procedure did you have?' }).fill(label);
      // The procedure 20 minutes ago, as wall-clock date and time in the patient's zone (the browser's, Europe/Berlin).
      const then = new Date(Date.now() - 20 * 60_000);
      await page.getByLabel('Date of the procedure').fill(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(then));
      await page.getByLabel('Time of the procedure').fill(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(then));
      await page.getByRole('radio', { name: /^8 — / }).check();
      const offsets = await page.getByRole('textbox', { name: 'Reading times, in minutes after the procedure' }).inputValue();
      if (offsets !== '15, 30, 60, 120, 240, 360, 480') throw new Error(`expected the default reading times, got "${offsets}"`);
      await checkPage(page, 'block-diary-start', violations);
      await page.getByRole('button', { name: 'Start the diary' }).click();

      await expectVisible(page.getByRole('heading', { name: label, level: 1 }), 'the new diary');
      await expectVisible(page.getByRole('status').filter({ hasText: 'Your reading at 15 minutes is due now.' }), 'the 15-minute reading due now');
      await expectVisible(page.getByText(/^Next reading at .+, in \d+ minutes?\.$/), 'when the next reading is');
      await page.getByRole('button', { name: 'Record the reading at 15 minutes' }).click();
      const form = page.getByRole('form', { name: 'Reading at 15 minutes' });
      await form.getByRole('radio', { name: /^2 — / }).check();
      await form.getByRole('spinbutton', { name: 'How much relief do you feel, in percent? (optional)' }).fill('75');
      await form.getByRole('button', { name: 'Save reading' }).click();
      // (8 − 2) / 8 = 75 % from the pain scores, beside the patient's own 75 %.
      await expectVisible(page.getByRole('list', { name: 'Readings' }).getByText('Pain 2 out of 10 · 75% relief by your pain score · You said 75% relief'), 'the computed relief of the reading');
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
        void schedule; void relief;
        body.readings.push({ offsetMinutes: 30, intensity: 1, patientReportedReliefPct: null, recordedAt: null });
        return (await fetch(`${url}/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': `"${version}"`, 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) })).status;
      });
      if (elsewhere !== 200) throw new Error(`expected the other device's save to succeed, got ${elsewhere}`);
      await form.getByRole('button', { name: 'Save reading' }).click();
      await expectVisible(form.getByRole('alert').getByText(/It is now version 3/), 'the conflict with the server copy');
      await expectVisible(form.getByRole('alert').getByText('30 minutes after: Pain 1 out of 10'), 'the other device\'s reading in the server copy');
      await checkPage(page, 'block-diary-conflict', violations);
      await form.getByRole('button', { name: 'Apply my change to version 3' }).click();
      const readings = page.getByRole('list', { name: 'Readings' });
      await expectVisible(readings.getByText('Pain 2 out of 10 · 75% relief by your pain score · You said 80% relief'), 'the re-applied change');
      await expectVisible(readings.getByText('Pain 1 out of 10 · 87.5% relief by your pain score'), 'the other device\'s reading kept');
      // Focus goes back to the button that opened the form.
      await expectVisible(page.locator('#bd-reading-15-action:focus'), 'focus back on the reading\'s button after re-applying');

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
      if (await page.getByRole('list', { name: 'Readings' }).getByRole('listitem').count() !== 3) throw new Error('expected three scheduled readings');
      // Another device deletes the diary while this one changes its label: no loop of 409s; it can be kept as a new diary.
      await page.getByRole('button', { name: 'Change the details' }).press('Enter');
      await expectVisible(page.locator('h2:focus').filter({ hasText: 'Change the details' }), 'focus on the opened form\'s heading');
      await page.getByRole('textbox', { name: 'Which procedure did you have?' }).fill(`${label} (left)`);
      const removed = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const url = `/api/patients/${me.patient.id}/block-diaries`;
        const { id } = (await (await fetch(url)).json()).items[0];
        return (await fetch(`${url}/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': me.csrfToken } })).status;
      });
      if (removed !== 204) throw new Error(`expected the other device's delete to succeed, got ${removed}`);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expectVisible(page.getByRole('alert').getByText('This diary was deleted on another device while you were changing it.'), 'the diary deleted elsewhere');
      // Offline, the try fails: why is said in the conflict box itself (no promise of a later send), and the choice stays.
      await page.context().setOffline(true);
      await page.getByRole('button', { name: 'Save mine as a new one' }).press('Enter');
      await expectVisible(page.getByRole('alert').getByText('Painwise could not be reached, so nothing was sent. Check your connection and try again.'), 'why saving as new failed, in the conflict box');
      await page.context().setOffline(false);
      await page.getByRole('button', { name: 'Save mine as a new one' }).press('Enter');
      await expectVisible(page.getByRole('heading', { name: `${label} (left)`, level: 1 }), 'the diary saved again as a new one');
      if (await page.getByRole('list', { name: 'Readings' }).getByRole('listitem').count() !== 3) throw new Error('expected the new diary to keep its three reading times');
      await page.getByRole('button', { name: 'Delete this diary' }).press('Enter');
      await page.getByRole('dialog', { name: 'Delete this block diary?' }).getByRole('button', { name: 'Delete the diary' }).click();
      await expectVisible(page.getByText('No block diaries yet.'), 'the empty list after deleting');
    },
  },
  {
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
      await expectVisible(page.getByText('Your worst pain can’t be lower than your pain now (5).', { exact: false }), 'why a worst of 4 is wrong');
      await checkPage(page, 'check-in-details', violations);
      await worst.selectOption('8');
      await page.getByRole('combobox', { name: 'Least pain since your last check-in' }).selectOption('3');
      await page.getByRole('combobox', { name: 'How much does pain interfere with your usual activity?' }).selectOption('6');
      await page.getByRole('combobox', { name: 'How well did you sleep?' }).selectOption('poor');
      await page.getByRole('combobox', { name: 'How is your mood?' }).selectOption('low');
      await page.getByRole('group', { name: 'What did you try to ease the pain?' }).getByRole('checkbox', { name: 'Heat', exact: true }).check();
      await page.getByRole('combobox', { name: 'How much did “Heat” help?' }).selectOption('a-lot');
      await page.getByRole('combobox', { name: 'Knee, left', exact: true }).selectOption('6');
      // Typed but not Added: Save keeps it.
      await page.getByRole('textbox', { name: 'In your own words' }).fill('cold wind');
      // A client whose own check was bypassed: the server refuses worst < now, and the form shows it on the field.
      await page.route('**/diary-entries/*', (route) => route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), worstSinceLast: 2 }) }), { times: 1 });
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expectVisible(page.getByText('The worst pain since the last entry cannot be lower than the pain now'), 'the server\'s refusal on its field');
      if (await worst.getAttribute('aria-invalid') !== 'true') throw new Error('expected the worst-pain field marked invalid');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/07:30/), 'the earlier check-in at 07:30');
      // The corrected save went to the same entry: the refused write is gone from the outbox, and there is one 07:30 entry.
      const outboxLeft = await page.evaluate(() => new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('painwise', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => { const all = open.result.transaction('outbox').objectStore('outbox').count(); all.onsuccess = () => resolve(all.result); all.onerror = () => reject(all.error); };
      }));
      if (outboxLeft !== 0) throw new Error(`expected no write left in the outbox after the corrected save, found ${outboxLeft}`);
      if (await page.getByRole('list', { name: 'Diary' }).getByRole('listitem').filter({ hasText: '07:30' }).count() !== 1) throw new Error('expected exactly one 07:30 check-in');
      // Edit it: more pain, a trigger and a medicine.
      await page.getByRole('button', { name: new RegExp(`^Edit check-in of ${yesterday} 07:30`) }).click();
      await expectVisible(page.getByRole('heading', { name: `Edit check-in of ${yesterday} 07:30` }), 'the edit form');
      await expectVisible(page.getByRole('button', { name: 'More details', expanded: true }), 'the details opened for an entry that has them');
      await page.getByRole('radio', { name: /^7 — / }).check();
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
      await page.route('**/diary-entries/*', (route) => route.fulfill({ status: 409, contentType: 'application/problem+json', body: JSON.stringify({ detail: 'changed elsewhere', current: { version } }) }), { times: 1 });
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expectVisible(page.getByText('This check-in was changed somewhere else', { exact: false }), 'the conflict message after saving');
      if (await page.getByText('Saved on this device').count() !== 0) throw new Error('a conflict must not say "saved on this device"');
      await page.getByRole('list', { name: 'Waiting to be sent' }).getByRole('button', { name: 'Keep my version' }).click();
      await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/^7\/10.*07:30/), 'the edited check-in');
      const stored = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
        return pulled.items.find((i: { entry: { localTime: string } | null }) => i.entry?.localTime === '07:30')?.entry;
      });
      const want = {
        intensity: 7, worstSinceLast: 8, leastSinceLast: 3, interference: { activity: 6, sleep: null, mood: null, stress: null }, sleepQuality: 'poor', mood: 'low', ownTriggers: ['cold wind'],
        techniques: [{ id: 'heat', label: null, helped: 'a-lot' }], regions: [{ code: 'knee-left', intensity: 6, qualities: [] }], medicines: ['Ibuprofen'],
      };
      const got = {
        intensity: stored?.intensity, worstSinceLast: stored?.worstSinceLast, leastSinceLast: stored?.leastSinceLast, interference: stored?.interference,
        sleepQuality: stored?.sleep.quality, mood: stored?.mood, ownTriggers: stored?.ownTriggers, techniques: stored?.techniques, regions: stored?.regions,
        medicines: stored?.medicines.map((m: { name: string }) => m.name),
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`expected the details stored as ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
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
  },
  {
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
      const berlinDate = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + offsetDays * 86_400_000));

      // An earlier flare, yesterday 08:00–10:30 (to delete later); a start in the future is refused on its field.
      await page.getByRole('button', { name: 'Start a flare' }).click();
      await page.getByLabel('When did it start?').fill(`${berlinDate(2)}T08:00`);
      await page.getByRole('checkbox', { name: 'It is still going on' }).uncheck();
      await page.getByLabel('When was it over?').fill(`${berlinDate(2)}T10:30`);
      await page.getByRole('button', { name: 'Save flare' }).click();
      await expectVisible(page.locator('input[name="flareStarted"][aria-invalid="true"]'), 'the future start marked invalid');
      await expectVisible(page.getByText('cannot be in the future').first(), 'the server\'s reason on the start field');
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
      await expectVisible(ongoing.getByText('May have set it off: Poor sleep.'), 'the ongoing flare\'s trigger');
      await checkPage(page, 'flares', violations);

      // Edit it (adds what helped) while another device changes it: the save meets a 409, shows version 2, and re-applies.
      await ongoing.getByRole('button', { name: /^Edit the flare from/ }).click();
      await expectVisible(page.getByRole('heading', { name: /^Edit the flare from/, level: 2 }), 'the edit form');
      const elsewhere = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const url = `/api/patients/${me.patient.id}/flares`;
        const current = (await (await fetch(url)).json()).items.find((f: { ongoing: boolean }) => f.ongoing);
        const { id, version, durationMinutes, ongoing, ...body } = current;
        void durationMinutes; void ongoing;
        return (await fetch(`${url}/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': `"${version}"`, 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ ...body, notes: 'Noted on my phone.' }) })).status;
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
      await expectVisible(ongoing.getByText('Notes: Noted on my phone.'), 'the other device\'s note kept after re-applying');

      // It's over now: the flare gets an end and a duration.
      await ongoing.getByRole('button', { name: /^It's over now/ }).click();
      const ended = timeline.getByRole('listitem').filter({ hasText: 'What helped: Heat, a warm bath.' });
      await expectVisible(ended.getByText(/^Lasted (less than a minute|\d+ minutes?)\.$/), 'the duration once it is over');
      if (await timeline.getByText(/^Going on since/).count() !== 0) throw new Error('the flare still shows as going on');

      // Edit the earlier flare while another device deletes it: the save says so (no loop) and keeps it as a new flare.
      await timeline.getByRole('listitem').filter({ hasText: 'Lasted 2 hours 30 minutes.' }).getByRole('button', { name: /^Edit the flare from/ }).click();
      await page.getByRole('textbox', { name: /^Notes/ }).fill('Written before it went.');
      const gone = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const url = `/api/patients/${me.patient.id}/flares`;
        const earlier = (await (await fetch(url)).json()).items.find((f: { durationMinutes: number | null }) => f.durationMinutes === 150);
        return (await fetch(`${url}/${earlier.id}`, { method: 'DELETE', headers: { 'x-csrf-token': me.csrfToken } })).status;
      });
      if (gone !== 204) throw new Error(`expected the other device's delete to succeed, got ${gone}`);
      await page.getByRole('button', { name: 'Save flare' }).click();
      await expectVisible(page.getByRole('alert').getByText('This flare was deleted on another device while you were editing it.'), 'the flare deleted elsewhere');
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
      await expectFocused(deleteEarlier, 'the restored flare\'s Delete button after Undo');
      const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/flares/'), { timeout: 20_000 });
      await page.keyboard.press('Enter');
      await expectFocused(undo, 'Undo after deleting by keyboard');
      await page.keyboard.press('Escape');
      if ((await deleted).status() !== 204) throw new Error('the flare was not deleted on the server');
      await expectFocused(page.getByRole('heading', { name: 'Your flares, newest first' }), 'the timeline heading once the toast is closed');
      await page.reload();
      await expectVisible(timeline.getByText('What helped: Heat, a warm bath.'), 'the remaining flare after reload');
      if (await timeline.getByRole('listitem').count() !== 1) throw new Error('expected one flare left on the timeline');
    },
  },
  {
    name: 'patient pages through the whole diary history, and deletes check-ins by keyboard: Undo takes focus and waits while it has it, and a delete survives a reload',
    async run(world, violations) {
      const patient = world.demo.patients[1]!; // six months of check-ins, not used by the other journeys
      const context = await newContext(world);
      const page = await context.newPage();
      // A controllable clock: time runs as usual, and fastForward shows what the toast does after its window.
      await page.clock.install();
      const signIn = new SignInPage(page);
      await signIn.open();
      await signIn.signIn(patient.email, DEMO_PASSWORD);
      const deletes: string[] = [];
      page.on('request', (r) => { if (r.method() === 'DELETE') deletes.push(r.url()); });
      // The app's pulls come in pages of 100 here (the server says hasMore), so six months take four pages.
      await page.route((url) => url.pathname.endsWith('/diary-entries') && url.searchParams.get('limit') === '2000', (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set('limit', '100');
        return route.continue({ url: url.toString() });
      });
      const server = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
        const live = pulled.items.filter((i: { entry: unknown }) => i.entry).map((i: { entry: { localDate: string; localTime: string } }) => `${i.entry.localDate} ${i.entry.localTime}`).sort();
        return { count: live.length as number, newest: live.at(-1) as string };
      });
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diary', exact: true }).click();
      const list = page.getByRole('list', { name: 'Diary' });
      const entries = list.getByRole('listitem');
      await expectVisible(entries, 'the diary history');
      // The heat map can be read by sight: a colour key (with "no check-in"), weekday and month labels.
      const key = page.getByRole('list', { name: 'Colours: average pain that day, 0 to 10' });
      for (const label of ['No check-in', 'No pain (0)', 'Mild (under 4.5)', 'Moderate (4.5 to under 6.5)', 'Severe (6.5 or more)']) {
        await expectVisible(key.getByRole('listitem').filter({ hasText: label }), `"${label}" in the heat map's colour key`);
      }
      const heatLabels = await page.locator('svg.heatmap text').allTextContents();
      const thisMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: patient.timeZone }).format(new Date());
      for (const label of ['Mon', 'Wed', 'Sun', thisMonth]) if (!heatLabels.includes(label)) throw new Error(`expected "${label}" on the heat map, found ${heatLabels.join(', ')}`);
      await expectVisible(page.getByText(/^From .+ to .+; each column is a week, Monday at the top\.$/), 'the dates the heat map covers');
      // The newest check-in first (it is on the last page), 50 shown, and older ones a button away.
      await expectVisible(entries.first().getByRole('button', { name: `Delete check-in of ${server.newest}` }), `the newest check-in (${server.newest}) first`);
      await expectVisible(page.getByText(`Showing the newest 50 of ${server.count} check-ins.`), 'how many check-ins are shown');
      const older = page.getByRole('button', { name: /^Show older check-ins/ });
      await older.focus();
      await page.keyboard.press('Enter');
      await expectFocused(entries.nth(50), 'the first of the older check-ins shown');
      await expectVisible(page.getByText(`Showing the newest 100 of ${server.count} check-ins.`), 'a hundred check-ins shown');
      for (let shownNow = 100; shownNow < server.count; shownNow += 50) await older.press('Enter');
      await expectVisible(page.getByText(`Showing the newest ${server.count} of ${server.count} check-ins.`), 'every check-in shown');
      if (await older.count() !== 0) throw new Error('"Show older" is still offered with every check-in shown');
      if (await entries.count() !== server.count) throw new Error(`expected ${server.count} check-ins listed, found ${await entries.count()}`);
      const whenOf = async (n: number) => (await entries.nth(n).getByRole('button', { name: /^Delete check-in of / }).textContent())!.replace('Delete check-in of ', '');
      const [first, second] = [await whenOf(0), await whenOf(1)];
      const deleteFirst = list.getByRole('button', { name: `Delete check-in of ${first}` });
      await deleteFirst.focus();
      await page.keyboard.press('Enter');
      const undo = page.getByRole('button', { name: 'Undo' });
      await expectFocused(undo, 'Undo after deleting a check-in');
      await checkPage(page, 'diary-undo', violations);
      // Well past the Undo window: while the toast has focus, Undo stays offered and nothing is sent.
      await page.clock.fastForward(20_000);
      await expectFocused(undo, 'Undo still offered after the window while it has focus');
      if (deletes.length !== 0) throw new Error(`a delete was sent while Undo was offered: ${deletes.join()}`);
      await page.keyboard.press('Enter');
      await expectFocused(deleteFirst, 'the restored check-in\'s Delete button after Undo');
      // Delete it again and close the toast with Escape: sent at once, focus on the next check-in.
      const sent = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), { timeout: 20_000 });
      await page.keyboard.press('Enter');
      await expectFocused(undo, 'Undo after deleting again');
      await page.keyboard.press('Escape');
      const sentStatus = (await sent).status();
      if (sentStatus !== 200) throw new Error(`the check-in was not deleted on the server (HTTP ${sentStatus})`);
      await expectFocused(list.getByRole('listitem').filter({ hasText: second }).first(), 'the next check-in once the toast is closed');
      if (await list.getByRole('button', { name: `Delete check-in of ${first}` }).count() !== 0) throw new Error('the deleted check-in is still listed');

      // Deleted, then the page reloaded within the Undo window: the delete is kept and sent.
      const third = await whenOf(1);
      await list.getByRole('button', { name: `Delete check-in of ${third}` }).click();
      await expectFocused(undo, 'Undo after deleting with the pointer');
      const afterReload = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), { timeout: 20_000 });
      await page.reload();
      await expectVisible(entries, 'the diary history after reloading');
      await page.clock.fastForward(10_000);
      const reloadStatus = (await afterReload).status();
      if (reloadStatus !== 200) throw new Error(`the delete made before the reload was not sent (HTTP ${reloadStatus})`);
      if (await list.getByRole('button', { name: `Delete check-in of ${third}` }).count() !== 0) throw new Error('the check-in deleted before the reload is listed again');
      const left = await page.evaluate(async (whens) => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
        return pulled.items.filter((i: { entry: { localDate: string; localTime: string } | null }) => i.entry && whens.includes(`${i.entry.localDate} ${i.entry.localTime}`)).length;
      }, [first, third]);
      if (left !== 0) throw new Error(`expected both deleted check-ins gone on the server, found ${left}`);

      // Changed on another device while Undo was still offered (nothing sent yet): the server refuses the
      // delete, the check-in comes back with the other device's change, and the person chooses.
      const fourth = await whenOf(0);
      const refused = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), { timeout: 20_000 });
      await list.getByRole('button', { name: `Delete check-in of ${fourth}` }).click();
      await expectFocused(undo, 'Undo after deleting a check-in changed elsewhere');
      const edited = await page.evaluate(async (when) => {
        const me = await (await fetch('/api/me')).json();
        const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries?limit=5000`)).json();
        const item = pulled.items.find((i: { entry: { localDate: string; localTime: string } | null }) => i.entry && `${i.entry.localDate} ${i.entry.localTime}` === when);
        const { id: _id, provenance, ...rest } = item.entry;
        return (await fetch(`/api/patients/${me.patient.id}/diary-entries/${item.id}`, {
          method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': `"${item.version}"`, 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ ...rest, mode: provenance.mode, notes: 'changed on the other device' }),
        })).status;
      }, fourth);
      if (edited !== 200) throw new Error(`the other device's edit failed (HTTP ${edited})`);
      await undo.focus();
      await page.keyboard.press('Escape');
      if ((await refused).status() !== 409) throw new Error('expected the stale delete to be refused');
      const notMade = page.getByRole('list', { name: 'Deletes not made' });
      await expectVisible(notMade.getByText(`The check-in of ${fourth} was not deleted: it changed on another device.`, { exact: false }), 'the refused delete explained');
      await expectVisible(list.getByRole('button', { name: `Delete check-in of ${fourth}` }), 'the check-in back in the list');
      await checkPage(page, 'diary-delete-refused', violations);
      const anyway = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/diary-entries/'), { timeout: 20_000 });
      await notMade.getByRole('button', { name: `Delete the check-in of ${fourth} anyway` }).click();
      if ((await anyway).status() !== 200) throw new Error('expected "delete anyway" to delete the check-in');
      await notMade.waitFor({ state: 'detached' });
      await list.getByRole('button', { name: `Delete check-in of ${fourth}` }).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'caregiver signs in and acts for the patient they help',
    async run(world, violations) {
      const caregiver = world.demo.caregivers[0]!;
      const page = await signedInAs(world, caregiver.email);
      await expectVisible(page.getByText(`You are helping: ${caregiver.forPatient}`), 'the people this caregiver helps');
      await checkPage(page, 'today-caregiver', violations);
      await page.getByRole('button', { name: `Help ${caregiver.forPatient}` }).click();
      await expectVisible(page.getByText(`Acting for ${caregiver.forPatient}.`), 'the acting-for banner');
      await expectVisible(page.getByRole('list', { name: 'Diary' }), `${caregiver.forPatient}'s diary`);
      await checkPage(page, 'diary-caregiver', violations);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
      await page.getByRole('radio', { name: /^3 — / }).check();
      await page.getByRole('textbox', { name: 'Notes (optional)' }).fill('entered by Rosa');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/^3\/10/).first(), 'the caregiver\'s check-in in the diary');
      const source = await page.evaluate(async () => {
        const patients = await (await fetch('/api/patients')).json();
        const pulled = await (await fetch(`/api/patients/${patients[0].patient.id}/diary-entries`)).json();
        return pulled.items.find((i: { entry: { notes: string } | null }) => i.entry?.notes === 'entered by Rosa')?.entry.provenance.source;
      });
      if (source !== 'caregiver') throw new Error(`expected the entry's source to be caregiver, got ${source}`);
    },
  },
  {
    name: 'a caregiver who may only read sees a block-diary reading is due but is offered no way to record it',
    async run(world, violations) {
      // The patient: an account, a block diary whose procedure was 20 minutes ago, and a read-only caregiver invitation.
      const patientPage = await (await newContext(world)).newPage();
      const signUp = new SignUpPage(patientPage);
      await signUp.open();
      const patientName = `Ida ${unique()}`;
      await signUp.signUp(patientName, `ida-${unique()}@example.test`, PASSWORD);
      const label = 'Left sacroiliac joint injection';
      const code = await patientPage.evaluate(async (procedureLabel) => {
        const me = await (await fetch('/api/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken };
        // A UUIDv7 made here, as the app's own outbox would.
        const hex = [...crypto.getRandomValues(new Uint8Array(10))].map((b) => b.toString(16).padStart(2, '0')).join('');
        const ms = Date.now().toString(16).padStart(12, '0');
        const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex.slice(0, 3)}-${((parseInt(hex[3]!, 16) & 3) | 8).toString(16)}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
        const procedureAt = new Date(Date.now() - 20 * 60_000).toISOString();
        const diary = await fetch(`/api/patients/${me.patient.id}/block-diaries/${id}`, {
          method: 'PUT', headers, body: JSON.stringify({ procedureLabel, procedureAt, timeZone: me.patient.timeZone, baselineIntensity: 7, readings: [] }),
        });
        if (!diary.ok) throw new Error(`starting the block diary failed: ${diary.status} ${await diary.text()}`);
        const invited = await fetch(`/api/patients/${me.patient.id}/caregivers`, { method: 'POST', headers, body: JSON.stringify({ label: 'My brother', scopes: ['read'] }) });
        if (!invited.ok) throw new Error(`inviting the caregiver failed: ${invited.status} ${await invited.text()}`);
        return (await invited.json()).code as string;
      }, label);

      // The caregiver accepts with the code, then looks at the patient's block diaries.
      const page = await (await newContext(world)).newPage();
      const caregiverSignUp = new SignUpPage(page);
      await caregiverSignUp.open();
      await caregiverSignUp.signUp(`Jon ${unique()}`, `jon-${unique()}@example.test`, PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Enter a code' }).click();
      await page.getByRole('radio', { name: 'I was invited to help someone (caregiver)' }).check();
      await page.getByRole('textbox', { name: 'Invitation code' }).fill(code);
      await page.getByRole('button', { name: 'Accept' }).click();
      await expectVisible(page.getByText('You can now help this person.'), 'the accepted invitation');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
      await page.getByRole('button', { name: `Help ${patientName}` }).click();
      await expectVisible(page.getByText(`Acting for ${patientName}.`), 'the acting-for banner');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block diary' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: `A reading is due for ${label}: the one at 15 minutes.` }), 'the due reading, told as someone else\'s');
      await expectVisible(page.getByRole('link', { name: `Open the block diary for ${label}` }), 'a link to open the diary (not to record)');
      if (await page.getByRole('button', { name: 'Start a block diary' }).count() !== 0) throw new Error('a read-only caregiver was offered to start a block diary');
      if (await page.getByRole('link', { name: /^Record the reading/ }).count() !== 0) throw new Error('a read-only caregiver was offered to record a reading from the list');
      await checkPage(page, 'block-diaries-read-only-caregiver', violations);

      await page.getByRole('link', { name: `Open the block diary for ${label}` }).click();
      await expectVisible(page.getByRole('heading', { name: label, level: 1 }), 'the diary page');
      await expectVisible(page.getByText('You can read this diary, but not change it.'), 'the read-only note');
      await expectVisible(page.getByRole('status').filter({ hasText: 'A reading is due: the one at 15 minutes.' }), 'the due reading on the diary page');
      if (await page.getByRole('button', { name: /^(Record|Change) the reading/ }).count() !== 0) throw new Error('a read-only caregiver was offered to record a reading');
      // Even a link made for someone who may write does not open the reading form.
      const diaryPath = new URL(page.url()).pathname;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block diary' }).click();
      await expectVisible(page.getByRole('link', { name: `Open the block diary for ${label}` }), 'the list again');
      await page.evaluate((path) => { history.pushState(null, '', `${path}?record=15`); dispatchEvent(new PopStateEvent('popstate')); }, diaryPath);
      await expectVisible(page.getByRole('heading', { name: label, level: 1 }), 'the diary page opened with ?record=15');
      if (await page.getByRole('form', { name: 'Reading at 15 minutes' }).count() !== 0) throw new Error('?record= opened the reading form for a read-only caregiver');
      await checkPage(page, 'block-diary-read-only-caregiver', violations);
    },
  },
  {
    name: 'clinician reads a long diary in the chart, most recent first, and shows older check-ins',
    async run(world, violations) {
      const patient = world.demo.patients.filter((p) => p.sharing === 'active')[0]!;
      const doctor = await signedInAs(world, 'physician@demo.painwise.test');
      const chart = new PatientChartPage(doctor);
      await chart.open(patient.name);
      await chart.openTab('Diary');
      const shown = doctor.getByText(/^The (\d+) most recent of (\d+) check-ins\.$/);
      await expectVisible(shown, 'how many check-ins are shown');
      const [, first, total] = /The (\d+) most recent of (\d+)/.exec((await shown.textContent())!)!;
      if (Number(first) !== 100 || Number(total) <= 100) throw new Error(`expected the first 100 of a diary of more than 100, got ${first} of ${total}`);
      const items = doctor.getByRole('list', { name: 'Diary' }).getByRole('listitem');
      const dates = await items.evaluateAll((lis) => lis.map((li) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.exec(li.textContent ?? '')?.[0] ?? ''));
      if (dates.some((d, i) => i > 0 && d > dates[i - 1]!)) throw new Error('expected the chart diary newest first');
      await doctor.getByRole('button', { name: 'Show older check-ins' }).click();
      await expectVisible(doctor.locator('#chart-entry-100:focus'), 'focus on the first older check-in');
      if (await items.count() !== Math.min(200, Number(total))) throw new Error(`expected ${Math.min(200, Number(total))} check-ins after showing older ones`);
      await checkPage(doctor, 'patient-chart-diary', violations);
    },
  },
  {
    name: 'admin invites a member, changes a role and withdraws the invitation',
    async run(world, violations) {
      const page = await signedInAs(world, 'admin@demo.painwise.test');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
      await expectVisible(page.getByRole('heading', { name: /Members of/ }), 'the members page');
      const email = `new-nurse-${unique()}@example.test`;
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('nurse');
      await page.getByRole('button', { name: 'Invite a member' }).click();
      await expectVisible(page.getByTestId('one-time-code'), 'the invitation code');
      await page.getByRole('combobox', { name: 'Role of Hana Sato, PharmD' }).selectOption('nurse');
      await expectVisible(page.getByText('Saved.'), 'the role change confirmation');
      await page.getByRole('button', { name: `Withdraw invitation for ${email}` }).click();
      await page.getByRole('button', { name: `Withdraw invitation for ${email}` }).waitFor({ state: 'detached' });
      await checkPage(page, 'clinic-members', violations);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
      await expectVisible(page.getByRole('cell', { name: 'Changed a member\'s role' }).first(), 'the role change in the audit trail, in words');
      await checkPage(page, 'clinic-audit', violations);
    },
  },
  {
    name: 'clinician adds an opioid and a benzodiazepine, sees MME and the flag before saving, and the patient sees the plan',
    async run(world, violations) {
      const page = await (await newContext(world)).newPage();
      const signUp = new SignUpPage(page);
      await signUp.open();
      const name = `Paz ${unique()}`;
      await signUp.signUp(name, `paz-${unique()}@example.test`, PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
      await expectVisible(page.getByText('Your care team has not written a plan with you yet.'), 'the empty plan of a new patient');
      await checkPage(page, 'my-plan-empty', violations);
      const sharing = new SharingPage(page);
      await sharing.open();
      await sharing.shareWithClinic(world.demo.clinic.shareCode, world.demo.clinic.name);

      const doctor = await signedInAs(world, 'physician@demo.painwise.test');
      const chart = new PatientChartPage(doctor);
      await chart.open(name);
      // What fails to load is said so with a Retry, never as "No taper planned" or "not answered yet".
      const failing = /\/(taper-plans|naloxone-check|medication-orders)$/;
      await doctor.route(failing, (route) => route.abort());
      await chart.openTab('Medicines');
      await expectVisible(doctor.getByText('The taper plans could not be loaded.'), 'the taper plans failing to load');
      await expectVisible(doctor.getByText('The naloxone answer could not be loaded.'), 'the naloxone answer failing to load');
      await expectVisible(doctor.getByText('The medicine history could not be loaded.'), 'the history failing to load');
      if (await doctor.getByText(/No taper planned|Naloxone check not answered yet/).count() !== 0) throw new Error('a failed load was shown as an empty state');
      await doctor.unroute(failing);
      await doctor.getByRole('region', { name: 'Taper plans' }).getByRole('button', { name: 'Try again' }).click();
      await expectVisible(doctor.getByText('No taper planned.'), 'the taper plans after Retry');
      await expectVisible(doctor.getByText('No medicines recorded.'), 'the empty medicine list');
      const meds = new MedicinesTab(doctor);
      // Oxycodone 10 mg four times a day: 10 × 4 × 1.5 = 60 MME/day (CDC 2022 factor), before saving.
      await meds.addDraft(1, { drug: 'oxycodone', dose: '10', timesPerDay: '4' });
      await expectVisible(doctor.getByText('Total: 60 MME/day'), 'the live MME of the unsaved opioid order');
      await expectVisible(meds.flags().getByText('50 MME/day or more'), 'the 50 MME/day flag before saving');
      await meds.addDraft(2, { drug: 'alprazolam', dose: '0.5', timesPerDay: '3' });
      await expectVisible(meds.flags().getByText('Opioid with a benzodiazepine'), 'the opioid + benzodiazepine flag before saving');
      await expectVisible(meds.flags().getByText(/Source: FDA Drug Safety Communication 31 Aug 2016/), 'the flag\'s citation');
      // The flags speak in words and cite published sources: no rule ids, no references to the project's own notes.
      const flagText = await meds.flags().innerText();
      if (/mme-at-least-50|opioid-benzodiazepine|naloxone-not-on-list|\.md\b/.test(flagText)) throw new Error(`a flag showed an id or an internal note: ${flagText}`);
      await checkPage(doctor, 'chart-medicines-drafts', violations);
      await doctor.getByRole('button', { name: 'Save 2 orders' }).click();
      await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine after saving (the Save button goes away)');
      const current = doctor.getByRole('list', { name: 'Medicines in effect today' });
      await expectVisible(current.getByText('oxycodone', { exact: true }), 'the saved oxycodone order');
      await expectVisible(current.getByText('alprazolam', { exact: true }), 'the saved alprazolam order');
      await expectVisible(doctor.getByRole('heading', { name: /^Current regimen/ }), 'the saved regimen');
      await expectVisible(meds.flags().getByText('Opioid with a benzodiazepine'), 'the flag on the saved regimen');
      // A refused order: focus lands on its first refused field, not on the page; removing the draft moves focus on.
      await doctor.getByRole('button', { name: 'Add a medicine' }).click();
      await doctor.getByRole('button', { name: 'Save 1 order' }).click();
      const refused = doctor.getByRole('group', { name: 'New medicine 1' });
      await expectFocused(refused.getByRole('combobox', { name: 'Medicine' }), 'the refused medicine field');
      await expectVisible(refused.getByText('Choose a medicine.'), 'why the order was refused, in words beside the field');
      await refused.getByRole('button', { name: /^Remove/ }).press('Enter');
      await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine after removing the draft');
      // A combination product: its dose field names the opioid, and until the acetaminophen is given the draft is
      // left out of the MME with the reason, beside the draft and on the total (not a silently lower total).
      await doctor.getByRole('button', { name: 'Add a medicine' }).click();
      const norco = doctor.getByRole('group', { name: 'New medicine 1' });
      await norco.getByRole('combobox', { name: 'Medicine' }).fill('Norco');
      await norco.getByRole('spinbutton', { name: 'Dose of hydrocodone per administration (mg)' }).fill('10');
      await norco.getByRole('spinbutton', { name: 'Times a day' }).fill('4');
      await expectVisible(norco.getByText('Not counted in the MME and flags above yet: give the acetaminophen per administration.'), 'what the draft still needs');
      await expectVisible(doctor.getByRole('status').getByText(/1 change below is not counted yet/), 'the uncounted draft on the total');
      await norco.getByRole('spinbutton', { name: 'Acetaminophen per administration (mg)' }).fill('325');
      await expectVisible(norco.getByText('Counted in the MME and flags above.'), 'the completed draft counted');
      await expectVisible(doctor.getByRole('status').getByText(/^Total: 100 MME\/day/), 'hydrocodone 10 mg × 4 × 1.0 added to 60 MME/day');
      await expectVisible(doctor.getByRole('table', { name: 'MME per medicine' }).getByRole('cell', { name: '40 mg/day of hydrocodone' }), 'the combination\'s daily milligrams named as its opioid\'s');
      // Discarding typed orders offers Undo, which brings them back with focus on the first.
      await doctor.getByRole('button', { name: 'Discard changes' }).click();
      await expectFocused(doctor.getByRole('button', { name: 'Undo' }), 'Undo after discarding the drafts');
      await doctor.getByRole('button', { name: 'Undo' }).press('Enter');
      await expectFocused(norco.getByRole('combobox', { name: 'Medicine' }), 'the restored draft');
      if (await norco.getByRole('spinbutton', { name: 'Acetaminophen per administration (mg)' }).inputValue() !== '325') throw new Error('Undo did not restore what was typed');
      await doctor.getByRole('button', { name: 'Discard changes' }).click();
      await expectFocused(doctor.getByRole('button', { name: 'Undo' }), 'Undo after discarding again');
      await doctor.keyboard.press('Escape');
      await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine once the discard stands');
      if (await norco.count() !== 0) throw new Error('the discarded draft is still shown');
      // A refused taper (0 % a step never ends) puts focus on the refused field.
      await doctor.getByRole('combobox', { name: 'Rate' }).selectOption('custom');
      await doctor.getByRole('spinbutton', { name: 'Percent of the original dose per step' }).fill('0');
      await doctor.getByRole('button', { name: 'Plan the taper' }).click();
      await expectFocused(doctor.locator('[aria-invalid="true"]'), 'the refused taper field');
      await expectVisible(doctor.getByText('Enter a percentage above 0 and up to 100, with at most 2 decimals.'), 'the refused percentage in words (not "rate.percent must be …")');
      await doctor.getByRole('combobox', { name: 'Rate' }).selectOption('monthly');
      await doctor.getByRole('button', { name: 'Plan the taper' }).click();
      await expectVisible(doctor.getByRole('table', { name: 'Taper steps' }), 'the taper steps with MME');
      // Focus moves to the new plan (the button it left is disabled while sending); its dates read in words.
      await expectFocused(doctor.getByRole('heading', { name: /^Taper from [A-Z][a-z]{2} \d{1,2}, \d{4}$/, level: 3 }), 'the new taper plan');
      if (await doctor.getByRole('table', { name: 'Taper steps' }).getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ }).count() !== 0) throw new Error('a taper step start was shown as an ISO date');
      if (/\.md\b|§10 item/.test(await doctor.getByRole('tabpanel', { name: 'Medicines' }).innerText())) throw new Error('the Medicines tab cites the project\'s own notes');
      // Stopping: a refused date is explained beside the field (the dialog stays open); the history says the
      // stop date is the first day without it (not "until", read as the last day taken); Undo restores the order.
      await doctor.getByRole('button', { name: 'Stop alprazolam' }).click();
      const stopDialog = doctor.getByRole('dialog', { name: 'Stop alprazolam' });
      const firstDayWithout = stopDialog.getByLabel('First day without it');
      const patientToday = await firstDayWithout.inputValue();
      await firstDayWithout.fill('2020-01-01');
      await stopDialog.getByRole('button', { name: 'Stop alprazolam' }).click();
      await expectVisible(stopDialog.getByText('The stop date is before the start date.'), 'the refused stop date beside its field');
      await expectFocused(firstDayWithout, 'the refused stop date');
      await firstDayWithout.fill('');
      await stopDialog.getByRole('button', { name: 'Stop alprazolam' }).click();
      await expectVisible(stopDialog.getByText('Choose the first day without it.'), 'the missing stop date');
      await firstDayWithout.fill(patientToday);
      await stopDialog.getByRole('button', { name: 'Stop alprazolam' }).click();
      const history = doctor.getByRole('list', { name: 'Medicine history' });
      await expectVisible(history.getByRole('listitem').filter({ hasText: 'alprazolam' }).getByText(/first day without it: [A-Z][a-z]{2} \d{1,2}, \d{4}/), 'the stop date in words as the first day without it');
      await expectFocused(doctor.getByRole('button', { name: 'Undo' }), 'Undo after stopping');
      await doctor.getByRole('button', { name: 'Undo' }).press('Enter');
      await expectVisible(doctor.getByRole('list', { name: 'Medicines in effect today' }).getByText('alprazolam', { exact: true }), 'alprazolam back after Undo');
      await checkPage(doctor, 'chart-medicines', violations);

      await chart.openTab('Plan');
      await expectVisible(doctor.getByText('No care plan yet.', { exact: false }), 'the empty care plan');
      await doctor.getByRole('button', { name: 'Add a goal' }).click();
      const goal = doctor.getByRole('group', { name: 'Goal 1' });
      await doctor.getByRole('button', { name: 'Save as version 1' }).click();
      await expectFocused(goal.getByRole('textbox', { name: 'Activity' }), 'the refused goal activity');
      await goal.getByRole('textbox', { name: 'Activity' }).fill('Walk to the park');
      await goal.getByRole('textbox', { name: 'Measure' }).fill('minutes walked without stopping');
      await goal.getByRole('textbox', { name: 'Baseline' }).fill('10');
      await goal.getByRole('textbox', { name: 'Target', exact: true }).fill('30');
      await doctor.getByRole('button', { name: 'Add an intervention' }).click();
      const intervention = doctor.getByRole('group', { name: 'Intervention 1' });
      await intervention.getByRole('textbox', { name: 'Description' }).fill('Graded walking with the physical therapist');
      await intervention.getByRole('combobox', { name: 'Status' }).selectOption('active');
      await doctor.getByRole('button', { name: 'Save as version 1' }).click();
      await expectVisible(doctor.getByRole('list', { name: 'Version history' }).getByText(/^Version 1 —/), 'version 1 in the history');
      await expectFocused(doctor.getByRole('button', { name: 'Save as version 2' }), 'the save button again after saving');
      // Someone else saves version 2 meanwhile: this save meets a 409, shows version 2, and re-applies on top of it.
      const elsewhere = await doctor.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const url = `/api/patients/${location.pathname.split('/').pop()}/care-plan`;
        const current = await (await fetch(url)).json();
        const body = { goals: current.goals, interventions: current.interventions, notes: 'Saved elsewhere.' };
        return (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': `"${current.version}"`, 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) })).status;
      });
      if (elsewhere !== 201) throw new Error(`expected the concurrent save to create version 2, got ${elsewhere}`);
      await goal.getByRole('textbox', { name: 'Target', exact: true }).fill('40');
      await doctor.getByRole('button', { name: 'Save as version 2' }).click();
      await expectVisible(doctor.getByRole('alert').getByText(/The plan changed while you were editing: version 2/), 'the conflict with version 2');
      await checkPage(doctor, 'chart-plan-conflict', violations);
      await doctor.getByRole('button', { name: 'Save my changes over version 2' }).click();
      await expectVisible(doctor.getByRole('list', { name: 'Version history' }).getByText(/^Version 3 —/), 'version 3 in the history');
      // Removing a draft goal moves focus to Add a goal (the Remove button goes away with it).
      await doctor.getByRole('button', { name: 'Add a goal' }).click();
      await doctor.getByRole('group', { name: 'Goal 2' }).getByRole('button', { name: 'Remove goal 2' }).press('Enter');
      await expectFocused(doctor.getByRole('button', { name: 'Add a goal' }), 'Add a goal after removing goal 2');
      // The form takes focus when it replaces its Add button; a refusal focuses the refused field; saving returns to Add.
      await doctor.getByRole('button', { name: 'Add a condition' }).press('Enter');
      await expectFocused(doctor.getByRole('textbox', { name: 'Condition' }), 'the new condition form');
      await doctor.getByRole('textbox', { name: 'Condition' }).fill('Chronic low back pain');
      await doctor.getByRole('button', { name: 'Save', exact: true }).click();
      await expectFocused(doctor.getByLabel('Onset date'), 'the refused onset date');
      await doctor.getByLabel('Onset date').fill('2025-01-15');
      await expectVisible(doctor.getByText('As of today: Chronic (more than 3 months).'), 'the chronicity shown as the onset is typed');
      await doctor.getByRole('button', { name: 'Save', exact: true }).click();
      await expectFocused(doctor.getByRole('button', { name: 'Add a condition' }), 'Add a condition after saving');
      await expectVisible(doctor.getByRole('list', { name: 'Conditions' }).getByText('Chronic low back pain'), 'the saved condition');
      await expectVisible(doctor.getByRole('list', { name: 'Conditions' }).getByText(/onset Jan 15, 2025/), 'the onset date in words');
      await checkPage(doctor, 'chart-plan', violations);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
      await expectVisible(page.getByRole('heading', { name: 'My plan', level: 1 }), 'the patient\'s plan');
      await expectVisible(page.getByRole('list', { name: 'Your goals' }).getByText('Walk to the park'), 'the goal in plain language');
      await expectVisible(page.getByText('Graded walking with the physical therapist'), 'the intervention');
      await expectVisible(page.getByRole('list', { name: 'Your medicines' }).getByText('oxycodone', { exact: true }), 'the medicine');
      await expectVisible(page.getByRole('list', { name: 'Steps' }).getByText('Your step now:'), 'today\'s taper step, highlighted');
      await expectVisible(page.getByText('Naloxone is not on your medicines list.', { exact: false }), 'the naloxone check');
      await checkPage(page, 'my-plan', violations);
    },
  },
  {
    name: 'clinician paces walking and links a goal to PEG; the patient sees today\'s quota, progress, as-needed use and answers the naloxone check',
    async run(world, violations) {
      const page = await (await newContext(world)).newPage();
      const signUp = new SignUpPage(page);
      await signUp.open();
      const name = `Noa ${unique()}`;
      await signUp.signUp(name, `noa-${unique()}@example.test`, PASSWORD);
      const sharing = new SharingPage(page);
      await sharing.open();
      await sharing.shareWithClinic(world.demo.clinic.shareCode, world.demo.clinic.name);
      // Data the patient makes elsewhere (questionnaires, diary, an as-needed order on their own list), through the API.
      const setup = await page.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        const pid = me.patient.id as string;
        const send = (method: string, url: string, body: unknown) => fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(body) }).then((r) => r.status);
        const statuses = [
          await send('POST', `/api/patients/${pid}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 6, 2: 6, 3: 6 } }),
          await send('POST', `/api/patients/${pid}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 4, 2: 4, 3: 4 } }),
        ];
        const orderId = crypto.randomUUID();
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: me.patient.timeZone }).format(new Date());
        statuses.push(await send('PUT', `/api/patients/${pid}/medication-orders/${orderId}`, { formularyId: 'oxycodone', doseMg: 5, schedule: 'as-needed', maxPerDay: 2, route: 'oral', startDate: '2026-01-01' }));
        const prn = { name: 'Oxycodone', regimen: 'as-needed', medicationOrderId: orderId };
        statuses.push(await send('PUT', `/api/patients/${pid}/diary-entries/${crypto.randomUUID()}`, {
          localDate: today, localTime: '00:00', timeZone: me.patient.timeZone, recordedAt: new Date().toISOString(), mode: 'recalled', intensity: 5, medicines: [prn, prn, prn],
        }));
        return statuses;
      });
      if (setup.join() !== '201,201,201,201') throw new Error(`setup failed: ${setup.join()}`);

      const doctor = await signedInAs(world, 'physician@demo.painwise.test');
      const chart = new PatientChartPage(doctor);
      await chart.open(name);
      await chart.openTab('Plan');
      await doctor.getByRole('button', { name: 'Add a goal' }).click();
      const goal = doctor.getByRole('group', { name: 'Goal 1' });
      await goal.getByRole('textbox', { name: 'Activity' }).fill('Pain gets in the way less');
      await goal.getByRole('textbox', { name: 'Measure' }).fill('PEG score');
      await goal.getByRole('combobox', { name: 'Progress read from' }).selectOption('instrument:peg');
      await doctor.getByRole('button', { name: 'Add a paced activity' }).click();
      const paced = doctor.getByRole('group', { name: 'Paced activity 1' });
      await paced.getByRole('textbox', { name: 'Activity' }).fill('walking');
      await paced.getByRole('textbox', { name: 'Goal (optional)' }).fill('30');
      // 20, 25 and 15 minutes → baseline 20 → today 16 minutes (80 %, a clinical convention).
      await paced.getByRole('textbox', { name: 'Sessions' }).fill('2026-01-05 20\n2026-01-06 25\n2026-01-07 15');
      // A second activity starting today with no sessions yet: the patient logs its baseline sessions.
      await doctor.getByRole('button', { name: 'Add a paced activity' }).click();
      await doctor.getByRole('group', { name: 'Paced activity 2' }).getByRole('textbox', { name: 'Activity' }).fill('cycling');
      await checkPage(doctor, 'chart-plan-pacing-draft', violations);
      await doctor.getByRole('button', { name: 'Save as version 1' }).click();
      await expectVisible(doctor.getByRole('list', { name: 'Pacing' }).getByText('Today: aim for 16 minutes of walking.'), 'today\'s quota in the chart');
      await expectVisible(goal.getByText('Getting better.'), 'the PEG goal getting better in the chart');

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
      await expectVisible(page.getByRole('list', { name: 'Pacing' }).getByText('Today: aim for 16 minutes of walking.'), 'today\'s quota for the patient');
      await expectVisible(page.getByRole('list', { name: 'Your goals' }).getByText('Getting better.'), 'the goal\'s progress for the patient');
      await expectVisible(page.getByText('On 1 of those days you took more than your plan allows.', { exact: false }), 'as-needed use over the allowance');
      const logCycling = page.getByRole('form', { name: 'Log a cycling session before you start' });
      const cyclingAmount = logCycling.getByRole('spinbutton', { name: 'How much (minutes)' });
      await cyclingAmount.fill('2000');
      await logCycling.getByRole('button', { name: 'Save session' }).click();
      // The server's reason, on the field it is about.
      await expectVisible(logCycling.getByText('A day has 1440 minutes.'), 'the refused amount explained');
      if (await cyclingAmount.getAttribute('aria-invalid') !== 'true') throw new Error('the refused amount is not marked invalid');
      await cyclingAmount.fill('12');
      await logCycling.getByRole('button', { name: 'Save session' }).click();
      await expectVisible(page.getByText('Saved your cycling session.'), 'a baseline session the patient logged');
      await page.getByRole('combobox', { name: 'Do you have naloxone?' }).selectOption('yes');
      await page.getByRole('textbox', { name: 'Where is it kept?' }).fill('Kitchen drawer');
      await page.getByRole('button', { name: 'Save my answer' }).click();
      await expectVisible(page.getByText('Saved your naloxone answer.'), 'the saved naloxone answer');
      await expectFocused(page.getByRole('button', { name: 'Save my answer' }), 'the naloxone button again after saving');
      await checkPage(page, 'my-plan-progress', violations);

      await chart.openTab('Medicines');
      await expectVisible(doctor.getByText('Has naloxone: Kitchen drawer'), 'the naloxone answer in the chart');
      await expectVisible(doctor.getByRole('list', { name: 'Medicines taken as needed' }).getByText(/3 as-needed doses on 1 of \d+ days; over the allowance on 1 day;/), 'as-needed use in the chart');
      await checkPage(doctor, 'chart-medicines-naloxone', violations);
    },
  },
  {
    name: 'a patient away from home sees when they answered the naloxone check in their own time zone',
    async run(world, violations) {
      // James Carter lives in New York; his phone is in Tokyo. 03:00 UTC on 1 March is 28 February in New York.
      const page = await (await world.browser.newContext({ baseURL: world.server.baseUrl, viewport: { width: 390, height: 844 }, locale: 'en-US', timezoneId: 'Asia/Tokyo' })).newPage();
      const signIn = new SignInPage(page);
      await signIn.open();
      await signIn.signIn('james.carter@demo.painwise.test', DEMO_PASSWORD);
      await page.route(/\/naloxone-check$/, (route) => route.request().method() === 'GET'
        ? route.fulfill({ status: 200, contentType: 'application/json', headers: { etag: '"1"' }, body: JSON.stringify({ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', version: 1, updatedAt: '2026-03-01T03:00:00.000Z', hasNaloxone: true, location: 'Bathroom cabinet' }) })
        : route.continue());
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
      await expectVisible(page.getByText('Last answered Feb 28, 2026.'), 'the answer dated in New York, not Tokyo (Mar 1)');
      await checkPage(page, 'my-plan-naloxone-zone', violations);
    },
  },
  {
    name: 'the patient journey with the keyboard only',
    async run(world, violations) {
      const page = await (await newContext(world)).newPage();
      await page.goto('/sign-up');
      await expectVisible(page.getByRole('heading', { name: 'Create your account' }), 'the sign-up page');
      // Skip link first, then the fields in order.
      await page.keyboard.press('Tab');
      await expectVisible(page.getByRole('link', { name: 'Skip to main content' }), 'the skip link');
      // Sending the form empty: focus lands on the first field to fix, which says why in words.
      await page.getByRole('button', { name: 'Create account' }).focus();
      await page.keyboard.press('Enter');
      await expectVisible(page.locator('input[name="displayName"]:focus'), 'focus on the first refused field');
      await expectVisible(page.getByText('Enter a name.').first(), 'why the name was refused, in words');
      await page.getByRole('textbox', { name: 'Your name' }).focus();
      await page.keyboard.type('Kim Keyboard');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`kim-${unique()}@example.test`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab'); // past the hint to the password field? (the hint is not focusable)
      const focusedName = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
      if (focusedName !== 'password') await page.getByLabel('Password', { exact: true }).focus();
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');
      await expectVisible(page.getByRole('heading', { name: 'Today' }), 'Today after a keyboard sign-up');
      // Navigate to Sharing with Tab + Enter.
      for (let i = 0; i < 25; i++) {
        await page.keyboard.press('Tab');
        const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
        if (text === 'Sharing') break;
      }
      await page.keyboard.press('Enter');
      await expectVisible(page.getByRole('heading', { name: 'Sharing', level: 1 }), 'the sharing page by keyboard');
      await page.getByRole('textbox', { name: 'Clinic share code' }).focus();
      await page.keyboard.type(world.demo.clinic.shareCode);
      await page.keyboard.press('Enter');
      await expectVisible(page.getByRole('list', { name: 'Clinics' }).getByText(world.demo.clinic.name), 'the clinic after a keyboard share');
      await checkPage(page, 'sharing-keyboard', violations);
      // A check-in by keyboard: a rating by arrow keys, a body region reached with Tab and toggled with Space.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).focus();
      await page.keyboard.press('Enter');
      await expectVisible(page.getByRole('heading', { name: 'Check in', level: 1 }), 'the check-in by keyboard');
      await page.getByRole('radio', { name: /^3 — / }).focus();
      await page.keyboard.press('ArrowRight');
      await expectVisible(page.getByRole('radio', { name: /^4 — /, checked: true }), 'the rating moved with the arrow key');
      let region = '';
      for (let i = 0; i < 40 && !region; i++) {
        await page.keyboard.press('Tab');
        region = await page.evaluate(() => (document.activeElement?.getAttribute('role') === 'checkbox' && document.activeElement.tagName === 'rect' ? document.activeElement.getAttribute('aria-label') ?? '' : ''));
      }
      if (!region) throw new Error('Tab never reached a body-map region');
      // The figure is one Tab stop; the arrow keys move between regions.
      await page.keyboard.press('ArrowDown');
      const moved = await page.waitForFunction((from) => {
        const label = document.activeElement?.tagName === 'rect' ? document.activeElement.getAttribute('aria-label') : null;
        return label && label !== from ? label : null;
      }, region, { timeout: 5_000 }).catch(() => null);
      const below = moved ? String(await moved.jsonValue()) : '';
      if (!below) throw new Error(`expected ArrowDown to move from ${region} to another region`);
      region = below;
      await page.keyboard.press('Space');
      await expectVisible(page.getByRole('checkbox', { name: region, checked: true }), `${region} toggled with Space`);
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.tagName === 'rect')) throw new Error('Tab stayed inside the body map');
      await page.getByRole('button', { name: 'Save check-in' }).focus();
      await page.keyboard.press('Enter');
      await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after a keyboard check-in');
    },
  },
  {
    name: 'patient answers a PHQ-9 with item 9 = 1: crisis resources show at once, the result is explained, and the clinic gets an urgent alert',
    async run(world, violations) {
      const patient = world.demo.patients.filter((p) => p.sharing === 'active')[3]!;
      const page = await signedInAs(world, patient.email);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Questionnaires', level: 1 }), 'the questionnaires list');
      await checkPage(page, 'questionnaires', violations);
      await page.getByRole('link', { name: 'Start PHQ-9' }).click();
      for (let n = 1; n <= 8; n++) {
        await expectVisible(page.getByText(`Question ${n} of 9`), `question ${n}`);
        if (n === 1) {
          await expectVisible(page.getByText(/^Attribution: PHQ-9 © Pfizer/), 'the attribution on a question screen');
          await checkPage(page, 'questionnaire-item', violations);
        }
        await page.getByRole('radio', { name: 'Not at all' }).check();
        await page.getByRole('button', { name: 'Next' }).click();
      }
      await expectVisible(page.getByText('Question 9 of 9'), 'question 9');
      await page.getByRole('radio', { name: 'Several days' }).check();
      // Shown the moment the answer is chosen, before anything is sent.
      await expectVisible(page.getByRole('alert').getByText(/988 Suicide & Crisis Lifeline/), 'crisis resources on choosing item 9 = 1');
      await checkPage(page, 'questionnaire-crisis', violations);
      await page.getByRole('button', { name: 'Next' }).click();
      await expectVisible(page.getByRole('heading', { name: /Review your answers/ }), 'the review screen');
      await checkPage(page, 'questionnaire-review', violations);
      await page.getByRole('button', { name: 'Send answers' }).click();
      await expectVisible(page.getByRole('heading', { name: /Your result/ }), 'the result');
      await expectVisible(page.getByText('Your care team has been told so they can contact you.'), 'the care team was told');
      await expectVisible(page.getByText(/None or minimal/), 'the band in plain language');
      await checkPage(page, 'questionnaire-result', violations);
      // Their own history words the item-9 flag for them and points to help; the clinician's instruction is not theirs.
      await page.getByRole('link', { name: 'History', exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: 'History — PHQ-9', level: 1 }), 'the PHQ-9 history');
      const history = page.getByRole('table', { name: 'PHQ-9 results over time' });
      await expectVisible(history.getByText(/You said you had thoughts of being better off dead or of hurting yourself/), 'the item-9 flag in the patient\'s words');
      if (await page.getByText(/assess suicide risk/).count() !== 0) throw new Error('the patient was shown the clinician\'s item-9 instruction');
      await history.getByRole('link', { name: 'see the support resources' }).first().click();
      await expectVisible(page.getByRole('region', { name: 'You are not alone — help is available now' }).getByText(/988 Suicide & Crisis Lifeline/), 'the crisis resources on the history page');
      await checkPage(page, 'questionnaire-history-crisis', violations);
      // On a phone the chart's labels stay legible and the time axis names its first and last dates.
      await page.setViewportSize({ width: 390, height: 844 });
      const dates = await history.locator('tbody tr td:first-child').allTextContents();
      const legible = await page.waitForFunction(([newest, oldest]) => {
        const labels = [...document.querySelectorAll<SVGTextElement>('svg.chart text')];
        const px = labels.map((l) => Number.parseFloat(getComputedStyle(l).fontSize) * (l.getScreenCTM()?.a ?? 0));
        const texts = labels.map((l) => l.textContent ?? '').join(' | ');
        return px.length > 0 && Math.min(...px) >= 12 && texts.includes(oldest!) && texts.includes(newest!) ? true : null;
      }, [dates[0], dates.at(-1)], { timeout: 5_000 }).catch(() => null);
      if (!legible) {
        const found = await page.evaluate(() => [...document.querySelectorAll<SVGTextElement>('svg.chart text')].map((l) => `${l.textContent} at ${(Number.parseFloat(getComputedStyle(l).fontSize) * (l.getScreenCTM()?.a ?? 0)).toFixed(1)} px`));
        throw new Error(`expected chart labels of at least 12 px naming ${dates.at(-1)} and ${dates[0]} at 390 px wide, got ${found.join('; ')}`);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      // A licensed instrument the clinic has not enabled is not shown, even at its own address.
      await page.goto('/questionnaires/promis-pi-4a');
      await expectVisible(page.getByText('Needs a licence from your clinic before it can be shown here.'), 'the licence guard on a typed address');
      if (await page.getByRole('radio').count() !== 0) throw new Error('items of an unlicensed instrument were shown');

      const doctor = await signedInAs(world, 'physician@demo.painwise.test');
      // Today starts a clinician at the clinic's open alerts, urgent ones counted.
      const clinicCard = doctor.getByRole('region', { name: world.demo.clinic.name });
      await expectVisible(clinicCard.getByText(/open alerts?, [1-9]\d* urgent\./), 'the urgent alert counted on Today');
      await checkPage(doctor, 'today-clinician', violations);
      await clinicCard.getByRole('link', { name: 'Alerts' }).click();
      const alert = doctor.getByRole('list', { name: 'Open alerts' }).getByRole('listitem').filter({ hasText: patient.name }).filter({ hasText: 'PHQ-9 item 9 above 0' }).first();
      await expectVisible(alert.getByText('Urgent:'), 'the urgent alert in the clinic inbox, in words');
      await checkPage(doctor, 'clinic-alerts-open', violations);
      // Acknowledging is confirmed first; keeping it open puts focus back on the button.
      await alert.getByRole('button', { name: `Acknowledge alert for ${patient.name}` }).click();
      await expectVisible(doctor.locator('button:focus').filter({ hasText: 'Yes, acknowledge' }), 'focus on the confirmation');
      await doctor.getByRole('button', { name: 'Keep it open' }).click();
      await expectVisible(doctor.locator('button:focus').filter({ hasText: `Acknowledge alert for ${patient.name}` }), 'focus back on the button');
      // The patient's name opens their chart.
      await alert.getByRole('link', { name: patient.name }).click();
      await expectVisible(doctor.getByRole('heading', { name: patient.name, level: 1 }), 'the patient\'s chart from the alert');

      // The admin sees which licensed instruments are switched off.
      const admin = await signedInAs(world, 'admin@demo.painwise.test');
      await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instruments' }).click();
      await expectVisible(admin.getByRole('heading', { name: 'Instruments and licences' }), 'the licences page');
      await checkPage(admin, 'instrument-licences', violations);
    },
  },
  {
    name: 'clinician assigns questionnaires and reads results with band labels, attribution and completion',
    async run(world, violations) {
      const james = world.demo.patients[1]!; // PEG, PHQ-9, GAD-7 and ODI (licensed) in the demo
      const doctor = await signedInAs(world, 'physician@demo.painwise.test');
      const chart = new PatientChartPage(doctor);
      await chart.open(james.name);
      await chart.openTab('Questionnaires');
      const results = doctor.getByRole('region', { name: 'Results' });
      // The latest PHQ-9's band as the definition labels it, not its id.
      const pid = doctor.url().split('/').pop()!;
      const expected = await doctor.evaluate(async (patientId) => {
        const last = (await (await fetch(`/api/patients/${patientId}/instrument-responses?instrument=phq-9&limit=1`)).json()).items[0];
        const definition = await (await fetch(`/api/instruments/phq-9?patientId=${patientId}`)).json();
        return { id: last.band as string, label: definition.bands.find((b: { id: string }) => b.id === last.band).label as string };
      }, pid);
      const phq9 = results.getByRole('listitem').filter({ hasText: /^PHQ-9 — / });
      await expectVisible(phq9.getByText(`(${expected.label})`, { exact: false }), `the PHQ-9 band "${expected.label}"`);
      if ((await phq9.textContent())!.includes(`(${expected.id})`)) throw new Error(`the raw band id "${expected.id}" is shown`);
      await expectVisible(results.getByRole('listitem').filter({ hasText: /^ODI — / }).getByText(/Oswestry Disability Index © Jeremy Fairbank/), 'the licensed ODI\'s attribution');
      await expectVisible(phq9.getByText(/PHQ-9 © Pfizer/), 'the PHQ-9 attribution');
      // Demo assignments start tomorrow: nothing has fallen due, which is not "0 of 0 completed".
      const assigned = doctor.getByRole('region', { name: 'Assigned' });
      await expectVisible(assigned.getByText(/PEG — none due yet/), 'a PEG assignment not yet due');
      if (await assigned.getByText(/0 of 0/).count() !== 0) throw new Error('an assignment reads "0 of 0"');
      await checkPage(doctor, 'chart-questionnaires', violations);

      await results.getByRole('button', { name: 'History — PHQ-9' }).click();
      const heading = doctor.getByRole('heading', { name: 'History — PHQ-9', level: 3 });
      await expectVisible(heading, 'the PHQ-9 history in the chart');
      if (!(await heading.evaluate((h) => h === document.activeElement))) throw new Error('focus did not move to the opened history');
      await expectVisible(results.getByText(/within 5 points of the patient's first result/), 'the clinician\'s caption');
      if (await results.getByText(/your first result/).count() !== 0) throw new Error('the clinician\'s chart speaks to the patient');
      await results.getByRole('button', { name: 'History — ODI' }).click();
      await expectVisible(doctor.getByRole('heading', { name: 'History — ODI', level: 3 }), 'the ODI history in the chart');
      if (await results.getByText(/Oswestry Disability Index © Jeremy Fairbank/).count() !== 2) throw new Error('the ODI history shows no attribution');
      await checkPage(doctor, 'chart-questionnaire-history', violations);

      // A GAD-7 due an hour ago: the toast names it; once the job runner makes it due and James answers, it reads 1 of 1.
      const form = doctor.getByRole('region', { name: 'Assign a questionnaire' });
      await form.getByRole('combobox', { name: 'Questionnaire' }).selectOption('gad-7');
      await form.getByRole('combobox', { name: 'When' }).selectOption('once');
      const anHourAgo = await doctor.evaluate(() => { const d = new Date(Date.now() - 3_600_000); return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16); });
      await form.getByLabel('Due').fill(anHourAgo);
      await form.getByRole('button', { name: 'Assign' }).click();
      await expectVisible(doctor.getByText('GAD-7 assigned.'), 'the toast naming GAD-7');
      // The job runner (every 5 s) makes it due: reopen the tab until the list shows it.
      for (let attempt = 1; ; attempt++) {
        await chart.openTab('Overview');
        await chart.openTab('Questionnaires');
        try {
          await expectVisible(assigned.getByText(/GAD-7 — completed 0 of 1 due so far/), 'the GAD-7 assignment due and not yet answered', 2_000);
          break;
        } catch (error) { if (attempt === 10) throw error; }
      }
      const patient = await signedInAs(world, james.email);
      const status = await patient.evaluate(async () => {
        const me = await (await fetch('/api/me')).json();
        return (await fetch(`/api/patients/${me.patient.id}/instrument-responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ instrumentId: 'gad-7', answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1 } }) })).status;
      });
      if (status !== 201) throw new Error(`James's GAD-7 was not saved (${status})`);
      await chart.openTab('Overview');
      await chart.openTab('Questionnaires');
      await expectVisible(assigned.getByText(/GAD-7 — completed 1 of 1 due so far/), 'the GAD-7 assignment completed');
      // Cancelling leaves the list at once and can be undone while the toast shows.
      await assigned.getByRole('button', { name: 'Cancel GAD-7' }).click();
      await assigned.getByText(/GAD-7 — completed/).waitFor({ state: 'detached' });
      await doctor.getByRole('button', { name: 'Undo' }).click();
      await expectVisible(assigned.getByText(/GAD-7 — completed 1 of 1 due so far/), 'the GAD-7 assignment back after Undo');
    },
  },
  {
    name: 'body map zoom: hands, feet and spine become large targets and keep what was selected',
    async run(world, violations) {
      const patient = world.demo.patients.filter((p) => p.sharing === 'active')[4]!;
      const page = await signedInAs(world, patient.email);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
      await page.getByRole('radio', { name: 'Hands' }).click();
      const leftHand = page.getByRole('checkbox', { name: 'Hand, left' });
      await expectVisible(leftHand, 'the left hand in the zoomed view');
      const box = await leftHand.boundingBox();
      if (!box || box.width < 44 || box.height < 44) throw new Error(`zoomed hand is only ${box?.width}×${box?.height} px`);
      await leftHand.click();
      await checkPage(page, 'body-map-hands', violations);
      await page.getByRole('radio', { name: 'Spine' }).click();
      await page.getByRole('checkbox', { name: /Lumbar spine/ }).press('Space');
      await expectVisible(page.getByRole('checkbox', { name: /Lumbar spine/, checked: true }), 'the lumbar spine selected with Space in the zoomed view');
      await page.getByRole('radio', { name: 'Whole body' }).click();
      await page.getByRole('radio', { name: 'Back' }).click();
      await expectVisible(page.getByRole('checkbox', { name: 'Hand, left', checked: true }), 'the left hand still selected on the whole figure');
      await expectVisible(page.getByRole('checkbox', { name: /Lumbar spine/, checked: true }), 'the lumbar spine still selected on the whole figure');
    },
  },
];

const world = await startWorld();
let passed = 0;
let failed = 0;
const allViolations: string[] = [];
try {
  // E2E_ONLY=<text> runs only the journeys whose name contains it (for working on one journey).
  for (const journey of journeys.filter((j) => !process.env.E2E_ONLY || j.name.includes(process.env.E2E_ONLY))) {
    const violations: string[] = [];
    const t0 = performance.now();
    try {
      await journey.run(world, violations);
      if (violations.length > 0) throw new Error(`accessibility violations:\n    ${violations.join('\n    ')}`);
      passed += 1;
      console.log(`✓ ${journey.name} (${Math.round(performance.now() - t0)} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`✗ ${journey.name}\n    ${(error as Error).message}`);
    }
    allViolations.push(...violations);
  }
} finally {
  await world.close();
}
console.log(`axe: ${allViolations.length} violation(s) on the pages visited; screenshots in e2e/screenshots/`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
