// What an authenticated read costs the database before it reads what was asked for: the session
// lookup, and for anyone but the patient the lookup of their access. Each is one statement. A serving
// thread remembers a session's lookup until anything it was read from changes, so a person's own read
// pays no round trip for both and anyone else's pays one, whatever their grants; the first read after
// a change pays one more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { caregiverOf, clinicianWithAccess } from '../../test/support/care-team.ts';
import { statementsDuring } from '../../test/support/statement-log.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../test/support/test-app.ts';

const touches = (table: string) => (s: string) => new RegExp(`\\b(from|join)\\s+"?${table}"?\\b`, 'i').test(s);
/** Statements that look up who is asking and what they may see. */
const authStatements = (statements: readonly string[]) =>
  statements.filter((s) => ['session', 'api_token', 'delegation', 'care_relationship'].some((t) => touches(t)(s)));

describe.each(DIALECTS)('the cost of an authenticated read on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let clinician: Client;
  let caregiver: Client;
  let pid: string;
  const summaries = () => `/api/patients/${pid}/day-summaries?last=7`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'Europe/Berlin' });
    owner = s.client;
    pid = s.me.patient!.id;
    clinician = (await clinicianWithAccess(t, owner, pid, ['read'])).clinician;
    caregiver = await caregiverOf(t, owner, pid);
    // Warm: the first request of each prepares its statements.
    for (const c of [owner, clinician, caregiver]) expect((await c.request('GET', summaries())).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /api/me from the remembered session, and with the one statement that reads it after a change', async () => {
    const meStatements = async () => {
      let status = 0;
      const statements = await statementsDuring(t, async () => {
        status = (await owner.request('GET', '/api/me')).statusCode;
      });
      expect(status).toBe(200);
      return statements;
    };
    await meStatements();
    expect(await meStatements()).toEqual([]);
    expect((await owner.request('PATCH', '/api/me', { displayName: 'Renamed' })).statusCode).toBe(200);
    const afterChange = await meStatements();
    expect(afterChange, afterChange.join('\n')).toHaveLength(1);
    expect(afterChange[0]).toMatch(/\bsession\b/);
    expect((await owner.request('GET', '/api/me')).json().user.displayName).toBe('Renamed');
    expect(await meStatements()).toEqual([]);
  });

  it("looks up nothing for the patient's own read once the session is remembered", async () => {
    const statements = await statementsDuring(t, async () => {
      expect((await owner.request('GET', summaries())).statusCode).toBe(200);
    });
    expect(authStatements(statements), statements.join('\n')).toEqual([]);
  });

  it.each([
    ['a clinician', () => clinician],
    ['a caregiver', () => caregiver],
  ])('looks up %s’s access in one statement, and nothing more', async (_who, client) => {
    // Remembers the session again, whatever an earlier test changed.
    expect((await client().request('GET', '/api/me')).statusCode).toBe(200);
    const statements = await statementsDuring(t, async () => {
      expect((await client().request('GET', summaries())).statusCode).toBe(200);
    });
    const auth = authStatements(statements);
    expect(auth, statements.join('\n')).toHaveLength(1);
    expect(auth[0]).toMatch(/\bdelegation\b/);
    expect(auth[0]).toMatch(/\bcare_relationship\b/);
  });
});
