// A full dump of every table, to prove that a refused or rejected request changed nothing.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/storage/database.ts';

export async function snapshotDatabase(handle: DatabaseHandle): Promise<string> {
  const tables =
    handle.dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
            handle.db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%' order by table_name`.execute(
            handle.db,
          )
        ).rows;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = (await sql`select * from ${sql.table(name)} order by 1`.execute(handle.db.withoutPlugins())).rows;
    parts.push(`${name}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
