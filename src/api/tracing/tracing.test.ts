// One thread's tracer against a real OTLP/HTTP receiver: a job run is a trace of its own with its
// statements under it, work handed to another turn keeps its trace, statements outside any trace are
// not exported, a failure is marked by its code only, and shutdown sends what is held.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracing } from './tracing.ts';

interface Span {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly attributes: readonly { key: string; value: { stringValue?: string } }[];
  readonly status?: { code?: number; message?: string };
}

let server: http.Server;
let url = '';
const bodies: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1/traces`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const spansOf = (texts: readonly string[]): Span[] =>
  texts.flatMap((t) =>
    (JSON.parse(t) as { resourceSpans: { scopeSpans: { spans: Span[] }[] }[] }).resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) => s.spans),
    ),
  );

describe('a serving thread’s tracer', () => {
  it('traces job runs with their statements, and sends everything held on shutdown', async () => {
    const tracing = createTracing({ tracesUrl: url, serviceName: 'painwise-unit', headers: {}, sampleRatio: 1 });
    const statements = tracing.statements('sqlite');
    statements.around('select 1 from "job"', () => 1); // outside any trace: not exported
    let later: (() => number) | undefined;
    await tracing.job('reminder', async () => {
      statements.around('update "job" set "attempts" = ? where "id" = ?', () => 1);
      await statements.around('select * from "patient" where "id" = $1', () => Promise.resolve([]));
      later = statements.bind(() => statements.around('insert into "audit_event" ("id") values (?)', () => 1));
    })();
    // Run in another turn, outside the job: the bound work still belongs to the job's trace.
    await new Promise((resolve) => setImmediate(resolve));
    later!();
    const failing = tracing.job('export', async () => {
      statements.around('insert into "export" values (?)', () => {
        throw Object.assign(new Error('duplicate key value (jane@example.test)'), { code: '23505' });
      });
    });
    await expect(failing()).rejects.toThrow('duplicate');
    await tracing.shutdown();

    const exported = bodies.join('\n');
    const spans = spansOf(bodies);
    const job = spans.find((s) => s.name === 'job reminder')!;
    expect(job.parentSpanId ?? '').toBe('');
    const children = spans.filter((s) => s.parentSpanId === job.spanId).map((s) => s.name);
    expect(children.sort()).toEqual(['INSERT audit_event', 'SELECT patient', 'UPDATE job']);
    expect(spans.some((s) => s.name === 'SELECT job')).toBe(false);
    const failed = spans.find((s) => s.name === 'INSERT export')!;
    expect(failed.status?.code).toBe(2);
    expect(failed.attributes).toContainEqual({ key: 'error.type', value: { stringValue: '23505' } });
    expect(spans.find((s) => s.name === 'job export')?.status?.code).toBe(2);
    expect(exported).not.toContain('jane@example.test');
    expect(exported).not.toContain('duplicate key');
  });
});
