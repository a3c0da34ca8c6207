// Confirming it is you with a passkey before a sensitive action. The shared server asks again only
// after its default minutes, so this journey runs a server of its own that asks after one minute,
// and waits that minute out in real time: the session's age is the server's to judge, not the page's.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../../test/support/server-process.ts';
import { checkPage, expectVisible } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, PASSWORD, unique } from './journey.ts';
import { addPasskeyOnAccount, pageWithAuthenticator } from './passkey-sign-in.ts';

export const journey: Journey = {
  name: 'patient with a passkey confirms it is them with the passkey before creating an API token',
  async run(world, violations) {
    const server = await startServerProcess({
      PAINWISE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'painwise-e2e-reauth-')),
      DATABASE_URL: '',
      PAINWISE_REAUTH_MINUTES: '1',
    });
    try {
      const page = await pageWithAuthenticator(world.browser, server.baseUrl);
      const signUp = new SignUpPage(page);
      await signUp.open();
      await signUp.signUp(`Rosa ${unique()}`, `rosa-${unique()}@example.test`, PASSWORD);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
      await addPasskeyOnAccount(page, 'This laptop');

      // A minute on, creating a token asks first; the dialog offers the password and the passkey.
      await page.waitForTimeout(61_000);
      await page.getByLabel('Token name').fill('Nightly export');
      await page.getByRole('button', { name: 'Create token' }).click();
      const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
      await expectVisible(dialog.getByLabel('Password'), 'the password field in the confirmation dialog');
      const usePasskey = dialog.getByRole('button', { name: 'Use your passkey' });
      await expectVisible(usePasskey, 'the passkey offered in the confirmation dialog');
      await checkPage(page, 'reauthenticate-with-passkey', violations);
      await usePasskey.click();

      // The token is made once the passkey confirmed it: the dialog closes and the secret shows.
      await expectVisible(page.getByTestId('one-time-code'), 'the new token, shown once, after the passkey');
      await expectVisible(
        page.getByRole('listitem').filter({ hasText: 'Nightly export' }).first(),
        'the token listed after confirming with the passkey',
      );
      await page.context().close();
    } finally {
      await server.stop();
    }
  },
};
