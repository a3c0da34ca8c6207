// The ordered list of migrations. Names sort in application order; shipped ones are frozen.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-diary.ts';
import * as m0003 from './0003-flares-block-diaries.ts';
import * as m0004 from './0004-alerts.ts';
import * as m0005 from './0005-patient-invitations.ts';
import * as m0006 from './0006-care-plan.ts';
import * as m0010 from './0010-instrument-responses.ts';
import * as m0011 from './0011-instrument-licences-assignments.ts';
import * as m0012 from './0012-naloxone-check.ts';
import * as m0013 from './0013-canonical-instants.ts';
import * as m0014 from './0014-lean-diary.ts';
import * as m0015 from './0015-record-feed.ts';
import * as m0016 from './0016-patient-triage.ts';
import * as m0017 from './0017-known-devices.ts';
import * as m0018 from './0018-api-token-scopes.ts';
import * as m0019 from './0019-pending-sign-ups.ts';
import * as m0020 from './0020-second-factor.ts';
import * as m0021 from './0021-passkeys.ts';
import * as m0022 from './0022-session-second-factor.ts';
import * as m0023 from './0023-profile-change-triggers.ts';
import * as m0026 from './0026-clinic-role-settings.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-diary': m0002,
  '0003-flares-block-diaries': m0003,
  '0004-alerts': m0004,
  '0005-patient-invitations': m0005,
  '0006-care-plan': m0006,
  '0010-instrument-responses': m0010,
  '0011-instrument-licences-assignments': m0011,
  '0012-naloxone-check': m0012,
  '0013-canonical-instants': m0013,
  '0014-lean-diary': m0014,
  '0015-record-feed': m0015,
  '0016-patient-triage': m0016,
  '0017-known-devices': m0017,
  '0018-api-token-scopes': m0018,
  '0019-pending-sign-ups': m0019,
  '0020-second-factor': m0020,
  '0021-passkeys': m0021,
  '0022-session-second-factor': m0022,
  '0023-profile-change-triggers': m0023,
  '0026-clinic-role-settings': m0026,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;
