// Two-step sign-in over HTTP: enrolment with a first code, sign-in that asks for a code after the
// password, refused wrong and replayed codes, single-use recovery codes and turning it off. Codes are
// made by otplib from the secret the server showed, at the test clock's time: the real algorithm.
import { generateSync } from 'otplib';
import { MAINTENANCE_JOB, maintenanceHandler } from '../../../app/jobs.ts';
import type { Job } from '../../../app/ports.ts';
import { sha256 } from '../../../app/system.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { Client, createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('two-step sign-in on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { signInFreeFailures: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The app's code for `secret` at the test clock's time, `stepsAhead` 30-second steps later. */
  function codeFor(secret: string, stepsAhead = 0): string {
    return generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + stepsAhead * 30 });
  }

  /** A new account with two-step sign-in on: its e-mail, the secret and the recovery codes. */
  async function enrolled(): Promise<{ client: Client; email: string; secret: string; recoveryCodes: string[] }> {
    const email = `two-step-${crypto.randomUUID()}@example.test`;
    const { client } = await signUp(t.app, { email });
    const started = await client.request('POST', '/api/me/second-factor');
    expect(started.statusCode).toBe(201);
    const { secret } = started.json();
    const confirmed = await client.request('POST', '/api/me/second-factor/confirm', { code: codeFor(secret) });
    expect(confirmed.statusCode).toBe(200);
    t.clock.advanceSeconds(30); // the code just used is spent; the next step's is not
    return { client, email, secret, recoveryCodes: confirmed.json().recoveryCodes };
  }

  async function password(email: string) {
    const c = new Client(t.app);
    const res = await c.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
    return { c, res };
  }

  it('enrols with a server-made secret shown as an otpauth URI, confirmed only by a right code', async () => {
    const email = `enrol-${crypto.randomUUID()}@example.test`;
    const { client } = await signUp(t.app, { email });
    expect((await client.request('GET', '/api/me/second-factor')).json()).toEqual({
      enabled: false,
      pendingConfirmation: false,
      recoveryCodesLeft: 0,
    });
    const started = await client.request('POST', '/api/me/second-factor');
    expect(started.statusCode).toBe(201);
    expect(started.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUri } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Painwise');
    expect(decodeURIComponent(uri.pathname)).toContain(email);
    expect((await client.request('GET', '/api/me/second-factor')).json().pendingConfirmation).toBe(true);

    // Until confirmed, sign-in still takes the password alone.
    expect((await password(email)).res.statusCode).toBe(200);

    const wrong = await client.request('POST', '/api/me/second-factor/confirm', { code: codeFor(secret, 5) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'second-factor-code-invalid', errors: [{ pointer: '/code' }] });
    const malformed = await client.request('POST', '/api/me/second-factor/confirm', { code: '12ab56' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation-failed');

    const confirmed = await client.request('POST', '/api/me/second-factor/confirm', { code: codeFor(secret) });
    expect(confirmed.statusCode).toBe(200);
    const codes: string[] = confirmed.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-f]{5}(-[0-9a-f]{5}){3}$/);
    expect((await client.request('GET', '/api/me/second-factor')).json()).toEqual({
      enabled: true,
      pendingConfirmation: false,
      recoveryCodesLeft: 10,
    });
    // A second enrolment while one is on would silently replace the app the person relies on.
    expect((await client.request('POST', '/api/me/second-factor')).statusCode).toBe(409);
  });

  it('asks for the code after the password, with no session until the code is right', async () => {
    const { email, secret } = await enrolled();
    const { c, res } = await password(email);
    expect(res.statusCode).toBe(202);
    const { pendingToken, expiresAt, secondFactorRequired } = res.json();
    expect(secondFactorRequired).toBe(true);
    expect(Date.parse(expiresAt) - t.clock.now().getTime()).toBe(5 * 60_000);
    expect(res.cookies.find((k) => k.name === 'pw_session')).toBeUndefined();
    expect((await c.request('GET', '/api/me')).statusCode).toBe(401);

    const wrong = await c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken, code: codeFor(secret, 4) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('second-factor-code-invalid');
    expect(wrong.cookies.find((k) => k.name === 'pw_session')).toBeUndefined();

    const right = await c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken, code: codeFor(secret) });
    expect(right.statusCode).toBe(200);
    expect(right.json().user.email).toBe(email);
    expect((await c.request('GET', '/api/me')).statusCode).toBe(200);

    // The pending token is spent by its success.
    const again = await new Client(t.app).request('POST', '/api/auth/sign-in/second-factor', { pendingToken, code: codeFor(secret, 1) });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('sign-in-step-expired');
  });

  it('refuses a code already used, even for a new sign-in within its window', async () => {
    const { email, secret } = await enrolled();
    const code = codeFor(secret);
    const first = await password(email);
    expect(
      (await first.c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken: first.res.json().pendingToken, code })).statusCode,
    ).toBe(200);
    t.clock.advanceSeconds(10); // still inside the same 30-second step
    const second = await password(email);
    const replay = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      code,
    });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('second-factor-code-invalid');
    // An earlier step's code, still within the tolerance, is refused too: steps only move forward.
    t.clock.advanceSeconds(30);
    const earlier = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      code: codeFor(secret, -1),
    });
    expect(earlier.statusCode).toBe(400);
    const next = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      code: codeFor(secret),
    });
    expect(next.statusCode).toBe(200);
  });

  it('expires the pending sign-in after five minutes, and housekeeping forgets it', async () => {
    const { email, secret } = await enrolled();
    const { c, res } = await password(email);
    const { pendingToken: leftBehind } = (await password(email)).res.json();
    t.clock.advanceMinutes(5);
    const late = await c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: res.json().pendingToken,
      code: codeFor(secret),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('sign-in-step-expired');
    expect(await t.deps.store.secondFactors.findPendingSignIn(sha256(leftBehind))).toBeDefined();
    t.clock.advanceSeconds(1);
    await maintenanceHandler(t.deps, { id: 'housekeeping', kind: MAINTENANCE_JOB } as unknown as Job);
    expect(await t.deps.store.secondFactors.findPendingSignIn(sha256(leftBehind))).toBeUndefined();
  });

  it('slows down wrong codes, per account, and never checks a code while it must wait', async () => {
    const { email, secret } = await enrolled();
    const { c, res } = await password(email);
    const pendingToken = res.json().pendingToken;
    for (let i = 0; i < 3; i++) {
      const wrong = await c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken, code: codeFor(secret, 7 + i) });
      expect(wrong.statusCode).toBe(400);
    }
    // The free failures are used up: even a right code is refused, unchecked, until the wait is over.
    const waiting = await c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken, code: codeFor(secret) });
    expect(waiting.statusCode).toBe(429);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    // Another pending sign-in for the same account (another address) waits as well.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '203.0.113.9',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(
      (await c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken: other.json().pendingToken, code: codeFor(secret) }))
        .statusCode,
    ).toBe(429);
    t.clock.advanceSeconds(Number(waiting.headers['retry-after']));
    expect((await c.request('POST', '/api/auth/sign-in/second-factor', { pendingToken, code: codeFor(secret) })).statusCode).toBe(200);
  });

  it('takes each recovery code once instead of a code, and new ones replace the old', async () => {
    const { client, email, recoveryCodes } = await enrolled();
    const first = await password(email);
    const used = await first.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: first.res.json().pendingToken,
      recoveryCode: recoveryCodes[0]!.toUpperCase().replaceAll('-', ' '),
    });
    expect(used.statusCode).toBe(200);
    expect((await client.request('GET', '/api/me/second-factor')).json().recoveryCodesLeft).toBe(9);

    const second = await password(email);
    const reused = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      recoveryCode: recoveryCodes[0],
    });
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'second-factor-code-invalid', errors: [{ pointer: '/recoveryCode' }] });
    const both = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      recoveryCode: recoveryCodes[1],
      code: '123456',
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('validation-failed');

    const regenerated = await client.request('POST', '/api/me/second-factor/recovery-codes');
    expect(regenerated.statusCode).toBe(200);
    const fresh: string[] = regenerated.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[1]);
    const old = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      recoveryCode: recoveryCodes[1],
    });
    expect(old.statusCode).toBe(400);
    const withFresh = await second.c.request('POST', '/api/auth/sign-in/second-factor', {
      pendingToken: second.res.json().pendingToken,
      recoveryCode: fresh[0],
    });
    expect(withFresh.statusCode).toBe(200);
  });

  it('turns off only with the password and a code, after which the password alone signs in', async () => {
    const { client, email, secret } = await enrolled();
    const noCode = await client.request('POST', '/api/me/second-factor/disable', { password: PASSWORD });
    expect(noCode.statusCode).toBe(400);
    const wrongPassword = await client.request('POST', '/api/me/second-factor/disable', {
      password: 'not the password',
      code: codeFor(secret),
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().code).toBe('password-incorrect');
    const wrongCode = await client.request('POST', '/api/me/second-factor/disable', { password: PASSWORD, code: codeFor(secret, 6) });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json().code).toBe('second-factor-code-invalid');
    expect((await password(email)).res.statusCode).toBe(202);

    const off = await client.request('POST', '/api/me/second-factor/disable', { password: PASSWORD, code: codeFor(secret) });
    expect(off.statusCode).toBe(204);
    expect((await client.request('GET', '/api/me/second-factor')).json().enabled).toBe(false);
    expect((await password(email)).res.statusCode).toBe(200);
  });

  it('refuses an API token every second-factor change', async () => {
    const { client } = await signUp(t.app);
    const created = await client.request('POST', '/api/me/tokens', { name: 'script', access: 'read-write' });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json().token;
    const res = await t.app.inject({ method: 'POST', url: '/api/me/second-factor', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('session-required');
  });
});
