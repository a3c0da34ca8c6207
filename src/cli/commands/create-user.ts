import { parseArgs } from 'node:util';
import { signUp } from '../../app/accounts.ts';
import { ConfigError } from '../../app/config.ts';
import { AppError } from '../../app/errors.ts';
import { createOrganization } from '../../app/organizations.ts';
import { EXIT_INVALID_INPUT, EXIT_OK, type CliCommand } from '../command.ts';
import { withDeps } from '../compose.ts';

const HELP = `Usage: painwise create-user --email EMAIL --name NAME [--patient --time-zone ZONE] [--organization NAME]

Creates an account. The password is read from the environment variable PAINWISE_NEW_PASSWORD
(never from the command line, where other users of the machine could see it).

Options:
  --email EMAIL          sign-in email (required)
  --name NAME            display name (required)
  --patient              also create the person's own patient record
  --time-zone ZONE       IANA time zone for the patient record (default UTC), e.g. Europe/Berlin
  --organization NAME    also create an organization with this person as its admin

Prints one JSON object: { "userId", "patientId", "organizationId", "shareCode" }.`;

export const createUserCommand: CliCommand = {
  name: 'create-user',
  summary: 'Create an account (password from PAINWISE_NEW_PASSWORD), optionally a patient record or a clinic',
  help: HELP,
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...args],
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          patient: { type: 'boolean' },
          'time-zone': { type: 'string' },
          organization: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      io.err(`painwise create-user: ${(error as Error).message}\n\n${HELP}`);
      return EXIT_INVALID_INPUT;
    }
    const password = io.env.PAINWISE_NEW_PASSWORD;
    if (!values.email || !values.name || !password) {
      io.err('painwise create-user: --email, --name and the PAINWISE_NEW_PASSWORD environment variable are required.');
      return EXIT_INVALID_INPUT;
    }
    const timeZone = values['time-zone'] ?? 'UTC';
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      io.err(`painwise create-user: "${timeZone}" is not an IANA time zone (e.g. Europe/Berlin).`);
      return EXIT_INVALID_INPUT;
    }
    try {
      const result = await withDeps(io.env, async (deps) => {
        const ctx = { actor: { kind: 'anonymous' as const }, requestId: null, ip: 'cli' };
        const { user, patient } = await signUp(deps, ctx, {
          email: values.email!,
          password,
          displayName: values.name!,
          ...(values.patient ? { patient: { timeZone } } : {}),
        });
        const org = values.organization
          ? await createOrganization(
              deps,
              { ...ctx, actor: { kind: 'user', userId: user.id, via: 'session' } },
              { name: values.organization },
            )
          : undefined;
        return {
          userId: user.id,
          patientId: patient?.id ?? null,
          organizationId: org?.organization.id ?? null,
          shareCode: org?.organization.shareCode ?? null,
        };
      });
      io.out(JSON.stringify(result));
      return EXIT_OK;
    } catch (error) {
      if (error instanceof AppError || error instanceof ConfigError) {
        io.err(`painwise create-user: ${error.message}`);
        return EXIT_INVALID_INPUT;
      }
      throw error;
    }
  },
};
