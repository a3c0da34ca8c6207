import { checkPage, expectFocused, expectVisible, newContext } from '../harness.ts';
import { MedicinesTab, PatientChartPage, SharingPage, SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'clinician adds an opioid and a benzodiazepine, sees MME and the flag before saving, and the patient sees the plan',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    const name = `Paz ${unique()}`;
    await signUp.signUp(name, `paz-${unique()}@example.test`, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await expectVisible(page.getByText('Your care team has not written a plan with you yet.'), 'the empty plan of a new patient');
    await checkPage(page, 'my-plan-empty', violations);
    const sharing = new SharingPage(page);
    await sharing.open();
    await sharing.shareWithClinic(world.demo.clinic.shareCode, world.demo.clinic.name);

    const doctor = await signedInAs(world, 'physician@demo.painwise.test');
    const chart = new PatientChartPage(doctor);
    await chart.open(name);
    // What fails to load is said so with a Retry, never as "No taper planned" or "not answered yet".
    const failing = /\/(taper-plans|naloxone-check|medication-orders)$/;
    await doctor.route(failing, (route) => route.abort());
    await chart.openTab('Medicines');
    await expectVisible(doctor.getByText('The taper plans could not be loaded.'), 'the taper plans failing to load');
    await expectVisible(doctor.getByText('The naloxone answer could not be loaded.'), 'the naloxone answer failing to load');
    await expectVisible(doctor.getByText('The medicine history could not be loaded.'), 'the history failing to load');
    if ((await doctor.getByText(/No taper planned|Naloxone check not answered yet/).count()) !== 0)
      throw new Error('a failed load was shown as an empty state');
    await doctor.unroute(failing);
    await doctor.getByRole('region', { name: 'Taper plans' }).getByRole('button', { name: 'Try again' }).click();
    await expectVisible(doctor.getByText('No taper planned.'), 'the taper plans after Retry');
    await expectVisible(doctor.getByText('No medicines recorded.'), 'the empty medicine list');
    const meds = new MedicinesTab(doctor);
    // Oxycodone 10 mg four times a day: 10 × 4 × 1.5 = 60 MME/day (CDC 2022 factor), before saving.
    await meds.addDraft(1, { drug: 'oxycodone', dose: '10', timesPerDay: '4' });
    await expectVisible(doctor.getByText('Total: 60 MME/day'), 'the live MME of the unsaved opioid order');
    await expectVisible(meds.flags().getByText('50 MME/day or more'), 'the 50 MME/day flag before saving');
    await meds.addDraft(2, { drug: 'alprazolam', dose: '0.5', timesPerDay: '3' });
    await expectVisible(meds.flags().getByText('Opioid with a benzodiazepine'), 'the opioid + benzodiazepine flag before saving');
    await expectVisible(meds.flags().getByText(/Source: FDA Drug Safety Communication 31 Aug 2016/), "the flag's citation");
    // The flags speak in words and cite published sources: no rule ids, no references to the project's own notes.
    const flagText = await meds.flags().innerText();
    if (/mme-at-least-50|opioid-benzodiazepine|naloxone-not-on-list|\.md\b/.test(flagText))
      throw new Error(`a flag showed an id or an internal note: ${flagText}`);
    await checkPage(doctor, 'chart-medicines-drafts', violations);
    await doctor.getByRole('button', { name: 'Save 2 orders' }).click();
    // The opioid takes the regimen to 60 MME/day: it is held until the clinician confirms having read
    // the flag (with its source); once the benzodiazepine is saved, the pair is a new flag to confirm.
    const toConfirm = doctor.getByRole('list', { name: 'Flags this order raises' });
    await expectVisible(
      toConfirm.getByText(/Source: CDC 2022/),
      'the 50 MME/day flag and its source, to confirm before the opioid is saved',
    );
    await checkPage(doctor, 'chart-medicines-confirm', violations);
    await doctor.getByRole('button', { name: 'I have read the flags: save the order' }).click();
    await expectVisible(
      toConfirm.getByText(/Source: FDA Drug Safety Communication/),
      'the opioid with benzodiazepine flag, new since the benzodiazepine was saved',
    );
    await doctor.getByRole('button', { name: 'I have read the flags: save the order' }).click();
    await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine after saving (the Save button goes away)');
    const current = doctor.getByRole('list', { name: 'Medicines in effect today' });
    await expectVisible(current.getByText('oxycodone', { exact: true }), 'the saved oxycodone order');
    await expectVisible(current.getByText('alprazolam', { exact: true }), 'the saved alprazolam order');
    await expectVisible(doctor.getByRole('heading', { name: /^Current regimen/ }), 'the saved regimen');
    await expectVisible(meds.flags().getByText('Opioid with a benzodiazepine'), 'the flag on the saved regimen');
    // A refused order: focus lands on the error summary at the top of the changes, not on the page; its
    // link takes focus to the refused field; removing the draft moves focus on.
    await doctor.getByRole('button', { name: 'Add a medicine' }).click();
    await doctor.getByRole('button', { name: 'Save 1 order' }).click();
    const refused = doctor.getByRole('group', { name: 'New medicine 1' });
    const orderSummary = doctor.getByRole('alert').filter({ has: doctor.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(orderSummary, 'the error summary after a refused order');
    await expectVisible(refused.getByText('Choose a medicine.'), 'why the order was refused, in words beside the field');
    await checkPage(doctor, 'chart-medicines-error-summary', violations);
    await orderSummary.getByRole('link', { name: 'Choose a medicine.' }).click();
    await expectFocused(refused.getByRole('combobox', { name: 'Medicine' }), 'the refused medicine field, from the summary link');
    await refused.getByRole('button', { name: /^Remove/ }).press('Enter');
    await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine after removing the draft');
    // A combination product: its dose field names the opioid, and until the acetaminophen is given the draft is
    // left out of the MME with the reason, beside the draft and on the total (not a silently lower total).
    await doctor.getByRole('button', { name: 'Add a medicine' }).click();
    const norco = doctor.getByRole('group', { name: 'New medicine 1' });
    await norco.getByRole('combobox', { name: 'Medicine' }).fill('Norco');
    await norco.getByRole('spinbutton', { name: 'Dose of hydrocodone per administration (mg)' }).fill('10');
    await norco.getByRole('spinbutton', { name: 'Times a day' }).fill('4');
    await expectVisible(
      norco.getByText('Not counted in the MME and flags above yet: give the acetaminophen per administration.'),
      'what the draft still needs',
    );
    await expectVisible(doctor.getByRole('status').getByText(/1 change below is not counted yet/), 'the uncounted draft on the total');
    await norco.getByRole('spinbutton', { name: 'Acetaminophen per administration (mg)' }).fill('325');
    await expectVisible(norco.getByText('Counted in the MME and flags above.'), 'the completed draft counted');
    await expectVisible(doctor.getByRole('status').getByText(/^Total: 100 MME\/day/), 'hydrocodone 10 mg × 4 × 1.0 added to 60 MME/day');
    await expectVisible(
      doctor.getByRole('table', { name: 'MME per medicine' }).getByRole('cell', { name: '40 mg/day of hydrocodone' }),
      "the combination's daily milligrams named as its opioid's",
    );
    // Discarding typed orders offers Undo, which brings them back with focus on the first.
    await doctor.getByRole('button', { name: 'Discard changes' }).click();
    await expectFocused(doctor.getByRole('button', { name: 'Undo' }), 'Undo after discarding the drafts');
    await doctor.getByRole('button', { name: 'Undo' }).press('Enter');
    await expectFocused(norco.getByRole('combobox', { name: 'Medicine' }), 'the restored draft');
    if ((await norco.getByRole('spinbutton', { name: 'Acetaminophen per administration (mg)' }).inputValue()) !== '325')
      throw new Error('Undo did not restore what was typed');
    await doctor.getByRole('button', { name: 'Discard changes' }).click();
    await expectFocused(doctor.getByRole('button', { name: 'Undo' }), 'Undo after discarding again');
    await doctor.keyboard.press('Escape');
    await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine once the discard stands');
    if ((await norco.count()) !== 0) throw new Error('the discarded draft is still shown');
    // A brand typed in part is offered from the formulary, picked with the keyboard; "not in the
    // formulary" is said only when nothing in it is close.
    await doctor.getByRole('button', { name: 'Add a medicine' }).click();
    const typed = doctor.getByRole('group', { name: 'New medicine 1' });
    const medicine = typed.getByRole('combobox', { name: 'Medicine' });
    await medicine.fill('oxycont');
    const suggestions = typed.getByRole('listbox', { name: 'Formulary medicines close to what is typed' });
    await expectVisible(
      suggestions.getByRole('option', { name: /^oxycodone extended-release.*OxyContin/ }),
      'the formulary entry whose brand starts with what was typed',
    );
    if ((await typed.getByText(/Not in the formulary/).count()) !== 0)
      throw new Error('a partly typed brand was called not in the formulary');
    await checkPage(doctor, 'chart-medicines-suggestions', violations);
    await medicine.press('ArrowDown');
    await expectVisible(
      suggestions.getByRole('option', { name: /^oxycodone extended-release/, selected: true }),
      'the first suggestion highlighted',
    );
    await medicine.press('Enter');
    await expectVisible(typed.getByText('Formulary: oxycodone extended-release (OxyContin, Xtampza ER).'), 'the picked formulary entry');
    if ((await medicine.inputValue()) !== 'oxycodone extended-release') throw new Error('picking a suggestion did not fill in its name');
    await expectFocused(medicine, 'the medicine field after picking');
    await typed.getByRole('spinbutton', { name: 'Dose per administration (mg)' }).fill('10');
    await typed.getByRole('spinbutton', { name: 'Times a day' }).fill('2');
    await expectVisible(typed.getByText('Counted in the MME and flags above.'), 'the picked medicine counted in the MME');
    await medicine.fill('qqqqqq');
    await expectVisible(
      typed.getByText('Not in the formulary, and nothing in it is close.'),
      'a name nothing in the formulary is close to',
    );
    await typed.getByRole('button', { name: /^Remove/ }).press('Enter');
    await expectFocused(doctor.getByRole('button', { name: 'Add a medicine' }), 'Add a medicine after removing the typed draft');
    // A refused taper (0 % a step never ends) puts focus on its error summary, whose link leads to the field.
    await doctor.getByRole('combobox', { name: 'Rate' }).selectOption('custom');
    await doctor.getByRole('spinbutton', { name: 'Percent of the original dose per step' }).fill('0');
    await doctor.getByRole('button', { name: 'Plan the taper' }).click();
    const taperSummary = doctor.getByRole('alert').filter({ has: doctor.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(taperSummary, 'the error summary after a refused taper');
    await taperSummary.getByRole('link').first().click();
    await expectFocused(
      doctor.getByRole('spinbutton', { name: 'Percent of the original dose per step' }),
      'the refused taper field, from the summary link',
    );
    await expectVisible(
      doctor.getByText('Enter a percentage above 0 and up to 100, with at most 2 decimals.'),
      'the refused percentage in words (not "rate.percent must be …")',
    );
    await doctor.getByRole('combobox', { name: 'Rate' }).selectOption('monthly');
    await doctor.getByRole('button', { name: 'Plan the taper' }).click();
    await expectVisible(doctor.getByRole('table', { name: 'Taper steps' }), 'the taper steps with MME');
    // Focus moves to the new plan (the button it left is disabled while sending); its dates read in words.
    await expectFocused(doctor.getByRole('heading', { name: /^Taper from [A-Z][a-z]{2} \d{1,2}, \d{4}$/, level: 3 }), 'the new taper plan');
    if (
      (await doctor
        .getByRole('table', { name: 'Taper steps' })
        .getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ })
        .count()) !== 0
    )
      throw new Error('a taper step start was shown as an ISO date');
    if (/\.md\b|§10 item/.test(await doctor.getByRole('tabpanel', { name: 'Medicines' }).innerText()))
      throw new Error("the Medicines tab cites the project's own notes");
    // Stopping: a refused date is explained beside the field (the dialog stays open); the history says the
    // stop date is the first day without it (not "until", read as the last day taken); Undo restores the order.
    await doctor.getByRole('button', { name: 'Stop alprazolam' }).click();
    const stopDialog = doctor.getByRole('dialog', { name: 'Stop alprazolam' });
    const firstDayWithout = stopDialog.getByLabel('First day without it');
    const patientToday = await firstDayWithout.inputValue();
    await firstDayWithout.fill('2020-01-01');
    await stopDialog.getByRole('button', { name: 'Stop alprazolam' }).click();
    await expectVisible(stopDialog.getByText('The stop date is before the start date.'), 'the refused stop date beside its field');
    await expectFocused(firstDayWithout, 'the refused stop date');
    await firstDayWithout.fill('');
    await stopDialog.getByRole('button', { name: 'Stop alprazolam' }).click();
    await expectVisible(stopDialog.getByText('Choose the first day without it.'), 'the missing stop date');
    await firstDayWithout.fill(patientToday);
    await stopDialog.getByRole('button', { name: 'Stop alprazolam' }).click();
    const history = doctor.getByRole('list', { name: 'Medicine history' });
    await expectVisible(
      history
        .getByRole('listitem')
        .filter({ hasText: 'alprazolam' })
        .getByText(/first day without it: [A-Z][a-z]{2} \d{1,2}, \d{4}/),
      'the stop date in words as the first day without it',
    );
    await expectFocused(doctor.getByRole('button', { name: 'Undo' }), 'Undo after stopping');
    await doctor.getByRole('button', { name: 'Undo' }).press('Enter');
    await expectVisible(
      doctor.getByRole('list', { name: 'Medicines in effect today' }).getByText('alprazolam', { exact: true }),
      'alprazolam back after Undo',
    );
    await checkPage(doctor, 'chart-medicines', violations);

    await chart.openTab('Plan');
    await expectVisible(doctor.getByText('No care plan yet.', { exact: false }), 'the empty care plan');
    await doctor.getByRole('button', { name: 'Add a goal' }).click();
    const goal = doctor.getByRole('group', { name: 'Goal 1' });
    await doctor.getByRole('button', { name: 'Save as version 1' }).click();
    const planSummary = doctor.getByRole('alert').filter({ has: doctor.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(planSummary, 'the error summary after a refused care plan');
    await planSummary.getByRole('link').first().click();
    await expectFocused(goal.getByRole('textbox', { name: 'Activity' }), 'the refused goal activity, from the summary link');
    await goal.getByRole('textbox', { name: 'Activity' }).fill('Walk to the park');
    await goal.getByRole('textbox', { name: 'Measure' }).fill('minutes walked without stopping');
    await goal.getByRole('textbox', { name: 'Baseline' }).fill('10');
    await goal.getByRole('textbox', { name: 'Target', exact: true }).fill('30');
    await doctor.getByRole('button', { name: 'Add an intervention' }).click();
    const intervention = doctor.getByRole('group', { name: 'Intervention 1' });
    await intervention.getByRole('textbox', { name: 'Description' }).fill('Graded walking with the physical therapist');
    await intervention.getByRole('combobox', { name: 'Status' }).selectOption('active');
    await doctor.getByRole('button', { name: 'Save as version 1' }).click();
    await expectVisible(doctor.getByRole('list', { name: 'Version history' }).getByText(/^Version 1 —/), 'version 1 in the history');
    await expectFocused(doctor.getByRole('button', { name: 'Save as version 2' }), 'the save button again after saving');
    // Someone else saves version 2 meanwhile: this save meets a 409, shows version 2, and re-applies on top of it.
    const elsewhere = await doctor.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const url = `/api/patients/${location.pathname.split('/').pop()}/care-plan`;
      const current = await (await fetch(url)).json();
      const body = { goals: current.goals, interventions: current.interventions, notes: 'Saved elsewhere.' };
      return (
        await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'if-match': `"${current.version}"`, 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        })
      ).status;
    });
    if (elsewhere !== 201) throw new Error(`expected the concurrent save to create version 2, got ${elsewhere}`);
    await goal.getByRole('textbox', { name: 'Target', exact: true }).fill('40');
    await doctor.getByRole('button', { name: 'Save as version 2' }).click();
    await expectVisible(
      doctor.getByRole('alert').getByText(/The plan changed while you were editing: version 2/),
      'the conflict with version 2',
    );
    await checkPage(doctor, 'chart-plan-conflict', violations);
    await doctor.getByRole('button', { name: 'Save my changes over version 2' }).click();
    await expectVisible(doctor.getByRole('list', { name: 'Version history' }).getByText(/^Version 3 —/), 'version 3 in the history');
    // Removing a draft goal moves focus to Add a goal (the Remove button goes away with it).
    await doctor.getByRole('button', { name: 'Add a goal' }).click();
    await doctor.getByRole('group', { name: 'Goal 2' }).getByRole('button', { name: 'Remove goal 2' }).press('Enter');
    await expectFocused(doctor.getByRole('button', { name: 'Add a goal' }), 'Add a goal after removing goal 2');
    // The form takes focus when it replaces its Add button; a refusal focuses its error summary, whose link
    // leads to the refused field; saving returns to Add.
    await doctor.getByRole('button', { name: 'Add a condition' }).press('Enter');
    await expectFocused(doctor.getByRole('textbox', { name: 'Condition' }), 'the new condition form');
    await doctor.getByRole('textbox', { name: 'Condition' }).fill('Chronic low back pain');
    await doctor.getByRole('button', { name: 'Save', exact: true }).click();
    const conditionSummary = doctor.getByRole('alert').filter({ has: doctor.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(conditionSummary, 'the error summary after a refused condition');
    await conditionSummary.getByRole('link').first().click();
    await expectFocused(doctor.getByLabel('Onset date'), 'the refused onset date, from the summary link');
    await doctor.getByLabel('Onset date').fill('2025-01-15');
    await expectVisible(doctor.getByText('As of today: Chronic (more than 3 months).'), 'the chronicity shown as the onset is typed');
    await doctor.getByRole('button', { name: 'Save', exact: true }).click();
    await expectFocused(doctor.getByRole('button', { name: 'Add a condition' }), 'Add a condition after saving');
    await expectVisible(doctor.getByRole('list', { name: 'Conditions' }).getByText('Chronic low back pain'), 'the saved condition');
    await expectVisible(doctor.getByRole('list', { name: 'Conditions' }).getByText(/onset Jan 15, 2025/), 'the onset date in words');
    await checkPage(doctor, 'chart-plan', violations);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await expectVisible(page.getByRole('heading', { name: 'My plan', level: 1 }), "the patient's plan");
    await expectVisible(page.getByRole('list', { name: 'Your goals' }).getByText('Walk to the park'), 'the goal in plain language');
    await expectVisible(page.getByText('Graded walking with the physical therapist'), 'the intervention');
    await expectVisible(page.getByRole('list', { name: 'Your medicines' }).getByText('oxycodone', { exact: true }), 'the medicine');
    await expectVisible(page.getByRole('list', { name: 'Steps' }).getByText('Your step now:'), "today's taper step, highlighted");
    await expectVisible(page.getByText('Naloxone is not on your medicines list.', { exact: false }), 'the naloxone check');
    await checkPage(page, 'my-plan', violations);
  },
};
