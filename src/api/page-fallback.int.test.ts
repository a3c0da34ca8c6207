// The web app's pages are served for any unknown page path (the app routes in the browser), but paths a
// program asks for (the API, /.well-known/, /fhir/) answer 404 problem+json instead of the app's HTML.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { buildApp } from './build-app.ts';

describe.each(DIALECTS)('unknown paths on %s', (dialect) => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const webRoot = mkdtempSync(path.join(os.tmpdir(), 'painwise-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Painwise</title>');
    app = await buildApp(t.deps, { logLevel: 'silent', webRoot });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('serves the app for a page path, so a deep link opens its screen', async () => {
    const res = await app.inject({ method: 'GET', url: '/diary?edit=1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it.each(['/.well-known/security.txt', '/.well-known/openid-configuration', '/fhir', '/api/nothing-here'])(
    'answers %s with 404 problem+json, not the app',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('route-not-found');
    },
  );

  // Under /fhir/ a client speaks FHIR, so the 404 is an OperationOutcome (R4 at /fhir/R4 is served).
  it.each(['/fhir/metadata', '/fhir/Patient/1', '/fhir/R4/Basic/1'])('answers %s with a 404 OperationOutcome, not the app', async (url) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] });
  });
});
