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

    // A block diary for the patient (procedure 20 minutes ago): the due reading and its form are hers.
    const label = 'Right L4–L5 medial branch block';
    const started = await page.evaluate(async (procedureLabel) => {
      const me = await (await fetch('/api/me')).json();
      const patients = await (await fetch('/api/patients')).json();
      const { id: pid, timeZone } = patients[0].patient;
      // A UUIDv7 made here, as the app's own outbox would.
      const hex = [...crypto.getRandomValues(new Uint8Array(10))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const ms = Date.now().toString(16).padStart(12, '0');
      const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex.slice(0, 3)}-${((parseInt(hex[3]!, 16) & 3) | 8).toString(16)}${hex.slice(4, 7)}-${hex.slice(7, 19)}`;
      const procedureAt = new Date(Date.now() - 20 * 60_000).toISOString();
      const res = await fetch(`/api/patients/${pid}/block-diaries/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ procedureLabel, procedureAt, timeZone, baselineIntensity: 7, readings: [] }),
      });
      return res.ok ? '' : `${res.status} ${await res.text()}`;
    }, label);
    if (started) throw new Error(`starting the block diary as the caregiver failed: ${started}`);
    await nav.getByRole('link', { name: 'Block diary' }).click();
    await expectVisible(
      page.getByRole('status').filter({ hasText: `${patient}'s reading at 15 minutes for ${label} is due now.` }),
      "the due reading, told as the patient's",
    );
    await page.getByRole('link', { name: 'Record the reading at 15 minutes now' }).click();
    await expectVisible(
      page.getByRole('spinbutton', { name: `How much relief does ${patient} feel, in percent? (optional)` }),
      'the relief question asked about the patient',
    );
    if ((await page.getByText(/\byour reading\b|\bdo you feel\b/i).count()) !== 0)
      throw new Error("the block diary speaks of the patient's readings as the caregiver's");
    await checkPage(page, 'block-diary-caregiver', violations);
  },
};
