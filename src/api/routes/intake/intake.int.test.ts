// The intake over HTTP on each engine: saved in parts and continued (the record engine's rules), its
// treatments kept as conservative-care records in the same write, a red flag answered yes telling the
// person to seek urgent care and alerting the care team once, who may write and read it, and bad input
// refused as problem+json with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caregiverOf, clinicianWithAccess } from '../../../../test/support/care-team.ts';
import { snapshotDatabase } from '../../../../test/support/db-snapshot.ts';
import { DIALECTS } from '../../../../test/support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../../../../test/support/test-app.ts';

let idCounter = 0;
const newId = () => `019c4000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;

/** A body as a draft is saved: whatever is filled in so far, not finished. */
const draft = (fields: Record<string, unknown>) => ({ finished: false, ...fields });

const allNo = {
  'bladder-bowel-saddle': 'no',
  'fever-with-back-pain': 'no',
  'unexplained-weight-loss': 'no',
  'history-of-cancer': 'no',
  'progressive-weakness': 'no',
  'major-trauma': 'no',
};

describe.each(DIALECTS)('intake on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let clinic: { clinician: Client; organizationId: string };
  const url = (id: string) => `/api/patients/${pid}/intakes/${id}`;
  const alertsOf = async (c: { clinician: Client; organizationId: string }) =>
    (await c.clinician.request('GET', `/api/organizations/${c.organizationId}/alerts`)).json().items as {
      rule: string;
      severity: string;
      patientId: string;
      evidence: Record<string, unknown>;
    }[];
  const careRecords = async () =>
    (await owner.request('GET', `/api/patients/${pid}/conservative-care`)).json().items as {
      id: string;
      treatment: string;
      outcome: string;
      durationDays: number | null;
    }[];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const s = await signUp(t.app, { patient: true, timeZone: 'UTC' });
    owner = s.client;
    pid = s.me.patient!.id;
    clinic = await clinicianWithAccess(t, owner, pid, ['read']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('saves a half-filled intake and continues it later, with If-Match', async () => {
    const id = newId();
    const first = await owner.request('PUT', url(id), draft({ onsetAbout: 'Winter 2024', course: 'comes-and-goes' }));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      version: 1,
      finished: false,
      locations: [],
      treatmentsTried: [],
      urgentCare: null,
      redFlags: { 'major-trauma': null, 'history-of-cancer': null },
    });
    const next = await owner.request(
      'PUT',
      url(id),
      draft({
        onsetAbout: 'Winter 2024',
        course: 'comes-and-goes',
        locations: [{ region: 'lumbar-spine', qualities: ['aching', 'burning'] }],
        betterWith: ['Walking'],
        worseWith: ['Sitting for long'],
        allergies: ['Penicillin'],
      }),
      { 'if-match': '"1"' },
    );
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ version: 2, allergies: ['Penicillin'] });
    const stale = await owner.request('PUT', url(id), draft({ onsetAbout: 'Spring' }), { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'intake-conflict', current: { version: 2 } });
    const read = (await owner.request('GET', url(id))).json();
    expect(read.locations).toEqual([{ region: 'lumbar-spine', qualities: ['aching', 'burning'] }]);
    expect((await owner.request('GET', `/api/patients/${pid}/intakes`)).json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('keeps treatments tried as conservative-care records, in step with the intake', async () => {
    const id = newId();
    const physio = {
      id: newId(),
      treatment: 'Physiotherapy',
      kind: 'physical',
      startDate: '2025-10-01',
      endDate: '2025-11-25',
      sessions: 8,
      effect: 'no-change',
    };
    const nsaid = { id: newId(), treatment: 'Naproxen', kind: 'pharmacological', startDate: '2025-09-01', effect: 'not-tolerated' };
    const put = await owner.request('PUT', url(id), draft({ treatmentsTried: [physio, nsaid], redFlags: allNo }));
    expect(put.statusCode, put.body).toBe(201);
    let care = await careRecords();
    // 1 October to 25 November, both counted: 31 + 25 = 56 days.
    expect(care.find((c) => c.id === physio.id)).toMatchObject({ treatment: 'Physiotherapy', outcome: 'no-change', durationDays: 56 });
    expect(care.find((c) => c.id === nsaid.id)).toMatchObject({ treatment: 'Naproxen', outcome: 'not-tolerated', durationDays: null });

    // The clinician's correction of the physiotherapy record survives a later save that leaves it alone.
    const { clinician: writer } = await clinicianWithAccess(t, owner, pid, ['read', 'write']);
    const corrected = await writer.request(
      'PUT',
      `/api/patients/${pid}/conservative-care/${physio.id}`,
      {
        treatment: 'Physiotherapy: core stabilisation',
        modality: 'physical',
        startDate: '2025-10-01',
        endDate: '2025-11-25',
        outcome: 'no-change',
      },
      { 'if-match': '"1"' },
    );
    expect(corrected.statusCode, corrected.body).toBe(200);
    const again = await owner.request(
      'PUT',
      url(id),
      draft({ treatmentsTried: [physio, { ...nsaid, notes: 'Stomach pain' }], redFlags: allNo, medicines: ['Paracetamol'] }),
      { 'if-match': '"1"' },
    );
    expect(again.statusCode, again.body).toBe(200);
    care = await careRecords();
    expect(care.find((c) => c.id === physio.id)?.treatment).toBe('Physiotherapy: core stabilisation');
    expect(care.find((c) => c.id === nsaid.id)).toMatchObject({ outcomeNotes: 'Stomach pain' });

    // Taken out of the intake, the treatment's record goes; deleting the intake takes the rest.
    expect(
      (await owner.request('PUT', url(id), draft({ treatmentsTried: [physio], redFlags: allNo }), { 'if-match': '"2"' })).statusCode,
    ).toBe(200);
    expect((await careRecords()).map((c) => c.id)).not.toContain(nsaid.id);
    expect((await owner.request('DELETE', url(id), undefined, { 'if-match': '"3"' })).statusCode).toBe(204);
    expect((await careRecords()).map((c) => c.id)).not.toContain(physio.id);

    // A treatment id another record already has is refused, and nothing of the intake is stored.
    const taken = await owner.request('PUT', url(newId()), draft({ treatmentsTried: [{ ...nsaid, id: physio.id }] }));
    expect(taken.statusCode).toBe(409);
    expect(taken.headers['content-type']).toContain('application/problem+json');
    expect(taken.json()).toMatchObject({ code: 'intake-conflict', errors: [{ pointer: '/treatmentsTried/0/id' }] });
  });

  it('tells the person to seek urgent care and alerts the care team once when a red flag is yes', async () => {
    const id = newId();
    const before = (await alertsOf(clinic)).filter((a) => a.rule === 'intake-red-flag').length;
    const screen = { ...allNo, 'bladder-bowel-saddle': 'yes' };
    const put = await owner.request('PUT', url(id), draft({ redFlags: screen }));
    expect(put.statusCode, put.body).toBe(201);
    expect(put.json().urgentCare).toEqual({ redFlags: ['bladder-bowel-saddle'], advice: expect.stringMatching(/^Seek urgent care now/) });
    expect(put.json().urgentCare.advice).toContain('Do not wait for your appointment.');

    // A retry, and a later save with the same answers, raise nothing more but still say it.
    expect((await owner.request('PUT', url(id), draft({ redFlags: screen }))).json().status).toBe('unchanged');
    const edited = await owner.request('PUT', url(id), draft({ redFlags: screen, allergies: ['Latex'] }), { 'if-match': '"1"' });
    expect(edited.json().urgentCare.redFlags).toEqual(['bladder-bowel-saddle']);
    const raised = (await alertsOf(clinic)).filter((a) => a.rule === 'intake-red-flag');
    expect(raised).toHaveLength(before + 1);
    expect(raised[0]).toMatchObject({ severity: 'urgent', patientId: pid, evidence: { intakeId: id, redFlags: ['bladder-bowel-saddle'] } });
    expect((await owner.request('GET', url(id))).json().urgentCare.redFlags).toEqual(['bladder-bowel-saddle']);

    // "Not sure" is not a yes: no advice, no alert.
    const unsure = await owner.request('PUT', url(newId()), draft({ redFlags: { ...allNo, 'major-trauma': 'not-sure' } }));
    expect(unsure.json().urgentCare).toBeNull();
    expect((await alertsOf(clinic)).filter((a) => a.rule === 'intake-red-flag')).toHaveLength(before + 1);
  });

  it('refuses malformed intakes as problem+json and stores nothing', async () => {
    const before = await snapshotDatabase(t.database.handle);
    const treatment = { id: newId(), treatment: 'Massage', kind: 'complementary', startDate: '2025-05-01', effect: 'improved' };
    for (const [bad, pointer] of [
      [{ onsetDate: '2025-02-30' }, '/onsetDate'],
      [{ course: 'sideways' }, '/course'],
      [{ locations: [{ region: 'tail', qualities: [] }] }, '/locations/0/region'],
      [{ locations: [{ region: 'knee-left', qualities: ['sparkly'] }] }, '/locations/0/qualities/0'],
      [{ locations: [{ region: 'knee-left' }, { region: 'knee-left' }] }, '/locations/1/region'],
      [{ treatmentsTried: [{ ...treatment, endDate: '2025-04-01' }] }, '/treatmentsTried/0/endDate'],
      [{ treatmentsTried: [{ ...treatment, effect: 'magic' }] }, '/treatmentsTried/0/effect'],
      [{ treatmentsTried: [treatment, treatment] }, '/treatmentsTried/1/id'],
      [{ redFlags: { ...allNo, 'major-trauma': 'maybe' } }, '/redFlags/major-trauma'],
      [{ redFlags: { ...allNo, headache: 'yes' } }, '/redFlags'],
      [{ finished: true, redFlags: { ...allNo, 'history-of-cancer': null } }, '/redFlags/history-of-cancer'],
      [{ visitId: newId() }, '/visitId'],
      [{ betterWith: ['  '] }, '/betterWith/0'],
      [{ extra: true }, ''],
      // An empty body is refused: a draft says it is one.
      [{ finished: undefined }, '/finished'],
    ] as const) {
      const r = await owner.request('PUT', url(newId()), draft(bad));
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      if (pointer !== '')
        expect(
          r.json().errors.map((e: { pointer: string }) => e.pointer),
          JSON.stringify(bad),
        ).toContain(pointer);
    }
    expect(await snapshotDatabase(t.database.handle)).toBe(before);
  });

  it('links to a visit of the patient', async () => {
    const visitId = newId();
    expect(
      (await owner.request('PUT', `/api/patients/${pid}/visits/${visitId}`, { date: '2026-06-20', kind: 'first-consultation' })).statusCode,
    ).toBe(201);
    const r = await owner.request('PUT', url(newId()), draft({ visitId }));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().visitId).toBe(visitId);
  });

  it('lets a caregiver who may write the diary fill it in, a clinician read it, and no stranger see it', async () => {
    const id = newId();
    const caregiver = await caregiverOf(t, owner, pid);
    const treatment = { id: newId(), treatment: 'Acupuncture', kind: 'complementary', startDate: '2025-03-01', effect: 'partly-improved' };
    const put = await caregiver.request('PUT', url(id), draft({ treatmentsTried: [treatment] }));
    expect(put.statusCode, put.body).toBe(201);
    expect((await careRecords()).map((c) => c.id)).toContain(treatment.id);
    expect((await clinic.clinician.request('GET', url(id))).statusCode).toBe(200);
    expect((await clinic.clinician.request('GET', `/api/patients/${pid}/intakes`)).statusCode).toBe(200);
    expect((await clinic.clinician.request('PUT', url(newId()), draft({}))).statusCode).toBe(403);
    const { client: stranger } = await signUp(t.app, { patient: true });
    expect((await stranger.request('GET', url(id))).statusCode).toBe(404);
    expect((await stranger.request('PUT', url(newId()), draft({}))).statusCode).toBe(404);
  });
});
