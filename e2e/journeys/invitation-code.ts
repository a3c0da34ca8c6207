import { checkPage, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD, signedInAs } from './journey.ts';

export const journey: Journey = {
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
};
