// Two-step sign-in for HTTP tests: codes made by otplib from the secret the server showed, at the
// test clock's time (the real algorithm, as an authenticator app would).
import { generateSync } from 'otplib';
import { expect } from 'vitest';
import type { Client, TestApp } from './test-app.ts';

/** The app's code for `secret` at the test clock's time, `stepsAhead` 30-second steps later. */
export function totpAt(t: TestApp, secret: string, stepsAhead = 0): string {
  return generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + stepsAhead * 30 });
}

/** Turns two-step sign-in on for the client's account, then moves the clock past the code it used. */
export async function enrolSecondFactor(t: TestApp, client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.request('POST', '/api/me/second-factor');
  expect(started.statusCode, started.body).toBe(201);
  const { secret } = started.json();
  const confirmed = await client.request('POST', '/api/me/second-factor/confirm', { code: totpAt(t, secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  t.clock.advanceSeconds(30);
  return { secret, recoveryCodes: confirmed.json().recoveryCodes };
}
