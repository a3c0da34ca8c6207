// Sensitive actions need a recent proof of who is at the keyboard: a session older than
// PAINWISE_REAUTH_MINUTES since its sign-in or its last re-authentication is refused them until the
// password (or a code) is typed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { addPasskey, newAuthenticator, PASSKEY_ORIGIN, reauthenticateWithPasskey } from '../../../../test/support/passkey-client.ts';
import { enrolSecondFactor, totpAt } from '../../../../test/support/second-factor.ts';
import type { AuthenticationOptionsJson } from '../../../../test/support/software-authenticator.ts';
import { createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('re-authentication on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { reauthMinutes: 10, sessionIdleMinutes: 120 }, { publicUrl: PASSKEY_ORIGIN });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses export, sharing, caregivers and API tokens to a session that proved itself too long ago, then allows them after the password', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const patientId = me.patient!.id;
    const { client: admin } = await signUp(t.app);
    const org = (await admin.request('POST', '/api/organizations', { name: `Reauth clinic ${crypto.randomUUID()}` })).json();
    const sensitive = [
      () => client.request('GET', `/api/patients/${patientId}/diary-export.csv`),
      () => client.request('POST', `/api/patients/${patientId}/caregivers`, { label: 'Helper', scopes: ['read'] }),
      () => client.request('POST', `/api/patients/${patientId}/care-relationships`, { shareCode: org.shareCode, scopes: ['read'] }),
      () => client.request('POST', '/api/me/tokens', { name: 'script' }),
    ];
    // Within ten minutes of sign-up, each is allowed.
    t.clock.advanceMinutes(9);
    for (const action of sensitive) expect((await action()).statusCode).toBeLessThan(300);

    t.clock.advanceMinutes(1);
    for (const action of sensitive) {
      const refused = await action();
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        type: 'https://painwise.dev/problems/reauthentication-required',
        code: 'reauthentication-required',
      });
    }
    // Ordinary reads and writes go on as before.
    expect((await client.request('GET', `/api/patients/${patientId}`)).statusCode).toBe(200);

    const wrong = await client.request('POST', '/api/auth/reauthenticate', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('password-incorrect');
    const neither = await client.request('POST', '/api/auth/reauthenticate', {});
    expect(neither.statusCode).toBe(400);
    const ok = await client.request('POST', '/api/auth/reauthenticate', { password: PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(Date.parse(ok.json().validUntil) - t.clock.now().getTime()).toBe(10 * 60_000);
    for (const action of sensitive.slice(0, 2)) expect((await action()).statusCode).toBeLessThan(300);
    expect((await sensitive[3]!()).statusCode).toBe(201);
  });

  it('takes a code from the authenticator app instead of the password, once', async () => {
    const { client } = await signUp(t.app);
    const { secret } = await enrolSecondFactor(t, client);
    t.clock.advanceMinutes(11);
    expect((await client.request('POST', '/api/me/second-factor/recovery-codes')).json().code).toBe('reauthentication-required');
    const code = totpAt(t, secret);
    expect((await client.request('POST', '/api/auth/reauthenticate', { code })).statusCode).toBe(200);
    expect((await client.request('POST', '/api/me/second-factor/recovery-codes')).statusCode).toBe(200);
    const replayed = await client.request('POST', '/api/auth/reauthenticate', { code });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().code).toBe('second-factor-code-invalid');
  });

  it('takes one of the person’s own passkeys instead, once, and no one else’s', async () => {
    const { client } = await signUp(t.app);
    const mine = newAuthenticator();
    const credential = await addPasskey(client, mine);
    const { client: other } = await signUp(t.app);
    const theirs = newAuthenticator();
    const theirCredential = await addPasskey(other, theirs);
    t.clock.advanceMinutes(11);
    expect((await client.request('POST', '/api/me/tokens', { name: 'script' })).json().code).toBe('reauthentication-required');

    // The options name this account's passkeys only, so the browser offers no one else's.
    const options = (await client.request('POST', '/api/auth/reauthenticate/passkey-options')).json() as AuthenticationOptionsJson & {
      allowCredentials: { id: string }[];
    };
    expect(options.allowCredentials.map((c) => c.id)).toEqual([credential.id]);
    // Another account's passkey answering this account's challenge is refused, and spends the challenge.
    const foreign = await client.request('POST', '/api/auth/reauthenticate', { passkey: theirs.assert(options, theirCredential) });
    expect(foreign.statusCode).toBe(401);
    expect(foreign.json().code).toBe('passkey-not-accepted');
    expect((await client.request('POST', '/api/auth/reauthenticate', { passkey: mine.assert(options, credential) })).json().code).toBe(
      'passkey-not-accepted',
    );
    // A challenge made for signing in is not one for re-authenticating.
    const signInOptions = (await client.request('POST', '/api/auth/passkey/options')).json() as AuthenticationOptionsJson;
    expect((await client.request('POST', '/api/auth/reauthenticate', { passkey: mine.assert(signInOptions, credential) })).statusCode).toBe(
      401,
    );
    // Two proofs at once are refused as bad input.
    const both = await client.request('POST', '/api/auth/reauthenticate', {
      password: PASSWORD,
      passkey: mine.assert(options, credential),
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('validation-failed');

    expect((await client.request('POST', '/api/me/tokens', { name: 'script' })).statusCode).toBe(403);
    expect((await reauthenticateWithPasskey(client, mine, credential)).statusCode).toBe(200);
    expect((await client.request('POST', '/api/me/tokens', { name: 'script' })).statusCode).toBe(201);
  });

  it('has no passkey options for an account without a passkey', async () => {
    const { client } = await signUp(t.app);
    const res = await client.request('POST', '/api/auth/reauthenticate/passkey-options');
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('lets an API token export without a session, as it was made by one that had just proved itself', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    const token = (await client.request('POST', '/api/me/tokens', { name: 'nightly export' })).json().token;
    t.clock.advanceMinutes(60);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/patients/${me.patient!.id}/diary-export.csv`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
  });
});
