// What a browser journey is, for journeys kept in their own file (e2e/run.ts lists and runs them).
import type { Page } from 'playwright-core';
import { newContext, type World } from '../harness.ts';
import { SignUpPage } from '../pages/pages.ts';

export type Journey = { name: string; run(world: World, violations: string[]): Promise<void> };

export const uniqueSuffix = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** A new patient, signed up in a fresh browser context, on Today. */
export async function newPatient(world: World, name = `Pat ${uniqueSuffix()}`): Promise<Page> {
  const page = await (await newContext(world)).newPage();
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(name, `pat-${uniqueSuffix()}@example.test`, 'a calm and long passphrase');
  return page;
}
