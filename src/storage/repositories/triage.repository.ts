// The clinic panel's per-patient summaries, and the panel page read over them.
import { sql } from 'kysely';
import type { ChangeCategory } from '../../domain/instruments/index.ts';
import type { LocalDate } from '../../domain/time/local-date.ts';
import type { CareScope } from '../../app/model.ts';
import type { PanelQuery, StoredTriage, TriageStore } from '../../app/triage-store.ts';
import type { PatientTriageRow } from '../schema.ts';
import { parseJsonArray, type Executor } from './executor.ts';
import { toPatient } from './patients.repository.ts';

/** A summary as its table row (also used by the benchmark's bulk load). */
export const triageRow = (t: StoredTriage): PatientTriageRow => ({
  patientId: t.patientId,
  computedAt: t.computedAt,
  lastEntryDate: t.lastEntryDate,
  painRecent: t.painRecent,
  painBaseline: t.painBaseline,
  painChange: t.painChange,
  pegScore: t.pegScore,
  pegAt: t.pegAt,
  pegChange: t.pegChange,
  mmePerDay: t.mmePerDay,
  mmeNotCalculable: t.mmeNotCalculable,
  flags: JSON.stringify(t.flags),
  dueCount: t.dueQuestionnaires,
  overdueCount: t.overdueQuestionnaires,
  worsening: t.worsening ? 1 : 0,
  lapsed: t.lapsed ? 1 : 0,
  priority: t.priority,
});

// PostgreSQL hands back double precision as numbers and SQLite as numbers; counts may come back as text.
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const toTriage = (r: PatientTriageRow): StoredTriage => ({
  patientId: r.patientId,
  computedAt: r.computedAt,
  lastEntryDate: r.lastEntryDate as LocalDate | null,
  painRecent: num(r.painRecent),
  painBaseline: num(r.painBaseline),
  painChange: r.painChange as ChangeCategory | null,
  pegScore: num(r.pegScore),
  pegAt: r.pegAt,
  pegChange: r.pegChange as ChangeCategory | null,
  mmePerDay: num(r.mmePerDay),
  mmeNotCalculable: Number(r.mmeNotCalculable),
  flags: parseJsonArray<string>(r.flags),
  dueQuestionnaires: Number(r.dueCount),
  overdueQuestionnaires: Number(r.overdueCount),
  worsening: Number(r.worsening) === 1,
  lapsed: Number(r.lapsed) === 1,
  priority: Number(r.priority),
});

/** Scopes are stored as a JSON array of names. */
const READ_SCOPE = '%"read"%';

