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
    const patient = caregiver.forPatient;
    await expectVisible(page.getByRole('list', { name: 'Diary' }), `${patient}'s diary`);
    // Every screen speaks about the patient, by name: the record is theirs, not the caregiver's.
    await expectVisible(page.getByRole('heading', { level: 1, name: `${patient}'s diary` }), 'the diary named for the patient');
    await expectVisible(page.getByRole('heading', { level: 2, name: `${patient}'s check-ins` }), '"<patient>\'s check-ins"');
    await expectVisible(
      page.getByRole('link', { name: `Download ${patient}'s diary (CSV, every detail, can be imported again)` }),
      'the export named for the patient',
    );
    if ((await page.getByText('Your check-ins').count()) !== 0) throw new Error('the caregiver is told the check-ins are theirs');
    await checkPage(page, 'diary-caregiver', violations);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Flares' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: `${patient}'s flares` }), 'the flares named for the patient');
    await expectVisible(page.getByRole('heading', { name: `${patient}'s flares, newest first` }), "the patient's flare timeline");
    await nav.getByRole('link', { name: 'Plan' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: `${patient}'s plan` }), 'the plan named for the patient');
    await expectVisible(page.getByRole('heading', { level: 2, name: `${patient}'s goals` }), "the patient's goals");
    if ((await page.getByRole('heading', { name: /^(My plan|Your goals|Your medicines)$/ }).count()) !== 0)
      throw new Error("the patient's plan is headed as the caregiver's own");
    await nav.getByRole('link', { name: 'Check in' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: `Check in for ${patient}` }), 'the check-in for the patient');
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
    // The list says who entered each check-in: the caregiver's own as "you", the patient's by name.
    const diary = page.getByRole('list', { name: 'Diary' });
    await expectVisible(
      diary.getByRole('listitem').filter({ hasText: 'entered by Rosa' }).getByText('Entered by you', { exact: true }),
      "the caregiver's check-in entered by them",
    );
    await expectVisible(
      diary.getByRole('listitem').filter({ hasNotText: 'entered by Rosa' }).first().getByText(`Entered by ${patient}`, { exact: true }),
      "the patient's own check-in entered by the patient",
    );
  },
};
