// What every browser journey shares: its shape, unique names for the accounts it makes, signing up
// and signing in.
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, newContext, type World } from '../harness.ts';
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
