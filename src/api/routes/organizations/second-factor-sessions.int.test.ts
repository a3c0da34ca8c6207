// What satisfies a clinic that requires two-step sign-in: a session established (or stepped up) with a
// second factor the account still has — a passkey, or a code from the authenticator app — and not an
// account that merely holds one while this session came from the password alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import {
  addPasskey,
  newAuthenticator,
  PASSKEY_ORIGIN,
  reauthenticateWithPasskey,
  signInWithPasskey,
} from '../../../../test/support/passkey-client.ts';
import { enrolSecondFactor, totpAt } from '../../../../test/support/second-factor.ts';
import { clinicWithPatient } from '../../../../test/support/care-team.ts';
import { Client, createTestApp, TokenClient, type TestApp } from '../../../../test/support/test-app.ts';

const PASSWORD = 'correct horse battery staple';

describe.each(DIALECTS)('sessions under a clinic requiring a second factor on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { publicUrl: PASSKEY_ORIGIN });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A clinic sharing a patient's record, a physician in it; `require` turns the requirement on (its admin uses the app). */
  async function clinic(require = true) {
    const { admin, clinician, email, organizationId, patientId } = await clinicWithPatient(t, ['read']);
    if (require) {
      await enrolSecondFactor(t, admin);
      const on = await admin.request('PUT', `/api/organizations/${organizationId}/second-factor-requirement`, { required: true });
      expect(on.statusCode).toBe(200);
    }
    return { admin, clinician, email, organizationId, patientUrl: `/api/patients/${patientId}` };
  }

  async function passwordSignIn(email: string): Promise<Client> {
    const client = new Client(t.app);
    const res = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    return client;
  }

  async function expectRefused(client: Client, url: string): Promise<void> {
    const res = await client.request('GET', url);
    expect(res.statusCode, url).toBe(403);
    expect(res.json().code).toBe('second-factor-required');
  }

  it('lets in a session begun or stepped up with a passkey, and not a password session of an account that has one', async () => {
    const { clinician, email, patientUrl } = await clinic();
    await expectRefused(clinician, patientUrl);

    // Adding the passkey proves it in this session, as turning on the app does.
    const authenticator = newAuthenticator();
    const credential = await addPasskey(clinician, authenticator);
    expect((await clinician.request('GET', patientUrl)).statusCode).toBe(200);

    // The password alone opens no two-step session, passkey or not; /api/me says why.
    const byPassword = await passwordSignIn(email);
    await expectRefused(byPassword, patientUrl);
    expect((await byPassword.request('GET', '/api/me')).json().memberships[0].secondFactorMissing).toBe(true);

    const byPasskey = await signInWithPasskey(clinician, authenticator, credential);
    expect((await byPasskey.request('GET', patientUrl)).statusCode).toBe(200);
    expect((await byPasskey.request('GET', '/api/me')).json().memberships[0].secondFactorMissing).toBe(false);

    // Typing the password again adds no factor; proving the passkey does.
    const byPasswordAgain = await passwordSignIn(email);
    expect((await byPasswordAgain.request('POST', '/api/auth/reauthenticate', { password: PASSWORD })).statusCode).toBe(200);
    await expectRefused(byPasswordAgain, patientUrl);
    expect((await reauthenticateWithPasskey(byPassword, authenticator, credential)).statusCode).toBe(200);
    expect((await byPassword.request('GET', patientUrl)).statusCode).toBe(200);

    // Once the passkey is removed, the sessions it made no longer count.
    const [passkey] = (await byPasskey.request('GET', '/api/me/passkeys')).json() as { id: string }[];
    expect((await byPasskey.request('DELETE', `/api/me/passkeys/${passkey!.id}`, { password: PASSWORD })).statusCode).toBe(204);
    await expectRefused(byPasskey, patientUrl);
    await expectRefused(byPassword, patientUrl);
  });

  it('asks a password session from before the authenticator app was turned on elsewhere to prove a code', async () => {
    const { clinician, email, patientUrl } = await clinic();
    const earlier = await passwordSignIn(email);
    const { secret } = await enrolSecondFactor(t, clinician);
    expect((await clinician.request('GET', patientUrl)).statusCode).toBe(200);
    await expectRefused(earlier, patientUrl);
    expect((await earlier.request('POST', '/api/auth/reauthenticate', { code: totpAt(t, secret) })).statusCode).toBe(200);
    expect((await earlier.request('GET', patientUrl)).statusCode).toBe(200);

    // Turning the app off takes the sessions it made out with it.
    const off = await clinician.request('POST', '/api/me/second-factor/disable', { password: PASSWORD, code: totpAt(t, secret, 1) });
    expect(off.statusCode, off.body).toBe(204);
    await expectRefused(clinician, patientUrl);
    await expectRefused(earlier, patientUrl);
  });

  it('takes a passkey as the account-wide second factor for API tokens and for the admin who turns the requirement on', async () => {
    const { admin, clinician, organizationId, patientUrl } = await clinic(false);
    await addPasskey(admin, newAuthenticator());
    const on = await admin.request('PUT', `/api/organizations/${organizationId}/second-factor-requirement`, { required: true });
    expect(on.statusCode, on.body).toBe(200);
    expect((await admin.request('GET', `/api/organizations/${organizationId}/members`)).statusCode).toBe(200);

    const script = new TokenClient(t.app, (await clinician.request('POST', '/api/me/tokens', { name: 'script' })).json().token);
    await expectRefused(script, patientUrl);
    await addPasskey(clinician, newAuthenticator());
    expect((await script.request('GET', patientUrl)).statusCode).toBe(200);
  });

  it('lets a password session add no further passkey or app to an account that has one, until it proves that one', async () => {
    const { clinician, email, patientUrl } = await clinic();
    const authenticator = newAuthenticator();
    const credential = await addPasskey(clinician, authenticator);
    // Someone with only the password: their own passkey or app would otherwise pass the clinic's requirement.
    const byPassword = await passwordSignIn(email);
    for (const [method, url] of [
      ['POST', '/api/me/passkeys/options'],
      ['POST', '/api/me/second-factor'],
    ] as const) {
      const refused = await byPassword.request(method, url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'reauthentication-required', secondFactorOnly: true });
    }
    // The password does not stand in for the factor.
    expect((await byPassword.request('POST', '/api/auth/reauthenticate', { password: PASSWORD })).statusCode).toBe(200);
    expect((await byPassword.request('POST', '/api/me/passkeys/options')).statusCode).toBe(403);
    expect((await byPassword.request('GET', '/api/me/second-factor')).json().pendingConfirmation).toBe(false);
    await expectRefused(byPassword, patientUrl);

    expect((await reauthenticateWithPasskey(byPassword, authenticator, credential)).statusCode).toBe(200);
    await addPasskey(byPassword, newAuthenticator(), 'Second laptop');
    expect((await byPassword.request('GET', '/api/me/passkeys')).json()).toHaveLength(2);
  });
});
