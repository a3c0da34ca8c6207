// OpenTelemetry tracing for one serving thread. Every thread builds its own provider and exporter (the
// SDK keeps its state per thread, and a thread's spans must be flushed by that thread as it closes).
// Loaded only when tracing is configured (see main.ts), so an install without it never loads the SDK.
//
// The trace a piece of code works in is kept in an AsyncLocalStorage of this module rather than in the
// OpenTelemetry API's global context manager: nothing global is registered, so two servers in one
// process (tests) never see each other's spans.
import { AsyncLocalStorage } from 'node:async_hooks';
import { threadId } from 'node:worker_threads';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler, TracerProvider } from '@opentelemetry/sdk-trace';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import type { TracingConfig } from '../../app/tracing-config.ts';
import type { StatementTracing } from '../../storage/statement-tracing.ts';
import { summarizeStatement } from './sql-summary.ts';

export interface Tracing {
  readonly tracer: Tracer;
  readonly propagator: W3CTraceContextPropagator;
  /** Runs `fn` inside the trace `context` (its statements and their spans belong to it). */
  runIn<T>(context: Context, fn: () => T): T;
  /** What the database reports its statements to. */
  statements(system: 'sqlite' | 'postgresql'): StatementTracing;
  /** `run` as a job run of kind `kind`: a trace of its own, with its statements under it. */
  job<A extends unknown[]>(kind: string, run: (...args: A) => Promise<void>): (...args: A) => Promise<void>;
  /** Sends the spans still held and stops the exporter. */
  shutdown(): Promise<void>;
}

/**
 * Only the error's code goes on a span (a SQLSTATE, SQLite's result code, a Node error code): messages
 * may quote the values of the statement.
 */
export function markFailed(span: Span, error: unknown): void {
  const code = (error as { code?: unknown; errcode?: unknown } | null)?.code ?? (error as { errcode?: unknown } | null)?.errcode;
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute(ATTR_ERROR_TYPE, typeof code === 'string' || typeof code === 'number' ? String(code) : 'error');
}

/** The longest a closing thread waits for its last spans to reach the collector. */
const SHUTDOWN_FLUSH_MS = 2000;

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export function createTracing(config: TracingConfig): Tracing {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName, 'process.pid': process.pid, 'thread.id': threadId }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: config.tracesUrl, headers: { ...config.headers } }) }),
    ],
  });
  const tracer = provider.getTracer('painwise');
  const current = new AsyncLocalStorage<Context>();
  const runIn = <T>(context: Context, fn: () => T): T => current.run(context, fn);
  return {
    tracer,
    propagator: new W3CTraceContextPropagator(),
    runIn,
    statements(system) {
      return {
        around(sql, run) {
          // Statements outside a request or a job (the job runner polling its queue) are not traced.
          const parent = current.getStore();
          if (!parent) return run();
          const { operation, table } = summarizeStatement(sql);
          const span = tracer.startSpan(
            table ? `${operation} ${table}` : operation,
            {
              kind: SpanKind.CLIENT,
              attributes: {
                [ATTR_DB_SYSTEM_NAME]: system,
                [ATTR_DB_OPERATION_NAME]: operation,
                ...(table ? { [ATTR_DB_COLLECTION_NAME]: table } : {}),
              },
            },
            parent,
          );
          const fail = (error: unknown): never => {
            markFailed(span, error);
            span.end();
            throw error;
          };
          let result: ReturnType<typeof run>;
          try {
            result = run();
          } catch (error) {
            return fail(error);
          }
          if (!isPromise(result)) {
            span.end();
            return result;
          }
          return result.then((value) => {
            span.end();
            return value;
          }, fail) as typeof result;
        },
        bind(work) {
          const context = current.getStore();
          return context ? (...args) => current.run(context, () => work(...args)) : work;
        },
      };
    },
    job(kind, run) {
      return async (...args) => {
        const span = tracer.startSpan(`job ${kind}`, { kind: SpanKind.INTERNAL, attributes: { 'painwise.job.kind': kind } }, ROOT_CONTEXT);
        try {
          await runIn(trace.setSpan(ROOT_CONTEXT, span), () => run(...args));
        } catch (error) {
          markFailed(span, error);
          throw error;
        } finally {
          span.end();
        }
      };
    },
    async shutdown() {
      // A collector that is down must not hold up a restart: the exporter would retry for its whole timeout.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        provider.shutdown().catch(() => {}),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SHUTDOWN_FLUSH_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
