import { checkPage, expectVisible, newContext } from '../harness.ts';
import { type Journey, unique, PASSWORD } from './journey.ts';

export const journey: Journey = {
  name: 'the patient journey with the keyboard only',
  async run(world, violations) {
    const page = await (await newContext(world)).newPage();
    await page.goto('/sign-up');
    await expectVisible(page.getByRole('heading', { name: 'Create your account' }), 'the sign-up page');
    // Skip link first, then the fields in order.
    await page.keyboard.press('Tab');
    await expectVisible(page.getByRole('link', { name: 'Skip to main content' }), 'the skip link');
    // Sending the form empty: focus lands on the first field to fix, which says why in words.
    await page.getByRole('button', { name: 'Create account' }).focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.locator('input[name="displayName"]:focus'), 'focus on the first refused field');
    await expectVisible(page.getByText('Enter a name.').first(), 'why the name was refused, in words');
    await page.getByRole('textbox', { name: 'Your name' }).focus();
    await page.keyboard.type('Kim Keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`kim-${unique()}@example.test`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the hint to the password field? (the hint is not focusable)
    const focusedName = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name);
    if (focusedName !== 'password') await page.getByLabel('Password', { exact: true }).focus();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: 'Today' }), 'Today after a keyboard sign-up');
    // Navigate to Sharing with Tab + Enter.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (text === 'Sharing') break;
    }
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: 'Sharing', level: 1 }), 'the sharing page by keyboard');
    await page.getByRole('textbox', { name: 'Clinic share code' }).focus();
    await page.keyboard.type(world.demo.clinic.shareCode);
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('list', { name: 'Clinics' }).getByText(world.demo.clinic.name), 'the clinic after a keyboard share');
    await checkPage(page, 'sharing-keyboard', violations);
    // A check-in by keyboard: a rating by arrow keys, a body region reached with Tab and toggled with Space.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: 'Check in', level: 1 }), 'the check-in by keyboard');
    await page.getByRole('radio', { name: /^3 — / }).focus();
    await page.keyboard.press('ArrowRight');
    await expectVisible(page.getByRole('radio', { name: /^4 — /, checked: true }), 'the rating moved with the arrow key');
    let region = '';
    for (let i = 0; i < 40 && !region; i++) {
      await page.keyboard.press('Tab');
      region = await page.evaluate(() =>
        document.activeElement?.getAttribute('role') === 'checkbox' && document.activeElement.tagName === 'rect'
          ? (document.activeElement.getAttribute('aria-label') ?? '')
          : '',
      );
    }
    if (!region) throw new Error('Tab never reached a body-map region');
    // The figure is one Tab stop; the arrow keys move between regions.
    await page.keyboard.press('ArrowDown');
    const moved = await page
      .waitForFunction(
        (from) => {
          const label = document.activeElement?.tagName === 'rect' ? document.activeElement.getAttribute('aria-label') : null;
          return label && label !== from ? label : null;
        },
        region,
        { timeout: 5_000 },
      )
      .catch(() => null);
    const below = moved ? String(await moved.jsonValue()) : '';
    if (!below) throw new Error(`expected ArrowDown to move from ${region} to another region`);
    region = below;
    await page.keyboard.press('Space');
    await expectVisible(page.getByRole('checkbox', { name: region, checked: true }), `${region} toggled with Space`);
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.tagName === 'rect')) throw new Error('Tab stayed inside the body map');
    await page.getByRole('button', { name: 'Save check-in' }).focus();
    await page.keyboard.press('Enter');
    await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after a keyboard check-in');

    // A repeat check-in, every key counted from the "Check in" link to the saved diary: at most 12.
    let keys = 0;
    const press = async (key: string) => {
      keys++;
      await page.keyboard.press(key);
    };
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return { text: el?.textContent?.trim() ?? '', submit: el instanceof HTMLButtonElement && el.type === 'submit' };
      });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).focus();
    await press('Enter');
    await expectVisible(page.getByRole('button', { name: 'Same as last time' }), 'the carry-forward button');
    while ((await focused()).text !== 'Same as last time' && keys < 80) await press('Tab');
    await press('Enter');
    await expectVisible(page.getByText(/^Filled in from your last check-in/), 'the form filled from the last check-in');
    // The pressed button may be replaced: wait for focus to settle somewhere before counting on.
    await page
      .waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 5_000 })
      .catch(() => {});
    while (!(await focused()).submit && keys < 80) await press('Tab');
    await press('Enter');
    await expectVisible(page.getByRole('heading', { name: 'Diary', level: 1 }), 'the diary after a repeat keyboard check-in');
    if (keys > 12) throw new Error(`a repeat check-in took ${keys} key presses by keyboard (at most 12)`);
  },
};
