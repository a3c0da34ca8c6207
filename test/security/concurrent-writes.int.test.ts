// The same write sent several times at once (a client retrying before its first attempt answered, two
// tabs, an offline queue replayed twice) on both engines: one creates, the others answer as retries or
// conflicts — never a 500, and nothing is stored twice. On PostgreSQL the attempts run on separate
// connections, so each could pass "does this id exist?" before the others committed; clinical records,
// taper plans, questionnaire responses and assignments now take turns per patient as diary writes do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicianWithAccess } from '../support/care-team.ts';
import { DIALECTS } from '../support/dialects.ts';
import { createTestApp, signUp, type Client, type TestApp } from '../support/test-app.ts';

let idCounter = 0;
const newId = () => `019c0000-0000-7000-8000-${String(++idCounter).padStart(12, '0')}`;
const TIMES = 6;

describe.each(DIALECTS)('concurrent writes on %s', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let pid: string;
  let clinician: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const p = await signUp(t.app, { patient: true });
    owner = p.client;
    pid = p.me.patient!.id;
    ({ clinician } = await clinicianWithAccess(t, owner, pid, ['read', 'write']));
  });
  afterAll(async () => {
    await t.close();
  });

  const all = (send: () => Promise<{ statusCode: number; body: string }>) => Promise.all(Array.from({ length: TIMES }, send));
  const statuses = (rs: readonly { statusCode: number }[]) => rs.map((r) => r.statusCode).sort();

  it.each([
    ['a condition', 'conditions', { label: 'Low back pain', mechanism: 'mixed', onsetDate: '2025-01-01' }],
    [
      'a medication order',
      'medication-orders',
      { formularyId: 'oxycodone', doseMg: 5, schedule: 'as-needed', maxPerDay: 4, route: 'oral', startDate: '2026-01-01' },
    ],
    [
      'a procedure (with its follow-up assignments)',
      'procedures',
      { type: 'medial-branch-block', date: '2026-05-28', side: 'right', intent: 'diagnostic', imageGuidance: 'fluoroscopy' },
    ],
    [
      'a conservative-care record',
      'conservative-care',
      { treatment: 'Physical therapy', modality: 'physical', startDate: '2025-10-01', outcome: 'unknown' },
    ],
  ])('%s PUT at once: one created, the rest unchanged', async (_label, resource, body) => {
    const id = newId();
    const rs = await all(() => clinician.request('PUT', `/api/patients/${pid}/${resource}/${id}`, body));
    expect(statuses(rs)).toEqual([200, 200, 200, 200, 200, 201]);
    const list = (await clinician.request('GET', `/api/patients/${pid}/${resource}`)).json();
    const rows = Array.isArray(list) ? list : (list.items ?? list.history);
    expect(rows.filter((r: { id: string }) => r.id === id)).toHaveLength(1);
  });

  it('the naloxone check PUT at once by the patient: one created, the rest unchanged', async () => {
    const rs = await all(() => owner.request('PUT', `/api/patients/${pid}/naloxone-check`, { hasNaloxone: true, location: 'Kitchen' }));
    expect(statuses(rs)).toEqual([200, 200, 200, 200, 200, 201]);
  });

  it('a taper plan PUT at once: one created, the rest unchanged', async () => {
    const order = {
      formularyId: 'morphine',
      doseMg: 30,
      schedule: 'scheduled',
      timesPerDay: 2,
      route: 'oral',
      startDate: '2026-01-01',
      confirmHighRisk: ['mme-at-least-50', 'mme-at-least-90', 'opioid-benzodiazepine'],
    };
    expect((await clinician.request('PUT', `/api/patients/${pid}/medication-orders/${newId()}`, order)).statusCode).toBe(201);
    const id = newId();
    const rs = await all(() => clinician.request('PUT', `/api/patients/${pid}/taper-plans/${id}`, { startDate: '2026-06-15' }));
    expect(statuses(rs)).toEqual([200, 200, 200, 200, 200, 201]);
  });

  it('a questionnaire response POSTed at once with one id: stored once, the retries unchanged', async () => {
    const id = newId();
    const rs = await all(() =>
      owner.request('POST', `/api/patients/${pid}/instrument-responses`, { id, instrumentId: 'peg', answers: { 1: 5, 2: 4, 3: 3 } }),
    );
    expect(statuses(rs)).toEqual([200, 200, 200, 200, 200, 201]);
    const list = (await owner.request('GET', `/api/patients/${pid}/instrument-responses?instrument=peg&limit=500`)).json().items as {
      id: string;
    }[];
    expect(list.filter((r) => r.id === id)).toHaveLength(1);
  });

  it('one response id sent at once for two patients: one stored, the other refused as taken', async () => {
    const other = await signUp(t.app, { patient: true });
    const id = newId();
    const body = { id, instrumentId: 'peg', answers: { 1: 5, 2: 4, 3: 3 } };
    const rs = await Promise.all([
      owner.request('POST', `/api/patients/${pid}/instrument-responses`, body),
      other.client.request('POST', `/api/patients/${other.me.patient!.id}/instrument-responses`, body),
    ]);
    expect(statuses(rs)).toEqual([201, 409]);
    expect(rs.find((r) => r.statusCode === 409)!.json().code).toBe('conflict');
  });

  it('an assignment POSTed at once with one id: assigned once, the others refused as duplicates', async () => {
    const id = newId();
    const rs = await all(() =>
      clinician.request('POST', `/api/patients/${pid}/instrument-assignments`, {
        id,
        instrumentId: 'peg',
        schedule: { kind: 'once', dueAt: '2026-07-01T09:00:00Z' },
      }),
    );
    expect(statuses(rs)).toEqual([201, 409, 409, 409, 409, 409]);
    expect(rs.filter((r) => r.statusCode === 409).every((r) => JSON.parse(r.body).code === 'conflict')).toBe(true);
    const items = (await clinician.request('GET', `/api/patients/${pid}/instrument-assignments`)).json().items as { id: string }[];
    expect(items.filter((a) => a.id === id)).toHaveLength(1);
  });

  it('one caregiver code accepted by two people at once: one becomes the caregiver, the other is told the code is used', async () => {
    const { code } = (await owner.request('POST', `/api/patients/${pid}/caregivers`, { label: 'Helper', scopes: ['read'] })).json();
    const people = await Promise.all([signUp(t.app), signUp(t.app), signUp(t.app)]);
    const rs = await Promise.all(people.map((p) => p.client.request('POST', '/api/caregiver-invitations/accept', { code })));
    expect(statuses(rs)).toEqual([200, 400, 400]);
    // Whoever was told yes holds the access; the others do not.
    for (const [i, p] of people.entries()) {
      expect((await p.client.request('GET', `/api/patients/${pid}`)).statusCode).toBe(rs[i]!.statusCode === 200 ? 200 : 404);
    }
    const delegations = (await owner.request('GET', `/api/patients/${pid}/caregivers`)).json();
    expect(
      (Array.isArray(delegations) ? delegations : delegations.items).filter((d: { acceptedAt: string | null }) => d.acceptedAt !== null),
    ).toHaveLength(1);
  });

  it('two admins each stepping down (or removing the other) at once leave the organization one admin', async () => {
    async function twoAdmins() {
      const first = await signUp(t.app);
      const org = (await first.client.request('POST', '/api/organizations', { name: `Two admins ${newId()}` })).json();
      const email = `admin-${newId()}@example.test`;
      const second = await signUp(t.app, { email });
      const { code } = (await first.client.request('POST', `/api/organizations/${org.id}/invitations`, { email, role: 'admin' })).json();
      expect((await second.client.request('POST', '/api/member-invitations/accept', { code })).statusCode).toBe(200);
      const members = (await first.client.request('GET', `/api/organizations/${org.id}/members`)).json();
      const list = (Array.isArray(members) ? members : members.items) as { id: string; userId: string }[];
      const idOf = (userId: string) => list.find((m) => m.userId === userId)!.id;
      return {
        org,
        admins: [
          { client: first.client, membershipId: idOf(first.me.user.id) },
          { client: second.client, membershipId: idOf(second.me.user.id) },
        ],
      };
    }
    const adminsLeft = async (org: { id: string }, client: Client) => {
      const members = (await client.request('GET', `/api/organizations/${org.id}/members`)).json();
      return ((Array.isArray(members) ? members : members.items) as { role: string }[]).filter((m) => m.role === 'admin').length;
    };
    for (let round = 0; round < 3; round++) {
      const demote = await twoAdmins();
      const demoted = await Promise.all(
        demote.admins.map((a) =>
          a.client.request('PATCH', `/api/organizations/${demote.org.id}/members/${a.membershipId}`, { role: 'physician' }),
        ),
      );
      expect(statuses(demoted)).toEqual([204, 409]);
      expect(await adminsLeft(demote.org, demote.admins[0]!.client)).toBe(1);

      const remove = await twoAdmins();
      const [x, y] = remove.admins;
      const removed = await Promise.all([
        x!.client.request('DELETE', `/api/organizations/${remove.org.id}/members/${y!.membershipId}`),
        y!.client.request('DELETE', `/api/organizations/${remove.org.id}/members/${x!.membershipId}`),
      ]);
      // One removal goes through; the other admin is then no member (404) or the last admin (409).
      expect(removed.filter((r) => r.statusCode === 204)).toHaveLength(1);
      const survivor = removed[0]!.statusCode === 204 ? x! : y!;
      expect(await adminsLeft(remove.org, survivor.client)).toBe(1);
    }
  });

  it('pacing sessions of several days logged at once are all kept, each in its own plan version', async () => {
    const p = await signUp(t.app, { patient: true });
    const id = p.me.patient!.id;
    const activityId = newId();
    expect(
      (
        await p.client.request('PUT', `/api/patients/${id}/care-plan`, {
          goals: [],
          interventions: [],
          pacing: [
            {
              id: activityId,
              activity: 'walking',
              unit: 'minutes',
              goal: 30,
              startDate: '2026-07-01',
              sessionSource: 'recorded',
              sessions: [],
            },
          ],
        })
      ).statusCode,
    ).toBe(201);
    const days = ['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30'];
    const rs = await Promise.all(
      days.map((day) => p.client.request('PUT', `/api/patients/${id}/care-plan/pacing/${activityId}/sessions/${day}`, { amount: 10 })),
    );
    expect(statuses(rs)).toEqual([201, 201, 201, 201, 201, 201]);
    const plan = (await p.client.request('GET', `/api/patients/${id}/care-plan`)).json();
    expect(plan.version).toBe(1 + days.length);
    expect(plan.pacing[0].sessions.map((s: { date: string }) => s.date)).toEqual(days);
  });
});
