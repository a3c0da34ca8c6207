import { checkPage, expectVisible } from '../harness.ts';
import { PatientChartPage } from '../pages/pages.ts';
import { type Journey, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'clinician reads a long diary in the chart, most recent first, and shows older check-ins',
  async run(world, violations) {
    const patient = world.demo.patients.filter((p) => p.sharing === 'active')[0]!;
    const doctor = await signedInAs(world, 'physician@demo.painwise.test');
    const chart = new PatientChartPage(doctor);
    await chart.open(patient.name);
    // The Overview opens on the one-screen summary of the latest 90 days, the report's clinical sections.
    const summary = doctor.getByTestId('chart-summary');
    await expectVisible(summary.getByRole('heading', { level: 2, name: /^Summary, \d{4}-\d{2}-\d{2} to / }), 'the one-screen summary');
    for (const heading of ['Open alerts', 'Pain and function trends', 'Medicines and MME', 'Questionnaires', 'Questions for the visit'])
      await expectVisible(summary.getByRole('heading', { level: 3, name: heading }), `the summary's ${heading} section`);
    await expectVisible(summary.getByRole('button', { name: 'Print the summary' }), 'the print button');
    await checkPage(doctor, 'clinician-summary', violations);
    await chart.openTab('Diary');
    const shown = doctor.getByText(/^The (\d+) most recent of (\d+) check-ins\.$/);
    await expectVisible(shown, 'how many check-ins are shown');
    const [, first, total] = /The (\d+) most recent of (\d+)/.exec((await shown.textContent())!)!;
    if (Number(first) !== 100 || Number(total) <= 100)
      throw new Error(`expected the first 100 of a diary of more than 100, got ${first} of ${total}`);
    const items = doctor.getByRole('list', { name: 'Diary' }).getByRole('listitem');
    const dates = await items.evaluateAll((lis) => lis.map((li) => /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.exec(li.textContent ?? '')?.[0] ?? ''));
    if (dates.some((d, i) => i > 0 && d > dates[i - 1]!)) throw new Error('expected the chart diary newest first');
    // Each check-in says who entered it (a caregiver journey may have added the newest one).
    await expectVisible(items.first().getByText(/^Entered by (the patient|a caregiver|the clinic)$/), 'who entered the newest check-in');
    await expectVisible(items.getByText('Entered by the patient', { exact: true }).first(), "the patient's own check-ins named as theirs");
    await doctor.getByRole('button', { name: 'Show older check-ins' }).click();
    await expectVisible(doctor.locator('#chart-entry-100:focus'), 'focus on the first older check-in');
    if ((await items.count()) !== Math.min(200, Number(total)))
      throw new Error(`expected ${Math.min(200, Number(total))} check-ins after showing older ones`);
    await checkPage(doctor, 'patient-chart-diary', violations);
  },
};
