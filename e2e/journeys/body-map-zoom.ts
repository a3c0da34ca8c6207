import { checkPage, expectVisible } from '../harness.ts';
import { type Journey, signedInAs } from './journey.ts';

export const journey: Journey = {
  name: 'body map zoom: hands, feet and spine become large targets and keep what was selected',
  async run(world, violations) {
    const patient = world.demo.patients.filter((p) => p.sharing === 'active')[4]!;
    const page = await signedInAs(world, patient.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
    await page.getByRole('radio', { name: 'Hands' }).click();
    const leftHand = page.getByRole('checkbox', { name: 'Hand, left' });
    await expectVisible(leftHand, 'the left hand in the zoomed view');
    const box = await leftHand.boundingBox();
    if (!box || box.width < 44 || box.height < 44) throw new Error(`zoomed hand is only ${box?.width}×${box?.height} px`);
    await leftHand.click();
    await checkPage(page, 'body-map-hands', violations);
    await page.getByRole('radio', { name: 'Spine' }).click();
    await page.getByRole('checkbox', { name: /Lumbar spine/ }).press('Space');
    await expectVisible(
      page.getByRole('checkbox', { name: /Lumbar spine/, checked: true }),
      'the lumbar spine selected with Space in the zoomed view',
    );
    await page.getByRole('radio', { name: 'Whole body' }).click();
    await page.getByRole('radio', { name: 'Back' }).click();
    await expectVisible(
      page.getByRole('checkbox', { name: 'Hand, left', checked: true }),
      'the left hand still selected on the whole figure',
    );
    await expectVisible(
      page.getByRole('checkbox', { name: /Lumbar spine/, checked: true }),
      'the lumbar spine still selected on the whole figure',
    );
  },
};
