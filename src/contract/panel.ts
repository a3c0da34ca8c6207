// The clinic panel: one page of an organization's patients with what a clinician triages on.
import { z } from 'zod';
import { Instant } from './common.ts';
import { PatientView } from './patients.ts';

export const PANEL_SORTS = ['priority', 'name', 'last-check-in', 'pain'] as const;
export const PANEL_FILTERS = ['alerts', 'safety', 'overdue', 'worsening', 'lapsed'] as const;
const CHANGE_CATEGORIES = ['substantial', 'moderate', 'minimal', 'none', 'improved', 'worsened'] as const;

export const PanelQueryString = z.strictObject({
  search: z.string().trim().max(100).optional(),
  filter: z.enum(PANEL_FILTERS).optional(),
  sort: z.enum(PANEL_SORTS).default('priority'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const LocalDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PanelTriageView = z.object({
  computedAt: Instant,
  lastCheckInDate: LocalDateText.nullable().describe("The local date of the newest diary entry, in the patient's time zone"),
  daysSinceCheckIn: z.number().int().nullable(),
  painRecent: z.number().nullable().describe('Mean pain (NRS 0–10) of the last 7 local days, one decimal'),
  painBaseline: z.number().nullable().describe('Mean pain of the 28 days before those'),
  painChange: z.enum(CHANGE_CATEGORIES).nullable().describe('IMMPACT category of the change from baseline to recent'),
  pegScore: z.number().nullable(),
  pegAt: Instant.nullable(),
  pegChange: z.enum(CHANGE_CATEGORIES).nullable(),
  mmePerDay: z.number().nullable().describe('Total MME/day of the opioids with a CDC 2022 factor; null when there is none'),
  mmeNotCalculable: z.number().int().describe('Opioids left out of mmePerDay because their MME cannot be calculated'),
  safetyFlags: z.array(z.string()).readonly(),
  dueQuestionnaires: z.number().int(),
  overdueQuestionnaires: z.number().int(),
  worsening: z.boolean(),
  lapsed: z.boolean(),
});

export const PanelRowView = z.object({
  patient: PatientView,
  scopes: z.array(z.string()).readonly(),
  openAlerts: z.number().int(),
  triage: PanelTriageView.nullable().describe('null until first computed, or when the clinic may not read the record'),
});

export const PanelPageView = z.object({
  items: z.array(PanelRowView),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
