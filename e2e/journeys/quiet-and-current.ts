// A first visit logs no errors in the browser's console; a patient sees no licence jargon; and in a
// patient's chart, a message about what was just done goes away on switching tabs.
import { DEMO_PASSWORD, expectVisible, newContext } from '../harness.ts';
import { PatientChartPage, SharingPage, SignInPage, SignUpPage } from '../pages/pages.ts';
import { uniqueSuffix, type Journey } from './journey.ts';

export const quietAndCurrentJourney: Journey = {
  name: 'a first visit logs no console errors, patients see no licence jargon, and a chart tab switch clears the last status message',
  async run(world) {
    const page = await (await newContext(world)).newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    const signUp = new SignUpPage(page);
    await signUp.open();
    if (consoleErrors.length > 0) throw new Error(`the signed-out start logged console errors: ${consoleErrors.join('; ')}`);
    const name = `Quinn ${uniqueSuffix()}`;
    await signUp.signUp(name, `quinn-${uniqueSuffix()}@example.test`, 'a calm and long passphrase');

    // A licensed questionnaire the clinic has not turned on, at its own address: said in plain words.
    await page.goto('/questionnaires/promis-pi-4a');
    await expectVisible(page.getByText('Not available to you yet.', { exact: false }), 'the questionnaire said to be unavailable');
    if (
      (await page
        .locator('main')
        .getByText(/licen[cs]e/i)
        .count()) !== 0
    )
      throw new Error('a patient is shown licence wording');

    const sharing = new SharingPage(page);
    await sharing.open();
    await sharing.shareWithClinic(world.demo.clinic.shareCode, world.demo.clinic.name);

    const doctor = await (await newContext(world)).newPage();
    const signIn = new SignInPage(doctor);
    await signIn.open();
    await signIn.signIn('physician@demo.painwise.test', DEMO_PASSWORD);
    const chart = new PatientChartPage(doctor);
    await chart.open(name);
    await chart.openTab('Questionnaires');
    const form = doctor.getByRole('region', { name: 'Assign a questionnaire' });
    await form.getByRole('combobox', { name: 'Questionnaire' }).selectOption('gad-7');
    await form.getByRole('combobox', { name: 'When' }).selectOption('once');
    const tomorrow = await doctor.evaluate(() => {
      const d = new Date(Date.now() + 86_400_000);
      return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    });
    await form.getByLabel('Due').fill(tomorrow);
    await form.getByRole('button', { name: 'Assign' }).click();
    const done = doctor.getByText('GAD-7 assigned.');
    await expectVisible(done, 'the assigned message');
    await chart.openTab('Overview');
    await done.waitFor({ state: 'detached', timeout: 2_000 }).catch(() => {
      throw new Error('"GAD-7 assigned." still shown on the Overview tab');
    });
  },
};
