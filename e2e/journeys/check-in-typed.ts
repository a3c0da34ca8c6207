// A new patient's check-in keeps what they typed: a medicine typed but not Added is saved; a dose that
// cannot be saved is explained beside the field; an implausible one is asked about before saving; and
// a refused Save lists the problems at the top, with focus there and links to each field.
import type { Page } from 'playwright-core';
import { checkPage, expectFocused, expectVisible } from '../harness.ts';
import { newPatient, type Journey } from './journey.ts';

type Medicine = { name: string; dose: number | null; unit: string | null };

/** The check-ins the server holds, newest first by local time. */
async function savedEntries(page: Page): Promise<{ intensity: number; medicines: Medicine[] }[]> {
  return page.evaluate(async () => {
    const me = await (await fetch('/api/me')).json();
    const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
    return (pulled.items as { entry: { intensity: number; medicines: Medicine[]; localDate: string; localTime: string } | null }[])
      .flatMap((i) => (i.entry ? [i.entry] : []))
      .sort((a, b) => `${b.localDate} ${b.localTime}`.localeCompare(`${a.localDate} ${a.localTime}`));
  });
}

async function openCheckIn(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
  await expectVisible(page.getByRole('button', { name: 'Save check-in' }), 'the check-in form');
}

export const checkInTypedJourney: Journey = {
  name: 'check-in keeps what was typed: half-typed medicine saved, doses explained, problems summarised at the top',
  async run(world, violations) {
    const page = await newPatient(world);
    await openCheckIn(page);
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });

    // Save with no pain score: the summary at the top takes focus and links to the rating.
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectFocused(summary, 'the error summary after a refused Save');
    await checkPage(page, 'check-in-error-summary', violations);
    await summary.getByRole('link', { name: 'Choose how much it hurts now.' }).click();
    await expectFocused(page.getByRole('radio', { name: /^0 — / }), 'the pain rating, from the summary link');

    // A medicine typed but not confirmed with "Add medicine" is saved with the check-in.
    await page.getByRole('radio', { name: /^5 — / }).check();
    await page.getByRole('textbox', { name: 'Medicine' }).fill('Naproxen');
    await page.getByRole('spinbutton', { name: 'Dose' }).fill('250');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after saving');
    const first = (await savedEntries(page))[0];
    if (JSON.stringify(first?.medicines.map((m) => [m.name, m.dose, m.unit])) !== JSON.stringify([['Naproxen', 250, 'mg']])) {
      throw new Error(`expected Naproxen 250 mg saved with the check-in, found ${JSON.stringify(first?.medicines)}`);
    }

    // "Same as last time" copies the pain score too: Save goes straight through.
    await openCheckIn(page);
    await page.getByRole('button', { name: 'Same as last time' }).click();
    await expectVisible(page.getByRole('radio', { name: /^5 — /, checked: true }), 'the last pain score copied');

    // A negative dose: "Add medicine" says why, beside the dose, and focus goes there.
    await page.getByRole('textbox', { name: 'Medicine' }).fill('Ibuprofen');
    const dose = page.getByRole('spinbutton', { name: 'Dose' });
    await dose.fill('-5');
    await page.getByRole('button', { name: 'Add medicine' }).click();
    await expectFocused(dose, 'the dose field after Add refused a negative dose');
    await expectVisible(page.getByText('Enter a dose above 0, or leave it empty.'), 'the reason beside the dose');

    // More than the diary can store: Save stops, the summary says so with the limit.
    await dose.fill('999999999');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectFocused(summary, 'the error summary for a dose too large');
    await expectVisible(summary.getByRole('link', { name: 'Enter a dose of at most 1,000,000 mg.' }), 'the limit in the summary');

    // Above the typing check for mg: asked, with the limit, until the person confirms it.
    await dose.fill('25000');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectFocused(summary, 'the error summary asking about a large dose');
    await checkPage(page, 'check-in-dose-question', violations);
    await summary.getByRole('link', { name: /^25,000 mg is more than 5,000 mg/ }).click();
    await expectFocused(dose, 'the dose field, from the summary link');
    await page.getByRole('checkbox', { name: 'This dose is right' }).check();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after saving the confirmed dose');
    const second = (await savedEntries(page)).find((e) => e.medicines.some((m) => m.name === 'Ibuprofen'));
    if (second?.intensity !== 5 || !second.medicines.some((m) => m.name === 'Ibuprofen' && m.dose === 25000 && m.unit === 'mg')) {
      throw new Error(`expected the second check-in at 5/10 with Ibuprofen 25000 mg, found ${JSON.stringify(second)}`);
    }
  },
};
