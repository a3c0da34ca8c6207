// Builds the Fastify app from its dependencies. Nothing here reads the environment or opens a
// database: api/main.ts and cli/main.ts compose the pieces and pass them in.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { threadId } from 'node:worker_threads';
import path from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../app/errors.ts';
import type { FieldError } from '../contract/errors.ts';
import { registerAuthentication } from './auth-plumbing.ts';
import { PROBLEM_CONTENT_TYPE, PROBLEMS, sendProblem } from './problem.ts';
import { securityHeaders } from './security-headers.ts';
import { checkOrigin } from './request-origin.ts';
import { zodFastSerializerCompiler } from './serializer.ts';
import { ANONYMOUS } from './request-context.ts';
import {
  collectClinicRouteActions,
  collectPatientRouteActions,
  type ClinicRouteActions,
  type PatientRouteActions,
} from './route-metadata.ts';
import { registerAccountRoutes } from './routes/accounts/accounts.routes.ts';
import { registerSecondFactorRoutes } from './routes/accounts/second-factor.routes.ts';
import { registerPasskeyRoutes } from './routes/accounts/passkeys.routes.ts';
import { registerReauthenticationRoutes } from './routes/accounts/reauthentication.routes.ts';
import { registerDiaryRoutes } from './routes/diary/diary.routes.ts';
import { registerAlertRoutes } from './routes/alerts/alerts.routes.ts';
import { registerMedicationRoutes } from './routes/medications/medications.routes.ts';
import { registerCoverageRoutes } from './routes/coverage/coverage.routes.ts';
import { registerCarePlanRoutes } from './routes/care-plan/care-plan.routes.ts';
import { registerMechanismAssessmentRoutes } from './routes/mechanism-assessments/mechanism-assessments.routes.ts';
import { registerInstrumentRoutes } from './routes/instruments/instruments.routes.ts';
import { registerDiaryDocumentRoutes } from './routes/diary/diary-documents.routes.ts';
import { registerInsightRoutes } from './routes/insights/insights.routes.ts';
import { registerVisitRoutes } from './routes/visits/visits.routes.ts';
import { registerIntakeRoutes } from './routes/intake/intake.routes.ts';
import { registerHealthRoutes } from './routes/health/health.routes.ts';
import { registerOrganizationRoutes } from './routes/organizations/organizations.routes.ts';
import { registerPatientRoutes } from './routes/patients/patients.routes.ts';
import { registerChangeFeedRoutes } from './routes/records/changes.routes.ts';
import { registerFhirRoutes } from './routes/fhir/fhir.routes.ts';
import { registerTrendRoutes } from './routes/insights/trends.routes.ts';
import { registerReportRoutes } from './routes/reports/reports.routes.ts';
import type { ApiDeps, ZodApp } from './types.ts';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../contract/text.ts';
import { classifyDatabaseFailure } from '../storage/database-errors.ts';
import type { ServerMetrics } from './metrics.ts';
import { registerMetricsRoute } from './routes/metrics/metrics.routes.ts';
import { registerRequestTracing } from './tracing/request-tracing.ts';
import type { Tracing } from './tracing/tracing.ts';

/**
 * Retry-After for a database that is busy or whose connection broke: the pool opens a new connection
 * at once and a lock wait ends within its timeout, so a second is enough; a database that cannot be
 * reached at all is asked about again less eagerly.
 */
// A full disk waits for someone to free space, so clients are asked to hold back longer than for a blip.
const RETRY_AFTER_SECONDS = { 'connection-lost': 1, busy: 1, unreachable: 5, 'storage-full': 30 } as const;

