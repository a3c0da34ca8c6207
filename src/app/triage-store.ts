// The clinic panel's storage port: one derived summary per patient, and a page of a clinic read over them.
import type { Triage } from '../domain/triage/triage.ts';
import type { CareScope, Patient } from './model.ts';

/** A patient's panel summary as stored (see domain/triage). */
export interface StoredTriage extends Triage {
  readonly patientId: string;
  readonly computedAt: string;
}

export type PanelSort = 'priority' | 'name' | 'last-check-in' | 'pain';
export type PanelFilter = 'alerts' | 'safety' | 'overdue' | 'worsening' | 'lapsed';

export interface PanelQuery {
  /** Part of the patient's name, any case. */
  readonly search?: string;
  readonly filter?: PanelFilter;
  readonly sort: PanelSort;
  readonly limit: number;
  readonly offset: number;
}

export interface PanelRow {
  readonly patient: Patient;
  readonly scopes: readonly CareScope[];
  readonly openAlerts: number;
  /** Undefined until the patient's summary is first computed. */
  readonly triage: StoredTriage | undefined;
}

export interface TriageStore {
  /** Writes the summary unless the stored one was computed later. */
  upsert(row: StoredTriage): Promise<void>;
  /**
   * One page of the organization's patients with an active care relationship at `now`, with their
   * summaries and open alerts of this organization, and how many patients match in all.
   */
  panel(organizationId: string, now: string, query: PanelQuery): Promise<{ rows: readonly PanelRow[]; total: number }>;
  /** Patients sharing with a clinic at `now` whose summary was computed before `before` (oldest first), or who have none. */
  staleBefore(before: string, now: string, limit: number): Promise<readonly string[]>;
}
