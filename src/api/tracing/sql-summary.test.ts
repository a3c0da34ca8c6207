import { describe, expect, it } from 'vitest';
import { summarizeStatement } from './sql-summary.ts';

describe('what a database span says about a statement', () => {
  it('names the kind and the first table, whatever the quoting', () => {
    expect(summarizeStatement('select "id", "intensity" from "versioned_record" where "patient_id" = ?')).toEqual({
      operation: 'SELECT',
      table: 'versioned_record',
    });
    expect(summarizeStatement('insert into "audit_event" ("id") values ($1)')).toEqual({ operation: 'INSERT', table: 'audit_event' });
    expect(summarizeStatement('insert or ignore into known_device (id) values (?)')).toEqual({
      operation: 'INSERT',
      table: 'known_device',
    });
    expect(summarizeStatement('update "session" set "last_seen_at" = $1')).toEqual({ operation: 'UPDATE', table: 'session' });
    expect(summarizeStatement('delete from "job" where "id" = $1')).toEqual({ operation: 'DELETE', table: 'job' });
    expect(summarizeStatement('select c.relname from pg_catalog.pg_class c')).toEqual({ operation: 'SELECT', table: 'pg_class' });
    expect(summarizeStatement('begin; select * from "patient" where id = $1 for update')).toEqual({
      operation: 'SELECT',
      table: 'patient',
    });
    expect(summarizeStatement('commit')).toEqual({ operation: 'COMMIT', table: undefined });
    expect(summarizeStatement('vacuum')).toEqual({ operation: 'OTHER', table: undefined });
  });
  it('never carries a value written into the statement', () => {
    const summary = summarizeStatement("select * from (select 'jane@example.test' as e) where e = 'Jane Doe'");
    expect(JSON.stringify(summary)).not.toMatch(/jane|doe/i);
    expect(JSON.stringify(summarizeStatement("insert into 'Jane Doe' values (1)"))).not.toMatch(/jane|doe/i);
  });
});
