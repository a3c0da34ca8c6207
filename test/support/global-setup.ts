// Vitest global setup for the integration project: decides once which engines the run uses and
// hands the answer to the test workers through the environment (they start after this returns and
// inherit it), then says which engines run.
import { chooseTestDialects } from './dialects.ts';

export default async function setup(): Promise<void> {
  const choice = await chooseTestDialects();
  process.env.PAINWISE_TEST_DIALECTS = choice.dialects.join(',');
  if (choice.postgresUrl) process.env.PAINWISE_TEST_POSTGRES_URL = choice.postgresUrl;
  const shown = choice.postgresUrl ? ` (PostgreSQL at ${redact(choice.postgresUrl)})` : '';
  console.log(`Integration tests run on ${choice.dialects.join(' and ')}: ${choice.reason}${shown}.`);
}

/** The URL without its password, for the log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured URL';
  }
}
