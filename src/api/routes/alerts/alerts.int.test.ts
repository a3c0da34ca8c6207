// The care team's alerts inbox over HTTP on both engines: an alert names a patient and carries
// clinical evidence, so a clinic sees (and acknowledges) it only while the patient shares their record
// with that clinic — not after they revoked the relationship or it expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

const CRISIS = { instrumentId: 'phq-9', answers: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1 } };

describe.each(DIALECTS)('alerts on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  async function patientWithAlert(scopes: ('read' | 'write')[], expiresAt?: string) {
    const { client: owner, me } = await signUp(t.app, { patient: true });
    const pid = me.patient!.id;
    const care = await clinicianWithAccess(t, owner, pid, scopes);
    const rels = (await owner.request('GET', `/api/patients/${pid}/care-relationships`)).json();
    const relationshipId = (Array.isArray(rels) ? rels : rels.items)[0].id as string;
    if (expiresAt) {
      // Share anew with an end date: revoke the open-ended relationship and share again until `expiresAt`.
      const org = (await care.clinician.request('GET', `/api/organizations/${care.organizationId}`)).json();
      expect((await owner.request('DELETE', `/api/patients/${pid}/care-relationships/${relationshipId}`)).statusCode).toBe(204);
      expect(
        (
          await owner.request('POST', `/api/patients/${pid}/care-relationships`, {
            shareCode: org.shareCode ?? org.organization?.shareCode,
            scopes,
            expiresAt,
          })
        ).statusCode,
      ).toBe(201);
    }
    expect((await owner.request('POST', `/api/patients/${pid}/instrument-responses`, CRISIS)).json().crisis.alertsRaised).toBe(1);
    const inbox = (await care.clinician.request('GET', `/api/organizations/${care.organizationId}/alerts?status=all`)).json().items as {
      id: string;
      patientId: string;
    }[];
    const alert = inbox.find((x) => x.patientId === pid)!;
    expect(alert).toBeDefined();
    return { owner, pid, relationshipId, alertId: alert.id, ...care };
  }

  const inboxOf = async (clinician: Client, organizationId: string) =>
    (
      (await clinician.request('GET', `/api/organizations/${organizationId}/alerts?status=all`)).json().items as { patientId: string }[]
    ).map((x) => x.patientId);

  it("hides a patient's alerts from the clinic once the patient revokes its access, and refuses to acknowledge them", async () => {
    const p = await patientWithAlert(['read', 'write']);
    const rels = (await p.owner.request('GET', `/api/patients/${p.pid}/care-relationships`)).json();
    const active = (Array.isArray(rels) ? rels : rels.items).find((r: { revokedAt: string | null }) => r.revokedAt === null);
    expect((await p.owner.request('DELETE', `/api/patients/${p.pid}/care-relationships/${active.id}`)).statusCode).toBe(204);
    expect(await inboxOf(p.clinician, p.organizationId)).not.toContain(p.pid);
    const ack = await p.clinician.request('POST', `/api/organizations/${p.organizationId}/alerts/${p.alertId}/acknowledge`);
    expect(ack.statusCode).toBe(404);
    expect(ack.headers['content-type']).toMatch(/problem\+json/);
    const log = (await p.owner.request('GET', `/api/patients/${p.pid}/access-log?limit=100`)).json().items as { action: string }[];
    expect(log.map((e) => e.action)).not.toContain('alert.acknowledge');
  });

  it('hides them once the shared access has expired', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
    const p = await patientWithAlert(['read'], expiresAt);
    t.clock.advanceMinutes(11);
    expect(await inboxOf(p.clinician, p.organizationId)).not.toContain(p.pid);
    expect((await p.clinician.request('POST', `/api/organizations/${p.organizationId}/alerts/${p.alertId}/acknowledge`)).statusCode).toBe(
      404,
    );
  });

  it('still shows and acknowledges alerts of patients who share their record', async () => {
    const p = await patientWithAlert(['read']);
    expect(await inboxOf(p.clinician, p.organizationId)).toContain(p.pid);
    expect((await p.clinician.request('POST', `/api/organizations/${p.organizationId}/alerts/${p.alertId}/acknowledge`)).statusCode).toBe(
      204,
    );
  });
});
