// `painwise serve`: the only command that reaches into api/ — it starts the HTTP server.
import { ConfigError } from '../../app/config.ts';
import { EXIT_INVALID_INPUT, type CliCommand } from '../command.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the Painwise server (API and web app) on PORT (default 3000)',
  help: `Usage: painwise serve

Starts the API and the web app on one port, applying database migrations first.
Configuration comes from the environment (see README: PORT, HOST, PAINWISE_DATA_DIR, DATABASE_URL,
PAINWISE_PUBLIC_URL, …). Stops cleanly on SIGINT/SIGTERM.`,
  async run(args, io) {
    if (args.length > 0) {
      io.err(`painwise serve: unexpected argument "${args[0]}". See painwise serve --help.`);
      return EXIT_INVALID_INPUT;
    }
    const { startServer } = await import('../../api/main.ts');
    try {
      const server = await startServer(io.env, process.cwd());
      io.out(`Painwise is running at ${server.url.replace('127.0.0.1', 'localhost')}`);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    } catch (error) {
      if (error instanceof ConfigError) {
        io.err(error.message);
        return EXIT_INVALID_INPUT;
      }
      throw error;
    }
  },
};
