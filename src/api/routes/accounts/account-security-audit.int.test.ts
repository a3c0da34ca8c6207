// Changes to how a person signs in are kept in the audit trail as events of their own account: a
// passkey added, renamed and removed, two-step sign-in turned on and off, recovery codes replaced.
// Each names what changed and which item, never a secret, a code or a key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { addPasskey, newAuthenticator, PASSKEY_ORIGIN } from '../../../../test/support/passkey-client.ts';
import { enrolSecondFactor, totpAt } from '../../../../test/support/second-factor.ts';
import { createTestApp, signUp, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('account security events on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { publicUrl: PASSKEY_ORIGIN });
  });
  afterAll(async () => {
    await t.close();
  });

  const eventsOf = (userId: string) =>
    t.database.handle.db
      .selectFrom('audit_event')
      .selectAll()
      .where('actorUserId', '=', userId)
      .where('action', 'like', 'account.%')
      .orderBy('id')
      .execute();

  it('records passkeys and two-step sign-in changing, with no secret in any row', async () => {
    const { client, me } = await signUp(t.app);
    const userId = me.user.id;
    const credential = await addPasskey(client, newAuthenticator(), 'Work laptop');
    const [passkey] = (await client.request('GET', '/api/me/passkeys')).json() as { id: string }[];
    expect((await client.request('PATCH', `/api/me/passkeys/${passkey!.id}`, { name: 'Old laptop' })).statusCode).toBe(204);
    // A refused removal (wrong password) changes nothing and records nothing.
    expect((await client.request('DELETE', `/api/me/passkeys/${passkey!.id}`, { password: 'not my password' })).statusCode).toBe(400);
    expect((await client.request('DELETE', `/api/me/passkeys/${passkey!.id}`, { password: PASSWORD })).statusCode).toBe(204);
    const { secret, recoveryCodes } = await enrolSecondFactor(t, client);
    expect((await client.request('POST', '/api/me/second-factor/recovery-codes')).statusCode).toBe(200);
    const off = await client.request('POST', '/api/me/second-factor/disable', { password: PASSWORD, code: totpAt(t, secret) });
    expect(off.statusCode, off.body).toBe(204);

    const events = await eventsOf(userId);
    expect(events.map((e) => [e.action, e.resourceType, e.resourceId])).toEqual([
      ['account.passkey.add', 'passkey', passkey!.id],
      ['account.passkey.rename', 'passkey', passkey!.id],
      ['account.passkey.remove', 'passkey', passkey!.id],
      ['account.second-factor.enable', 'user', userId],
      ['account.recovery-codes.regenerate', 'user', userId],
      ['account.second-factor.disable', 'user', userId],
    ]);
    for (const e of events) expect(e).toMatchObject({ actorBasis: 'owner', organizationId: null, patientId: null });
    const text = JSON.stringify(events);
    for (const secretText of [credential.id, secret, ...recoveryCodes, 'Work laptop', 'Old laptop']) expect(text).not.toContain(secretText);
  });
});
