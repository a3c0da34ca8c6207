import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { Client, createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

describe.each(DIALECTS)('accounts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { signInFreeFailures: 3 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs up, reads /api/me, signs out and back in', async () => {
    const c = new Client(t.app);
    const up = await c.request('POST', '/api/auth/sign-up', {
      email: 'Ana@Example.test ',
      password: 'a long enough passphrase',
      displayName: 'Ana',
      patient: { timeZone: 'America/New_York' },
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().user.email).toBe('ana@example.test');
    expect(up.json().patient.timeZone).toBe('America/New_York');
    const cookie = up.cookies.find((k) => k.name === 'pw_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect((await c.request('GET', '/api/me')).json().user.displayName).toBe('Ana');
    expect((await c.request('POST', '/api/auth/sign-out')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/me')).statusCode).toBe(401);
    const again = await c.request('POST', '/api/auth/sign-in', { email: 'ana@example.test', password: 'a long enough passphrase' });
    expect(again.statusCode).toBe(200);
  });

  it('tells a page starting up whether it is signed in, without an error status when it is not', async () => {
    const c = new Client(t.app);
    const before = await c.request('GET', '/api/session');
    expect(before.statusCode).toBe(200);
    expect(before.json()).toEqual({ signedIn: false });
    await c.request('POST', '/api/auth/sign-up', {
      email: 'session@example.test',
      password: 'a long enough passphrase',
      displayName: 'Sam',
    });
    const after = (await c.request('GET', '/api/session')).json();
    expect(after).toMatchObject({ signedIn: true, me: { user: { email: 'session@example.test', displayName: 'Sam' }, patient: null } });
    expect(typeof after.me.csrfToken).toBe('string');
    expect((await c.request('POST', '/api/auth/sign-out')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/session')).json()).toEqual({ signedIn: false });
  });

  it("keeps a patient's time zone as the canonical IANA name and refuses offsets, on sign-up and on edit", async () => {
    const c = new Client(t.app);
    const offset = await c.request('POST', '/api/auth/sign-up', {
      email: 'tz@example.test',
      password: 'a long enough passphrase',
      displayName: 'Tz',
      patient: { timeZone: '+01:00' },
    });
    expect(offset.statusCode).toBe(400);
    expect(offset.headers['content-type']).toContain('application/problem+json');
    expect(offset.json().errors).toEqual([
      expect.objectContaining({ pointer: '/patient/timeZone', detail: expect.stringMatching(/IANA time zone name/) }),
    ]);
    const up = await c.request('POST', '/api/auth/sign-up', {
      email: 'tz@example.test',
      password: 'a long enough passphrase',
      displayName: 'Tz',
      patient: { timeZone: 'europe/berlin' },
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().patient.timeZone).toBe('Europe/Berlin');
    const pid = up.json().patient.id as string;
    const refused = await c.request('PATCH', `/api/patients/${pid}`, { timeZone: '-23:59' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ pointer: '/timeZone' })]);
    expect((await c.request('GET', `/api/patients/${pid}`)).json().timeZone).toBe('Europe/Berlin');
    expect((await c.request('PATCH', `/api/patients/${pid}`, { timeZone: 'etc/utc' })).json().timeZone).toBe('UTC');
    expect((await c.request('PATCH', `/api/patients/${pid}`, { timeZone: 'Etc/GMT+5' })).json().timeZone).toBe('Etc/GMT+5');
  });

  // This app sends no e-mail (a one-person install), where saying the address is taken is the only way
  // to tell its owner; with e-mail, sign-up answers alike for every address (sign-up-mail.int.test.ts).
  it('rejects short, common and (without e-mail) duplicate credentials with problem+json', async () => {
    const c = new Client(t.app);
    const short = await c.request('POST', '/api/auth/sign-up', { email: 'b@example.test', password: 'short', displayName: 'B' });
    expect(short.statusCode).toBe(400);
    expect(short.headers['content-type']).toContain('application/problem+json');
    expect(short.json()).toMatchObject({ code: 'password-too-short', errors: [{ pointer: '/password' }] });
    const common = await c.request('POST', '/api/auth/sign-up', { email: 'b@example.test', password: 'password123', displayName: 'B' });
    expect(common.json().code).toBe('password-too-common');
    await signUp(t.app, { email: 'dup@example.test' });
    const dup = await c.request('POST', '/api/auth/sign-up', {
      email: 'DUP@example.test',
      password: 'another fine passphrase',
      displayName: 'B',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('email-taken');
  });

  it('slows failed sign-ins from one client with a clear 429, then lets the right password in', async () => {
    await signUp(t.app, { email: 'locked@example.test' });
    const c = new Client(t.app);
    for (let i = 0; i < 3; i++) {
      expect(
        (await c.request('POST', '/api/auth/sign-in', { email: 'locked@example.test', password: 'wrong password here' })).statusCode,
      ).toBe(401);
    }
    const limited = await c.request('POST', '/api/auth/sign-in', {
      email: 'locked@example.test',
      password: 'correct horse battery staple',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('too-many-requests');
    expect(limited.headers['retry-after']).toBe('1');
    t.clock.advanceSeconds(1);
    expect(
      (await c.request('POST', '/api/auth/sign-in', { email: 'locked@example.test', password: 'correct horse battery staple' })).statusCode,
    ).toBe(200);
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const { client } = await signUp(t.app);
    const csrf = client.csrf;
    client.csrf = undefined;
    const res = await client.request('PATCH', '/api/me', { displayName: 'New' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf-token-invalid');
    client.csrf = csrf;
    expect((await client.request('PATCH', '/api/me', { displayName: 'New' })).statusCode).toBe(200);
  });

  it('expires idle sessions and says so', async () => {
    const { client } = await signUp(t.app);
    t.clock.advanceMinutes(31);
    const res = await client.request('GET', '/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session-expired');
  });

  it('changes the password and ends other sessions', async () => {
    const { client } = await signUp(t.app, { email: 'pw@example.test' });
    const other = new Client(t.app);
    await other.request('POST', '/api/auth/sign-in', { email: 'pw@example.test', password: 'correct horse battery staple' });
    const wrong = await client.request('POST', '/api/me/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.json().code).toBe('password-incorrect');
    expect(
      (
        await client.request('POST', '/api/me/password', {
          currentPassword: 'correct horse battery staple',
          newPassword: 'a brand new passphrase',
        })
      ).statusCode,
    ).toBe(204);
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
    expect((await other.request('GET', '/api/me')).statusCode).toBe(401);
  });

  it('issues, uses and revokes API tokens', async () => {
    const { client } = await signUp(t.app);
    const created = await client.request('POST', '/api/me/tokens', { name: 'export script' });
    expect(created.statusCode).toBe(201);
    const { token, apiToken } = created.json();
    const viaToken = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.statusCode).toBe(200);
    const list = await client.request('GET', '/api/me/tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await client.request('DELETE', `/api/me/tokens/${apiToken.id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(revoked.statusCode).toBe(401);
  });

  it('deletes the account with its patient record', async () => {
    const { client, me } = await signUp(t.app, { patient: true });
    expect((await client.request('DELETE', '/api/me', { password: 'wrong wrong wrong' })).statusCode).toBe(400);
    expect((await client.request('DELETE', '/api/me', { password: 'correct horse battery staple' })).statusCode).toBe(204);
    expect(await t.deps.store.patients.findById(me.patient!.id)).toBeUndefined();
    expect(await t.deps.store.users.findById(me.user.id)).toBeUndefined();
  });
});
