// Signing up where the server sends e-mail: a server of its own, with a real SMTP server on loopback.
// The form says "check your e-mail" (its heading takes focus); the link in the message opens the
// confirmation page, which asks for the password chosen and lands on Today. Signing up again with the
// same address shows the same screen, and the mailbox gets a note instead of a link.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../../test/support/server-process.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../test/support/smtp.ts';
import { checkPage, expectFocused, expectVisible } from '../harness.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

async function nextMailTo(smtp: TestSmtp, email: string, count: number): Promise<ReceivedMail> {
  // The server's job runner sends every few seconds; a loaded machine may take several rounds.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mails = smtp.received.filter((m) => m.to === email);
    if (mails.length >= count) return mails[count - 1]!;
    if (Date.now() > deadline) throw new Error(`no message ${count} for ${email} arrived`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const journey: Journey = {
  name: 'sign-up by e-mail: check your e-mail, follow the link, confirm with the password',
  async run(world, violations) {
    const smtp = await startTestSmtp();
    const server = await startServerProcess({
      PAINWISE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'painwise-e2e-mail-')),
      DATABASE_URL: '',
      PAINWISE_SMTP_URL: smtp.url,
      PAINWISE_MAIL_FROM: 'Painwise <no-reply@painwise.test>',
      PAINWISE_PUBLIC_URL: 'http://painwise.test',
    });
    try {
      const context = await world.browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      const page = await context.newPage();
      const email = `mail-${unique()}@example.test`;
      const signUp = async () => {
        await page.goto('/sign-up');
        await page.getByRole('textbox', { name: 'Your name' }).fill('Mara');
        await page.getByRole('textbox', { name: 'Email' }).fill(email);
        await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: 'Create account' }).click();
        await expectFocused(page.getByRole('heading', { name: 'Check your e-mail' }), 'the check-your-e-mail heading');
      };
      await signUp();
      await checkPage(page, 'sign-up-check-email', violations);

      const confirm = await nextMailTo(smtp, email, 1);
      const link = new URL(/https?:\/\/\S+\/verify-email#token=[A-Za-z0-9_-]+/.exec(confirm.text)![0]);
      await page.goto(`${link.pathname}${link.hash}`);
      await expectVisible(page.getByRole('heading', { name: 'Confirm your e-mail address' }), 'the confirmation page');
      if (page.url().includes('token=')) throw new Error('the token stayed in the address bar');
      await checkPage(page, 'verify-email', violations);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Confirm and sign in' }).click();
      await expectVisible(page.getByRole('heading', { name: 'Today' }), 'Today after confirming');
      await context.clearCookies();

      // The address has an account now: the same screen, and a note in the mailbox.
      await signUp();
      const note = await nextMailTo(smtp, email, 2);
      if (note.subject !== 'Someone tried to sign up with your e-mail address') throw new Error(`unexpected note: ${note.subject}`);
      await context.close();
    } finally {
      await server.stop();
      await smtp.close();
    }
  },
};
