// A server span for every request, named by its route template (`PUT /api/patients/:patientId/…`),
// never by the address asked for: ids, query strings, bodies and headers stay out of traces. A W3C
// traceparent sent by the caller makes the span a child of the caller's; the answer carries the trace
// id in `traceresponse`, and the request's log lines carry it as `traceId`, so that an operator can go
// from a log line or a client's report to the trace.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Tracing } from './tracing.ts';

const HEADERS: TextMapGetter<FastifyRequest['headers']> = {
  keys: (headers) => Object.keys(headers),
  get: (headers, key) => headers[key],
};

export function registerRequestTracing(app: FastifyInstance, tracing: Tracing): void {
  const traced = new WeakMap<FastifyRequest, { readonly span: Span; readonly context: Context }>();
  app.addHook('onRequest', (request, reply, done) => {
    const parent = tracing.propagator.extract(ROOT_CONTEXT, request.headers, HEADERS);
    const route = request.routeOptions.url;
    const span = tracing.tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}) } },
      parent,
    );
    const context = trace.setSpan(parent, span);
    traced.set(request, { span, context });
    const { traceId, spanId, traceFlags } = span.spanContext();
    reply.header('traceresponse', `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`);
    request.log = request.log.child({ traceId });
    reply.log = request.log;
    tracing.runIn(context, done);
  });
  // A body is read in the connection's own turns, outside the trace entered above: it is entered again
  // once the body is in, before validation, the remaining hooks and the handler run.
  app.addHook('preValidation', (request, _reply, done) => {
    const entry = traced.get(request);
    if (entry) tracing.runIn(entry.context, done);
    else done();
  });
  const end = (request: FastifyRequest, status: number | undefined): void => {
    const entry = traced.get(request);
    if (!entry) return;
    traced.delete(request);
    if (status === undefined) {
      entry.span.setStatus({ code: SpanStatusCode.ERROR });
      entry.span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
    } else {
      entry.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) {
        entry.span.setStatus({ code: SpanStatusCode.ERROR });
        entry.span.setAttribute(ATTR_ERROR_TYPE, String(status));
      }
    }
    entry.span.end();
  };
  app.addHook('onResponse', (request, reply, done) => {
    end(request, reply.statusCode);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    end(request, undefined);
    done();
  });
}
