// The whole demo loads on both engines and leaves what the README promises: a clinic with every role,
// 24 patients, diaries, care plans and questionnaire histories with licences and assignments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { loadDemo } from './commands/demo.ts';

describe.each(DIALECTS)('painwise demo on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads questionnaire histories, two confirmed licences and scheduled assignments', async () => {
    const summary = await loadDemo(t.deps, 'demo password for tests');
    expect(summary.patients).toHaveLength(24);
    expect(summary.questionnaireResponses).toBeGreaterThan(100);
    const maria = (await t.deps.store.patients.findByUserId((await t.deps.store.users.findByEmail(summary.patients[0]!.email))!.id))!;
    const peg = await t.deps.store.instrumentResponses.list(maria.id, 'peg', 100);
    expect(peg).toHaveLength(14);
    expect(peg.every((r) => r.score !== null && r.scoringVersion === '1')).toBe(true);
    // Maria's PEG falls after her CBT began (the planted improvement): last result below the first.
    expect(peg[0]!.score!).toBeLessThan(peg.at(-1)!.score!);
    expect((await t.deps.store.instrumentResponses.list(maria.id, 'phq-9', 100)).every((r) => !r.flags.includes('crisis'))).toBe(true);
    const licences = await t.deps.store.instrumentLicences.listForOrganization(summary.clinic.id);
    expect(licences.map((l) => l.instrumentId).sort()).toEqual(['bpi-sf', 'odi']);
    const assignments = await t.deps.store.instrumentAssignments.listForPatient(maria.id);
    expect(assignments.map((a) => a.instrumentId).sort()).toEqual(['bpi-sf', 'peg', 'phq-9']);
    // 13 assigned by the physician, and 10 procedure follow-ups (PEG + PGIC on each 2-, 6- or 12-week day not yet past).
    expect(await t.deps.store.jobs.countPending('instrument-assignment.due')).toBe(23);
  }, 60_000);
});
