// A patient with two months of diary prepares a first consultation: the visit opens with what the
// record says over the 90 days before it (pain 8 → 4 judged by the published threshold, the worst day,
// as-needed use) and the five suggested questions, each with why it is worth asking. They write down
// an answer, add a question of their own, drop one and see it offered back, save, and find it all
// there after a reload and in the list.
import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, newPatient, seedDiaryDays } from './journey.ts';

export const journey: Journey = {
  name: 'patient prepares a first visit with the five questions and writes down the answers',
  async run(world, violations) {
    const page = await newPatient(world);
    const ibuprofen = {
      name: 'Ibuprofen',
      dose: 400,
      unit: 'mg',
      takenAt: null,
      regimen: 'as-needed',
      formularyId: null,
      medicationOrderId: null,
    };
    const days = [];
    for (let n = 60; n >= 47; n--) days.push({ daysBack: n, fields: { intensity: 8 } });
    days.push({ daysBack: 30, fields: { intensity: 10, medicines: [ibuprofen] } });
    for (let n = 14; n >= 1; n--) days.push({ daysBack: n, fields: { intensity: 4 } });
    await seedDiaryDays(page, days);

    await page.getByRole('link', { name: 'Visits' }).first().click();
    await expectVisible(page.getByRole('heading', { level: 1, name: 'Visits' }), 'the Visits heading');
    await expectVisible(page.getByText('No visits yet. Prepare one before your next appointment.'), 'the empty list');
    await page.getByRole('button', { name: 'Prepare a visit' }).click();
    await page.getByLabel('Clinic or clinician').fill('Riverside pain clinic');
    await page.getByRole('button', { name: 'Start preparing' }).click();

    await expectVisible(page.getByRole('heading', { level: 1, name: /^First consultation on / }), 'the visit heading');
    const prep = page.getByTestId('visit-preparation');
    await expectVisible(prep.getByRole('heading', { name: 'The 90 days before this visit' }), 'the first-visit window');
    await expectVisible(
      prep.getByTestId('trend-verdict').getByText('By the published threshold: substantial improvement (50 % or more).'),
      'pain 8 → 4 judged by IMMPACT',
    );
    await expectVisible(prep.getByText(/pain 10 out of 10/), 'the worst day');
    await expectVisible(prep.getByText('Taken as needed: Ibuprofen, 1 time on 1 day.'), 'as-needed use from the diary');

    // The five questions, each with why it is worth asking.
    await expectVisible(page.getByLabel('Question 5'), 'five questions');
    await expectVisible(page.getByText(/^Why ask: Treatment follows the kind of pain you have/), 'why the first question matters');
    await page.getByLabel('What the clinician said').first().fill('Probably the facet joints; a block would tell.');
    await page.getByRole('button', { name: 'Remove question 3' }).click();
    const addBack = page.getByRole('button', {
      name: 'Add back: Will I need other types of therapy, like physical or behavioural therapy?',
    });
    await expectVisible(addBack, 'the removed question offered back');
    await page.getByRole('button', { name: 'Add a question of my own' }).click();
    await page.getByLabel('Question 5').fill('Can I keep swimming?');
    await page.getByLabel('What matters most to talk about today').fill('Sleeping through the night');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expectVisible(page.getByText('Visit saved.'), 'the saved message');

    await page.reload();
    await expectVisible(page.getByLabel('Question 5'), 'the questions after a reload');
    if ((await page.getByLabel('Question 5').inputValue()) !== 'Can I keep swimming?') throw new Error('the own question was not kept');
    if ((await page.getByLabel('What the clinician said').first().inputValue()) !== 'Probably the facet joints; a block would tell.')
      throw new Error('the answer was not kept');
    if ((await page.getByLabel('Question 6').count()) !== 0) throw new Error('the removed question came back');
    await checkPage(page, 'visit-preparation', violations);

    await page.getByRole('link', { name: 'All visits' }).click();
    await expectVisible(
      page.getByText(/Riverside pain clinic · 5 questions · 1 answered/),
      'the visit in the list with its answers counted',
    );
  },
};
