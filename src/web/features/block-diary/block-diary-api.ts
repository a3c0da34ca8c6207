// Typed calls for block diaries. The response shape mirrors the API presenter
// presentBlockDiary (app/diary-documents.ts): the stored diary, its version, the reading schedule and
// the relief the domain computed. Types only from the domain, so this adds no domain code to a bundle.
import type { z } from 'zod';
import type { BlockDiaryBody } from '../../../contract/diary.ts';
import type { BlockDiary, BlockRelief } from '../../../domain/diary/block-diary.ts';
import { request } from '../../api/client.ts';
import type { ScheduledReading } from './reading-schedule.ts';

export type BlockDiaryInput = z.input<typeof BlockDiaryBody>;
export type BlockDiaryReadingInput = NonNullable<BlockDiaryInput['readings']>[number];

export interface BlockDiaryView extends BlockDiary {
  version: number;
  schedule: ScheduledReading[];
  relief: BlockRelief;
}

const base = (pid: string) => `/api/patients/${pid}/block-diaries`;

/** The body a PUT takes: the stored fields only (no id, version or computed figures). */
export function toInput(diary: BlockDiaryView): BlockDiaryInput {
  return {
    procedureLabel: diary.procedureLabel,
    procedureAt: diary.procedureAt,
    timeZone: diary.timeZone,
    baselineIntensity: diary.baselineIntensity,
    offsetsMinutes: [...diary.offsetsMinutes],
    readings: diary.readings.map((r) => ({
      offsetMinutes: r.offsetMinutes,
      intensity: r.intensity,
      patientReportedReliefPct: r.patientReportedReliefPct,
      recordedAt: r.recordedAt,
    })),
  };
}

export const blockDiaryApi = {
  list: (pid: string) => request<{ items: BlockDiaryView[] }>('GET', base(pid)),
  get: (pid: string, id: string) => request<BlockDiaryView>('GET', `${base(pid)}/${id}`),
  /** Create (no version) or edit (If-Match on `version`); a 409 carries the server's copy as `current`. */
  save: (pid: string, id: string, body: BlockDiaryInput, version?: number) =>
    request<BlockDiaryView & { status: 'created' | 'updated' | 'unchanged' }>(
      'PUT',
      `${base(pid)}/${id}`,
      body,
      version === undefined ? {} : { 'if-match': `"${version}"` },
    ),
  /** Deletes `version` (If-Match): a 409 (it changed on another device) carries the server's copy as `current`. */
  remove: (pid: string, id: string, version: number) =>
    request<void>('DELETE', `${base(pid)}/${id}`, undefined, { 'if-match': `"${version}"` }),
};
