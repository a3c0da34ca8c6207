// Sign-up where the server sends e-mail, over real HTTP on loopback, with a real SMTP server: the
// answer is the same for a new address and one with an account, and the rest is said by e-mail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, TEST_ARGON2, type TestApp } from '../../../../test/support/test-app.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../../../../test/support/smtp.ts';
import { createJobRunner, type JobRunner } from '../../../app/jobs.ts';
import { argon2idHasher } from '../../../app/system.ts';
import { JOB_HANDLERS } from '../../main.ts';
import type { PasswordHasher } from '../../../app/ports.ts';

const PASSWORD = 'a long enough passphrase';
const HEALTH_WORDS = /pain|health|diary|patient|medic|clinic|symptom/i;

/** The real hasher, counting its hashes: sign-up must hash whether or not the address has an account. */
function countingHasher(): PasswordHasher & { hashes: number } {
  const real = argon2idHasher(TEST_ARGON2);
  const counted = {
    hashes: 0,
    hash: (password: string) => {
      counted.hashes += 1;
      return real.hash(password);
    },
    verify: (hash: string, password: string) => real.verify(hash, password),
  };
  return counted;
}

interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

describe.each(DIALECTS)('sign-up by e-mail on %s', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let base: string;
  let jobs: JobRunner;
  const hasher = countingHasher();

  async function post(path: string, body: unknown, cookie?: string): Promise<HttpAnswer> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }
  const signUp = (email: string, extra: Record<string, unknown> = {}) =>
    post('/api/auth/sign-up', { email, password: PASSWORD, displayName: 'Ana', ...extra });
  const mailTo = (email: string): ReceivedMail[] => smtp.received.filter((m) => m.to === email);
  const tokenIn = (mail: ReceivedMail): string => /\/verify-email#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp(
      dialect,
      { signUpPerEmail: 3, signUpPerIp: 6, signUpWindowMinutes: 60 },
      { hasher, mail: smtp.mailDeps('https://painwise.example') },
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    jobs = createJobRunner(t.deps, JOB_HANDLERS);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  // Each test starts past the sign-up window of the one before, so their sign-ups do not add up.
  beforeEach(() => {
    t.clock.advanceMinutes(24 * 60);
  });

  it('answers a new address and one with an account alike, with the same work, and sends each its own message', async () => {
    const taken = await signUp('taken@example.test');
    await jobs.runOnce();
    const token = tokenIn(mailTo('taken@example.test')[0]!);
    expect((await post('/api/auth/confirm-sign-up', { token, password: PASSWORD })).status).toBe(201);
    smtp.received.length = 0;

    hasher.hashes = 0;
    const existing = await signUp('Taken@Example.test', { password: 'another fine passphrase' });
    const hashesForExisting = hasher.hashes;
    hasher.hashes = 0;
    const fresh = await signUp('fresh@example.test');
    expect(hashesForExisting).toBe(1);
    expect(hasher.hashes).toBe(1);
    expect(taken.status).toBe(202);
    for (const answer of [existing, fresh]) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ status: 'check-email' });
      expect(answer.headers.get('content-type')).toBe(fresh.headers.get('content-type'));
      expect(answer.headers.get('set-cookie')).toBeNull();
    }

    // Nothing is sent while answering: the job runner sends, once.
    expect(smtp.received).toHaveLength(0);
    expect(await jobs.runOnce()).toBe(2);
    expect(await jobs.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(2);

    const [note] = mailTo('taken@example.test');
    expect(note!.subject).toBe('Someone tried to sign up with your e-mail address');
    expect(note!.text).toContain('https://painwise.example/sign-in');
    expect(note!.html).toContain('href="https://painwise.example/sign-in"');
    expect(note!.text).not.toContain('verify-email');
    expect(note!.text + note!.html).not.toContain('another fine passphrase');

    const [confirm] = mailTo('fresh@example.test');
    expect(confirm!.subject).toBe('Confirm your e-mail address');
    expect(confirm!.html).toContain(`https://painwise.example/verify-email#token=${tokenIn(confirm!)}`);
    for (const mail of [note!, confirm!]) {
      expect(mail.parsed.from?.text).toContain('no-reply@painwise.test');
      expect(mail.text.length).toBeGreaterThan(0);
      expect(mail.html).toMatch(/^<!doctype html>/);
      expect(mail.subject).not.toMatch(HEALTH_WORDS);
      // What a mail program shows as the preview: the first paragraph.
      expect(mail.text.split('\n\n')[0]).not.toMatch(HEALTH_WORDS);
    }
  });

  it('creates the account from the link with the password chosen, once, and signs in', async () => {
    await signUp('link@example.test', { patient: { timeZone: 'Europe/Berlin' } });
    await jobs.runOnce();
    const token = tokenIn(mailTo('link@example.test')[0]!);
    // Not yet an account: signing in is refused.
    expect((await post('/api/auth/sign-in', { email: 'link@example.test', password: PASSWORD })).status).toBe(401);

    const wrong = await post('/api/auth/confirm-sign-up', { token, password: 'not the one chosen at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ code: 'password-incorrect', errors: [{ pointer: '/password' }] });

    const confirmed = await post('/api/auth/confirm-sign-up', { token, password: PASSWORD });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({
      user: { email: 'link@example.test', displayName: 'Ana' },
      patient: { timeZone: 'Europe/Berlin' },
    });
    const cookie = confirmed.headers
      .getSetCookie()
      .find((c) => c.startsWith('pw_session='))!
      .split(';')[0]!;
    const me = await fetch(`${base}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);

    const again = await post('/api/auth/confirm-sign-up', { token, password: PASSWORD });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'sign-up-link-invalid' });
    expect((await post('/api/auth/sign-in', { email: 'link@example.test', password: PASSWORD })).status).toBe(200);
  });

  it('refuses a link once it has expired, and a made-up one alike', async () => {
    await signUp('late@example.test');
    await jobs.runOnce();
    const token = tokenIn(mailTo('late@example.test')[0]!);
    t.clock.advanceMinutes(24 * 60 + 1);
    const late = await post('/api/auth/confirm-sign-up', { token, password: PASSWORD });
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ code: 'sign-up-link-invalid' });
    const madeUp = await post('/api/auth/confirm-sign-up', { token: 'x'.repeat(43), password: PASSWORD });
    expect(madeUp.body).toMatchObject({ code: 'sign-up-link-invalid' });
    expect((await post('/api/auth/sign-in', { email: 'late@example.test', password: PASSWORD })).status).toBe(401);
  });

  it('retries a message the mail server refused, and sends it once', async () => {
    await signUp('retry@example.test');
    smtp.refuseNext(1);
    expect(await jobs.runOnce()).toBe(1);
    expect(mailTo('retry@example.test')).toHaveLength(0);
    expect(await jobs.runOnce()).toBe(0);
    t.clock.advanceMinutes(3);
    expect(await jobs.runOnce()).toBe(1);
    expect(mailTo('retry@example.test')).toHaveLength(1);
    const token = tokenIn(mailTo('retry@example.test')[0]!);
    expect((await post('/api/auth/confirm-sign-up', { token, password: PASSWORD })).status).toBe(201);
  });

  it('limits sign-ups per address, then per client, with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await signUp('flood@example.test')).status).toBe(202);
    const limited = await signUp('flood@example.test');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body).toMatchObject({ code: 'too-many-requests' });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    // Every attempt here was at one instant of the test's clock: the window (an hour) from then, and a second.
    expect(retryAfter).toBe(3601);

    // The same client, three other addresses: six in the window in all, then refused.
    for (let i = 0; i < 3; i++) expect((await signUp(`other${i}@example.test`)).status).toBe(202);
    expect((await signUp('another@example.test')).status).toBe(429);

    t.clock.advanceSeconds(retryAfter - 1);
    expect((await signUp('flood@example.test')).status).toBe(429);
    t.clock.advanceSeconds(1);
    expect((await signUp('flood@example.test')).status).toBe(202);
  });
});

describe.each(DIALECTS)('sign-up without e-mail on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('signs in at once, and says when the address is taken (one person on their own install)', async () => {
    const body = JSON.stringify({ email: 'solo@example.test', password: PASSWORD, displayName: 'Solo' });
    const headers = { 'content-type': 'application/json' };
    const up = await fetch(`${base}/api/auth/sign-up`, { method: 'POST', headers, body });
    expect(up.status).toBe(201);
    const cookie = up.headers
      .getSetCookie()
      .find((c) => c.startsWith('pw_session='))!
      .split(';')[0]!;
    expect((await fetch(`${base}/api/me`, { headers: { cookie } })).status).toBe(200);
    const dup = await fetch(`${base}/api/auth/sign-up`, { method: 'POST', headers, body });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ code: 'email-taken' });
  });
});
