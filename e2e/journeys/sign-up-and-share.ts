import { checkPage, expectVisible, newContext } from '../harness.ts';
import type { Page } from 'playwright-core';
import { PatientChartPage, SharingPage, SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD, signedInAs, wallClockIn } from './journey.ts';

export const journey: Journey = {
  name: 'patient signs up, shares with the demo clinic, and the physician sees them',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await checkPage(page, 'sign-up', violations);
    const name = `Pat ${unique()}`;
    // Text that names no zone is explained beside the field once the person leaves it.
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Atlantis');
    await page.getByRole('combobox', { name: 'Time zone' }).press('Tab');
    await expectVisible(page.getByText('"Atlantis" is not a time zone we know.', { exact: false }), 'the unknown zone explained');
    // The browser is in Berlin; the patient lives in New York and finds it by the city's name.
    await signUp.pickTimeZone('new york', 'America/New_York');
    await checkPage(page, 'sign-up-time-zone', violations);
    await signUp.signUp(name, `pat-${unique()}@example.test`, PASSWORD);
    await checkPage(page, 'today-patient', violations);
    const sharing = new SharingPage(page);
    await sharing.open();
    await sharing.shareWithClinic(world.demo.clinic.shareCode.toLowerCase(), world.demo.clinic.name);
    await checkPage(page, 'sharing', violations);

    const doctor = await signedInAs(world, 'physician@demo.painwise.test');
    await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await expectVisible(doctor.getByRole('rowheader', { name }), `${name} in the physician's patient list`);
    await checkPage(doctor, 'clinic-patients', violations);
    await doctor.getByRole('link', { name }).click();
    await expectVisible(doctor.getByRole('heading', { name, level: 1 }), `${name}'s chart`);
    await checkPage(doctor, 'patient-chart', violations);
    await expectVisible(doctor.getByRole('heading', { name: 'Last 28 days', level: 2 }), 'the overview\'s trend, not "Your last 28 days"');
    // The chart's tabs work as tabs do: arrows move and select, only the selected one is in the Tab order.
    await doctor.getByRole('tab', { name: 'Overview' }).focus();
    await doctor.keyboard.press('ArrowRight');
    await expectVisible(
      doctor.locator('[role="tab"][aria-selected="true"]:focus').filter({ hasText: 'Diary' }),
      'ArrowRight selecting the Diary tab',
    );
    await expectVisible(doctor.getByText('No check-ins yet.'), 'the empty diary of a new patient');
    await doctor.keyboard.press('End');
    await expectVisible(
      doctor.locator('[role="tab"][aria-selected="true"]:focus').filter({ hasText: 'Medicines' }),
      'End selecting the last tab',
    );
    await doctor.keyboard.press('Home');
    await doctor.keyboard.press('ArrowRight');
    await expectVisible(doctor.getByText('No check-ins yet.'), 'back on the Diary tab by keyboard');
    await assignDueAtNoonInPatientZone(doctor, violations);
    await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await expectVisible(doctor.getByRole('heading', { name: /Alerts at/ }), 'the alerts inbox');
    await checkPage(doctor, 'clinic-alerts', violations);

    // The patient sees the physician's visit in their access log.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Who looked' }).click();
    await expectVisible(page.getByRole('cell', { name: /Dr\. Priya Raman/ }), 'the physician in the access log');
    // What they did, in words (not the recorded id such as patient.read).
    await expectVisible(page.getByRole('cell', { name: 'Opened the record' }).first(), "the physician's action in words");
    if ((await page.getByRole('cell', { name: /^[a-z_-]+\.[a-z_.-]+$/ }).count()) !== 0)
      throw new Error('an action id was shown instead of words');
    // It opens on other people: the patient's own sharing and reading are left out until asked for.
    if ((await page.getByRole('cell', { name: `${name} (you)` }).count()) !== 0)
      throw new Error("the patient's own actions are listed under Other people");
    await page.getByRole('radio', { name: 'Everyone including you' }).click();
    await expectVisible(page.getByRole('cell', { name: `${name} (you)` }).first(), "the patient's own actions under Everyone");
    await checkPage(page, 'access-log', violations);
  },
};

/** A PEG due at 12:00 tomorrow reads 12:00 on the patient's New York clock, with the zone shown, in a Berlin browser. */
async function assignDueAtNoonInPatientZone(doctor: Page, violations: string[]) {
  const chart = new PatientChartPage(doctor);
  await chart.openTab('Questionnaires');
  const form = doctor.getByRole('region', { name: 'Assign a questionnaire' });
  await form.getByRole('combobox', { name: 'When' }).selectOption('once');
  const tomorrow = wallClockIn('America/New_York', 86_400_000).slice(0, 10);
  await form.getByRole('textbox', { name: 'Due (America/New_York)' }).fill(`${tomorrow}T12:00`);
  await form.getByRole('button', { name: 'Assign' }).click();
  await expectVisible(doctor.getByText('PEG assigned.'), 'the toast naming PEG');
  const [year, month, day] = tomorrow.split('-').map(Number) as [number, number, number];
  const date = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day, 12),
  );
  await expectVisible(
    doctor.getByRole('region', { name: 'Assigned' }).getByText(new RegExp(`PEG — none due yet · next due ${date}, 12:00\\sPM E[SD]T`)),
    `PEG next due ${date}, 12:00 PM New York time with its zone`,
  );
  await checkPage(doctor, 'chart-assign-in-patient-zone', violations);
}
