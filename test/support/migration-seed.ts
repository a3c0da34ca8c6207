// What the migration tests load before they migrate: the demo, its patients as their own signed-in
// selves, and a diary entry edited once and another deleted (versions past 1 and a tombstone).
import { expect } from 'vitest';
import type { AppDeps, RequestContext } from '../../src/app/context.ts';
import { deleteDiaryEntry, putDiaryEntry, type DiaryEntryInput } from '../../src/app/diary.ts';
import { loadDemo } from '../../src/cli/commands/demo.ts';

export const actingAs = (userId: string): RequestContext => ({
  actor: { kind: 'user', userId, via: 'session' },
  requestId: null,
  ip: 'test',
});

export interface DemoPerson {
  readonly patientId: string;
  readonly ctx: RequestContext;
}

/** Loads the demo and answers its patients (in the demo's order) and the demo itself. */
export async function loadDemoPeople(deps: AppDeps): Promise<{ demo: Awaited<ReturnType<typeof loadDemo>>; people: DemoPerson[] }> {
  const demo = await loadDemo(deps, 'demo password for tests');
  const people: DemoPerson[] = [];
  for (const p of demo.patients) {
    const user = (await deps.store.users.findByEmail(p.email))!;
    people.push({ patientId: (await deps.store.patients.findByUserId(user.id))!.id, ctx: actingAs(user.id) });
  }
  return { demo, people };
}

export const SEED_ENTRY: DiaryEntryInput = {
  localDate: '2026-05-30',
  localTime: '08:15',
  timeZone: 'America/Los_Angeles',
  recordedAt: '2026-05-30T15:15:00Z',
  intensity: 4,
  regions: [{ code: 'knee-left', intensity: 4, qualities: ['aching'] }],
};

/** Writes `edited` and edits it once (version 2), and writes `deleted` and deletes it (a tombstone). */
export async function seedEditedAndDeletedEntries(deps: AppDeps, person: DemoPerson, edited: string, deleted: string): Promise<void> {
  expect((await putDiaryEntry(deps, person.ctx, person.patientId, edited, SEED_ENTRY)).status).toBe('created');
  expect((await putDiaryEntry(deps, person.ctx, person.patientId, edited, { ...SEED_ENTRY, intensity: 6 }, 1)).status).toBe('updated');
  expect((await putDiaryEntry(deps, person.ctx, person.patientId, deleted, SEED_ENTRY)).status).toBe('created');
  expect((await deleteDiaryEntry(deps, person.ctx, person.patientId, deleted, 1)).status).toBe('updated');
}
