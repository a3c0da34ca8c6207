// Passkeys over real HTTP on loopback, with a software authenticator that makes real P-256 keys,
// CBOR attestation and ES256 signatures: adding one, signing in with it, and every answer the server
// must refuse without changing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { freePort } from '../../../../test/support/free-port.ts';
import {
  SoftwareAuthenticator,
  type AuthenticationOptionsJson,
  type RegistrationOptionsJson,
  type SoftwareCredential,
} from '../../../../test/support/software-authenticator.ts';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & { code?: string };
  readonly contentType: string;
  readonly setCookies: readonly string[];
}

/** A browser on the app's page: its cookies, its CSRF token and the Origin it sends. */
class Browser {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;
  readonly base: string;
  readonly origin: string;
  bearer: string | undefined;
  constructor(base: string, origin: string) {
    this.base = base;
    this.origin = origin;
  }
  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { origin: this.origin };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    else {
      if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Answer['body']) : {};
    if (typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed, contentType: res.headers.get('content-type') ?? '', setCookies };
  }
}

describe.each(DIALECTS)('passkeys on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  let origin: string;
  let n = 0;

  beforeAll(async () => {
    const port = await freePort();
    // The page is at localhost (the RP id browsers accept in development); the socket is loopback.
    origin = `http://localhost:${port}`;
    t = await createTestApp(dialect, {}, { publicUrl: origin });
    await t.app.listen({ port, host: '127.0.0.1' });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  async function signedUp(): Promise<{ browser: Browser; userId: string; email: string }> {
    n += 1;
    const browser = new Browser(base, origin);
    const email = `passkey${n}@example.test`;
    const res = await browser.send('POST', '/api/auth/sign-up', { email, password: PASSWORD, displayName: `Person ${n}` });
    expect(res.status).toBe(201);
    return { browser, userId: (res.body.user as { id: string }).id, email };
  }

  async function registered(browser: Browser, authenticator: SoftwareAuthenticator, name = 'Laptop'): Promise<SoftwareCredential> {
    const options = await browser.send('POST', '/api/me/passkeys/options');
    expect(options.status).toBe(200);
    const { credential, response } = authenticator.register(options.body as unknown as RegistrationOptionsJson);
    const added = await browser.send('POST', '/api/me/passkeys', { name, response });
    expect(added.status).toBe(201);
    return credential;
  }

  async function signInOptions(browser: Browser): Promise<AuthenticationOptionsJson> {
    const res = await browser.send('POST', '/api/auth/passkey/options');
    expect(res.status).toBe(200);
    return res.body as unknown as AuthenticationOptionsJson;
  }

  function expectRefused(res: Answer, status = 401, code = 'passkey-not-accepted'): void {
    expect(res.status).toBe(status);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.code).toBe(code);
    expect(res.setCookies.some((c) => c.startsWith('pw_session=') && !c.startsWith('pw_session=;'))).toBe(false);
  }

  async function passkeysOf(browser: Browser): Promise<{ id: string; name: string; createdAt: string; lastUsedAt: string | null }[]> {
    const res = await browser.send('GET', '/api/me/passkeys');
    expect(res.status).toBe(200);
    return res.body as unknown as { id: string; name: string; createdAt: string; lastUsedAt: string | null }[];
  }

  it('adds a passkey to the signed-in account and signs in with it in another browser, like a password sign-in', async () => {
    const { browser, userId, email } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const options = await browser.send('POST', '/api/me/passkeys/options');
    expect(options.body).toMatchObject({
      rp: { id: 'localhost', name: 'Painwise' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const credential = await registered(browser, authenticator, 'Work laptop');
    expect(await passkeysOf(browser)).toEqual([
      { id: expect.any(String), name: 'Work laptop', createdAt: expect.any(String), lastUsedAt: null },
    ]);

    const elsewhere = new Browser(base, origin);
    const signIn = await elsewhere.send('POST', '/api/auth/passkey/sign-in', {
      response: authenticator.assert(await signInOptions(elsewhere), credential),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user).toMatchObject({ id: userId, email });
    expect(elsewhere.cookies.has('pw_session')).toBe(true);
    expect(elsewhere.cookies.has('pw_device')).toBe(true);
    const me = await elsewhere.send('GET', '/api/me');
    expect(me.status).toBe(200);
    expect((me.body.user as { id: string }).id).toBe(userId);
    // The session is a full one: it may manage the account's passkeys.
    expect((await passkeysOf(elsewhere))[0]!.lastUsedAt).not.toBeNull();
    expect((await elsewhere.send('POST', '/api/me/passkeys/options')).status).toBe(200);
  });

  it('refuses an answer made on a page of another origin, at sign-in and when adding, and changes nothing', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const before = await passkeysOf(browser);

    const stranger = new Browser(base, origin);
    const phished = authenticator.assert(await signInOptions(stranger), credential, { origin: 'https://painwise.example.evil' });
    expectRefused(await stranger.send('POST', '/api/auth/passkey/sign-in', { response: phished }));
    // Nor an answer whose authenticator data names another RP id.
    const otherRp = authenticator.assert(await signInOptions(stranger), credential, { rpId: 'evil.example' });
    expectRefused(await stranger.send('POST', '/api/auth/passkey/sign-in', { response: otherRp }));
    expect(stranger.cookies.has('pw_session')).toBe(false);
    expect(await passkeysOf(browser)).toEqual(before);

    const options = await browser.send('POST', '/api/me/passkeys/options');
    const { response } = authenticator.register(options.body as unknown as RegistrationOptionsJson, { origin: 'https://evil.example' });
    expectRefused(await browser.send('POST', '/api/me/passkeys', { name: 'Phished', response }), 400, 'passkey-registration-failed');
    expect(await passkeysOf(browser)).toEqual(before);
  });

  it('accepts a challenge once: the same answer again, or a new answer to a used challenge, is refused', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const other = new Browser(base, origin);
    const options = await signInOptions(other);
    const answer = authenticator.assert(options, credential);
    expect((await other.send('POST', '/api/auth/passkey/sign-in', { response: answer })).status).toBe(200);

    const replayer = new Browser(base, origin);
    expectRefused(await replayer.send('POST', '/api/auth/passkey/sign-in', { response: answer }));
    expectRefused(await replayer.send('POST', '/api/auth/passkey/sign-in', { response: authenticator.assert(options, credential) }));
    // A registration challenge used once cannot add a second passkey either.
    const regOptions = (await browser.send('POST', '/api/me/passkeys/options')).body as unknown as RegistrationOptionsJson;
    expect(
      (await browser.send('POST', '/api/me/passkeys', { name: 'A', response: authenticator.register(regOptions).response })).status,
    ).toBe(201);
    expectRefused(
      await browser.send('POST', '/api/me/passkeys', { name: 'B', response: authenticator.register(regOptions).response }),
      400,
      'passkey-registration-failed',
    );
    expect((await passkeysOf(browser)).map((p) => p.name)).toEqual(['Laptop', 'A']);
  });

  it('refuses a challenge older than the ceremony may take', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const other = new Browser(base, origin);
    const options = await signInOptions(other);
    t.clock.advanceMinutes(6);
    expectRefused(await other.send('POST', '/api/auth/passkey/sign-in', { response: authenticator.assert(options, credential) }));
  });

  it('refuses a counter that did not move forward (a cloned authenticator) and keeps the stored one', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const other = new Browser(base, origin);
    credential.counter = 4;
    expect(
      (await other.send('POST', '/api/auth/passkey/sign-in', { response: authenticator.assert(await signInOptions(other), credential) }))
        .status,
    ).toBe(200);
    for (const counter of [3, 5]) {
      const clone = new Browser(base, origin);
      const answer = authenticator.assert(await signInOptions(clone), credential, { counter });
      expectRefused(await clone.send('POST', '/api/auth/passkey/sign-in', { response: answer }));
    }
    // The stored counter is still 5, so the real authenticator's next use (6) passes.
    const real = new Browser(base, origin);
    expect(
      (await real.send('POST', '/api/auth/passkey/sign-in', { response: authenticator.assert(await signInOptions(real), credential) }))
        .status,
    ).toBe(200);
  });

  it('signs in once when two answers with the same counter arrive together; the counter moves by compare-and-set', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const [first, second] = [new Browser(base, origin), new Browser(base, origin)];
    const answers = [
      authenticator.assert(await signInOptions(first), credential, { counter: 1 }),
      authenticator.assert(await signInOptions(second), credential, { counter: 1 }),
    ];
    const statuses = await Promise.all([
      first.send('POST', '/api/auth/passkey/sign-in', { response: answers[0] }),
      second.send('POST', '/api/auth/passkey/sign-in', { response: answers[1] }),
    ]);
    expect(statuses.map((s) => s.status).sort()).toEqual([200, 401]);
    const stored = await t.deps.store.passkeys.findByCredentialId(credential.id);
    expect(stored?.counter).toBe(1);
    expect(await t.deps.store.passkeys.recordUse(stored!.id, 0, 2, '2026-01-01T00:00:00.000Z')).toBe(false);
    expect((await t.deps.store.passkeys.findByCredentialId(credential.id))?.counter).toBe(1);
  });

  it('refuses an answer made without user verification', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const other = new Browser(base, origin);
    const answer = authenticator.assert(await signInOptions(other), credential, { unverified: true });
    expectRefused(await other.send('POST', '/api/auth/passkey/sign-in', { response: answer }));
  });

  it('removes a passkey only with the password; a removed passkey no longer signs in', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    const credential = await registered(browser, authenticator);
    const [passkey] = await passkeysOf(browser);

    const renamed = await browser.send('PATCH', `/api/me/passkeys/${passkey!.id}`, { name: 'Old phone' });
    expect(renamed.status).toBe(204);
    const wrong = await browser.send('DELETE', `/api/me/passkeys/${passkey!.id}`, { password: 'not my password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('password-incorrect');
    expect((await passkeysOf(browser)).map((p) => p.name)).toEqual(['Old phone']);

    expect((await browser.send('DELETE', `/api/me/passkeys/${passkey!.id}`, { password: PASSWORD })).status).toBe(204);
    expect(await passkeysOf(browser)).toEqual([]);
    const other = new Browser(base, origin);
    expectRefused(
      await other.send('POST', '/api/auth/passkey/sign-in', { response: authenticator.assert(await signInOptions(other), credential) }),
    );
  });

  it('lets no API token add, list or remove passkeys, even one that may write', async () => {
    const { browser } = await signedUp();
    const authenticator = new SoftwareAuthenticator(origin);
    await registered(browser, authenticator);
    const [passkey] = await passkeysOf(browser);
    const made = await browser.send('POST', '/api/me/tokens', { name: 'script', access: 'read-write' });
    expect(made.status).toBe(201);
    const script = new Browser(base, origin);
    script.bearer = made.body.token as string;

    expectRefused(await script.send('POST', '/api/me/passkeys/options'), 403, 'session-required');
    // Even with options a session obtained, the token cannot finish the ceremony.
    const options = (await browser.send('POST', '/api/me/passkeys/options')).body as unknown as RegistrationOptionsJson;
    const { response } = authenticator.register(options);
    expectRefused(await script.send('POST', '/api/me/passkeys', { name: 'Sneaky', response }), 403, 'session-required');
    expectRefused(await script.send('GET', '/api/me/passkeys'), 403, 'session-required');
    expectRefused(await script.send('DELETE', `/api/me/passkeys/${passkey!.id}`, { password: PASSWORD }), 403, 'session-required');
    expect((await passkeysOf(browser)).length).toBe(1);
  });

  it('never signs one person in as another', async () => {
    const alice = await signedUp();
    const bob = await signedUp();
    const aliceKeys = new SoftwareAuthenticator(origin);
    const bobKeys = new SoftwareAuthenticator(origin);
    const aliceCredential = await registered(alice.browser, aliceKeys);
    const bobCredential = await registered(bob.browser, bobKeys);

    // Alice's authenticator signs, but the answer names Bob's credential: Bob's key does not verify it.
    const attacker = new Browser(base, origin);
    const forged = aliceKeys.assert(await signInOptions(attacker), aliceCredential, {
      credentialId: bobCredential.id,
      userHandle: bobCredential.userHandle,
    });
    expectRefused(await attacker.send('POST', '/api/auth/passkey/sign-in', { response: forged }));
    // Alice's own credential, claiming to be Bob's account through the user handle.
    const claimed = aliceKeys.assert(await signInOptions(attacker), aliceCredential, { userHandle: bobCredential.userHandle });
    expectRefused(await attacker.send('POST', '/api/auth/passkey/sign-in', { response: claimed }));
    // Options made for Bob's session cannot add a passkey to Alice's account, nor to his through hers.
    const bobOptions = (await bob.browser.send('POST', '/api/me/passkeys/options')).body as unknown as RegistrationOptionsJson;
    expectRefused(
      await alice.browser.send('POST', '/api/me/passkeys', { name: 'Not mine', response: aliceKeys.register(bobOptions).response }),
      400,
      'passkey-registration-failed',
    );
    // Nor rename or remove another's passkey.
    const [bobPasskey] = await passkeysOf(bob.browser);
    expect((await alice.browser.send('PATCH', `/api/me/passkeys/${bobPasskey!.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await alice.browser.send('DELETE', `/api/me/passkeys/${bobPasskey!.id}`, { password: PASSWORD })).status).toBe(404);
    expect((await passkeysOf(bob.browser)).map((p) => p.name)).toEqual(['Laptop']);
    expect((await passkeysOf(alice.browser)).length).toBe(1);

    const asBob = new Browser(base, origin);
    const signedIn = await asBob.send('POST', '/api/auth/passkey/sign-in', {
      response: bobKeys.assert(await signInOptions(asBob), bobCredential),
    });
    expect((signedIn.body.user as { id: string }).id).toBe(bob.userId);
  });

  it('forgets challenges past their expiry in housekeeping', async () => {
    const options = await signInOptions(new Browser(base, origin));
    const issuedAt = t.clock.now().toISOString();
    await t.deps.store.passkeys.pruneChallengesBefore(issuedAt);
    // Still there: it expires five minutes after it was issued.
    expect(await t.deps.store.passkeys.takeChallenge(options.challenge, 'sign-in', issuedAt)).toEqual({ userId: null });
    const again = await signInOptions(new Browser(base, origin));
    await t.deps.store.passkeys.pruneChallengesBefore(new Date(t.clock.now().getTime() + 6 * 60_000).toISOString());
    expect(await t.deps.store.passkeys.takeChallenge(again.challenge, 'sign-in', issuedAt)).toBeUndefined();
  });

  it('slows a client address after many refused passkey answers, before verifying any more', async () => {
    const strict = await createTestApp(dialect, { signInFreeFailuresPerIp: 2 }, { publicUrl: origin });
    try {
      const attempt = async () => {
        const options = await strict.app.inject({ method: 'POST', url: '/api/auth/passkey/options', remoteAddress: '203.0.113.9' });
        const answer = new SoftwareAuthenticator(origin).register({
          challenge: 'x',
          rp: { id: 'localhost' },
          user: { id: 'AA' },
        }).credential;
        const forged = new SoftwareAuthenticator(origin).assert(options.json() as AuthenticationOptionsJson, answer);
        return strict.app.inject({
          method: 'POST',
          url: '/api/auth/passkey/sign-in',
          remoteAddress: '203.0.113.9',
          headers: { 'content-type': 'application/json', origin },
          payload: JSON.stringify({ response: forged }),
        });
      };
      expect((await attempt()).statusCode).toBe(401);
      expect((await attempt()).statusCode).toBe(401);
      const slowed = await attempt();
      expect(slowed.statusCode).toBe(429);
      expect(slowed.json().code).toBe('too-many-requests');
    } finally {
      await strict.close();
    }
  });

  it('answers malformed answers with 4xx problem+json, never 500', async () => {
    const stranger = new Browser(base, origin);
    const options = await signInOptions(stranger);
    const garbage = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: 'bm90IGpzb24', authenticatorData: 'AAAA', signature: 'AAAA' },
    };
    expectRefused(await stranger.send('POST', '/api/auth/passkey/sign-in', { response: garbage }));
    const withChallenge = {
      ...garbage,
      response: {
        ...garbage.response,
        clientDataJSON: Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin })).toString('base64url'),
      },
    };
    expectRefused(await stranger.send('POST', '/api/auth/passkey/sign-in', { response: withChallenge }));
    const invalid = await stranger.send('POST', '/api/auth/passkey/sign-in', { response: { ...garbage, extra: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('validation-failed');
  });
});
