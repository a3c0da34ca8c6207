// Frozen once shipped. Instants sent by clients (caregiver and clinic access expiry, when a questionnaire
// was completed, an assignment's dates) were stored as sent, offset and all, and instants are compared
// as text — in SQL too — so "2026-05-01T11:30:00+09:00" compared as later than it is (access outliving
// its expiry by up to 14 hours; an answer not completing what was due). Inputs are canonical UTC now
// (contract/common.ts InstantInput); this rewrites stored ones, and the times derived from them.
import { sql, type Kysely } from 'kysely';

/** The canonical form of a stored instant, or undefined when it is not one or is already canonical. */
function canonical(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return undefined;
  const iso = at.toISOString();
  return iso !== text && /^\d{4}-/.test(iso) ? iso : undefined;
}

/** A JSON object's instant fields in canonical form; undefined when none changed. */
function canonicalFields(json: string, fields: readonly string[]): string | undefined {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  let changed = false;
  for (const field of fields) {
    const fixed = canonical(value[field]);
    if (fixed !== undefined) {
      value[field] = fixed;
      changed = true;
    }
  }
  return changed ? JSON.stringify(value) : undefined;
}

const COLUMNS = [
  ['delegation', 'expires_at'],
  ['care_relationship', 'expires_at'],
  ['instrument_response', 'completed_at'],
  ['instrument_assignment', 'next_due_at'],
  ['instrument_due', 'due_at'],
  ['job', 'run_at'],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    const { rows } = await sql<{
      id: string;
      at: string;
    }>`select id, ${sql.ref(column)} as at from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db);
    for (const row of rows) {
      const fixed = canonical(row.at);
      if (fixed !== undefined) await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${fixed} where id = ${row.id}`.execute(db);
    }
  }
  // An assignment's schedule, and the due time an assignment job carries (compared with next_due_at).
  const schedules = await sql<{ id: string; schedule: string }>`select id, schedule from instrument_assignment`.execute(db);
  for (const row of schedules.rows) {
    const fixed = canonicalFields(row.schedule, ['dueAt', 'startAt', 'endAt', 'visitAt']);
    if (fixed !== undefined) await sql`update instrument_assignment set schedule = ${fixed} where id = ${row.id}`.execute(db);
  }
  const jobs = await sql<{ id: string; payload: string }>`select id, payload from job where kind = ${'instrument-assignment.due'}`.execute(
    db,
  );
  for (const row of jobs.rows) {
    const fixed = canonicalFields(row.payload, ['dueAt']);
    if (fixed !== undefined) await sql`update job set payload = ${fixed} where id = ${row.id}`.execute(db);
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: the canonical form names the same instants.
}
