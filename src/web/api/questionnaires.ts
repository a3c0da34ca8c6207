// API calls for questionnaires. Definitions are typed from the domain's description (type-only import:
// no scoring code ships with this module); request bodies from src/contract/instruments.ts.
import type { z } from 'zod';
import type { AssignBody, SubmitResponseBody } from '../../contract/instruments.ts';
import type { CrisisResource } from '../../contract/crisis.ts';
import type { InstrumentDescription } from '../../domain/instruments/describe.ts';
import { request } from './client.ts';

type DescribedItem = InstrumentDescription['items'][number];
/**
 * A definition as the API presents it: a licensed instrument without a licence for this patient here
 * comes without its item text (`itemTextWithheld`; constructs and answer labels null).
 */
export type Instrument = Omit<InstrumentDescription, 'items'> & {
  itemTextWithheld: boolean;
  items: (Omit<DescribedItem, 'construct' | 'options'> & {
    construct: string | null;
    options: (Omit<DescribedItem['options'][number], 'label'> & { label: string | null })[];
  })[];
};

export interface DueItem {
  id: string;
  assignmentId: string;
  instrumentId: string;
  title: string;
  dueAt: string;
  completedAt: string | null;
  status: 'due' | 'overdue' | 'completed';
}

export interface PatientInstrument {
  id: string;
  title: string;
  shortTitle: string;
  measures: string;
  recallPeriod: string | null;
  itemCount: number;
  licence: 'free' | 'licensed';
  attribution: string;
  available: boolean;
  due: DueItem[];
}

export interface StoredResponse {
  id: string;
  patientId: string;
  instrumentId: string;
  instrumentVersion: string;
  scoringVersion: string;
  answers: Record<string, number>;
  result: { kind: 'scored' | 'incomplete'; scores: Record<string, number | null>; missing: string[] };
  score: number | null;
  band: string | null;
  flags: string[];
  source: string;
  completedAt: string;
  attribution: string;
}

export interface Submitted {
  status: 'created' | 'unchanged';
  response: StoredResponse;
  change: { absolute: number; percent: number | null; category: string | null; previousScore: number; note?: string } | null;
  crisis: { resources: CrisisResource[]; alertsRaised: number } | null;
}

export interface Assignment {
  id: string;
  instrumentId: string;
  title: string;
  organizationId: string | null;
  nextDueAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  schedule: z.infer<typeof AssignBody>['schedule'];
  due: DueItem[];
  completed: number;
}

export type CreatedAssignment = Omit<Assignment, 'title' | 'due' | 'completed'>;

export interface OrganizationInstrument {
  id: string;
  title: string;
  shortTitle: string;
  licence: 'free' | 'licensed';
  holder: string;
  attribution: string;
  note: string;
  enabled: boolean;
  confirmation: { by: string; byName: string | null; at: string; note: string | null } | null;
}

export const questionnairesApi = {
  crisisResources: () => request<{ locale: string; resources: CrisisResource[] }>('GET', '/api/crisis-resources'),
  /** With the patient in view, so that a licensed instrument's text follows their caring clinics' licences. */
  instrument: (id: string, pid?: string) =>
    request<Instrument>('GET', `/api/instruments/${encodeURIComponent(id)}${pid ? `?patientId=${encodeURIComponent(pid)}` : ''}`),
  /** Every definition (bands, change rule, attribution), licensed item text as for `instrument`. */
  definitions: (pid?: string) =>
    request<{ items: Instrument[] }>('GET', `/api/instruments${pid ? `?patientId=${encodeURIComponent(pid)}` : ''}`),
  forPatient: (pid: string) => request<{ items: PatientInstrument[] }>('GET', `/api/patients/${pid}/instruments`),
  due: (pid: string) => request<{ items: DueItem[] }>('GET', `/api/patients/${pid}/instruments/due`),
  submit: (pid: string, body: z.input<typeof SubmitResponseBody>) =>
    request<Submitted>('POST', `/api/patients/${pid}/instrument-responses`, body),
  history: (pid: string, instrumentId?: string) =>
    request<{ items: StoredResponse[] }>(
      'GET',
      `/api/patients/${pid}/instrument-responses?limit=200${instrumentId ? `&instrument=${encodeURIComponent(instrumentId)}` : ''}`,
    ),
  assignments: (pid: string) => request<{ items: Assignment[] }>('GET', `/api/patients/${pid}/instrument-assignments`),
  /** The created assignment as stored: no title, due items or completion yet (those come with `assignments`). */
  assign: (pid: string, body: z.input<typeof AssignBody>) =>
    request<CreatedAssignment>('POST', `/api/patients/${pid}/instrument-assignments`, body),
  cancelAssignment: (pid: string, id: string) => request<void>('DELETE', `/api/patients/${pid}/instrument-assignments/${id}`),
  organizationInstruments: (oid: string) => request<{ items: OrganizationInstrument[] }>('GET', `/api/organizations/${oid}/instruments`),
  enableLicence: (oid: string, id: string, note: string | null) =>
    request<void>('PUT', `/api/organizations/${oid}/instruments/${id}/licence`, { confirm: true, note }),
  disableLicence: (oid: string, id: string) => request<void>('DELETE', `/api/organizations/${oid}/instruments/${id}/licence`),
};
