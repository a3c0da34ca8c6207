// A patient signed up over real HTTP (fetch) against a server process: its cookie and CSRF token, and
// a diary write to exercise the database.
import crypto from 'node:crypto';
import { uuidv7 } from '../../src/app/system.ts';

export interface HttpUser {
  readonly patientId: string;
  /** Cookie, CSRF token and JSON content type: enough for any unsafe request. */
  readonly headers: Record<string, string>;
}

export async function signUpOverHttp(baseUrl: string, email = `${crypto.randomUUID()}@example.test`): Promise<HttpUser> {
  const res = await fetch(`${baseUrl}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'a long enough test password', displayName: 'Tester', patient: { timeZone: 'UTC' } }),
  });
  if (res.status !== 201) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string; patient: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { patientId: me.patient.id, headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken } };
}

/** PUTs a new diary entry for the user's patient record. */
export function putDiaryEntry(baseUrl: string, user: HttpUser, init: { signal?: AbortSignal } = {}): Promise<Response> {
  const id = uuidv7(Date.now(), crypto.randomInt(4096));
  return fetch(`${baseUrl}/api/patients/${user.patientId}/diary-entries/${id}`, {
    method: 'PUT',
    headers: user.headers,
    ...init,
    body: JSON.stringify({
      localDate: '2026-11-20',
      localTime: '09:00',
      timeZone: 'UTC',
      recordedAt: '2026-11-20T09:00:00.000Z',
      intensity: 4,
      regions: [{ code: 'lumbar-spine', intensity: 4, qualities: ['aching'] }],
    }),
  });
}
