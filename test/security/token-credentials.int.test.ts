// An API token is for scripts: it cannot make more tokens or change the password, and changing the
// password ends every token and every other session of the account (a password is changed when
// something leaked, and whatever was made with it may have leaked too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { Client, createTestApp, signUp, type TestApp, TokenClient } from '../support/test-app.ts';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different long passphrase';

describe.each(DIALECTS)('API tokens and the password on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  const withToken = (token: string, method: string, url: string, body?: unknown) =>
    new TokenClient(t.app, token).request(method, url, body);

  it('refuses a bearer token that tries to create tokens or change the password, and changes nothing', async () => {
    const { client } = await signUp(t.app);
    // Even a token that may write: one that may only read is refused every change anyway.
    const made = await client.request('POST', '/api/me/tokens', { name: 'script', access: 'read-write' });
    expect(made.statusCode).toBe(201);
    const token = made.json().token as string;
    expect((await withToken(token, 'GET', '/api/me/tokens')).statusCode).toBe(200);

    const mint = await withToken(token, 'POST', '/api/me/tokens', { name: 'successor' });
    expect(mint.statusCode).toBe(403);
    expect(mint.headers['content-type']).toContain('application/problem+json');
    expect(mint.json().code).toBe('session-required');
    const change = await withToken(token, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('session-required');

    expect((await client.request('GET', '/api/me/tokens')).json()).toHaveLength(1);
    expect((await withToken(token, 'GET', '/api/me')).statusCode).toBe(200); // the password did not change, so the token still works
  });

  it('revokes every API token and every other session when the password changes', async () => {
    const email = `changer-${Date.now()}@example.test`;
    const { client } = await signUp(t.app, { email });
    const tokens = await Promise.all(
      ['one', 'two'].map(async (name) => (await client.request('POST', '/api/me/tokens', { name })).json().token as string),
    );
    const elsewhere = new Client(t.app);
    expect((await elsewhere.request('POST', '/api/auth/sign-in', { email, password: PASSWORD })).statusCode).toBe(200);

    expect((await client.request('POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(
      204,
    );

    for (const token of tokens) {
      expect((await withToken(token, 'GET', '/api/me')).statusCode).toBe(401);
      expect((await withToken(token, 'POST', '/api/me/tokens', { name: 'after' })).statusCode).toBe(401);
    }
    expect((await elsewhere.request('GET', '/api/me')).statusCode).toBe(401);
    // The session that changed it goes on, and sees its tokens revoked.
    const listed = (await client.request('GET', '/api/me/tokens')).json() as { revokedAt: string | null }[];
    expect(listed).toHaveLength(2);
    expect(listed.every((x) => x.revokedAt !== null)).toBe(true);
  });

  const madeToken = async (client: Client, name: string) => {
    const made = (await client.request('POST', '/api/me/tokens', { name })).json() as {
      token: string;
      apiToken?: { id: string };
      id?: string;
    };
    const listed = (await client.request('GET', '/api/me/tokens')).json() as { id: string; name: string }[];
    return { token: made.token, id: listed.find((x) => x.name === name)!.id };
  };

  it('keeps the tokens the person names when the password changes, and revokes the rest', async () => {
    const { client } = await signUp(t.app);
    const kept = await madeToken(client, 'backup script');
    const dropped = await madeToken(client, 'old laptop');
    const { client: stranger } = await signUp(t.app);
    const strangers = await madeToken(stranger, 'theirs');

    const res = await client.request('POST', '/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      keepTokenIds: [kept.id, strangers.id],
    });
    expect(res.statusCode).toBe(204);
    expect((await withToken(kept.token, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await withToken(dropped.token, 'GET', '/api/me')).statusCode).toBe(401);
    // Naming another account's token neither keeps nor touches it: it was never this account's to revoke.
    expect((await withToken(strangers.token, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('signs out everywhere else: other sessions end and tokens are revoked except those kept; this session stays', async () => {
    const email = `everywhere-${Date.now()}@example.test`;
    const { client } = await signUp(t.app, { email });
    const kept = await madeToken(client, 'kept');
    const dropped = await madeToken(client, 'dropped');
    const elsewhere = new Client(t.app);
    expect((await elsewhere.request('POST', '/api/auth/sign-in', { email, password: PASSWORD })).statusCode).toBe(200);

    const writer = (await client.request('POST', '/api/me/tokens', { name: 'writer', access: 'read-write' })).json().token as string;
    expect((await withToken(writer, 'POST', '/api/me/sign-out-everywhere', { keepTokenIds: [] })).json().code).toBe('session-required');
    expect((await client.request('POST', '/api/me/sign-out-everywhere', { keepTokenIds: [kept.id] })).statusCode).toBe(204);

    expect((await elsewhere.request('GET', '/api/me')).statusCode).toBe(401);
    expect((await client.request('GET', '/api/me')).statusCode).toBe(200);
    expect((await withToken(kept.token, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await withToken(dropped.token, 'GET', '/api/me')).statusCode).toBe(401);
    // The password still works: nothing about it changed.
    expect((await new Client(t.app).request('POST', '/api/auth/sign-in', { email, password: PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a malformed list of tokens to keep, and changes nothing', async () => {
    const { client } = await signUp(t.app);
    const token = await madeToken(client, 'script');
    const res = await client.request('POST', '/api/me/sign-out-everywhere', { keepTokenIds: ['not-a-uuid'] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await withToken(token.token, 'GET', '/api/me')).statusCode).toBe(200);
  });
});
