// Whether a backup's migration history fits this version of Painwise. A backup is restorable when every
// migration it has run is one this version knows: the ones it lacks (a backup from an older version) are
// applied when a server first starts on it, as on any upgrade. A migration this version does not know
// means the backup was made by a newer version, which this one must not run on (there is no downgrade).
import { migrationProvider } from './migrations/index.ts';

export type MigrationFit =
  | { readonly kind: 'current'; readonly applied: readonly string[] }
  | { readonly kind: 'older'; readonly applied: readonly string[]; readonly pending: readonly string[] }
  | { readonly kind: 'newer'; readonly unknown: readonly string[] }
  /** No migration history at all: not a Painwise database. */
  | { readonly kind: 'none' };

export async function knownMigrationNames(): Promise<readonly string[]> {
  return Object.keys(await migrationProvider.getMigrations()).sort();
}

export async function fitMigrations(applied: readonly string[] | undefined): Promise<MigrationFit> {
  if (applied === undefined || applied.length === 0) return { kind: 'none' };
  const known = await knownMigrationNames();
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) return { kind: 'newer', unknown };
  const pending = known.filter((name) => !applied.includes(name));
  const sorted = [...applied].sort();
  return pending.length === 0 ? { kind: 'current', applied: sorted } : { kind: 'older', applied: sorted, pending };
}

/** One line for an operator; undefined when the backup fits. */
export function describeMigrationMisfit(fit: MigrationFit): string | undefined {
  if (fit.kind === 'none') return 'it has no migration history, so it is not a Painwise database.';
  if (fit.kind === 'newer')
    return `it was made by a newer version of Painwise (migrations this version does not know: ${fit.unknown.join(', ')}); restore it with that version.`;
  return undefined;
}

/** What a fitting backup holds, for the command's report. */
export function describeMigrationFit(fit: MigrationFit): string {
  if (fit.kind === 'current') return `migrations: all ${fit.applied.length} of this version (latest ${fit.applied.at(-1)})`;
  if (fit.kind === 'older')
    return `migrations: ${fit.applied.length} applied; ${fit.pending.length} of this version will be applied when a server starts on it (${fit.pending.join(', ')})`;
  return describeMigrationMisfit(fit) ?? '';
}

/** Why a file failed its check, in one line. */
export function describeCheckFailure(
  check:
    | { readonly kind: 'not-sqlite' }
    | { readonly kind: 'not-a-dump' }
    | { readonly kind: 'damaged'; readonly problems: readonly string[] },
): string {
  if (check.kind === 'not-sqlite') return 'it is not a SQLite database.';
  if (check.kind === 'not-a-dump') return "it is not a dump in pg_dump's custom format.";
  return `it is damaged: ${check.problems.join('; ').replace(/\.?$/, '.')}`;
}
