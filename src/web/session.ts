// The signed-in person, shared by every screen.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api/client.ts';

export interface SessionValue {
  readonly me: Me;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}
