// Typed calls for the intake. The shapes mirror presentIntake in app/intake.ts: the intake as stored with
// its id and version, and the urgent-care advice when a red flag is answered yes. Types only from the
// domain and contract.
import type { z } from 'zod';
import type { IntakeBody } from '../../../contract/intake.ts';
import type { Intake, RedFlag } from '../../../domain/intake/intake.ts';
import { request } from '../../api/client.ts';

export type IntakeInput = z.input<typeof IntakeBody>;

export interface IntakeView extends Intake {
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly urgentCare: { readonly redFlags: readonly RedFlag[]; readonly advice: string } | null;
}

const base = (pid: string) => `/api/patients/${pid}/intakes`;

export const intakeApi = {
  list: (pid: string) => request<{ items: IntakeView[] }>('GET', base(pid)),
  get: (pid: string, id: string) => request<IntakeView>('GET', `${base(pid)}/${id}`),
  /** Create (no version) or edit (If-Match on `version`); a 409 carries the server's copy as `current`. */
  save: (pid: string, id: string, body: IntakeInput, version?: number) =>
    request<IntakeView & { status: 'created' | 'updated' | 'unchanged' }>(
      'PUT',
      `${base(pid)}/${id}`,
      body,
      version === undefined ? {} : { 'if-match': `"${version}"` },
    ),
};
