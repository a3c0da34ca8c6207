import { checkPage, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
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
        method: 'PUT',
        headers,
        body: JSON.stringify({ procedureLabel, procedureAt, timeZone: me.patient.timeZone, baselineIntensity: 7, readings: [] }),
      });
      if (!diary.ok) throw new Error(`starting the block diary failed: ${diary.status} ${await diary.text()}`);
      const invited = await fetch(`/api/patients/${me.patient.id}/caregivers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ label: 'My brother', scopes: ['read'] }),
      });
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
    await expectVisible(
      page.getByRole('status').filter({ hasText: `A reading is due for ${label}: the one at 15 minutes.` }),
      "the due reading, told as someone else's",
    );
    await expectVisible(page.getByRole('link', { name: `Open the block diary for ${label}` }), 'a link to open the diary (not to record)');
    if ((await page.getByRole('button', { name: 'Start a block diary' }).count()) !== 0)
      throw new Error('a read-only caregiver was offered to start a block diary');
    if ((await page.getByRole('link', { name: /^Record the reading/ }).count()) !== 0)
      throw new Error('a read-only caregiver was offered to record a reading from the list');
    await checkPage(page, 'block-diaries-read-only-caregiver', violations);

    await page.getByRole('link', { name: `Open the block diary for ${label}` }).click();
    await expectVisible(page.getByRole('heading', { name: label, level: 1 }), 'the diary page');
    await expectVisible(page.getByText('You can read this diary, but not change it.'), 'the read-only note');
    await expectVisible(
      page.getByRole('status').filter({ hasText: 'A reading is due: the one at 15 minutes.' }),
      'the due reading on the diary page',
    );
    if ((await page.getByRole('button', { name: /^(Record|Change) the reading/ }).count()) !== 0)
      throw new Error('a read-only caregiver was offered to record a reading');
    // Even a link made for someone who may write does not open the reading form.
    const diaryPath = new URL(page.url()).pathname;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Block diary' }).click();
    await expectVisible(page.getByRole('link', { name: `Open the block diary for ${label}` }), 'the list again');
    await page.evaluate((path) => {
      history.pushState(null, '', `${path}?record=15`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, diaryPath);
    await expectVisible(page.getByRole('heading', { name: label, level: 1 }), 'the diary page opened with ?record=15');
    if ((await page.getByRole('form', { name: 'Reading at 15 minutes' }).count()) !== 0)
      throw new Error('?record= opened the reading form for a read-only caregiver');
    await checkPage(page, 'block-diary-read-only-caregiver', violations);
  },
};
