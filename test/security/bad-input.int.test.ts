// Every route with a body or parameters, read from /openapi.json, answers malformed input with a 4xx
// problem+json — never a 500 — and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { snapshotDatabase } from '../support/db-snapshot.ts';
import { resolveRef, sampleFromSchema, type JsonSchema } from '../support/openapi-sample.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../support/test-app.ts';

// Each of these tries every route of the API in turn, so it takes as long as the route count makes it.
const ROUTE_SWEEP_TIMEOUT_MS = 240_000;

interface Operation {
  method: string;
  path: string;
  body?: JsonSchema;
  hasParams: boolean;
  hasQuery: boolean;
}

function wrongTypeFor(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : (schema.type ?? (schema.anyOf ? 'string' : undefined));
  switch (type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'not a number';
    case 'boolean':
      return 'yes';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return ['not', 'an', 'object'];
    default:
      return Symbol.for('skip');
  }
}

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let t: TestApp;
  let client: Client;
  let operations: Operation[];
  let components: Record<string, JsonSchema> = {};
  let patientId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const owner = await signUp(t.app, { patient: true });
    client = owner.client;
    patientId = owner.me.patient!.id;
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      components?: { schemas?: Record<string, JsonSchema> };
      paths: Record<
        string,
        Record<string, { parameters?: { in: string }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
      >;
    };
    components = doc.components?.schemas ?? {};
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasParams: (op.parameters ?? []).some((p) => p.in === 'path'),
        hasQuery: (op.parameters ?? []).some((p) => p.in === 'query'),
        ...(op.requestBody ? { body: resolveRef(op.requestBody.content['application/json']!.schema, components) } : {}),
      })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const url = (op: Operation, id = patientId) => op.path.replace(/\{(\w+)\}/g, () => id);

  async function expectRejected(
    label: string,
    send: () => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
    failures: string[],
  ) {
    const before = await snapshotDatabase(t.database.handle);
    const res = await send();
    const after = await snapshotDatabase(t.database.handle);
    if (res.statusCode < 400 || res.statusCode >= 500) failures.push(`${label}: ${res.statusCode}`);
    if (!String(res.headers['content-type']).includes('application/problem+json')) failures.push(`${label}: not problem+json`);
    if (before !== after) failures.push(`${label}: the database changed`);
  }

  it('has routes with bodies and parameters to check', () => {
    expect(operations.filter((o) => o.body).length).toBeGreaterThanOrEqual(10);
    expect(operations.filter((o) => o.hasParams).length).toBeGreaterThanOrEqual(10);
  });

  it(
    'rejects malformed JSON, wrong media types, oversize bodies, missing, unknown and mistyped fields',
    async () => {
      const failures: string[] = [];
      const raw =
        (op: Operation, payload: string, contentType = 'application/json') =>
        () =>
          t.app.inject({
            method: op.method as 'POST',
            url: url(op),
            payload,
            headers: { 'content-type': contentType, cookie: client.cookie!, 'x-csrf-token': client.csrf! },
          });
      for (const op of operations.filter((o) => o.body)) {
        const label = `${op.method} ${op.path}`;
        const sample = sampleFromSchema(op.body!, { futureInstant: '2030-01-01T00:00:00Z', uuid: patientId, components }) as Record<
          string,
          unknown
        >;
        await expectRejected(`${label} malformed JSON`, raw(op, '{"broken": '), failures);
        await expectRejected(`${label} JSON array`, raw(op, '[]'), failures);
        await expectRejected(`${label} text/plain`, raw(op, 'hello', 'text/plain'), failures);
        await expectRejected(`${label} oversize`, raw(op, JSON.stringify({ padding: 'x'.repeat(1_100_000) })), failures);
        await expectRejected(
          `${label} unknown field`,
          () => client.request(op.method, url(op), { ...sample, unexpectedField: true }),
          failures,
        );
        if ((op.body!.required ?? []).length > 0 || Object.keys(op.body!.properties ?? {}).length > 0) {
          await expectRejected(`${label} empty object`, () => client.request(op.method, url(op), {}), failures);
        }
        for (const [key, schema] of Object.entries(op.body!.properties ?? {})) {
          const wrong = wrongTypeFor(schema);
          if (wrong === Symbol.for('skip')) continue;
          await expectRejected(
            `${label} wrong type at /${key}`,
            () => client.request(op.method, url(op), { ...sample, [key]: wrong }),
            failures,
          );
        }
      }
      expect(failures).toEqual([]);
    },
    ROUTE_SWEEP_TIMEOUT_MS,
  );

  it(
    'rejects invalid ids and query values',
    async () => {
      const failures: string[] = [];
      for (const op of operations.filter((o) => o.hasParams)) {
        for (const bad of ['not-a-uuid', '1', "x' or '1'='1", 'a'.repeat(150)]) {
          const sample = op.body
            ? sampleFromSchema(op.body, { futureInstant: '2030-01-01T00:00:00Z', uuid: patientId, components })
            : undefined;
          await expectRejected(
            `${op.method} ${op.path} id=${bad.slice(0, 12)}`,
            () => client.request(op.method, url(op, encodeURIComponent(bad)), sample),
            failures,
          );
        }
      }
      for (const op of operations.filter((o) => o.hasQuery)) {
        await expectRejected(`${op.method} ${op.path} ?limit=abc`, () => client.request(op.method, `${url(op)}?limit=abc`), failures);
        await expectRejected(`${op.method} ${op.path} ?limit=0`, () => client.request(op.method, `${url(op)}?limit=0`), failures);
        await expectRejected(`${op.method} ${op.path} ?unknown=1`, () => client.request(op.method, `${url(op)}?unknown=1`), failures);
      }
      expect(failures).toEqual([]);
    },
    ROUTE_SWEEP_TIMEOUT_MS,
  );

  it(
    'answers paths the router cannot take (a bad %-escape, an over-long id) with problem+json and the security headers',
    async () => {
      const failures: string[] = [];
      for (const op of operations.filter((o) => o.hasParams)) {
        for (const bad of ['%ZZ', 'a'.repeat(250)]) {
          await expectRejected(
            `${op.method} ${op.path} raw id ${bad.slice(0, 6)}`,
            () => client.request(op.method, url(op, bad)),
            failures,
          );
        }
      }
      expect(failures).toEqual([]);
      const res = await client.request('GET', `/api/patients/${'a'.repeat(250)}/diary-entries`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).not.toContain('a'.repeat(250));
    },
    ROUTE_SWEEP_TIMEOUT_MS,
  );

  it('refuses a plain-text body as a media type, naming the one the route takes', async () => {
    const put = await client.request('PUT', `/api/patients/${patientId}/diary-entries/019a0000-0000-7000-8000-00000000abcd`, undefined, {
      'content-type': 'text/plain',
    });
    const send = (urlPath: string, contentType: string) =>
      t.app.inject({
        method: urlPath.endsWith('import') ? 'POST' : 'PUT',
        url: urlPath,
        payload: 'hello',
        headers: { 'content-type': contentType, cookie: client.cookie!, 'x-csrf-token': client.csrf! },
      });
    void put;
    const json = await send(`/api/patients/${patientId}/diary-entries/019a0000-0000-7000-8000-00000000abcd`, 'text/plain');
    expect(json.statusCode).toBe(415);
    expect(json.json().detail).toBe('Send the body as application/json.');
    const csv = await send(`/api/patients/${patientId}/diary-import`, 'application/csv');
    expect(csv.statusCode).toBe(415);
    expect(csv.json().detail).toBe('Send the file as text/csv.');
  });

  it('answers nesting deeper than the call stack allows with a 4xx, in a batch item and in a body with a \\u escape', async () => {
    // Both bodies are walked for text no store keeps; a walk by recursion overflowed the stack (a 500).
    const nested = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const send = (url: string, method: 'POST' | 'PUT', payload: string) =>
      t.app.inject({
        method,
        url,
        payload,
        headers: { 'content-type': 'application/json', cookie: client.cookie!, 'x-csrf-token': client.csrf! },
      });
    const batch = await send(
      `/api/patients/${patientId}/diary-entries/batch`,
      'POST',
      `{"items":[{"id":"019a0000-0000-7000-8000-00000000beef","entry":{"notes":${nested}}}]}`,
    );
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results.map((r: { status: string }) => r.status)).toEqual(['invalid']);
    const flare = await send(
      `/api/patients/${patientId}/flares/019a0000-0000-7000-8000-00000000f1a2`,
      'PUT',
      `{"notes":"\\u00e9","x":${nested}}`,
    );
    expect(flare.statusCode).toBe(400);
    expect(flare.headers['content-type']).toContain('application/problem+json');
  });

  it('answers unknown routes with problem+json 404', async () => {
    const res = await client.request('GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route-not-found');
  });
});
