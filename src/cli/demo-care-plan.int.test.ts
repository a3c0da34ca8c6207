import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { clinicianWithAccess } from '../../test/support/care-team.ts';
import { createTestApp, signUp, type TestApp } from '../../test/support/test-app.ts';
import { loadDemoCarePlans } from './demo-care-plan.ts';

describe.each(DIALECTS)('demo care plans on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads plans and medicines through the use cases, one regimen at ≥ 50 MME with an opioid + benzodiazepine', async () => {
    const patients = [];
    for (let i = 0; i < 4; i++) {
      const s = await signUp(t.app, { patient: true, timeZone: 'America/New_York' });
      patients.push({ client: s.client, patientId: s.me.patient!.id });
    }
    const first = await clinicianWithAccess(t, patients[0]!.client, patients[0]!.patientId, ['read', 'write']);
    const clinicianUserId = (await first.clinician.request('GET', '/api/me')).json().user.id as string;
    // One clinic for all four: share the others with the same organization.
    const shareCode = (await t.deps.store.organizations.findById(first.organizationId))!.shareCode;
    for (const p of patients.slice(1)) {
      expect(
        (await p.client.request('POST', `/api/patients/${p.patientId}/care-relationships`, { shareCode, scopes: ['read', 'write'] }))
          .statusCode,
      ).toBe(201);
    }
    const ctx = { actor: { kind: 'user' as const, userId: clinicianUserId, via: 'session' as const }, requestId: null, ip: 'test' };
    expect(await loadDemoCarePlans(t.deps, ctx, patients)).toBe(4);

    const james = (await patients[1]!.client.request('GET', `/api/patients/${patients[1]!.patientId}/medications/summary`)).json();
    expect(james.regimen.totalMme).toBe(60);
    expect(james.regimen.flags.map((f: { id: string }) => f.id)).toEqual(
      expect.arrayContaining(['mme-at-least-50', 'opioid-benzodiazepine']),
    );
    expect((await patients[1]!.client.request('GET', `/api/patients/${patients[1]!.patientId}/taper-plans`)).json().items).toHaveLength(1);
    for (const p of patients) {
      expect((await p.client.request('GET', `/api/patients/${p.patientId}/care-plan`)).json().version).toBe(1);
      expect((await p.client.request('GET', `/api/patients/${p.patientId}/conditions`)).json().items.length).toBeGreaterThan(0);
    }
    const lukas = (await patients[3]!.client.request('GET', `/api/patients/${patients[3]!.patientId}/medication-orders`)).json();
    expect(lukas.history).toHaveLength(2);
    expect(lukas.current.map((o: { formularyId: string }) => o.formularyId)).toEqual(['ibuprofen']);
  });
});
