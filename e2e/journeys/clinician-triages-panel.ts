import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, signedInAs } from './journey.ts';

// The demo's James Carter takes oxycodone with a benzodiazepine at 60 MME/day (see the demo loader).
export const journey: Journey = {
  name: 'physician triages the clinic panel: flags, search, filter and order',
  async run(world, violations) {
    const doctor = await signedInAs(world, 'physician@demo.painwise.test');
    await doctor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    const james = doctor.getByRole('row').filter({ has: doctor.getByRole('rowheader', { name: 'James Carter' }) });
    await expectVisible(james.getByText('Opioid with a benzodiazepine'), "James Carter's safety flag on the panel");
    await expectVisible(james.getByText('60', { exact: true }), "James Carter's MME/day");
    await checkPage(doctor, 'clinic-panel', violations);

    // Worst first: a patient with a safety flag comes before every patient whose only concern is a lapsed diary.
    const order = await doctor.getByRole('rowheader').allTextContents();
    const lapsed = await doctor.getByRole('row').filter({ hasText: 'No check-in for a while' }).getByRole('rowheader').allTextContents();
    // The demo has patients who never checked in, so the comparison is never empty.
    if (lapsed.length === 0) throw new Error('expected patients with a lapsed diary on the first page');
    const firstLapsed = Math.min(...lapsed.map((n) => order.indexOf(n)));
    if (order.indexOf('James Carter') > firstLapsed)
      throw new Error(`James Carter (flags) is listed after a patient with only a lapsed diary: ${order.join(', ')}`);

    await doctor.getByLabel('Show').selectOption({ label: 'With medicine safety flags' });
    await expectVisible(doctor.getByText(/^Patients 1–1 of 1\./), 'one patient with safety flags');
    await expectVisible(doctor.getByRole('rowheader', { name: 'James Carter' }), 'James Carter under the safety filter');

    await doctor.getByLabel('Show').selectOption({ label: 'All patients' });
    await doctor.getByLabel('Search by name').fill('kenJI');
    await expectVisible(doctor.getByText(/^Patients 1–1 of 1\./), 'the search narrowing to one patient');
    await expectVisible(doctor.getByRole('rowheader', { name: 'Kenji Tanaka' }), 'Kenji Tanaka found by part of his name');
    await doctor.getByLabel('Search by name').fill('nobody by this name');
    await expectVisible(doctor.getByText('No patient matches.'), 'the empty state of a search that finds no one');

    await doctor.getByLabel('Search by name').fill('');
    await doctor.getByLabel('Order').selectOption({ label: 'Name' });
    await expectVisible(doctor.getByRole('rowheader').first().getByText('Aisha Bello'), 'the list in name order');
    await doctor.getByRole('rowheader', { name: 'Kenji Tanaka' }).getByRole('link').click();
    await expectVisible(doctor.getByRole('heading', { name: 'Kenji Tanaka', level: 1 }), 'the chart opened from the panel');
  },
};
