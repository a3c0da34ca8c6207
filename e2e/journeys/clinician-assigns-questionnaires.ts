import { checkPage, expectFocused, expectVisible } from '../harness.ts';
import { PatientChartPage } from '../pages/pages.ts';
import { type Journey, signedInAs, wallClockIn } from './journey.ts';

export const journey: Journey = {
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
    await expectVisible(
      results
        .getByRole('listitem')
        .filter({ hasText: /^ODI — / })
        .getByText(/Oswestry Disability Index © Jeremy Fairbank/),
      "the licensed ODI's attribution",
    );
    await expectVisible(phq9.getByText(/PHQ-9 © Pfizer/), 'the PHQ-9 attribution');
    // Demo assignments start tomorrow: nothing has fallen due, which is not "0 of 0 completed".
    const assigned = doctor.getByRole('region', { name: 'Assigned' });
    await expectVisible(assigned.getByText(/PEG — none due yet/), 'a PEG assignment not yet due');
    if ((await assigned.getByText(/0 of 0/).count()) !== 0) throw new Error('an assignment reads "0 of 0"');
    await checkPage(doctor, 'chart-questionnaires', violations);

    await results.getByRole('button', { name: 'History — PHQ-9' }).click();
    const heading = doctor.getByRole('heading', { name: 'History — PHQ-9', level: 3 });
    await expectVisible(heading, 'the PHQ-9 history in the chart');
    if (!(await heading.evaluate((h) => h === document.activeElement))) throw new Error('focus did not move to the opened history');
    await expectVisible(results.getByText(/within 5 points of the patient's first result/), "the clinician's caption");
    if ((await results.getByText(/your first result/).count()) !== 0) throw new Error("the clinician's chart speaks to the patient");
    await results.getByRole('button', { name: 'History — ODI' }).click();
    await expectVisible(doctor.getByRole('heading', { name: 'History — ODI', level: 3 }), 'the ODI history in the chart');
    if ((await results.getByText(/Oswestry Disability Index © Jeremy Fairbank/).count()) !== 2)
      throw new Error('the ODI history shows no attribution');
    await checkPage(doctor, 'chart-questionnaire-history', violations);

    // A GAD-7 due an hour ago: the toast names it; once the job runner makes it due and James answers, it reads 1 of 1.
    const form = doctor.getByRole('region', { name: 'Assign a questionnaire' });
    await form.getByRole('combobox', { name: 'Questionnaire' }).selectOption('gad-7');
    await form.getByRole('combobox', { name: 'When' }).selectOption('once');
    // Without a time it is refused: the error summary takes focus, and its link leads to the time.
    await form.getByLabel(`Due (${james.timeZone})`).fill('');
    await form.getByRole('button', { name: 'Assign' }).click();
    const summary = form.getByRole('alert').filter({ has: doctor.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(summary, 'the error summary after an assignment without a time');
    await summary.getByRole('link', { name: 'Enter a date and time.' }).click();
    await expectFocused(form.getByLabel(`Due (${james.timeZone})`), 'the due time, from the summary link');
    // The form reads the time on James's clock (New York), not the browser's (Berlin).
    await form.getByLabel(`Due (${james.timeZone})`).fill(wallClockIn(james.timeZone, -3_600_000));
    await form.getByRole('button', { name: 'Assign' }).click();
    await expectVisible(doctor.getByText('GAD-7 assigned.'), 'the toast naming GAD-7');
    // The job runner (every 5 s) makes it due: reopen the tab until the list shows it.
    for (let attempt = 1; ; attempt++) {
      await chart.openTab('Overview');
      await chart.openTab('Questionnaires');
      try {
        await expectVisible(
          assigned.getByText(/GAD-7 — completed 0 of 1 due so far/),
          'the GAD-7 assignment due and not yet answered',
          2_000,
        );
        break;
      } catch (error) {
        if (attempt === 10) throw error;
      }
    }
    const patient = await signedInAs(world, james.email);
    const status = await patient.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      return (
        await fetch(`/api/patients/${me.patient.id}/instrument-responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ instrumentId: 'gad-7', answers: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1 } }),
        })
      ).status;
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
};
