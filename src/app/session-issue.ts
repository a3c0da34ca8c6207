// A new session for an account whose person has proved who they are (password, and a code when asked).
import { addMinutesIso, nowIso, type AppDeps } from './context.ts';
import type { Session, SessionSecondFactor, User } from './model.ts';
import { sha256 } from './system.ts';

export interface IssuedSession {
  readonly token: string;
  readonly session: Session;
  readonly user: User;
}

/** `secondFactor`: what besides (or instead of) the password proved the person; null when nothing did. */
export async function issueSession(deps: AppDeps, user: User, secondFactor: SessionSecondFactor | null): Promise<IssuedSession> {
  const token = deps.ids.newSecret(32);
  const now = nowIso(deps);
  const session: Session = {
    id: sha256(token),
    userId: user.id,
    csrfToken: deps.ids.newSecret(24),
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: addMinutesIso(now, deps.settings.sessionIdleMinutes),
    absoluteExpiresAt: addMinutesIso(now, deps.settings.sessionAbsoluteHours * 60),
    secondFactor,
  };
  await deps.store.sessions.insert(session);
  return { token, session, user };
}