/** `%` and `_` in a search are letters, not wildcards. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function triageRepository(db: Executor): TriageStore {
  return {
    async upsert(t) {
      const row = triageRow(t);
      const { patientId: _p, ...update } = row;
      await db
        .insertInto('patient_triage')
        .values(row)
        .onConflict((oc) => oc.column('patientId').doUpdateSet(update).where('patient_triage.computedAt', '<=', row.computedAt))
        .execute();
    },

    async panel(organizationId, now, query: PanelQuery) {
      // The page's order over the whole clinic with only the columns it sorts on (sorting ten thousand
      // narrow rows, not whole ones), then the page's rows in full, then the count only when the page
      // does not tell it.
      const openAlerts = db
        .selectFrom('alert')
        .select(['alert.patientId', (eb) => eb.fn.countAll<number>().as('openAlerts')])
        .where('alert.organizationId', '=', organizationId)
        .where('alert.status', '=', 'open')
        .groupBy('alert.patientId')
        .as('a');
      let base = db
        .selectFrom('care_relationship as r')
        .innerJoin('patient', 'patient.id', 'r.patientId')
        // Without the read scope the clinic sees the name only: no summary, no alerts, and so no order by them.
        .leftJoin('patient_triage as t', (join) =>
          join.onRef('t.patientId', '=', 'r.patientId').on(sql<boolean>`r.scopes like ${READ_SCOPE}`),
        )
        .leftJoin(openAlerts, (join) => join.onRef('a.patientId', '=', 'r.patientId').on(sql<boolean>`r.scopes like ${READ_SCOPE}`))
        .where('r.organizationId', '=', organizationId)
        .where('r.revokedAt', 'is', null)
        .where((eb) => eb.or([eb('r.expiresAt', 'is', null), eb('r.expiresAt', '>', now)]));
      if (query.search) base = base.where(sql<boolean>`lower(patient.display_name) like ${likePattern(query.search)} escape '\\'`);
      switch (query.filter) {
        case 'alerts':
          base = base.where(sql<boolean>`coalesce(a.open_alerts, 0) > 0`);
          break;
        case 'safety':
          base = base.where('t.flags', '<>', '[]');
          break;
        case 'overdue':
          base = base.where('t.overdueCount', '>', 0);
          break;
        case 'worsening':
          base = base.where('t.worsening', '=', 1);
          break;
        case 'lapsed':
          base = base.where('t.lapsed', '=', 1);
          break;
      }
      let q = base.select(['r.patientId', 'r.scopes', sql<number>`coalesce(a.open_alerts, 0)`.as('openAlertCount')]);
      switch (query.sort) {
        case 'priority':
          // Open alerts of this clinic first, then the stored tiers; a patient not summarised yet last.
          q = q
            .orderBy(sql`coalesce(a.open_alerts, 0)`, 'desc')
            .orderBy(sql`coalesce(t.priority, -1)`, 'desc')
            .orderBy(sql`coalesce(t.pain_recent, -1)`, 'desc');
          break;
        case 'last-check-in':
          // Longest without a check-in first, never checked in before all; names without a summary last.
          q = q.orderBy(sql`case when t.patient_id is null then 1 else 0 end`).orderBy(sql`coalesce(t.last_entry_date, '')`, 'asc');
          break;
        case 'pain':
          q = q.orderBy(sql`coalesce(t.pain_recent, -1)`, 'desc');
          break;
        case 'name':
          break;
      }
      const order = await q.orderBy('patient.displayName').orderBy('r.patientId').limit(query.limit).offset(query.offset).execute();
      // A first page that is not full holds every match; any other page asks.
      const total =
        query.offset === 0 && order.length < query.limit
          ? order.length
          : Number((await base.select((eb) => eb.fn.countAll<number>().as('matching')).executeTakeFirst())?.matching ?? 0);
      if (order.length === 0) return { rows: [], total };
      const full = await db
        .selectFrom('patient')
        .leftJoin('patient_triage as t', 't.patientId', 'patient.id')
        .selectAll('patient')
        .selectAll('t')
        .where(
          'patient.id',
          'in',
          order.map((o) => o.patientId),
        )
        .execute();
      const byId = new Map(full.map((r) => [r.id, r]));
      return {
        total,
        // A patient deleted between the two reads is left out, not failed on.
        rows: order.flatMap((o) => {
          const r = byId.get(o.patientId);
          if (!r) return [];
          const readable = o.scopes.includes('"read"');
          return {
            patient: toPatient(r),
            scopes: parseJsonArray<CareScope>(o.scopes),
            openAlerts: Number(o.openAlertCount),
            triage: !readable || r.computedAt === null ? undefined : toTriage({ ...(r as unknown as PatientTriageRow), patientId: r.id }),
          };
        }),
      };
    },

    async staleBefore(before, now, limit) {
      const rows = await db
        .selectFrom('patient')
        .leftJoin('patient_triage as t', 't.patientId', 'patient.id')
        .select('patient.id')
        .where((eb) => eb.or([eb('t.computedAt', 'is', null), eb('t.computedAt', '<', before)]))
        // Only a clinic's panel shows a summary.
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('care_relationship as r')
              .select('r.id')
              .whereRef('r.patientId', '=', 'patient.id')
              .where('r.revokedAt', 'is', null)
              .where((eb) => eb.or([eb('r.expiresAt', 'is', null), eb('r.expiresAt', '>', now)])),
          ),
        )
        .orderBy(sql`coalesce(t.computed_at, '')`)
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
  };
}
