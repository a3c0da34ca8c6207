// What an authenticated read costs the database before it reads what was asked for: the session
// lookup, and for anyone but the patient the lookup of their access. Each is one statement, so a
// person's own read pays one round trip for both and anyone else's pays two, whatever their grants.
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

  it('answers /api/me with the one statement that reads the session and the profile', async () => {
    let status = 0;
    const statements = await statementsDuring(t, async () => {
      status = (await owner.request('GET', '/api/me')).statusCode;
    });
    expect(status).toBe(200);
    expect(statements, statements.join('\n')).toHaveLength(1);
  });

  it("looks up nothing beyond the session for the patient's own read", async () => {
    const statements = await statementsDuring(t, async () => {
      expect((await owner.request('GET', summaries())).statusCode).toBe(200);
    });
    const auth = authStatements(statements);
    expect(auth, statements.join('\n')).toHaveLength(1);
    expect(auth[0]).toMatch(/\bsession\b/);
  });

  it.each([
    ['a clinician', () => clinician],
    ['a caregiver', () => caregiver],
  ])('looks up %s’s access in one statement after the session', async (_who, client) => {
    const statements = await statementsDuring(t, async () => {
      expect((await client().request('GET', summaries())).statusCode).toBe(200);
    });
    const auth = authStatements(statements);
    expect(auth, statements.join('\n')).toHaveLength(2);
    expect(auth[1]).toMatch(/\bdelegation\b/);
    expect(auth[1]).toMatch(/\bcare_relationship\b/);
  });
});
