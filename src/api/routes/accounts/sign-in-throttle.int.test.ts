// Failed sign-ins slow down only the client that made them: nobody can keep an account's owner out by
// failing with their e-mail, from elsewhere or from behind the same address.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';
const WRONG = 'not the password at all';

describe.each(DIALECTS)('sign-in throttling on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { signInFreeFailures: 3, signInFreeFailuresPerIp: 10 });
  });
  afterAll(async () => {
    await t.close();
  });

  /** One sign-in attempt from `address`, carrying a known-device cookie when given. */
  function attempt(email: string, password: string, address: string, deviceToken?: string): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: address,
      headers: { 'content-type': 'application/json', ...(deviceToken ? { cookie: `pw_device=${deviceToken}` } : {}) },
      payload: JSON.stringify({ email, password }),
    });
  }

  /** An attacker's failures: waits out every delay (on the test clock) until `count` wrong passwords were checked. */
  async function failRepeatedly(email: string, address: string, count: number): Promise<void> {
    let failures = 0;
    while (failures < count) {
      const res = await attempt(email, WRONG, address);
      if (res.statusCode === 429) t.clock.advanceSeconds(Number(res.headers['retry-after']));
      else {
        expect(res.statusCode).toBe(401);
        failures += 1;
      }
    }
  }

  function deviceCookieOf(res: LightMyRequestResponse): string {
    const cookie = res.cookies.find((c) => c.name === 'pw_device');
    if (!cookie) throw new Error('no known-device cookie was set');
    return cookie.value;
  }

  it("does not stop the owner signing in from another address after an attacker's 20 failures", async () => {
    await signUp(t.app, { email: 'victim-a@example.test' });
    await failRepeatedly('victim-a@example.test', '203.0.113.1', 20);
    const owner = await attempt('victim-a@example.test', PASSWORD, '198.51.100.1');
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user.email).toBe('victim-a@example.test');
  });

  it('does not slow the owner on a browser that signed in before, even behind the attacker’s own address', async () => {
    await signUp(t.app, { email: 'victim-b@example.test' });
    const nat = '203.0.113.2';
    const first = await attempt('victim-b@example.test', PASSWORD, nat);
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'pw_device')!;
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(device.maxAge).toBe(t.deps.settings.signInKnownDeviceDays * 24 * 60 * 60);

    // The attacker's own account, signed in behind the same address, leaves a known-device cookie too.
    await signUp(t.app, { email: 'attacker-b@example.test' });
    const attackerDevice = deviceCookieOf(await attempt('attacker-b@example.test', PASSWORD, nat));

    await failRepeatedly('victim-b@example.test', nat, 20);
    // A stranger's browser behind the same address is slowed down, with or without the attacker's cookie …
    expect((await attempt('victim-b@example.test', PASSWORD, nat)).statusCode).toBe(429);
    expect((await attempt('victim-b@example.test', PASSWORD, nat, attackerDevice)).statusCode).toBe(429);
    // … the owner's browser is not, and it stays known.
    const owner = await attempt('victim-b@example.test', PASSWORD, nat, device.value);
    expect(owner.statusCode).toBe(200);
    expect(deviceCookieOf(owner)).toBe(device.value);
  });

  it('makes one client wait longer after each failure, without checking the password during the wait', async () => {
    await signUp(t.app, { email: 'victim-c@example.test' });
    const address = '203.0.113.3';
    for (let i = 0; i < 3; i++) expect((await attempt('victim-c@example.test', WRONG, address)).statusCode).toBe(401);
    const verify = vi.spyOn(t.deps.hasher, 'verify');
    try {
      for (const seconds of [1, 2, 4]) {
        verify.mockClear();
        for (const password of [WRONG, PASSWORD]) {
          const refused = await attempt('victim-c@example.test', password, address);
          expect(refused.statusCode).toBe(429);
          expect(refused.headers['content-type']).toContain('application/problem+json');
          expect(refused.json().code).toBe('too-many-requests');
          expect(refused.headers['retry-after']).toBe(String(seconds));
        }
        expect(verify).not.toHaveBeenCalled();
        if (seconds < 4) {
          t.clock.advanceSeconds(seconds);
          expect((await attempt('victim-c@example.test', WRONG, address)).statusCode).toBe(401);
        }
      }
      t.clock.advanceSeconds(3);
      expect((await attempt('victim-c@example.test', PASSWORD, address)).headers['retry-after']).toBe('1');
      t.clock.advanceSeconds(1);
      expect((await attempt('victim-c@example.test', PASSWORD, address)).statusCode).toBe(200);
      // A success starts this client afresh for this account.
      expect((await attempt('victim-c@example.test', WRONG, address)).statusCode).toBe(401);
    } finally {
      verify.mockRestore();
    }
  });

  it('throttles an unknown e-mail exactly like a real one, so a wait does not tell which exists', async () => {
    await signUp(t.app, { email: 'real-d@example.test' });
    const retryAfter = async (email: string, address: string): Promise<string[]> => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await attempt(email, WRONG, address);
        seen.push(`${res.statusCode} ${res.headers['retry-after'] ?? '-'}`);
        if (res.statusCode === 429) t.clock.advanceSeconds(Number(res.headers['retry-after']));
      }
      return seen;
    };
    expect(await retryAfter('nobody-d@example.test', '203.0.113.4')).toEqual(await retryAfter('real-d@example.test', '203.0.113.5'));
  });

  it('slows one address failing across many accounts, but not browsers known to their accounts, nor other addresses', async () => {
    await signUp(t.app, { email: 'regular-e@example.test' });
    const nat = '203.0.113.6';
    const device = deviceCookieOf(await attempt('regular-e@example.test', PASSWORD, nat));
    for (let i = 0; i < 10; i++) expect((await attempt(`stuffed-${i}@example.test`, WRONG, nat)).statusCode).toBe(401);
    const fresh = await attempt('stuffed-new@example.test', WRONG, nat);
    expect(fresh.statusCode).toBe(429);
    expect(fresh.headers['retry-after']).toBe('1');
    expect((await attempt('regular-e@example.test', PASSWORD, nat)).statusCode).toBe(429);
    expect((await attempt('regular-e@example.test', PASSWORD, nat, device)).statusCode).toBe(200);
    expect((await attempt('regular-e@example.test', PASSWORD, '198.51.100.6')).statusCode).toBe(200);
  });
});
