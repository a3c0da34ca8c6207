// Frozen once shipped. Instants sent by clients (caregiver and clinic access expiry, when a questionnaire
// was completed) were stored as sent, offset and all, and instants are compared as text — in SQL too —
// so "2026-05-01T11:30:00+09:00" compared as later than it is (access outliving its expiry by up to 14
// hours). Inputs are canonical UTC now (contract/common.ts InstantInput); this rewrites stored ones.
import { sql, type Kysely } from 'kysely';

const COLUMNS = [['delegation', 'expires_at'], ['care_relationship', 'expires_at'], ['instrument_response', 'completed_at']] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of COLUMNS) {
    const { rows } = await sql<{ id: string; at: string }>`select id, ${sql.ref(column)} as at from ${sql.table(table)} where ${sql.ref(column)} is not null`.execute(db);
    for (const row of rows) {
      const at = new Date(row.at);
      if (Number.isNaN(at.getTime())) continue;
      const canonical = at.toISOString();
      if (canonical !== row.at && /^\d{4}-/.test(canonical)) {
        await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${canonical} where id = ${row.id}`.execute(db);
      }
    }
  }
}

export async function down(): Promise<void> {
  // Nothing to undo: the canonical form names the same instants.
}
