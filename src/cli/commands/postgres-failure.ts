// How backup and restore report what went wrong on PostgreSQL's side: a missing or failing pg_dump /
// pg_restore, or a database DATABASE_URL names that cannot be reached. Both are failures of the
// environment (exit 1), not of the input; anything else is not ours to word and is thrown on.
import { isPostgresConnectionProblem, PostgresToolFailed, PostgresToolMissing } from '../../storage/postgres-backup.ts';
import { EXIT_FAILURE, type CliIo } from '../command.ts';

export function reportPostgresFailure(command: string, error: unknown, io: CliIo): number {
  if (error instanceof PostgresToolMissing || error instanceof PostgresToolFailed) {
    io.err(`painwise ${command}: ${error.message}`);
    return EXIT_FAILURE;
  }
  if (isPostgresConnectionProblem(error)) {
    io.err(`painwise ${command}: cannot use the database DATABASE_URL names: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  throw error;
}
