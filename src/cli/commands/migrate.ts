import { ConfigError } from '../../app/config.ts';
import { EXIT_INVALID_INPUT, EXIT_OK, type CliCommand } from '../command.ts';
import { migrateToLatest } from '../../storage/database.ts';
import { openConfiguredDatabase } from '../compose.ts';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'Apply pending database migrations',
  help: `Usage: painwise migrate

Applies every pending migration to the configured database (SQLite under PAINWISE_DATA_DIR, or
PostgreSQL when DATABASE_URL is set) and prints their names. The server also migrates at start.`,
  async run(args, io) {
    if (args.length > 0) {
      io.err(`painwise migrate: unexpected argument "${args[0]}".`);
      return EXIT_INVALID_INPUT;
    }
    try {
      const database = openConfiguredDatabase(io.env);
      try {
        const applied = await migrateToLatest(database.db);
        io.out(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
      return EXIT_OK;
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(error.message);
        return EXIT_INVALID_INPUT;
      }
      throw error;
    }
  },
};
