import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { checkPage, DEMO_PASSWORD, expectFocused, expectVisible, SCREENSHOTS, type World } from '../harness.ts';
import { SignInPage } from '../pages/pages.ts';
import type { Journey } from './journey.ts';

const PHONE = { width: 390, height: 844 };
/** One row at the bottom: the bar may take at most this share of the phone's height. */
const MOST_OF_HEIGHT = 0.12;

async function onPhone(world: World, email: string): Promise<Page> {
  const context = await world.browser.newContext({
    baseURL: world.server.baseUrl,
    viewport: PHONE,
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email, DEMO_PASSWORD);
  return page;
}

/** The bar sits on the bottom edge and is no taller than one row. */
async function expectOneRowAtTheBottom(nav: Locator, who: string): Promise<void> {
  const box = await nav.boundingBox();
  if (!box) throw new Error(`the ${who}'s navigation has no box`);
  if (box.height > PHONE.height * MOST_OF_HEIGHT || Math.abs(box.y + box.height - PHONE.height) > 1)
    throw new Error(
      `expected the ${who}'s navigation as one row on the bottom edge (≤ ${PHONE.height * MOST_OF_HEIGHT} px), got ${box.height} px at y=${box.y}`,
    );
}

/** Scrolled to the end, the page's last content ends above the bar rather than behind it. */
async function expectNothingBehindTheBar(page: Page, what: string): Promise<void> {
  const overlap = await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const main = document.querySelector('main')!.getBoundingClientRect();
    const nav = document.querySelector('nav')!.getBoundingClientRect();
    return main.bottom - nav.top;
  });
  if (overlap > 0) throw new Error(`the end of ${what} is ${overlap} px behind the navigation bar`);
}

export const phoneNavigationJourney: Journey = {
  name: 'on a phone the navigation is one bar at the bottom, with the rest under More and the check-in one tap away',
  async run(world, violations) {
    const patient = world.demo.patients.filter((p) => p.sharing === 'active')[5]!;
    const page = await onPhone(world, patient.email);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expectOneRowAtTheBottom(nav, 'patient');
    for (const name of ['Today', 'Check in', 'Diary', 'Plan'])
      await expectVisible(nav.getByRole('link', { name, exact: true }), `${name} on the bottom bar`);
    if (await nav.getByRole('link', { name: 'Flares' }).isVisible()) throw new Error('Flares is on the bar instead of under More');
    await expectNothingBehindTheBar(page, 'Today');

    // More opens a modal sheet: focus moves into it, Escape closes it and gives focus back to More.
    const more = nav.getByRole('button', { name: 'More' });
    const sheet = page.getByRole('dialog', { name: 'More places' });
    await more.click();
    await expectVisible(sheet, 'the More sheet');
    await expectVisible(sheet.locator(':focus'), 'focus inside the More sheet');
    if ((await more.getAttribute('aria-expanded')) !== 'true') throw new Error('More does not say it is expanded');
    await checkPage(page, 'phone-navigation-more', violations);
    // Measuring at the desktop width closed the sheet; the bar is back.
    await page.setViewportSize(PHONE);
    await more.click();
    await expectVisible(sheet, 'the More sheet, opened again');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    await expectFocused(more, 'More after Escape');

    // A link in the sheet goes to its page, and the sheet closes behind it.
    await more.click();
    await sheet.getByRole('link', { name: 'Who looked' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Who looked at my record', level: 1 }), 'the access log from More');
    await expectFocused(page.getByRole('heading', { name: 'Who looked at my record', level: 1 }), 'the access log heading');
    if (await sheet.isVisible()) throw new Error('the More sheet stayed open after following a link');
    await expectVisible(page.locator('.nav-more-button.current'), 'More marked as holding the current page');

    // From there the check-in is one tap.
    await nav.getByRole('link', { name: 'Check in' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Check in', level: 1 }), 'the check-in in one tap');
    await expectNothingBehindTheBar(page, 'the check-in');
    // The full-page screenshots put a fixed bar at the very end; this one shows the screen as a phone does.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-navigation-bar-390.png') });
    await checkPage(page, 'phone-navigation-check-in', violations);

    // A clinician's bar holds their own main places.
    const doctor = await onPhone(world, 'physician@demo.painwise.test');
    const clinicNav = doctor.getByRole('navigation', { name: 'Main' });
    await expectOneRowAtTheBottom(clinicNav, 'clinician');
    for (const name of ['Today', 'Patients', 'Alerts'])
      await expectVisible(clinicNav.getByRole('link', { name, exact: true }), `${name} on the clinician's bar`);
    await clinicNav.getByRole('button', { name: 'More' }).click();
    await expectVisible(doctor.getByRole('dialog', { name: 'More places' }).getByRole('link', { name: 'Account' }), 'Account under More');

    // On a wide screen the header lists every place as before, and there is no More.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectVisible(nav.getByRole('link', { name: 'Flares' }), 'Flares in the wide header');
    if (await more.isVisible()) throw new Error('More is shown on a wide screen');
    const wide = await nav.boundingBox();
    if (!wide || wide.y > 100) throw new Error(`expected the wide navigation in the header, got y=${wide?.y}`);
  },
};
