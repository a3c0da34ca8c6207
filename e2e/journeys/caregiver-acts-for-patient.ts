import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, signedInAs } from './journey.ts';

export const journey: Journey = {
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
    await expectVisible(
      page
        .getByRole('list', { name: 'Diary' })
        .getByText(/^3\/10/)
        .first(),
      "the caregiver's check-in in the diary",
    );
    const source = await page.evaluate(async () => {
      const patients = await (await fetch('/api/patients')).json();
      const pulled = await (await fetch(`/api/patients/${patients[0].patient.id}/diary-entries`)).json();
      return pulled.items.find((i: { entry: { notes: string } | null }) => i.entry?.notes === 'entered by Rosa')?.entry.provenance.source;
    });
    if (source !== 'caregiver') throw new Error(`expected the entry's source to be caregiver, got ${source}`);
  },
};
