import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, unique, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'admin invites a member, changes a role and withdraws the invitation',
  async run(world, violations) {
    const page = await signedInAs(world, 'admin@demo.painwise.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await expectVisible(page.getByRole('heading', { name: /Members of/ }), 'the members page');
    const email = `new-nurse-${unique()}@example.test`;
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('nurse');
    await page.getByRole('button', { name: 'Invite a member' }).click();
    await expectVisible(page.getByTestId('one-time-code'), 'the invitation code');
    await page.getByRole('combobox', { name: 'Role of Hana Sato, PharmD' }).selectOption('nurse');
    await expectVisible(page.getByText('Saved.'), 'the role change confirmation');
    // Back to pharmacist, so that the demo clinic stays as the other journeys find it.
    const restored = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/members/'));
    await page.getByRole('combobox', { name: 'Role of Hana Sato, PharmD' }).selectOption('pharmacist');
    if (!(await restored).ok()) throw new Error('the role could not be changed back');
    await page.getByRole('button', { name: `Withdraw invitation for ${email}` }).click();
    await page.getByRole('button', { name: `Withdraw invitation for ${email}` }).waitFor({ state: 'detached' });
    await checkPage(page, 'clinic-members', violations);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await expectVisible(
      page.getByRole('cell', { name: "Changed a member's role" }).first(),
      'the role change in the audit trail, in words',
    );
    await checkPage(page, 'clinic-audit', violations);
  },
};
