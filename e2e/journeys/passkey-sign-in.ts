// Passkeys in a real browser: Chromium's virtual authenticator (CTAP2, built in, with resident keys
// and user verification) stands in for a phone's or laptop's own, through the DevTools protocol.
// The page is opened at localhost, the host name a browser accepts as a relying party without HTTPS.
import type { Browser, Page } from 'playwright-core';
import { checkPage, expectVisible } from '../harness.ts';
import { SignInPage, SignUpPage } from '../pages/pages.ts';
import { type Journey, PASSWORD, unique } from './journey.ts';

/** A page at `baseUrl`'s localhost name, in a browser context with a virtual authenticator that holds passkeys. */
export async function pageWithAuthenticator(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl.replace('127.0.0.1', 'localhost'),
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return page;
}

/** On the account screen: adds a passkey named `name` and waits until it is listed. */
export async function addPasskeyOnAccount(page: Page, name: string): Promise<void> {
  const passkeys = page.getByRole('region', { name: 'Passkeys' });
  await passkeys.getByRole('textbox', { name: 'Name of this passkey' }).fill(name);
  await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
  await expectVisible(
    passkeys
      .getByRole('listitem')
      .filter({ hasText: name })
      .getByText(/never used/),
    'the new passkey, never used',
  );
}

export const journey: Journey = {
  name: 'patient adds a passkey on the account screen, signs out and signs in with the passkey',
  async run(world, violations) {
    const page = await pageWithAuthenticator(world.browser, world.server.baseUrl);

    const name = `Pia ${unique()}`;
    const signUp = new SignUpPage(page);
    await signUp.open();
    const email = `pia-${unique()}@example.test`;
    await signUp.signUp(name, email, PASSWORD);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    const passkeys = page.getByRole('region', { name: 'Passkeys' });
    await expectVisible(passkeys.getByText('No passkeys yet.'), 'an empty list of passkeys');
    // Adding without a name is refused by the server: the summary lists it and takes focus.
    await passkeys.getByRole('button', { name: 'Add a passkey' }).click();
    await expectVisible(page.getByRole('alert').getByRole('link', { name: /name/i }), 'the error summary naming the missing name');
    await addPasskeyOnAccount(page, 'Test laptop');
    const item = passkeys.getByRole('listitem').filter({ hasText: 'Test laptop' });
    await checkPage(page, 'account-passkeys', violations);

    // Signed in with the password alone, adding another way to sign in asks for the passkey, not the password.
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await new SignInPage(page).signIn(email, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm it is you' });
    await expectVisible(confirm.getByText(/To add another way to sign in/), 'the confirmation asking for a second factor');
    await expectVisible(confirm.getByRole('button', { name: 'Use your passkey' }), 'the passkey offered');
    if ((await confirm.getByLabel('Password').count()) > 0) throw new Error('the password is offered where it would not do');
    await checkPage(page, 'reauthenticate-second-factor-only', violations);
    await confirm.getByRole('button', { name: 'Use your passkey' }).click();
    await expectVisible(page.getByTestId('two-step-secret'), 'the authenticator key, once the passkey confirmed it is them');

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expectVisible(page.getByRole('heading', { name: 'Sign in', exact: true }), 'the sign-in page after signing out');
    await checkPage(page, 'sign-in-with-passkey', violations);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expectVisible(page.getByRole('navigation', { name: 'Main' }), 'the main navigation after signing in with the passkey');
    await expectVisible(page.getByRole('heading', { name: 'Today' }), 'Today after signing in with the passkey');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await expectVisible(item.getByText(/last used/), 'the passkey, now used');
    // Removing it asks for the password; a wrong one is refused beside the field.
    await item.getByRole('button', { name: 'Remove Test laptop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove passkey' });
    await dialog.getByLabel('Password').fill('not the password');
    await dialog.getByRole('button', { name: 'Remove passkey' }).click();
    await expectVisible(dialog.getByText('This is not your password.'), 'the wrong password refused');
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Remove passkey' }).click();
    await expectVisible(passkeys.getByText('No passkeys yet.'), 'the list empty after removing the passkey');
    await page.context().close();
  },
};
