// A write scope does not imply read: a caregiver with only the diary scope, or a clinic the patient
// granted only `write`. When such a writer's save conflicts, the 409 must not carry the server's copy
// (as diary entries already do); a writer who may read gets the copy, and the patient's access log
// shows that read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicianWithAccess } from '../support/care-team.ts';
import { DIALECTS } from '../support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../support/test-app.ts';

let idCounter = 0;
const newId = () => `019c0000-0000-7000-8100-${String(++idCounter).padStart(12, '0')}`;

describe.each(DIALECTS)('conflicts seen by writers without read on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let diaryOnlyCaregiver: Client;
  let writeOnlyClinician: Client;
  let readWriteClinician: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const p = await signUp(t.app, { patient: true });
    owner = p.client;
    pid = p.me.patient!.id;
    diaryOnlyCaregiver = (await signUp(t.app)).client;
    const { code } = (await owner.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Helper', scopes: ['write-diary'] })).json();
    expect((await diaryOnlyCaregiver.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    ({ clinician: writeOnlyClinician } = await clinicianWithAccess(t, owner, pid, ['write']));
    ({ clinician: readWriteClinician } = await clinicianWithAccess(t, owner, pid, ['read', 'write']));
  });
  afterAll(async () => {
    await t.close();
  });

  const readsLogged = async (action: string) =>
    ((await owner.request('GET', `/api/patients/${pid}/access-log?limit=200`)).json().items as { action: string }[]).filter(
      (e) => e.action === action,
    ).length;

  it('the naloxone check: no copy for a diary-only caregiver or a write-only clinic', async () => {
    expect(
      (await owner.request('PUT', `/api/patients/${pid}/naloxone-check`, { hasNaloxone: true, location: 'Bedside drawer' })).statusCode,
    ).toBe(201);
    for (const writer of [diaryOnlyCaregiver, writeOnlyClinician]) {
      expect((await writer.request('GET', `/api/patients/${pid}/naloxone-check`)).statusCode).toBe(403);
      const res = await writer.request('PUT', `/api/patients/${pid}/naloxone-check`, { hasNaloxone: false });
      expect(res.statusCode).toBe(409);
      expect(res.json().current).toBeNull();
      expect(res.body).not.toContain('Bedside drawer');
    }
  });

  it('a condition: no copy for a write-only clinic; a clinic that may read gets it, logged as a read', async () => {
    const id = newId();
    expect(
      (
        await owner.request('PUT', `/api/patients/${pid}/conditions/${id}`, {
          label: 'Fibromyalgia',
          mechanism: 'nociplastic',
          onsetDate: '2024-03-01',
        })
      ).statusCode,
    ).toBe(201);
    const blind = await writeOnlyClinician.request('PUT', `/api/patients/${pid}/conditions/${id}`, {
      label: 'Other',
      mechanism: 'mixed',
      onsetDate: '2024-03-01',
    });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().current).toBeNull();
    expect(blind.body).not.toContain('Fibromyalgia');
    const before = await readsLogged('condition.read');
    const seen = await readWriteClinician.request('PUT', `/api/patients/${pid}/conditions/${id}`, {
      label: 'Other',
      mechanism: 'mixed',
      onsetDate: '2024-03-01',
    });
    expect(seen.json().current).toMatchObject({ label: 'Fibromyalgia', version: 1 });
    expect(await readsLogged('condition.read')).toBe(before + 1);
  });

  it('the care plan: no copy for a write-only clinic', async () => {
    expect(
      (await owner.request('PUT', `/api/patients/${pid}/care-plan`, { goals: [], interventions: [], notes: 'Private note' })).statusCode,
    ).toBe(201);
    const blind = await writeOnlyClinician.request('PUT', `/api/patients/${pid}/care-plan`, { goals: [], interventions: [] });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().current).toBeNull();
    expect(blind.body).not.toContain('Private note');
    const before = await readsLogged('care_plan.read');
    const seen = await readWriteClinician.request('PUT', `/api/patients/${pid}/care-plan`, { goals: [], interventions: [] });
    expect(seen.json().current).toMatchObject({ version: 1, notes: 'Private note' });
    expect(await readsLogged('care_plan.read')).toBe(before + 1);
  });

  it('a taper plan: no copy for a write-only clinic', async () => {
    expect(
      (
        await owner.request('PUT', `/api/patients/${pid}/medication-orders/${newId()}`, {
          formularyId: 'morphine',
          doseMg: 30,
          schedule: 'scheduled',
          timesPerDay: 2,
          route: 'oral',
          startDate: '2026-01-01',
          confirmHighRisk: ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'],
        })
      ).statusCode,
    ).toBe(201);
    const id = newId();
    expect((await owner.request('PUT', `/api/patients/${pid}/taper-plans/${id}`, { startDate: '2026-06-15' })).statusCode).toBe(201);
    const blind = await writeOnlyClinician.request('PUT', `/api/patients/${pid}/taper-plans/${id}`, { startDate: '2026-07-01' });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().current).toBeNull();
    expect(blind.body).not.toContain('morphine');
  });

  it("a questionnaire answered by a caregiver without read: no change against the patient's previous result", async () => {
    const { client: answerer } = await signUp(t.app);
    const { code } = (
      await owner.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Answers for me', scopes: ['answer-questionnaires'] })
    ).json();
    expect((await answerer.request('POST', '/api/caregiver-invitations/accept', { code })).statusCode).toBe(200);
    const phq9 = (item9: number) => ({ instrumentId: 'phq-9', answers: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: item9 } });
    expect((await owner.request('POST', `/api/patients/${pid}/instrument-responses`, phq9(0))).statusCode).toBe(201);
    const blind = await answerer.request('POST', `/api/patients/${pid}/instrument-responses`, {
      ...phq9(0),
      answers: { ...phq9(0).answers, 1: 0 },
    });
    expect(blind.statusCode).toBe(201);
    expect(blind.json().change).toBeNull();
    const before = await readsLogged('instrument-response.read');
    const seen = await owner.request('POST', `/api/patients/${pid}/instrument-responses`, phq9(0));
    expect(seen.json().change).toMatchObject({ previousScore: 21 });
    // The patient's own reads are logged as everyone's are.
    expect(await readsLogged('instrument-response.read')).toBe(before + 1);
  });
});
