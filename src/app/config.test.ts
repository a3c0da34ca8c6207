// Configuration from the environment: defaults, the questionnaire settings, and clear refusals.
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import {
  ConfigError,
  DEFAULT_DATABASE_POOL_SIZE,
  defaultHttpThreads,
  ENVIRONMENT_VARIABLES,
  loadConfig,
  MIN_METRICS_TOKEN_LENGTH,
} from './config.ts';

describe('loadConfig', () => {
  it('defaults to SQLite on 127.0.0.1:3000 with US crisis resources', () => {
    const c = loadConfig({}, '/srv');
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/data', databaseUrl: undefined });
    expect(c.settings).toMatchObject({ crisisLocale: 'en-US', assignmentOverdueHours: 48 });
  });
  it('reads the crisis locale and the overdue window', () => {
    const c = loadConfig({ PAINWISE_CRISIS_LOCALE: 'en-GB', PAINWISE_ASSIGNMENT_OVERDUE_HOURS: '24' }, '/srv');
    expect(c.settings).toMatchObject({ crisisLocale: 'en-GB', assignmentOverdueHours: 24 });
  });
  it('names every bad value in one error', () => {
    try {
      loadConfig(
        { PORT: 'x', PAINWISE_CRISIS_LOCALE: 'not a locale', PAINWISE_ASSIGNMENT_OVERDUE_HOURS: '0', PAINWISE_HTTP_THREADS: '0' },
        '/srv',
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'PAINWISE_CRISIS_LOCALE', 'PAINWISE_ASSIGNMENT_OVERDUE_HOURS', 'PAINWISE_HTTP_THREADS'])
        expect(problems).toContain(name);
    }
  });
  it('documents every variable it reads', () => {
    const names = ENVIRONMENT_VARIABLES.map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['PAINWISE_CRISIS_LOCALE', 'PAINWISE_ASSIGNMENT_OVERDUE_HOURS', 'PAINWISE_HTTP_THREADS']));
  });
  it('reads the PostgreSQL pool size for the whole process, and refuses one too small to write with', () => {
    expect(loadConfig({}, '/srv').databasePoolSize).toBe(DEFAULT_DATABASE_POOL_SIZE);
    expect(loadConfig({ PAINWISE_DB_POOL_SIZE: '24' }, '/srv').databasePoolSize).toBe(24);
    expect(() => loadConfig({ PAINWISE_DB_POOL_SIZE: '1' }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ PAINWISE_DB_POOL_SIZE: 'many' }, '/srv')).toThrow(ConfigError);
  });
  it('reads the database timeouts, with defaults that a person waiting would accept', () => {
    expect(loadConfig({}, '/srv').databaseTimeouts).toEqual({ connectMs: 5000, lockMs: 5000, statementMs: 30_000, sqliteBusyMs: 5000 });
    expect(loadConfig({ PAINWISE_DB_LOCK_TIMEOUT_MS: '250', PAINWISE_SQLITE_BUSY_TIMEOUT_MS: '0' }, '/srv').databaseTimeouts).toMatchObject(
      { lockMs: 250, sqliteBusyMs: 0 },
    );
    expect(() => loadConfig({ PAINWISE_DB_STATEMENT_TIMEOUT_MS: 'soon' }, '/srv')).toThrow(/PAINWISE_DB_STATEMENT_TIMEOUT_MS/);
    const names = ENVIRONMENT_VARIABLES.map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'PAINWISE_DB_CONNECT_TIMEOUT_MS',
        'PAINWISE_DB_LOCK_TIMEOUT_MS',
        'PAINWISE_DB_STATEMENT_TIMEOUT_MS',
        'PAINWISE_SQLITE_BUSY_TIMEOUT_MS',
      ]),
    );
  });
  it('reads how often each process looks for due jobs', () => {
    expect(loadConfig({}, '/srv').jobPollMs).toBe(5000);
    expect(loadConfig({ PAINWISE_JOB_POLL_MS: '200' }, '/srv').jobPollMs).toBe(200);
    expect(() => loadConfig({ PAINWISE_JOB_POLL_MS: '0' }, '/srv')).toThrow(/PAINWISE_JOB_POLL_MS/);
    expect(ENVIRONMENT_VARIABLES.map((v) => v.name)).toContain('PAINWISE_JOB_POLL_MS');
  });
  it('serves with one thread per CPU (at most 4) on Linux and one thread elsewhere, unless told', () => {
    expect(defaultHttpThreads('linux', 2)).toBe(2);
    expect(defaultHttpThreads('linux', 32)).toBe(4);
    expect(defaultHttpThreads('darwin', 8)).toBe(1);
    expect(defaultHttpThreads('win32', 8)).toBe(1);
    expect(loadConfig({ PAINWISE_HTTP_THREADS: '1' }, '/srv').httpThreads).toBe(1);
    if (os.platform() === 'linux') expect(loadConfig({ PAINWISE_HTTP_THREADS: '3' }, '/srv').httpThreads).toBe(3);
    else expect(() => loadConfig({ PAINWISE_HTTP_THREADS: '3' }, '/srv')).toThrow(/needs Linux/);
  });
  it('turns e-mail on only with an SMTP URL, a From address and the public URL for links, and never echoes the URL', () => {
    expect(loadConfig({}, '/srv').mail).toBeUndefined();
    const on = loadConfig(
      {
        PAINWISE_SMTP_URL: 'smtps://u:p%40ss@mail.example:465',
        PAINWISE_MAIL_FROM: 'Painwise <no-reply@x.example>',
        PAINWISE_PUBLIC_URL: 'https://pw.example/',
      },
      '/srv',
    );
    expect(on.mail).toEqual({
      smtpUrl: 'smtps://u:p%40ss@mail.example:465',
      from: 'Painwise <no-reply@x.example>',
      publicUrl: 'https://pw.example',
    });
    expect(() => loadConfig({ PAINWISE_SMTP_URL: 'smtp://mail.example:587' }, '/srv')).toThrow(
      /PAINWISE_MAIL_FROM[\s\S]*PAINWISE_PUBLIC_URL/,
    );
    expect(() => loadConfig({ PAINWISE_MAIL_FROM: 'a@b.example' }, '/srv')).toThrow(/PAINWISE_SMTP_URL is not/);
    try {
      loadConfig(
        {
          PAINWISE_SMTP_URL: 'http://user:secret@mail.example',
          PAINWISE_MAIL_FROM: 'a@b.example',
          PAINWISE_PUBLIC_URL: 'https://pw.example',
        },
        '/srv',
      );
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toContain('PAINWISE_SMTP_URL must be');
      expect((e as ConfigError).problems.join('\n')).not.toContain('secret');
    }
    expect(loadConfig({ PAINWISE_SIGNUP_PER_EMAIL: '5' }, '/srv').settings.signUpPerEmail).toBe(5);
    expect(() => loadConfig({ PAINWISE_SIGNUP_WINDOW_MINUTES: '0' }, '/srv')).toThrow(/PAINWISE_SIGNUP_WINDOW_MINUTES/);
  });

  it('serves metrics only when asked, and takes a token only long enough and only with metrics on', () => {
    const token = 'a'.repeat(MIN_METRICS_TOKEN_LENGTH);
    expect(loadConfig({}, '/srv').metrics).toEqual({ enabled: false, token: undefined });
    expect(loadConfig({ PAINWISE_METRICS: 'true' }, '/srv').metrics).toEqual({ enabled: true, token: undefined });
    expect(loadConfig({ PAINWISE_METRICS: 'true', PAINWISE_METRICS_TOKEN: token }, '/srv').metrics).toEqual({ enabled: true, token });
    expect(() => loadConfig({ PAINWISE_METRICS: 'yes' }, '/srv')).toThrow(/PAINWISE_METRICS must be true or false/);
    expect(() => loadConfig({ PAINWISE_METRICS: 'true', PAINWISE_METRICS_TOKEN: token.slice(1) }, '/srv')).toThrow(
      /PAINWISE_METRICS_TOKEN must be at least 32/,
    );
    expect(() => loadConfig({ PAINWISE_METRICS: 'true', PAINWISE_METRICS_TOKEN: `${token} b` }, '/srv')).toThrow(/without spaces/);
    expect(() => loadConfig({ PAINWISE_METRICS_TOKEN: token }, '/srv')).toThrow(/PAINWISE_METRICS is not true/);
    expect(ENVIRONMENT_VARIABLES.map((v) => v.name)).toEqual(expect.arrayContaining(['PAINWISE_METRICS', 'PAINWISE_METRICS_TOKEN']));
  });
});
