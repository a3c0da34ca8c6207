// What every browser journey shares: its shape, unique names for the accounts it makes, signing up
// and signing in.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, expectVisible, newContext, type World } from '../harness.ts';
import { SignInPage, SignUpPage } from '../pages/pages.ts';

export type Journey = { name: string; run(world: World, violations: string[]): Promise<void> };

export const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
export const uniqueSuffix = unique;
export const PASSWORD = 'a calm and long passphrase';

/** The wall clock `msFromNow` away in `timeZone`, as a datetime-local field takes it ("2026-01-05T12:00"). */
export function wallClockIn(timeZone: string, msFromNow = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' })
    .format(new Date(Date.now() + msFromNow))
    .replace(' ', 'T');
}

export async function signedInAs(world: World, email: string): Promise<Page> {
  const page = await (await newContext(world)).newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(email, DEMO_PASSWORD);
  return page;
}

/** A new patient, signed up in a fresh browser context, on Today. */
export async function newPatient(world: World, name = `Pat ${unique()}`): Promise<Page> {
  const page = await (await newContext(world)).newPage();
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(name, `pat-${unique()}@example.test`, PASSWORD);
  return page;
}

/**
 * Plants diary days before today through the diary batch endpoint, as the page's own session: each day
 * is a morning check-in recalled now, dated in the patient's own zone, with the fields a journey gives it.
 */
export async function seedDiaryDays(page: Page, days: ReadonlyArray<{ daysBack: number; fields: Record<string, unknown> }>): Promise<void> {
  const status = await page.evaluate(async (days) => {
    const me = await (await fetch('/api/me')).json();
    const zone = me.patient.timeZone as string;
    const dateBack = (n: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short' }).format(new Date(Date.now() - n * 86_400_000));
    const items = days.map((d) => ({
      id: crypto.randomUUID(),
      entry: {
        localDate: dateBack(d.daysBack),
        localTime: '08:00',
        timeZone: zone,
        recordedAt: new Date().toISOString(),
        mode: 'recalled',
        ...d.fields,
      },
    }));
    const res = await fetch(`/api/patients/${me.patient.id}/diary-entries/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ items }),
    });
    return res.status;
  }, days);
  if (status !== 200) throw new Error(`seeding the diary failed: ${status}`);
}

export async function openInsights(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Insights' }).first().click();
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Insights' }), 'the Insights heading');
}