export interface BuildAppOptions {
  readonly logLevel?: string;
  readonly bodyLimitBytes?: number;
  readonly trustProxy?: boolean;
  /** The URL people reach Painwise at (an origin); unsafe API requests from a page of it are accepted. */
  readonly publicUrl?: string;
  /** True once the process is shutting down: /ready answers 503 so that no new work is sent here. */
  readonly isStopping?: () => boolean;
  /** Folder with the built web app; served at / when it exists. */
  readonly webRoot?: string;
  /** Told the patient's id after each successful change to their records (keeps derived summaries fresh). */
  readonly onPatientChanged?: (patientId: string) => void;
  /** When given, every answered request is recorded and GET /metrics serves the figures (see metrics.ts). */
  readonly metrics?: { readonly recorder: ServerMetrics; readonly token?: string | undefined };
  /** When given, every request is traced (see tracing/request-tracing.ts). */
  readonly tracing?: Tracing;
  /** Extra route registrations (later features) — each gets the app and the deps. */
  readonly plugins?: readonly ((app: ZodApp, deps: ApiDeps) => void)[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD /url` → the policy action the route needs (see route-metadata.ts). */
    patientRouteActions: PatientRouteActions;
    clinicRouteActions: ClinicRouteActions;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Paths a program asks for, never a page of the app: the API, well-known URIs (RFC 8615: security.txt,
 * OpenID and app-link files) and FHIR endpoints. An unknown one answers 404 problem+json, not the
 * app's HTML with 200, which a client would take for a real answer.
 */
const MACHINE_PREFIXES = ['/api/', '/.well-known/', '/fhir/'];
const isMachinePath = (pathname: string): boolean =>
  pathname === METRICS_PATH || MACHINE_PREFIXES.some((prefix) => pathname.startsWith(prefix) || pathname === prefix.slice(0, -1));
/** A scraper's path: with metrics off it answers 404 problem+json, not the web app. */
const METRICS_PATH = '/metrics';

export async function buildApp(deps: ApiDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // `thread` tells apart the serving threads of one process (see main.ts); 0 is the primary.
      base: { pid: process.pid, hostname: os.hostname(), thread: threadId },
      // Requests are logged by method, route and status only: never bodies, headers or query values.
      serializers: {
        req: (req: { method: string; routeOptions?: { url?: string }; url: string }) => ({
          method: req.method,
          route: req.routeOptions?.url ?? req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 200 },
    // A path Fastify cannot route (a bad %-escape, a parameter past 200 characters): problem+json too,
    // with the security headers, and without echoing the path back.
    frameworkErrors: (error, request, reply) => {
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'not-found' : 'validation-failed';
      const { status, title } = PROBLEMS[code];
      const r = reply as unknown as FastifyReply;
      r.headers(headers);
      r.header('x-request-id', request.id);
      if (request.url.startsWith('/api/') || request.url.startsWith('/fhir/')) r.header('cache-control', 'no-store');
      if (request.url.startsWith('/fhir/'))
        return void sendProblem(request, r, code, { detail: 'The address is not one this server serves.' });
      void r
        .code(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: `https://painwise.dev/problems/${code}`,
            title,
            status,
            code,
            detail: 'The address is not one this server serves.',
            requestId: request.id,
          }),
        );
    },
  }).withTypeProvider<ZodTypeProvider>();

  // First of all hooks, so that every later one runs inside the request's trace.
  if (options.tracing) registerRequestTracing(app, options.tracing);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(zodFastSerializerCompiler);
  const headers = securityHeaders({ hsts: deps.cookies.secure });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    // Health records and downloads must not stay in a browser's, a proxy's or a shared computer's cache.
    if (request.url.startsWith('/api/') || request.url.startsWith('/fhir/')) reply.header('cache-control', 'no-store');
    done();
  });
  app.addHook('onRequest', checkOrigin(options.publicUrl));
  const { onPatientChanged } = options;
  if (onPatientChanged)
    app.addHook('onResponse', (request, reply, done) => {
      if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 300) {
        const patientId = (request.params as { patientId?: unknown } | undefined)?.patientId;
        if (typeof patientId === 'string') onPatientChanged(patientId);
      }
      done();
    });
  const metrics = options.metrics;
  if (metrics) {
    const { recorder } = metrics;
    // The scrape itself is left out, so that reading the figures does not move them.
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url;
      if (route !== METRICS_PATH) recorder.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  }
  // While shutting down, each connection is closed after its response: the client's next request opens
  // a new one (to another process behind a balancer), and the close does not wait for idle keep-alives.
  const isStopping = options.isStopping ?? (() => false);
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isStopping()) reply.header('connection', 'close');
    done(null, payload);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Painwise API', version: '0.1.0', description: 'Errors are RFC 9457 application/problem+json with a stable `code`.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'pw_session' }, bearer: { type: 'http', scheme: 'bearer' } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  // Bodies are JSON (or CSV for the import): plain text is refused as a media type, not parsed as a string.
  app.removeContentTypeParser('text/plain');
  // JSON as Fastify parses it (prototype poisoning refused), and then no text that cannot be stored:
  // NUL or an unpaired surrogate can only arrive as a \u escape, so only bodies with one are walked.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = String(raw);
    parseJson(request, body, (error: Error | null, value?: unknown) => {
      if (error) return done(error, undefined);
      const pointer = body.includes('\\u') && request.routeOptions.config.textCheckedPerItem !== true ? findUnstorableText(value) : null;
      if (pointer !== null)
        return done(
          new AppError('validation-failed', 'The request has text that cannot be stored.', {
            errors: [{ pointer, detail: UNSTORABLE_TEXT_MESSAGE }],
          }),
          undefined,
        );
      done(null, value);
    });
  });
  registerAuthentication(app, deps, deps.cookies);
  const patientRouteActions = collectPatientRouteActions(app);
  app.decorate('patientRouteActions', patientRouteActions);
  app.decorate('clinicRouteActions', collectClinicRouteActions(app));

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      const code = error.code === 'authentication-required' && request.auth?.sessionExpired ? 'session-expired' : error.code;
      return sendProblem(request, reply, code, { detail: error.message, errors: error.errors, extra: error.extra });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'body';
      const errors: FieldError[] = error.validation.map((v) => {
        const params = v.params as { issue?: { code?: string; keys?: string[] } } | undefined;
        const unknownKeys = params?.issue?.code === 'unrecognized_keys' ? (params.issue.keys ?? []) : [];
        const base = (where === 'body' ? '' : `/${where}`) + v.instancePath;
        return unknownKeys.length > 0
          ? {
              pointer: `${base}/${unknownKeys[0]}`,
              detail: `Unknown field${unknownKeys.length > 1 ? 's' : ''}: ${unknownKeys.join(', ')}.`,
            }
          : { pointer: base || '/', detail: v.message ?? 'Invalid value.' };
      });
      const detail =
        where === 'body'
          ? 'Check the highlighted fields.'
          : where === 'params'
            ? 'This address does not name a valid record; check the link.'
            : 'The address has a value that is not valid; check the link.';
      return sendProblem(request, reply, 'validation-failed', { detail, errors });
    }
    const fe = error as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 'malformed-json', { detail: 'The body could not be parsed as JSON.' });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 'payload-too-large', { detail: 'Send a smaller body.' });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 'unsupported-media-type', {
          detail: request.routeOptions.url?.endsWith('/diary-import') ? 'Send the file as text/csv.' : 'Send the body as application/json.',
        });
    }
    if (error instanceof SyntaxError || (fe.statusCode === 400 && fe.code?.startsWith('FST_ERR_CTP'))) {
      return sendProblem(request, reply, 'malformed-json', { detail: 'The body could not be parsed as JSON.' });
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendProblem(
        request,
        reply,
        fe.statusCode === 413 ? 'payload-too-large' : fe.statusCode === 415 ? 'unsupported-media-type' : 'validation-failed',
        { detail: 'The request could not be processed.' },
      );
    }
    const failure = classifyDatabaseFailure(error);
    if (failure) {
      // The database's code only: its messages may quote values.
      request.log.warn({ err: { type: error.name, code: (error as { code?: unknown }).code, failure } }, 'database unavailable');
      return sendProblem(request, reply, 'service-unavailable', {
        detail:
          failure === 'storage-full'
            ? 'The server has no room left to save changes. Nothing was saved; try again later.'
            : 'The database is busy or was briefly unreachable. Try again in a moment.',
        extra: { retryAfterSeconds: RETRY_AFTER_SECONDS[failure] },
      });
    }
    // A bug: log it (no request body, no patient data) and answer without leaking anything.
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    return sendProblem(request, reply, 'internal-error', { detail: 'The error has been logged. Try again in a moment.' });
  });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerHealthRoutes(app, deps, isStopping);
  if (metrics) registerMetricsRoute(app, METRICS_PATH, metrics.recorder, metrics.token);
  registerAccountRoutes(app, deps);
  registerSecondFactorRoutes(app, deps);
  registerPasskeyRoutes(app, deps, options.publicUrl);
  registerReauthenticationRoutes(app, deps, options.publicUrl);
  registerPatientRoutes(app, deps);
  registerOrganizationRoutes(app, deps);
  registerDiaryRoutes(app, deps);
  registerDiaryDocumentRoutes(app, deps);
  registerInsightRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerMedicationRoutes(app, deps);
  registerCarePlanRoutes(app, deps);
  registerCoverageRoutes(app, deps);
  registerMechanismAssessmentRoutes(app, deps);
  registerInstrumentRoutes(app, deps);
  registerChangeFeedRoutes(app, deps);
  registerFhirRoutes(app, deps, options.publicUrl);
  registerTrendRoutes(app, deps);
  registerVisitRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  for (const plugin of options.plugins ?? []) plugin(app, deps);

  const webRoot = options.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // Hashed assets never change; the shell and the service worker must always be revalidated.
        reply.header(
          'cache-control',
          filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    request.auth ??= ANONYMOUS;
    const pathname = request.url.split('?')[0]!;
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isMachinePath(pathname) && !path.extname(pathname);
    if (hasWeb && isPage) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(request, reply, 'route-not-found', {
      detail: `${request.method} ${request.url.split('?')[0]} is not an endpoint of this API.`,
    });
  });

  await app.ready();
  return app;
}
