// OpenTelemetry tracing on a real server process (two serving threads where the platform allows),
// exporting OTLP/HTTP JSON to a receiver of this test, on every engine: a span per request named by its
// route template with its status, the caller's traceparent honoured, the database statements as child
// spans, the trace id in the answer and in the log, every span sent when the server stops, and no
// e-mail, name, id, body, query value or credential anywhere in what was exported.
import crypto from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/app/system.ts';
import { DIALECTS } from './support/dialects.ts';
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from './support/postgres-database.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

const DIARY_ENTRY = '/api/patients/:patientId/diary-entries/:entryId';
const THREADS = os.platform() === 'linux' ? 2 : 1;

interface OtlpValue {
  readonly stringValue?: string;
  readonly intValue?: string | number;
}
interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: readonly { key: string; value: OtlpValue }[];
  readonly status?: { code?: number };
}
interface ExportedSpan extends OtlpSpan {
  readonly resource: Record<string, OtlpValue>;
}

/** A minimal OTLP/HTTP receiver: keeps every body POSTed to /v1/traces. */
async function startReceiver(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function spansOf(bodies: readonly string[]): ExportedSpan[] {
  return bodies.flatMap((body) =>
    (
      JSON.parse(body) as { resourceSpans: { resource: { attributes: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }
    ).resourceSpans.flatMap((rs) => {
      const resource = Object.fromEntries(rs.resource.attributes.map((a) => [a.key, a.value]));
      return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, resource })));
    }),
  );
}

const attribute = (span: OtlpSpan, key: string): string | undefined => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value === undefined ? undefined : String(value.stringValue ?? value.intValue);
};

describe.each(DIALECTS)('OpenTelemetry tracing on %s', (dialect) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'painwise-tracing-'));
  let database: EmptyPostgresDatabase | undefined;
  let server: ServerProcess | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await receiver?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports request and statement spans by route template, honours traceparent and names no one', async () => {
    receiver = await startReceiver();
    if (dialect === 'postgres') database = await createEmptyPostgresDatabase();
    server = await startServerProcess({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'painwise-under-test',
      PAINWISE_LOG_LEVEL: 'info',
      PAINWISE_HTTP_THREADS: String(THREADS),
      ...(database ? { DATABASE_URL: database.url } : { PAINWISE_DATA_DIR: dataDir }),
    });
    const base = server.baseUrl;
    const email = `tracing-${crypto.randomUUID()}@example.test`;
    const displayName = `Quillon Vantreece ${crypto.randomInt(1e6)}`;
    const password = 'a long enough test password';
    const signUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, displayName, patient: { timeZone: 'UTC' } }),
    });
    expect(signUp.status).toBe(201);
    const me = (await signUp.json()) as { csrfToken: string; patient: { id: string } };
    const cookie = signUp.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken };
    const patientId = me.patient.id;

    // A caller's trace: the server's span must join it.
    const callerTrace = crypto.randomBytes(16).toString('hex');
    const callerSpan = crypto.randomBytes(8).toString('hex');
    const entryId = uuidv7(Date.now(), 11);
    const note = `Flare after gardening ${crypto.randomUUID()}`;
    const entry = {
      localDate: '2026-11-20',
      localTime: '09:00',
      timeZone: 'UTC',
      recordedAt: '2026-11-20T09:00:00.000Z',
      intensity: 4,
      regions: [{ code: 'lumbar-spine', intensity: 4, qualities: ['aching'] }],
      notes: note,
    };
    const written = await fetch(`${base}/api/patients/${patientId}/diary-entries/${entryId}`, {
      method: 'PUT',
      headers: { ...headers, traceparent: `00-${callerTrace}-${callerSpan}-01` },
      body: JSON.stringify(entry),
    });
    expect(written.status).toBe(201);
    expect(written.headers.get('traceresponse')).toMatch(new RegExp(`^00-${callerTrace}-[0-9a-f]{16}-01$`));

    // A write refused (an intensity out of range): 400, traced all the same.
    const refusedId = uuidv7(Date.now(), 12);
    const refused = await fetch(`${base}/api/patients/${patientId}/diary-entries/${refusedId}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...entry, intensity: 42 }),
    });
    expect(refused.status).toBe(400);
    const refusedTrace = refused.headers.get('traceresponse')!.split('-')[1]!;
    const secretQuery = `q${crypto.randomUUID()}`;
    const listed = await fetch(`${base}/api/patients/${patientId}/diary-entries?marker=${secretQuery}`, { headers });
    expect(listed.status).toBeLessThan(500);

    // In flight together, these run on several connections, which the kernel spreads over the threads.
    const health = await Promise.all(Array.from({ length: 16 }, () => fetch(`${base}/health`)));
    expect(health.map((r) => r.status)).toEqual(Array(16).fill(200));

    // Stopping flushes every thread's spans.
    await server.stop('SIGTERM');
    const spans = spansOf(receiver.bodies);
    const exported = receiver.bodies.join('\n');

    const write = spans.find((s) => s.traceId === callerTrace && s.kind === 2);
    expect(write, 'the diary write joined the caller trace').toBeDefined();
    expect(write!.name).toBe(`PUT ${DIARY_ENTRY}`);
    expect(write!.parentSpanId).toBe(callerSpan);
    expect(attribute(write!, 'http.route')).toBe(DIARY_ENTRY);
    expect(attribute(write!, 'http.request.method')).toBe('PUT');
    expect(attribute(write!, 'http.response.status_code')).toBe('201');
    expect(attribute(write!, 'service.name') ?? write!.resource['service.name']?.stringValue).toBe('painwise-under-test');
    const statements = spans.filter((s) => s.parentSpanId === write!.spanId);
    expect(statements.length, 'statements of the write are its children').toBeGreaterThan(0);
    for (const s of statements) {
      expect(s.traceId).toBe(callerTrace);
      expect(s.kind).toBe(3);
      expect(attribute(s, 'db.system.name')).toBe(dialect === 'postgres' ? 'postgresql' : 'sqlite');
      expect(Object.keys(Object.fromEntries(s.attributes.map((a) => [a.key, 1]))).sort()).toEqual(
        expect.arrayContaining(['db.operation.name', 'db.system.name']),
      );
    }
    expect(statements.some((s) => /^(INSERT|UPDATE|WITH) [a-z_]+$/.test(s.name))).toBe(true);

    // Every thread exported its own spans, under its own resource.
    const threads = new Set(spans.filter((s) => s.name === 'GET /health').map((s) => s.resource['thread.id']?.intValue));
    expect(threads.size).toBe(THREADS);

    const refusal = spans.find((s) => s.traceId === refusedTrace && s.kind === 2);
    expect(refusal?.name).toBe(`PUT ${DIARY_ENTRY}`);
    expect(refusal && attribute(refusal, 'http.response.status_code')).toBe('400');
    expect(refusal?.parentSpanId ?? '').toBe('');

    // Nothing that names or identifies the person, their records or their session was exported.
    for (const secret of [email, displayName, 'Quillon', note, patientId, entryId, refusedId, secretQuery, me.csrfToken, password])
      expect(exported).not.toContain(secret);
    expect(exported).not.toContain(cookie.split('=')[1]!.slice(0, 16));
    // The log names the trace (to find it from a log line), and still not the person.
    expect(server.output()).toContain(`"traceId":"${callerTrace}"`);
    expect(server.output()).not.toContain(email);
  });
});
