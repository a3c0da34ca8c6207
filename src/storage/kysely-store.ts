// The Store port over Kysely: the same repositories serve a plain connection or a transaction.
import type { Store, Stores } from '../app/ports.ts';
import { isMigrationCurrent, type DatabaseHandle } from './database.ts';
import { apiTokenRepository, sessionRepository, signInFailureRepository, userRepository } from './repositories/accounts.repository.ts';
import { auditRepository } from './repositories/audit.repository.ts';
import type { Executor } from './repositories/executor.ts';
import { organizationRepository } from './repositories/organizations.repository.ts';
import { careRelationshipRepository, delegationRepository, patientRepository } from './repositories/patients.repository.ts';
import { sql } from 'kysely';
import { UNIQUE_VIOLATION } from '../app/unique.ts';
import { isUniqueViolation } from './database.ts';

/** Marks driver unique-constraint errors (by code, on either engine) so the app can recognise them. */
function translateErrors<T extends object>(repository: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repository)) {
    wrapped[name] = typeof fn !== 'function' ? fn : async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (isUniqueViolation(error)) Object.defineProperty(error, UNIQUE_VIOLATION, { value: true });
        throw error;
      }
    };
  }
  return wrapped as T;
}

function storesOver(db: Executor): Stores {
  return {
    users: translateErrors(userRepository(db)),
    sessions: translateErrors(sessionRepository(db)),
    apiTokens: translateErrors(apiTokenRepository(db)),
    signInFailures: translateErrors(signInFailureRepository(db)),
    organizations: translateErrors(organizationRepository(db)),
    patients: translateErrors(patientRepository(db)),
    delegations: translateErrors(delegationRepository(db)),
    careRelationships: translateErrors(careRelationshipRepository(db)),
    audit: translateErrors(auditRepository(db)),
  };
}

export function createKyselyStore(handle: DatabaseHandle): Store {
  let migrationsCurrent = false;
  return {
    ...storesOver(handle.db),
    transaction: (work) => handle.db.transaction().execute((trx) => work(storesOver(trx))),
    async isReady() {
      try {
        await sql`select 1`.execute(handle.db);
        // Migrations only move forward while a process runs, so once current, stay current.
        if (!migrationsCurrent) migrationsCurrent = await isMigrationCurrent(handle.db);
        return migrationsCurrent;
      } catch {
        return false;
      }
    },
  };
}
