import { describe, expect, it } from 'vitest';
import { ConfigError, ENVIRONMENT_VARIABLES, loadConfig } from './config.ts';

describe('tracing settings', () => {
  it('are off unless an OTLP endpoint is given, and can be turned off with one', () => {
    expect(loadConfig({}, '/srv').tracing).toBeUndefined();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'clinic-a' }, '/srv').tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' }, '/srv').tracing).toBeUndefined();
  });
  it('read the standard OTEL_* variables', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, '/srv').tracing).toEqual({
      tracesUrl: 'http://collector:4318/v1/traces',
      serviceName: 'painwise',
      headers: {},
      sampleRatio: 1,
    });
    const tracing = loadConfig(
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://ignored:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example/custom/traces',
        OTEL_EXPORTER_OTLP_HEADERS: 'api-key=abc%3D1, x-tenant=clinic',
        OTEL_SERVICE_NAME: 'painwise-clinic-a',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      },
      '/srv',
    ).tracing;
    expect(tracing).toEqual({
      tracesUrl: 'https://otlp.example/custom/traces',
      serviceName: 'painwise-clinic-a',
      headers: { 'api-key': 'abc=1', 'x-tenant': 'clinic' },
      sampleRatio: 0.25,
    });
  });
  it('refuse what cannot work, naming the variable but never echoing a URL or a header', () => {
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', ...env }, '/srv');
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems.join('\n');
      }
    };
    expect(problems({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toContain('OTEL_EXPORTER_OTLP_PROTOCOL');
    expect(problems({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBe('');
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://user:s3cret@host' })).toMatch(/OTEL_EXPORTER_OTLP_ENDPOINT(?![\s\S]*s3cret)/);
    expect(problems({ OTEL_EXPORTER_OTLP_HEADERS: 'no-equals-sign-s3cret' })).toMatch(/OTEL_EXPORTER_OTLP_HEADERS(?![\s\S]*s3cret)/);
    expect(problems({ OTEL_TRACES_SAMPLER_ARG: '2' })).toContain('OTEL_TRACES_SAMPLER_ARG');
  });
  it('are documented with the other variables', () => {
    expect(ENVIRONMENT_VARIABLES.map((v) => v.name)).toEqual(
      expect.arrayContaining([
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
        'OTEL_SERVICE_NAME',
        'OTEL_EXPORTER_OTLP_HEADERS',
      ]),
    );
  });
});
