// Health data is never cacheable, and an unsafe request sent by another site's page is refused by
// its Origin even when the browser attaches the session cookie and the page got hold of the CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/build-app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../support/test-app.ts';

describe.each(DIALECTS)('caching and Origin on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const p = await signUp(t.app, { patient: true });
    owner = p.client;
    pid = p.me.patient!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every API response and download with Cache-Control: no-store', async () => {
    for (const url of ['/api/me', `/api/patients/${pid}/diary-entries`, `/api/patients/${pid}/diary-export.csv`, '/api/no-such-thing']) {
      const res = await owner.request('GET', url);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(failed.statusCode).toBe(400);
    expect(failed.headers['cache-control']).toBe('no-store');
  });

  it('refuses an unsafe request whose Origin is another site, and changes nothing', async () => {
    for (const origin of ['https://attacker.example', 'null', 'http://localhost:8080']) {
      const res = await owner.request('POST', '/api/me/tokens', { name: 'from elsewhere' }, { origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('origin-not-allowed');
    }
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', origin: 'https://attacker.example' },
      payload: JSON.stringify({ email: 'x@example.test', password: 'whatever it is' }),
    });
    expect(signIn.statusCode).toBe(403);
    expect((await owner.request('GET', '/api/me/tokens')).json()).toEqual([]);
  });

  it('accepts the same origin, and no Origin at all (scripts)', async () => {
    // inject() addresses the request to localhost:80.
    expect((await owner.request('POST', '/api/me/tokens', { name: 'same site' }, { origin: 'http://localhost' })).statusCode).toBe(201);
    expect((await owner.request('POST', '/api/me/tokens', { name: 'no origin' })).statusCode).toBe(201);
    // A safe method is not checked: reading is not an action taken for the user.
    expect((await owner.request('GET', '/api/me', undefined, { origin: 'https://attacker.example' })).statusCode).toBe(200);
  });

  describe('behind a proxy that the app does not trust, with its public URL configured', () => {
    let proxied: FastifyInstance;
    beforeAll(async () => {
      proxied = await buildApp(t.deps, { logLevel: 'silent', publicUrl: 'https://painwise.example' });
    });
    afterAll(async () => {
      await proxied.close();
    });

    it('accepts the public URL’s origin and still refuses others', async () => {
      const send = (origin: string) =>
        proxied.inject({
          method: 'POST',
          url: `/api/me/tokens`,
          payload: JSON.stringify({ name: 'via proxy' }),
          headers: { 'content-type': 'application/json', cookie: owner.cookie!, 'x-csrf-token': owner.csrf!, origin },
        });
      expect((await send('https://painwise.example')).statusCode).toBe(201);
      expect((await send('https://painwise.example.attacker.example')).statusCode).toBe(403);
    });
  });
});
