// A real app over a real database for HTTP tests: Fastify's inject() (no socket), a fixed clock,
// real argon2id with small parameters so that sign-ups stay quick.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/build-app.ts';
import type { ApiDeps } from '../../src/api/types.ts';
import { DEFAULT_SETTINGS, type AppSettings } from '../../src/app/context.ts';
import { argon2idHasher, systemIds } from '../../src/app/system.ts';
import type { MailDeps } from '../../src/app/mail-port.ts';
import type { PasswordHasher } from '../../src/app/ports.ts';
import { createTriageProjector, type TriageProjector } from '../../src/app/triage.ts';
import type { Dialect } from '../../src/storage/database.ts';
import { createKyselyStore } from '../../src/storage/kysely-store.ts';
import { DEFAULT_SESSION_CACHE_SECONDS } from '../../src/app/config.ts';
import { FixedClock } from './clock.ts';
import { createTestDatabase, type TestDatabase } from './dialects.ts';

export const TEST_ARGON2 = { memory: 1024, passes: 1, parallelism: 1, tagLength: 32 } as const;

export interface TestApp {
  readonly app: FastifyInstance;
  readonly deps: ApiDeps;
  readonly clock: FixedClock;
  readonly database: TestDatabase;
  /** Panel summaries of the patients changed through the app; `flush()` recomputes them. */
  readonly triage: TriageProjector;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  settings: Partial<AppSettings> = {},
  extra: { readonly mail?: MailDeps; readonly hasher?: PasswordHasher; readonly publicUrl?: string } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const clock = new FixedClock();
  const deps: ApiDeps = {
    // The server's session cache, on, so that every test also checks that what it changes is seen at once.
    store: createKyselyStore(database.handle, { sessionCache: { ttlMs: DEFAULT_SESSION_CACHE_SECONDS * 1000 } }),
    clock,
    ids: systemIds(clock),
    hasher: extra.hasher ?? argon2idHasher(TEST_ARGON2),
    settings: { ...DEFAULT_SETTINGS, ...settings },
    cookies: { secure: false, idleMinutes: DEFAULT_SETTINGS.sessionIdleMinutes },
    ...(extra.mail ? { mail: extra.mail } : {}),
  };
  // Summaries are recomputed only when a test flushes, so no test depends on a timer.
  const triage = createTriageProjector(deps, { delayMs: 2 ** 31 - 1 });
  const app = await buildApp(deps, {
    logLevel: 'silent',
    onPatientChanged: triage.markChanged,
    ...(extra.publicUrl ? { publicUrl: extra.publicUrl } : {}),
  });
  return {
    app,
    deps,
    clock,
    database,
    triage,
    close: async () => {
      await triage.stop();
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'pw_session');
    if (setCookie) this.cookie = setCookie.value ? `pw_session=${setCookie.value}` : undefined;
    const json = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
    if (json && typeof json === 'object' && 'csrfToken' in json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return res;
  }
}

/** A script with an API token: no cookie, the token on every request. */
export class TokenClient extends Client {
  readonly token: string;
  constructor(app: FastifyInstance, token: string) {
    super(app);
    this.token = token;
  }
  override request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, url, body, { authorization: `Bearer ${this.token}`, ...headers });
  }
}

let counter = 0;
export async function signUp(
  app: FastifyInstance,
  options: { patient?: boolean; email?: string; name?: string; timeZone?: string } = {},
): Promise<{ client: Client; me: { user: { id: string }; patient: { id: string } | null } }> {
  const client = new Client(app);
  counter += 1;
  const res = await client.request('POST', '/api/auth/sign-up', {
    email: options.email ?? `person${counter}-${Date.now()}@example.test`,
    password: 'correct horse battery staple',
    displayName: options.name ?? `Person ${counter}`,
    ...(options.patient ? { patient: { timeZone: options.timeZone ?? 'Europe/Berlin' } } : {}),
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  return { client, me: res.json() };
}
