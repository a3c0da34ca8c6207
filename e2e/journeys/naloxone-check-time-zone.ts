import { checkPage, DEMO_PASSWORD, expectVisible } from '../harness.ts';
import { SignInPage } from '../pages/pages.ts';
import type { Journey } from './journey.ts';

export const journey: Journey = {
  name: 'a patient away from home sees when they answered the naloxone check in their own time zone',
  async run(world, violations) {
    // James Carter lives in New York; his phone is in Tokyo. 03:00 UTC on 1 March is 28 February in New York.
    const page = await (
      await world.browser.newContext({
        baseURL: world.server.baseUrl,
        viewport: { width: 390, height: 844 },
        locale: 'en-US',
        timezoneId: 'Asia/Tokyo',
      })
    ).newPage();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn('james.carter@demo.painwise.test', DEMO_PASSWORD);
    await page.route(/\/naloxone-check$/, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 200,
            contentType: 'application/json',
            headers: { etag: '"1"' },
            body: JSON.stringify({
              id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
              version: 1,
              updatedAt: '2026-03-01T03:00:00.000Z',
              hasNaloxone: true,
              location: 'Bathroom cabinet',
            }),
          })
        : route.continue(),
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    await expectVisible(page.getByText('Last answered Feb 28, 2026.'), 'the answer dated in New York, not Tokyo (Mar 1)');
    await checkPage(page, 'my-plan-naloxone-zone', violations);
  },
};
