// Users, sessions, API tokens and sign-in failure counts.
import type { ApiTokenStore, KnownDeviceStore, SessionStore, SignInFailureStore, UserStore } from '../../app/ports.ts';
import { parseClinicRoleSettings } from '../../app/permissions.ts';
import { SECOND_FACTOR_ROLES, type ApiToken, type OrganizationRole, type SessionSecondFactor } from '../../app/model.ts';
import type { ApiTokenRow, SessionRow } from '../schema.ts';
import { sql } from 'kysely';
import { parseJsonArray, preparedQuery, type Executor } from './executor.ts';

export function userRepository(db: Executor): UserStore {
  return {
    async insert(u) {
      await db
        .insertInto('user_account')
        .values({ id: u.id, email: u.email, displayName: u.displayName, passwordHash: u.passwordHash, createdAt: u.createdAt })
        .execute();
    },
    async findById(id) {
      return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async findProfile(id) {
      const { rows } = await sql<{
        id: string;
        email: string;
        displayName: string;
        patientId: string | null;
        patientName: string | null;
        timeZone: string | null;
      }>`
        select u.id, u.email, u.display_name, p.id as patient_id, p.display_name as patient_name, p.time_zone
        from user_account u left join patient p on p.user_id = u.id where u.id = ${id}`.execute(db);
      const r = rows[0];
      if (!r) return undefined;
      return {
        user: { id: r.id, email: r.email, displayName: r.displayName },
        patient: r.patientId ? { id: r.patientId, displayName: r.patientName!, timeZone: r.timeZone! } : null,
      };
    },
    async findByEmail(email) {
      return db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
    },
    async updatePasswordHash(id, passwordHash) {
      await db.updateTable('user_account').set({ passwordHash }).where('id', '=', id).execute();
    },
    async updateDisplayName(id, displayName) {
      await db.updateTable('user_account').set({ displayName }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('user_account').where('id', '=', id).execute();
    },
  };
}

// Runs on every cookie-authenticated request: one prepared query for the session, the user, their own
// patient record and their memberships, read as arrays (half the cost of row objects on SQLite).
//
// A clinic that requires two-step sign-in is satisfied by the session, not by the account alone: the
// session must have been established (or stepped up) with a second factor, and the account must still
// have that factor. An account that merely holds a passkey can still sign in with its password alone,
// so "has a passkey" would let a stolen password reach the clinic's patients. A factor removed since
// (the app turned off, the last passkey deleted) no longer counts for sessions it made. The checks are
// correlated lookups, asked only on the rows of a clinic that requires it, so the session stays one
// round trip and costs nothing extra for everyone else.
const SESSION_WITH_PROFILE = preparedQuery((db, a: { id: string }) =>
  sql`
  select s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_expires_at, s.absolute_expires_at,
         u.email, u.display_name, p.id as patient_id, p.display_name as patient_name, p.time_zone,
         m.id as membership_id, m.organization_id, m.role, o.name as organization_name,
         o.require_second_factor,
         case
           when o.require_second_factor <> 1 then 1
           when s.second_factor = 'passkey'
             then case when exists (select 1 from passkey pk where pk.user_id = s.user_id) then 1 else 0 end
           when s.second_factor in ('totp', 'recovery-code')
             then case when exists (select 1 from second_factor sf where sf.user_id = s.user_id and sf.confirmed_at is not null)
                  then 1 else 0 end
           else 0
         end as second_factor_held,
         s.second_factor, o.role_settings
  from session s
  join user_account u on u.id = s.user_id
  left join patient p on p.user_id = u.id
  left join membership m on m.user_id = u.id
  left join organization o on o.id = m.organization_id
  where s.id = ${a.id}
  order by o.name`.compile(db),
);

export function sessionRepository(db: Executor): SessionStore {
  return {
    async insert(s) {
      await db
        .insertInto('session')
        .values({
          id: s.id,
          userId: s.userId,
          csrfToken: s.csrfToken,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          idleExpiresAt: s.idleExpiresAt,
          absoluteExpiresAt: s.absoluteExpiresAt,
          secondFactor: s.secondFactor,
        })
        .execute();
    },
    async findById(id) {
      // On every authenticated request: raw SQL skips the query builder's per-call compilation.
      const { rows } = await sql<SessionRow>`select * from session where id = ${id}`.execute(db);
      const row = rows[0];
      return row && { ...row, secondFactor: (row.secondFactor as SessionSecondFactor | null) ?? null };
    },
    async findWithProfile(id) {
      const rows = (await SESSION_WITH_PROFILE.tuples(db, { id })) as (string | null)[][];
      const first = rows[0];
      if (!first) return undefined;
      const [
        sessionId,
        userId,
        csrfToken,
        createdAt,
        lastSeenAt,
        idleExpiresAt,
        absoluteExpiresAt,
        email,
        displayName,
        patientId,
        patientName,
        timeZone,
      ] = first as string[];
      return {
        session: {
          id: sessionId!,
          userId: userId!,
          csrfToken: csrfToken!,
          createdAt: createdAt!,
          lastSeenAt: lastSeenAt!,
          idleExpiresAt: idleExpiresAt!,
          absoluteExpiresAt: absoluteExpiresAt!,
          secondFactor: (first[18] as SessionSecondFactor | null) ?? null,
        },
        profile: {
          user: { id: userId!, email: email!, displayName: displayName! },
          patient: patientId ? { id: patientId, displayName: patientName!, timeZone: timeZone! } : null,
          memberships: rows
            .filter((r) => r[12])
            .map((r) => ({
              id: r[12]!,
              organizationId: r[13]!,
              organizationName: r[15]!,
              role: r[14] as OrganizationRole,
              secondFactorMissing: Number(r[16]) === 1 && Number(r[17]) !== 1 && SECOND_FACTOR_ROLES.includes(r[14] as OrganizationRole),
              roleSettings: parseClinicRoleSettings(r[19]),
            })),
        },
      };
    },
    async touch(id, lastSeenAt, idleExpiresAt) {
      await db.updateTable('session').set({ lastSeenAt, idleExpiresAt }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('session').where('id', '=', id).execute();
    },
    async deleteForUser(userId, exceptId) {
      let q = db.deleteFrom('session').where('userId', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      await q.execute();
    },
  };
}

const API_TOKEN_COLUMNS = ['id', 'userId', 'name', 'createdAt', 'lastUsedAt', 'revokedAt', 'access', 'patientIds', 'expiresAt'] as const;

function toApiToken(r: Pick<ApiTokenRow, (typeof API_TOKEN_COLUMNS)[number]>): ApiToken {
  return {
    ...r,
    access: r.access === 'read-write' ? 'read-write' : 'read',
    patientIds: r.patientIds === null ? null : parseJsonArray<string>(r.patientIds),
  };
}

export function apiTokenRepository(db: Executor): ApiTokenStore {
  const columns = API_TOKEN_COLUMNS;
  return {
    async insert(t, tokenHash) {
      await db
        .insertInto('api_token')
        .values({
          id: t.id,
          userId: t.userId,
          name: t.name,
          tokenHash,
          createdAt: t.createdAt,
          lastUsedAt: null,
          revokedAt: null,
          access: t.access,
          patientIds: t.patientIds === null ? null : JSON.stringify(t.patientIds),
          expiresAt: t.expiresAt,
        })
        .execute();
    },
    async findActiveByHash(tokenHash) {
      const row = await db
        .selectFrom('api_token')
        .select(columns)
        .where('tokenHash', '=', tokenHash)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return row && toApiToken(row);
    },
    async listForUser(userId) {
      const rows = await db.selectFrom('api_token').select(columns).where('userId', '=', userId).orderBy('id', 'desc').execute();
      return rows.map(toApiToken);
    },
    async revoke(userId, id, at) {
      const r = await db
        .updateTable('api_token')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .where('userId', '=', userId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async revokeAllForUser(userId, at, keepIds = []) {
      let q = db.updateTable('api_token').set({ revokedAt: at }).where('userId', '=', userId).where('revokedAt', 'is', null);
      if (keepIds.length > 0) q = q.where('id', 'not in', [...keepIds]);
      await q.execute();
    },
    async touch(id, at) {
      await db.updateTable('api_token').set({ lastUsedAt: at }).where('id', '=', id).execute();
    },
  };
}

export function signInFailureRepository(db: Executor): SignInFailureStore {
  return {
    async record(key, at) {
      await db.insertInto('sign_in_failure').values({ key, at }).execute();
    },
    async summarizeSince(key, since) {
      const r = await db
        .selectFrom('sign_in_failure')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('latestAt')])
        .where('key', '=', key)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), latestAt: r.latestAt ?? null };
    },
    async clear(key) {
      await db.deleteFrom('sign_in_failure').where('key', '=', key).execute();
    },
    async removeAt(key, at) {
      await db.deleteFrom('sign_in_failure').where('key', '=', key).where('at', '=', at).execute();
    },
    async pruneBefore(at) {
      await db.deleteFrom('sign_in_failure').where('at', '<', at).execute();
    },
  };
}

export function knownDeviceRepository(db: Executor): KnownDeviceStore {
  return {
    async insert(tokenHash, userId, at) {
      await db.insertInto('known_device').values({ tokenHash, userId, createdAt: at, lastUsedAt: at }).execute();
    },
    async find(tokenHash) {
      return db.selectFrom('known_device').select(['userId', 'lastUsedAt']).where('tokenHash', '=', tokenHash).executeTakeFirst();
    },
    async touch(tokenHash, at) {
      await db.updateTable('known_device').set({ lastUsedAt: at }).where('tokenHash', '=', tokenHash).execute();
    },
    async pruneUnusedBefore(at) {
      await db.deleteFrom('known_device').where('lastUsedAt', '<', at).execute();
    },
  };
}
