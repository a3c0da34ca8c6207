import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, newPatient, unique } from './journey.ts';

export const journey: Journey = {
  name: 'patient makes an API token that may only read their own record until a date, sees its use, and signs out everywhere else keeping it',
  async run(world, violations) {
    const name = `Tia ${unique()}`;
    const page = await newPatient(world, name);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('Token name').fill('Weekly export');
    const access = page.getByRole('combobox', { name: 'What the token may do' });
    if ((await access.inputValue()) !== 'read') throw new Error('a new token should be read-only unless chosen otherwise');
    await page.getByRole('checkbox', { name: 'All patients you can open' }).uncheck();
    await page.getByRole('checkbox', { name }).check();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Works until (optional)').fill(until);
    await checkPage(page, 'account-token-form', violations);
    await page.getByRole('button', { name: 'Create token' }).click();
    const code = page.getByTestId('one-time-code');
    await expectVisible(code, 'the new token, shown once');
    const token = (await code.textContent())?.trim() ?? '';
    const item = page.getByRole('listitem').filter({ hasText: 'Weekly export' });
    await expectVisible(item.getByText(`Read only · ${name}`), 'the token listed as read-only for this patient');
    await expectVisible(item.getByText(/works until/), 'its expiry');
    await expectVisible(item.getByText(/never used/), 'that it was never used');

    // A script with the token reads the diary and is refused a write.
    const statuses = await page.evaluate(async (bearer) => {
      const me = await (await fetch('/api/me')).json();
      const url = `/api/patients/${me.patient.id}/diary-entries`;
      const headers = { authorization: `Bearer ${bearer}` };
      const read = await fetch(url, { headers });
      const write = await fetch(`${url}/019a0000-0000-7000-8000-00000000abcd`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({
          localDate: '2026-05-31',
          localTime: '08:00',
          timeZone: 'UTC',
          recordedAt: '2026-05-31T08:00:00Z',
          intensity: 4,
          mode: 'recalled',
          regions: [],
          notes: '',
        }),
      });
      return [read.status, write.status];
    }, token);
    if (statuses.join() !== '200,403') throw new Error(`expected the token to read (200) and not write (403), got ${statuses.join()}`);
    await page.reload();
    await expectVisible(
      page
        .getByRole('listitem')
        .filter({ hasText: 'Weekly export' })
        .getByText(/last used/),
      'the last use after the script ran',
    );
    await checkPage(page, 'account-tokens', violations);

    // A second token, then "sign out everywhere else" keeping only the first: the other stops working.
    await page.getByLabel('Token name').fill('Old laptop');
    await page.getByRole('button', { name: 'Create token' }).click();
    const second = (await page.getByTestId('one-time-code').textContent())?.trim() ?? '';
    await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out everywhere else' });
    await dialog.getByRole('checkbox', { name: 'Weekly export' }).check();
    await checkPage(page, 'account-sign-out-everywhere', violations);
    await dialog.getByRole('button', { name: 'Sign out other devices' }).click();
    await expectVisible(page.getByText('Signed out everywhere else.'), 'the confirmation');
    const after = await page.evaluate(
      async ([kept, dropped]) => {
        const status = async (bearer: string) => (await fetch('/api/me', { headers: { authorization: `Bearer ${bearer}` } })).status;
        return [await status(kept!), await status(dropped!), (await fetch('/api/me')).status];
      },
      [token, second],
    );
    if (after.join() !== '200,401,200')
      throw new Error(`expected the kept token, the other token and this session to answer 200,401,200; got ${after.join()}`);
  },
};
