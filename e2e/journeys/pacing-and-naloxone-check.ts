import { checkPage, expectFocused, expectVisible, newContext } from '../harness.ts';
import { PatientChartPage, SharingPage, SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: "clinician paces walking and links a goal to PEG; the patient sees today's quota, progress, as-needed use and answers the naloxone check",
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    const name = `Noa ${unique()}`;
    await signUp.signUp(name, `noa-${unique()}@example.test`, PASSWORD);
    const sharing = new SharingPage(page);
    await sharing.open();
    await sharing.shareWithClinic(world.demo.clinic.shareCode, world.demo.clinic.name);
    // Data the patient makes elsewhere (questionnaires, diary, an as-needed order on their own list), through the API.
    const setup = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const pid = me.patient.id as string;
      const send = (method: string, url: string, body: unknown) =>
        fetch(url, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        }).then((r) => r.status);
      const statuses = [
        await send('POST', `/api/patients/${pid}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 6, 2: 6, 3: 6 } }),
        await send('POST', `/api/patients/${pid}/instrument-responses`, { instrumentId: 'peg', answers: { 1: 4, 2: 4, 3: 4 } }),
      ];
      const orderId = crypto.randomUUID();
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: me.patient.timeZone }).format(new Date());
      statuses.push(
        await send('PUT', `/api/patients/${pid}/medication-orders/${orderId}`, {
          formularyId: 'oxycodone',
          doseMg: 5,
          schedule: 'as-needed',
          maxPerDay: 2,
          route: 'oral',
          startDate: '2026-01-01',
        }),
      );
      const prn = { name: 'Oxycodone', regimen: 'as-needed', medicationOrderId: orderId };
      statuses.push(
        await send('PUT', `/api/patients/${pid}/diary-entries/${crypto.randomUUID()}`, {
          localDate: today,
          localTime: '00:00',
          timeZone: me.patient.timeZone,
          recordedAt: new Date().toISOString(),
          mode: 'recalled',
          intensity: 5,
          medicines: [prn, prn, prn],
        }),
      );
      return statuses;
    });
    if (setup.join() !== '201,201,201,201') throw new Error(`setup failed: ${setup.join()}`);

    const doctor = await signedInAs(world, 'physician@demo.painwise.test');
    const chart = new PatientChartPage(doctor);
    await chart.open(name);
    await chart.openTab('Plan');
    await doctor.getByRole('button', { name: 'Add a goal' }).click();
    const goal = doctor.getByRole('group', { name: 'Goal 1' });
    await goal.getByRole('textbox', { name: 'Activity' }).fill('Pain gets in the way less');
    await goal.getByRole('textbox', { name: 'Measure' }).fill('PEG score');
    await goal.getByRole('combobox', { name: 'Progress read from' }).selectOption('instrument:peg');
    await doctor.getByRole('button', { name: 'Add a paced activity' }).click();
    const paced = doctor.getByRole('group', { name: 'Paced activity 1' });
    await paced.getByRole('textbox', { name: 'Activity' }).fill('walking');
    await paced.getByRole('textbox', { name: 'Goal (optional)' }).fill('30');
    // 20, 25 and 15 minutes → baseline 20 → today 16 minutes (80 %, a clinical convention).
    await paced.getByRole('textbox', { name: 'Sessions' }).fill('2026-01-05 20\n2026-01-06 25\n2026-01-07 15');
    // A second activity starting today with no sessions yet: the patient logs its baseline sessions.
    await doctor.getByRole('button', { name: 'Add a paced activity' }).click();
    await doctor.getByRole('group', { name: 'Paced activity 2' }).getByRole('textbox', { name: 'Activity' }).fill('cycling');
    await checkPage(doctor, 'chart-plan-pacing-draft', violations);
    await doctor.getByRole('button', { name: 'Save as version 1' }).click();
    await expectVisible(
      doctor.getByRole('list', { name: 'Pacing' }).getByText('Today: aim for 16 minutes of walking.'),
      "today's quota in the chart",
    );
    await expectVisible(goal.getByText('Getting better.'), 'the PEG goal getting better in the chart');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await expectVisible(
      page.getByRole('list', { name: 'Pacing' }).getByText('Today: aim for 16 minutes of walking.'),
      "today's quota for the patient",
    );
    await expectVisible(page.getByRole('list', { name: 'Your goals' }).getByText('Getting better.'), "the goal's progress for the patient");
    await expectVisible(
      page.getByText('On 1 of those days you took more than your plan allows.', { exact: false }),
      'as-needed use over the allowance',
    );
    const logCycling = page.getByRole('form', { name: 'Log a cycling session before you start' });
    const cyclingAmount = logCycling.getByRole('spinbutton', { name: 'How much (minutes)' });
    await cyclingAmount.fill('2000');
    await logCycling.getByRole('button', { name: 'Save session' }).click();
    // The server's reason, on the field it is about.
    await expectVisible(logCycling.getByText('A day has 1440 minutes.'), 'the refused amount explained');
    if ((await cyclingAmount.getAttribute('aria-invalid')) !== 'true') throw new Error('the refused amount is not marked invalid');
    await cyclingAmount.fill('12');
    await logCycling.getByRole('button', { name: 'Save session' }).click();
    await expectVisible(page.getByText('Saved your cycling session.'), 'a baseline session the patient logged');
    await page.getByRole('combobox', { name: 'Do you have naloxone?' }).selectOption('yes');
    await page.getByRole('textbox', { name: 'Where is it kept?' }).fill('Kitchen drawer');
    await page.getByRole('button', { name: 'Save my answer' }).click();
    await expectVisible(page.getByText('Saved your naloxone answer.'), 'the saved naloxone answer');
    await expectFocused(page.getByRole('button', { name: 'Save my answer' }), 'the naloxone button again after saving');
    await checkPage(page, 'my-plan-progress', violations);

    await chart.openTab('Medicines');
    await expectVisible(doctor.getByText('Has naloxone: Kitchen drawer'), 'the naloxone answer in the chart');
    await expectVisible(
      doctor
        .getByRole('list', { name: 'Medicines taken as needed' })
        .getByText(/3 as-needed doses on 1 of \d+ days; over the allowance on 1 day;/),
      'as-needed use in the chart',
    );
    await checkPage(doctor, 'chart-medicines-naloxone', violations);
  },
};
