import { checkPage, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
  name: 'a check-in made offline is kept and synced once when back online',
  async run(world, violations) {
    // No service worker here, so a screen whose code was never fetched really is out of reach offline.
    const context = await newContext(world, { serviceWorkers: 'block' });
    const page = await context.newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(`Olly ${unique()}`, `olly-${unique()}@example.test`, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
    // The connection drops once the check-in screen is open (its code is loaded on demand).
    await expectVisible(page.getByRole('radio', { name: /^6 — / }), 'the check-in form before going offline');
    await context.setOffline(true);
    await expectVisible(page.getByText('You are offline'), 'the offline banner');
    // What cannot be loaded offline says so, with a Retry, instead of "Loading…" for ever: a screen whose
    // code was never fetched (Flares), and the cards on Today.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Flares' }).click();
    await expectVisible(
      page.getByRole('heading', { name: 'This page could not be loaded', level: 1 }),
      'the Flares screen saying it could not be loaded',
    );
    await expectVisible(page.getByText('Painwise could not be reached. Check your connection and try again.'), 'why, for a read');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expectVisible(page.getByRole('button', { name: 'Try again' }), 'Retry still offered while offline');
    await checkPage(page, 'flares-offline', violations);
    await nav.getByRole('link', { name: 'Today' }).click();
    const sharingCard = page.getByRole('region', { name: 'Sharing' });
    await expectVisible(
      sharingCard.getByText('Who you share with could not be loaded. Painwise could not be reached.', { exact: false }),
      "the sharing card's load failure",
    );
    await expectVisible(sharingCard.getByRole('button', { name: 'Try again' }), 'Retry on the sharing card');
    await expectVisible(page.getByText('Your trend could not be loaded.', { exact: false }), "the trend card's load failure");
    if ((await page.getByText('Loading…').count()) !== 0) throw new Error('Today still says "Loading…" offline');
    await checkPage(page, 'today-offline', violations);
    await nav.getByRole('link', { name: 'Check in' }).click();
    await page.getByRole('radio', { name: /^6 — / }).check();
    await page.getByRole('checkbox', { name: 'Knee, left' }).click();
    await page.getByRole('textbox', { name: 'Notes (optional)' }).fill('written offline');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expectVisible(page.getByText('Saved on this device'), 'the saved-offline message');
    await expectVisible(page.getByRole('list', { name: 'Waiting to be sent' }), 'the pending check-in');
    // The history could not be loaded: said so, not "no check-ins", and not "nothing was sent".
    const offlineHistory = page.getByText('Your history could not be loaded while offline; check-ins you make are kept and sent later.');
    await expectVisible(offlineHistory, 'the history saying it could not be loaded offline');
    await expectVisible(
      page.getByText('The last 12 weeks could not be loaded.', { exact: false }),
      'the heat map saying it could not be loaded',
    );
    for (const untrue of ['No check-ins in the last 12 weeks.', 'No check-ins yet.', 'so nothing was sent']) {
      if ((await page.getByText(untrue, { exact: false }).count()) !== 0) throw new Error(`the offline diary says "${untrue}"`);
    }
    await checkPage(page, 'diary-offline', violations);
    await context.setOffline(false);
    await page.getByRole('list', { name: 'Waiting to be sent' }).waitFor({ state: 'detached', timeout: 15_000 });
    await expectVisible(page.getByRole('list', { name: 'Diary' }).getByText(/^6\/10/), 'the synced check-in');
    // Back online, the page loads again by itself and the offline messages go.
    await page.getByText(/could not be (loaded|brought up to date) while offline/).waitFor({ state: 'detached' });
    await expectVisible(page.locator('svg.heatmap'), 'the heat map once back online');
    const synced = await page.evaluate(async () => {
      const me = await (await fetch('/api/me')).json();
      const pulled = await (await fetch(`/api/patients/${me.patient.id}/diary-entries`)).json();
      return pulled.items.filter((i: { entry: { notes: string } | null }) => i.entry?.notes === 'written offline').length;
    });
    if (synced !== 1) throw new Error(`expected the offline check-in on the server exactly once, found ${synced}`);
    // A screen that could not be fetched offline loads once back online.
    await nav.getByRole('link', { name: 'Flares' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Flares', level: 1 }), 'the Flares screen once back online');
  },
};
