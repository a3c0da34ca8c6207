// The body map names the region under the pointer or with focus in words under the figure, and its two
// choices (which side; how much of the body) each carry a visible name of their own.
import { checkPage, expectVisible } from '../harness.ts';
import { newPatient, type Journey } from './journey.ts';

export const bodyMapLabelsJourney: Journey = {
  name: 'body map: the region pointed at or focused is named under the figure; side and zoom are separate, named choices',
  async run(world, violations) {
    const page = await newPatient(world);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
    const map = page.locator('.body-map');
    await expectVisible(map.getByText('Body view', { exact: true }), 'the visible name of the Front/Back choice');
    await expectVisible(map.getByText('Zoom', { exact: true }), 'the visible name of the zoom choice');
    await expectVisible(
      page.getByRole('radiogroup', { name: 'Body view' }).getByRole('radio', { name: 'Back' }),
      'Back in the body view choice',
    );
    await expectVisible(page.getByRole('radiogroup', { name: 'Zoom' }).getByRole('radio', { name: 'Hands' }), 'Hands in the zoom choice');
    const caption = map.locator('.body-map-caption');

    await page.getByRole('checkbox', { name: 'Knee, left' }).hover();
    await expectVisible(caption.getByText('Knee, left', { exact: true }), 'the hovered region named under the figure');
    await page.getByRole('checkbox', { name: 'Knee, left' }).click();
    await expectVisible(caption.getByText('Knee, left (selected)', { exact: true }), 'the region named as selected');
    await expectVisible(page.getByText('Selected: Knee, left'), 'the region in the Selected list');

    // By keyboard: the focused region is named (the pointer moved off the figure first).
    await page.mouse.move(0, 0);
    await page.getByRole('checkbox', { name: 'Knee, left' }).focus();
    await page.keyboard.press('ArrowUp');
    // Focus moves once the map has re-rendered (after the key press, not during it): wait for it.
    const moved = await page
      .waitForFunction(
        () => {
          const label = document.activeElement?.getAttribute('aria-label');
          return label && label !== 'Knee, left' ? label : null;
        },
        undefined,
        { timeout: 5000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const focusedName = typeof moved === 'string' ? moved : null;
    if (!focusedName) throw new Error('the arrow key did not move to another region');
    await expectVisible(caption.getByText(focusedName, { exact: true }), `the focused region (${focusedName}) named under the figure`);
    await checkPage(page, 'check-in-body-map-named', violations);
  },
};
