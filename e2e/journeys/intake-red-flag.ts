// A new patient prepares a first consultation and fills in its intake from the visit's page, one step at
// a time: when the pain began, what makes it worse, a treatment tried. On the safety questions they
// answer one red flag yes and are told at once, in an alert, to seek urgent care now. They leave the
// intake half-filled, come back to it from the list at the step they left, and finish it.
import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, newPatient } from './journey.ts';

const FLAGS = [
  /new trouble controlling or emptying your bladder or bowels/,
  /fever or chills along with back pain/,
  /lost weight recently without trying/,
  /ever had cancer/,
  /weakness or numbness in your legs getting worse/,
  /major injury/,
];

export const journey: Journey = {
  name: 'patient fills the intake for a first consultation, answers a red flag yes and is told to seek urgent care',
  async run(world, violations) {
    const page = await newPatient(world);
    await page.getByRole('link', { name: 'Visits' }).first().click();
    await page.getByRole('button', { name: 'Prepare a visit' }).click();
    await page.getByLabel('Clinic or clinician').fill('Riverside pain clinic');
    await page.getByRole('button', { name: 'Start preparing' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: /^First consultation on / }), 'the visit heading');

    await page.getByRole('link', { name: 'Fill in the intake for this first consultation' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Intake for a first consultation' }), 'the intake heading');
    await expectVisible(page.getByText('Step 1 of 7'), 'the first step');
    await page.getByLabel('Or about when').fill('Winter 2024, after moving house');
    await page.getByRole('radio', { name: 'Comes and goes' }).check();
    await checkPage(page, 'intake-onset', violations);
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Where it hurts and how it feels' }), 'the body-map step');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectVisible(page.getByRole('heading', { name: 'What makes it better or worse' }), 'the factors step');
    await page.getByLabel('What makes it worse').fill('Sitting for long\nBending');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Treatments you have tried' }), 'the treatments step');
    await page.getByRole('button', { name: 'Add a treatment' }).click();
    await page.getByLabel('What was it?').fill('Physiotherapy');
    await page.getByLabel('When did you start?').fill('2025-10-01');
    await page.getByLabel('When did you stop?').fill('2025-11-25');
    await expectVisible(page.getByText('56 days in all.'), 'the duration from the dates');
    await page.getByLabel('How did it go?').selectOption('no-change');
    await checkPage(page, 'intake-treatments', violations);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Tests and your health' }), 'the health step');
    await page.getByLabel('Allergies').fill('Penicillin');
    await page.getByRole('button', { name: 'Save and continue' }).click();

    await expectVisible(page.getByRole('heading', { name: 'Safety questions' }), 'the red-flag step');
    if ((await page.getByRole('alert').count()) !== 0) throw new Error('an alert showed before any answer');
    for (const [i, question] of FLAGS.entries())
      await page
        .getByRole('group', { name: question })
        .getByRole('radio', { name: i === 0 ? 'Yes' : 'No', exact: true })
        .check();
    // Shown the moment the answer is chosen, before anything is sent.
    await expectVisible(page.getByRole('alert').getByText('Seek urgent care now'), 'the urgent-care message');
    await expectVisible(page.getByRole('alert').getByText(/Do not wait for your appointment/), 'not to wait for the appointment');
    await checkPage(page, 'intake-red-flag', violations);

    // Left half-way, and continued from the list at the step where it was left.
    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Intakes' }), 'the list of intakes');
    await page.getByRole('link', { name: 'Intake, not finished yet — continue' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Safety questions' }), 'the step where it was left');
    await expectVisible(page.getByRole('alert').getByText('Seek urgent care now'), 'the urgent-care message again');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Check and finish' }), 'the review');
    await expectVisible(page.getByText('Physiotherapy (No change)'), 'the treatment in the review');
    await expectVisible(page.getByText('Winter 2024, after moving house'), 'the onset in the review');
    await checkPage(page, 'intake-review', violations);
    await page.getByRole('button', { name: 'Finish the intake' }).click();
    await expectVisible(page.getByRole('link', { name: 'Intake, finished' }), 'the finished intake in the list');
  },
};
