import { checkPage, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
  name: 'once the app is installed, screens never opened still open offline and fill in when back online',
  async run(world, violations) {
    const context = await newContext(world);
    const page = await context.newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(`Ola ${unique()}`, `ola-${unique()}@example.test`, PASSWORD);
    // The service worker installs a few seconds after the first page; it is ready once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await context.setOffline(true);
    await expectVisible(page.getByText('You are offline'), 'the offline banner');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Flares' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Flares', level: 1 }), 'the Flares screen offline, from the installed app');
    await expectVisible(page.getByRole('button', { name: 'Try again' }), 'the flares list saying it could not be loaded, with Try again');
    await checkPage(page, 'flares-offline-installed', violations);
    await nav.getByRole('link', { name: 'Questionnaires' }).click();
    await expectVisible(
      page.getByRole('heading', { name: 'Questionnaires', level: 1 }),
      'the Questionnaires screen offline, from the installed app',
    );
    await nav.getByRole('link', { name: 'Flares' }).click();
    await context.setOffline(false);
    await expectVisible(page.getByRole('heading', { name: 'Flares', level: 1 }), 'the Flares screen back online');
    await page.getByRole('button', { name: 'Try again' }).waitFor({ state: 'detached' });
    await expectVisible(page.getByRole('button', { name: 'Start a flare' }), 'the flares screen working once back online');
  },
};
