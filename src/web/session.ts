// The signed-in person, shared by every screen.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api/client.ts';

/** The record a screen works on: the person's own, or the one of someone they help as a caregiver. */
export interface PatientInView {
  readonly id: string;
  readonly displayName: string;
  readonly timeZone: string;
  /** 'owner' for one's own record; otherwise the caregiver scopes granted. */
  readonly scopes: readonly string[] | 'owner';
}

export interface SessionValue {
  readonly me: Me;
  readonly actingFor: PatientInView | null;
  setActingFor(patient: PatientInView | null): void;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}

/** The patient whose record the diary screens show: the one acted for, else one's own. */
export function usePatientInView(): PatientInView | null {
  const { me, actingFor } = useSession();
  if (actingFor) return actingFor;
  return me.patient ? { id: me.patient.id, displayName: me.patient.displayName, timeZone: me.patient.timeZone, scopes: 'owner' } : null;
}
