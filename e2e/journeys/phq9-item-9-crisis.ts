import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'patient answers a PHQ-9 with item 9 = 1: crisis resources show at once, the result is explained, and the clinic gets an urgent alert',
  async run(world, violations) {
    const patient = world.demo.patients.filter((p) => p.sharing === 'active')[3]!;
    const page = await signedInAs(world, patient.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Questionnaires', level: 1 }), 'the questionnaires list');
    await checkPage(page, 'questionnaires', violations);
    await page.getByRole('link', { name: 'Start PHQ-9' }).click();
    for (let n = 1; n <= 8; n++) {
      await expectVisible(page.getByText(`Question ${n} of 9`), `question ${n}`);
      if (n === 1) {
        await expectVisible(page.getByText(/^Attribution: PHQ-9 © Pfizer/), 'the attribution on a question screen');
        await checkPage(page, 'questionnaire-item', violations);
      }
      await page.getByRole('radio', { name: 'Not at all' }).check();
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await expectVisible(page.getByText('Question 9 of 9'), 'question 9');
    await page.getByRole('radio', { name: 'Several days' }).check();
    // Shown the moment the answer is chosen, before anything is sent.
    await expectVisible(page.getByRole('alert').getByText(/988 Suicide & Crisis Lifeline/), 'crisis resources on choosing item 9 = 1');
    await checkPage(page, 'questionnaire-crisis', violations);
    await page.getByRole('button', { name: 'Next' }).click();
    await expectVisible(page.getByRole('heading', { name: /Review your answers/ }), 'the review screen');
    await checkPage(page, 'questionnaire-review', violations);
    await page.getByRole('button', { name: 'Send answers' }).click();
    await expectVisible(page.getByRole('heading', { name: /Your result/ }), 'the result');
    await expectVisible(page.getByText('Your care team has been told so they can contact you.'), 'the care team was told');
    await expectVisible(page.getByText(/None or minimal/), 'the band in plain language');
    await checkPage(page, 'questionnaire-result', violations);
    // Their own history words the item-9 flag for them and points to help; the clinician's instruction is not theirs.
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await expectVisible(page.getByRole('heading', { name: 'History — PHQ-9', level: 1 }), 'the PHQ-9 history');
    const history = page.getByRole('table', { name: 'PHQ-9 results over time' });
    await expectVisible(
      history.getByText(/You said you had thoughts of being better off dead or of hurting yourself/),
      "the item-9 flag in the patient's words",
    );
    if ((await page.getByText(/assess suicide risk/).count()) !== 0)
      throw new Error("the patient was shown the clinician's item-9 instruction");
    await history.getByRole('link', { name: 'see the support resources' }).first().click();
    await expectVisible(
      page.getByRole('region', { name: 'You are not alone — help is available now' }).getByText(/988 Suicide & Crisis Lifeline/),
      'the crisis resources on the history page',
    );
    await checkPage(page, 'questionnaire-history-crisis', violations);
    // On a phone the chart's labels stay legible and the time axis names its first and last dates.
    await page.setViewportSize({ width: 390, height: 844 });
    const dates = await history.locator('tbody tr td:first-child').allTextContents();
    const legible = await page
      .waitForFunction(
        ([newest, oldest]) => {
          const labels = [...document.querySelectorAll<SVGTextElement>('svg.chart text')];
          const px = labels.map((l) => Number.parseFloat(getComputedStyle(l).fontSize) * (l.getScreenCTM()?.a ?? 0));
          const texts = labels.map((l) => l.textContent ?? '').join(' | ');
          return px.length > 0 && Math.min(...px) >= 12 && texts.includes(oldest!) && texts.includes(newest!) ? true : null;
        },
        [dates[0], dates.at(-1)],
        { timeout: 5_000 },
      )
      .catch(() => null);
    if (!legible) {
      const found = await page.evaluate(() =>
        [...document.querySelectorAll<SVGTextElement>('svg.chart text')].map(
          (l) => `${l.textContent} at ${(Number.parseFloat(getComputedStyle(l).fontSize) * (l.getScreenCTM()?.a ?? 0)).toFixed(1)} px`,
        ),
      );
      throw new Error(
        `expected chart labels of at least 12 px naming ${dates.at(-1)} and ${dates[0]} at 390 px wide, got ${found.join('; ')}`,
      );
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // A licensed instrument the clinic has not enabled is not shown, even at its own address.
    await page.goto('/questionnaires/promis-pi-4a');
    await expectVisible(
      page.getByText('Not available to you yet. Ask your care team if you would like to answer it.'),
      'the licence guard on a typed address',
    );
    if ((await page.getByRole('radio').count()) !== 0) throw new Error('items of an unlicensed instrument were shown');

    const doctor = await signedInAs(world, 'physician@demo.painwise.test');
    // Today starts a clinician at the clinic's open alerts, urgent ones counted.
    const clinicCard = doctor.getByRole('region', { name: world.demo.clinic.name });
    await expectVisible(clinicCard.getByText(/open alerts?, [1-9]\d* urgent\./), 'the urgent alert counted on Today');
    await checkPage(doctor, 'today-clinician', violations);
    await clinicCard.getByRole('link', { name: 'Alerts' }).click();
    const alert = doctor
      .getByRole('list', { name: 'Open alerts' })
      .getByRole('listitem')
      .filter({ hasText: patient.name })
      .filter({ hasText: 'PHQ-9 item 9 above 0' })
      .first();
    await expectVisible(alert.getByText('Urgent:'), 'the urgent alert in the clinic inbox, in words');
    await checkPage(doctor, 'clinic-alerts-open', violations);
    // Acknowledging is confirmed first; keeping it open puts focus back on the button.
    await alert.getByRole('button', { name: `Acknowledge alert for ${patient.name}` }).click();
    await expectVisible(doctor.locator('button:focus').filter({ hasText: 'Yes, acknowledge' }), 'focus on the confirmation');
    await doctor.getByRole('button', { name: 'Keep it open' }).click();
    await expectVisible(
      doctor.locator('button:focus').filter({ hasText: `Acknowledge alert for ${patient.name}` }),
      'focus back on the button',
    );
    // The patient's name opens their chart.
    await alert.getByRole('link', { name: patient.name }).click();
    await expectVisible(doctor.getByRole('heading', { name: patient.name, level: 1 }), "the patient's chart from the alert");

    // The admin sees which licensed instruments are switched off.
    const admin = await signedInAs(world, 'admin@demo.painwise.test');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Instruments' }).click();
    await expectVisible(admin.getByRole('heading', { name: 'Instruments and licences' }), 'the licences page');
    await checkPage(admin, 'instrument-licences', violations);
  },
};
