import { generateSync } from 'otplib';
import { checkPage, expectVisible, newContext } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';
import { type Journey, PASSWORD, unique } from './journey.ts';

/** The authenticator's code `stepsAhead` 30-second steps from now (the server accepts one step either side). */
const codeFor = (secret: string, stepsAhead = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

export const journey: Journey = {
  name: 'patient turns on two-step sign-in and signs in with a code from the app',
  async run(world, violations) {
    const email = `two-step-${unique()}@example.test`;
    const page = await (await newContext(world)).newPage();
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(`Tomas ${unique()}`, email, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secretText = page.getByTestId('two-step-secret');
    await expectVisible(secretText, 'the key to type into the authenticator app');
    const secret = (await secretText.textContent())?.trim() ?? '';
    await checkPage(page, 'two-step-setup', violations);
    // A wrong code is refused beside its field.
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await expectVisible(page.getByText('This code is not correct or was already used.'), 'the refused code');
    await page.getByLabel('6-digit code').fill(codeFor(secret));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const codes = page.getByTestId('recovery-codes');
    await expectVisible(codes, 'the recovery codes, shown once');
    await checkPage(page, 'two-step-recovery-codes', violations);
    await page.getByRole('button', { name: 'I have kept my recovery codes' }).click();
    await expectVisible(page.getByText(/Two-step sign-in is on\. 10 recovery codes left\./), 'two-step sign-in on, with ten codes');

    // Another browser: the password alone is not enough; the code from the app is.
    const other = await (await newContext(world)).newPage();
    await other.goto('/sign-in');
    await other.getByRole('textbox', { name: 'Email' }).fill(email);
    await other.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectVisible(other.getByRole('heading', { name: 'Enter your code' }), 'the second step');
    await checkPage(other, 'two-step-sign-in', violations);
    // The step after the one used to turn it on: a code never used before, within the server's tolerance.
    await other.getByLabel('6-digit code').fill(codeFor(secret, 1));
    await other.getByRole('button', { name: 'Continue' }).click();
    await expectVisible(other.getByRole('navigation', { name: 'Main' }), 'the main navigation after the code');
  },
};
