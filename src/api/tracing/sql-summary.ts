// What a database span may say about a statement: its kind and the table it names first. Read from the
// statement's text by a few patterns that only ever capture a keyword and an identifier, so no literal,
// parameter or other value can reach a span even when a statement carries one inline.

export interface StatementSummary {
  /** SELECT, INSERT, UPDATE, DELETE, WITH, BEGIN, COMMIT, …; OTHER for anything else. */
  readonly operation: string;
  readonly table: string | undefined;
}

const OPERATIONS = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'with',
  'begin',
  'commit',
  'rollback',
  'savepoint',
  'release',
  'pragma',
]);
// A table, or schema.table (the table is kept).
const IDENTIFIER = String.raw`(?:"?[A-Za-z_][A-Za-z0-9_]*"?\.)?"?([A-Za-z_][A-Za-z0-9_]*)"?`;
const TABLE: Readonly<Record<string, RegExp>> = {
  insert: new RegExp(String.raw`^insert\s+(?:or\s+[a-z]+\s+)?into\s+${IDENTIFIER}`, 'i'),
  update: new RegExp(String.raw`^update\s+(?:or\s+[a-z]+\s+)?${IDENTIFIER}`, 'i'),
  delete: new RegExp(String.raw`^delete\s+from\s+${IDENTIFIER}`, 'i'),
  select: new RegExp(String.raw`\sfrom\s+${IDENTIFIER}`, 'i'),
  with: new RegExp(String.raw`\sfrom\s+${IDENTIFIER}`, 'i'),
};

// Statement texts come from the code (placeholders for values), so there are a few hundred at most;
// the bound keeps a text built at run time from growing the cache without end.
const CACHE_LIMIT = 1000;
const cache = new Map<string, StatementSummary>();

export function summarizeStatement(sql: string): StatementSummary {
  let summary = cache.get(sql);
  if (summary) return summary;
  // The PostgreSQL pool sends a transaction's BEGIN together with its first statement.
  const text = sql.replace(/^\s*begin\s*;\s*/i, '').trimStart();
  const keyword = /^[a-z]+/i.exec(text)?.[0]?.toLowerCase() ?? '';
  const operation = OPERATIONS.has(keyword) ? keyword : 'other';
  summary = { operation: operation.toUpperCase(), table: TABLE[operation]?.exec(text)?.[1] };
  if (cache.size < CACHE_LIMIT) cache.set(sql, summary);
  return summary;
}
