import { checkPage, expectFocused, expectVisible, newContext } from '../harness.ts';
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
    // Sending the form empty: focus lands on the error summary at the top, which lists each problem in
    // words as a link; Tab and Enter on the first link take focus to the field it names.
    await page.getByRole('button', { name: 'Create account' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(summary, 'the error summary after an empty sign-up');
    await expectVisible(summary.getByRole('link', { name: 'Enter a name.' }), 'why the name was refused, in words, as a link');
    await expectVisible(page.locator('#main input[name="displayName"][aria-invalid="true"]'), 'the name marked beside its field too');
    await checkPage(page, 'sign-up-error-summary', violations);
    await page.keyboard.press('Tab');
    await expectFocused(summary.getByRole('link').first(), 'the first link of the summary, one Tab on');
    await page.keyboard.press('Enter');
    await expectFocused(page.getByRole('textbox', { name: 'Your name' }), 'the name field, from the summary link');
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
    // A code no clinic has: the form's own summary takes focus, and its link leads back to the code.
    await page.getByRole('textbox', { name: 'Clinic share code' }).focus();
    await page.keyboard.type('NO-SUCH-CLINIC');
    await page.keyboard.press('Enter');
    const shareSummary = page
      .getByRole('form', { name: 'Share with clinic' })
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await expectFocused(shareSummary, 'the error summary after an unknown share code');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expectFocused(page.getByRole('textbox', { name: 'Clinic share code' }), 'the share code, from the summary link');
    await page.keyboard.press('Control+a');
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
