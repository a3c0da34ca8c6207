// Generated malformed requests over real HTTP to every operation of /openapi.json, sent as the
// signed-in owner of a real patient record and of an organization: every answer is below 500, and
// every 4xx is problem+json. CI sends a few thousand per engine; `PAINWISE_FUZZ_REQUESTS=100000` sends
// as many as asked (and `PAINWISE_FUZZ_SEED` replays a run: the generator is seeded).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { malformedRequest, operationsOf, seededRandom, type FuzzOperation, type MalformedRequest } from '../support/malformed-requests.ts';
import type { JsonSchema } from '../support/openapi-sample.ts';
import { createTestApp, signUp, type TestApp } from '../support/test-app.ts';

const REQUESTS = Number(process.env.PAINWISE_FUZZ_REQUESTS || 1500);
const SEED = Number(process.env.PAINWISE_FUZZ_SEED || 20261207);
const IN_FLIGHT = 8;
const PASSWORD = 'correct horse battery staple';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

function send(agent: http.Agent, origin: string, req: MalformedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body) headers['content-length'] = req.body.length;
    const r = http.request(`${origin}${req.url}`, { method: req.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

describe.each(DIALECTS)('malformed requests on %s', (dialect) => {
  let t: TestApp;
  let origin: string;
  let operations: FuzzOperation[];
  let components: Record<string, JsonSchema>;
  let patientId: string;
  let organizationId: string;
  let email: string;
  let auth: Record<string, string>;
  const agent = new http.Agent({ keepAlive: true, maxSockets: IN_FLIGHT });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    email = `fuzz-${Date.now()}@example.test`;
    const owner = await signUp(t.app, { patient: true, email });
    patientId = owner.me.patient!.id;
    const org = await owner.client.request('POST', '/api/organizations', { name: 'Fuzz clinic' });
    expect(org.statusCode).toBe(201);
    organizationId = (org.json() as { id: string }).id;
    auth = { cookie: owner.client.cookie!, 'x-csrf-token': owner.client.csrf! };
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    components = doc.components?.schemas ?? {};
    operations = operationsOf(doc);
  });
  afterAll(async () => {
    agent.destroy();
    await t?.close();
  });

  /** A new session of `who`, signed in from an address of its own (loopback's generated sign-ins fail on purpose). */
  async function signIn(who: string): Promise<Record<string, string>> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: who, password: PASSWORD },
      remoteAddress: '192.0.2.1',
    });
    if (res.statusCode !== 200) throw new Error(`could not sign in: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'pw_session')!;
    return { cookie: `pw_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  }

  it(`answers ${REQUESTS} generated malformed requests below 500, each 4xx as problem+json`, {
    timeout: Math.max(60_000, REQUESTS * 50),
  }, async () => {
    expect(operations.length).toBeGreaterThanOrEqual(90);
    const random = seededRandom(SEED);
    // Sign-out has no body to break, so most of its requests succeed: they end a session of their own.
    const victim = `fuzz-victim-${Date.now()}@example.test`;
    await signUp(t.app, { email: victim });
    let victimAuth: Record<string, string> = {};
    const isSignOut = (op: FuzzOperation) => op.path === '/api/auth/sign-out';
    const ctx = { components, patientId, organizationId, auth: (op: FuzzOperation) => (isSignOut(op) ? victimAuth : auth) };
    const byStatus = new Map<number, number>();
    const perOperation = new Map<string, number>();
    const failures: string[] = [];
    let sent = 0;
    const started = performance.now();
    const worker = async () => {
      while (sent < REQUESTS) {
        const op = operations[sent % operations.length]!;
        sent += 1;
        if (isSignOut(op)) victimAuth = await signIn(victim);
        const req = malformedRequest(op, ctx, random);
        let answer: Answer;
        try {
          answer = await send(agent, origin, req);
        } catch (error) {
          failures.push(`${req.label}: no answer (${(error as Error).message})`);
          continue;
        }
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        perOperation.set(`${op.method} ${op.path}`, (perOperation.get(`${op.method} ${op.path}`) ?? 0) + 1);
        if (answer.status >= 500) failures.push(`${req.label}: ${answer.status} ${answer.body.slice(0, 200)}`);
        else if (answer.status >= 400 && !answer.contentType.includes('application/problem+json'))
          failures.push(`${req.label}: ${answer.status} as ${answer.contentType || 'no content type'}`);
        if (answer.status === 401 && !op.path.startsWith('/api/auth/')) {
          failures.push(`${req.label}: 401, the session ended`);
          auth = await signIn(email);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const seconds = (performance.now() - started) / 1000;
    const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `malformed requests on ${dialect}: ${sent} to ${perOperation.size} operations in ${seconds.toFixed(1)} s (seed ${SEED}); ` +
        `answers ${statuses.join(' ')}; ${failures.length} failures`,
    );
    expect(perOperation.size).toBe(operations.length);
    expect(failures.slice(0, 30)).toEqual([]);
    // The server is still well: the user's own record reads.
    const res = await t.app.inject({ method: 'GET', url: `/api/patients/${patientId}`, headers: auth });
    expect(res.statusCode).toBe(200);
  });
});
