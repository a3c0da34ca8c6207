// OpenTelemetry tracing settings, read from the standard OTEL_* variables so that a collector's usual
// instructions work unchanged. Tracing is off unless an OTLP endpoint is given: an install that never
// asked for it pays nothing for it.

export interface TracingConfig {
  /** Where spans go (OTLP over HTTP, JSON): the full URL of the traces endpoint. */
  readonly tracesUrl: string;
  readonly serviceName: string;
  /** Sent with every export, e.g. a collector's API key (a secret: never logged). */
  readonly headers: Readonly<Record<string, string>>;
  /** Share of new traces kept (0 to 1); a request that arrives with a sampled traceparent is always kept. */
  readonly sampleRatio: number;
}

export const DEFAULT_SERVICE_NAME = 'painwise';

export const TRACING_VARIABLES: readonly { name: string; default: string; meaning: string }[] = [
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    default: '(unset: no tracing)',
    meaning:
      'Base URL of an OpenTelemetry collector (OTLP/HTTP, JSON); set, every request, database statement and job run is traced and spans go to <URL>/v1/traces; see docs/operations.md',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    default: '(unset)',
    meaning: 'Full URL of the traces endpoint, used as is (instead of OTEL_EXPORTER_OTLP_ENDPOINT)',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_HEADERS',
    default: '(unset)',
    meaning: 'Headers sent with every export, as key=value pairs separated by commas (values percent-encoded), e.g. an API key',
  },
  { name: 'OTEL_SERVICE_NAME', default: DEFAULT_SERVICE_NAME, meaning: 'service.name of the exported spans' },
  {
    name: 'OTEL_TRACES_SAMPLER_ARG',
    default: '1',
    meaning: 'Share of new traces kept, 0 to 1; a request whose traceparent says sampled is always kept',
  },
  { name: 'OTEL_SDK_DISABLED', default: 'false', meaning: 'true turns tracing off even with an endpoint set' },
];

/** The tracing settings, or undefined when tracing is off; a problem is added for each unusable value. */
export function readTracingConfig(env: Readonly<Record<string, string | undefined>>, problems: string[]): TracingConfig | undefined {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined;
  const full = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || undefined;
  if ((!base && !full) || env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return undefined;
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL;
  if (protocol && protocol !== 'http/json')
    problems.push(`OTEL_EXPORTER_OTLP_PROTOCOL: only http/json is supported (got "${protocol}"); collectors accept it on port 4318.`);
  let tracesUrl = '';
  try {
    const url = full ? new URL(full) : new URL(`${base!.replace(/\/+$/, '')}/v1/traces`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    tracesUrl = url.href;
  } catch {
    // The URL is not echoed: it may carry credentials.
    problems.push(`${full ? 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' : 'OTEL_EXPORTER_OTLP_ENDPOINT'} must be an http:// or https:// URL.`);
  }
  const headers: Record<string, string> = {};
  for (const pair of (env.OTEL_EXPORTER_OTLP_TRACES_HEADERS || env.OTEL_EXPORTER_OTLP_HEADERS || '').split(',')) {
    if (pair.trim() === '') continue;
    const cut = pair.indexOf('=');
    let key = '';
    let value = '';
    try {
      key = decodeURIComponent(pair.slice(0, cut)).trim();
      value = decodeURIComponent(pair.slice(cut + 1)).trim();
    } catch {
      key = '';
    }
    if (cut <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key) || /[\r\n]/.test(value)) {
      problems.push('OTEL_EXPORTER_OTLP_HEADERS must be key=value pairs separated by commas.');
      break;
    }
    headers[key] = value;
  }
  const ratioText = env.OTEL_TRACES_SAMPLER_ARG;
  const sampleRatio = ratioText === undefined || ratioText === '' ? 1 : Number(ratioText);
  if (!(sampleRatio >= 0 && sampleRatio <= 1)) problems.push(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (got "${ratioText}").`);
  return { tracesUrl, serviceName: env.OTEL_SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME, headers, sampleRatio };
}
