// The signed-in person, shared by every screen.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api/client.ts';
import { type AboutKey, tAbout } from './i18n/index.ts';

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

/** Words about the record in view, as `useAbout` gives them (for helpers a screen passes them to). */
export type About = (key: AboutKey, params?: Record<string, string | number>) => string;

/**
 * Messages about the record in view: "Your check-ins" on one's own, "Maria's check-ins" when acting
 * for Maria, so a caregiver is never told the patient's diary is theirs.
 */
export function useAbout(): About {
  const patient = usePatientInView();
  const other = patient && patient.scopes !== 'owner' ? patient.displayName : null;
  return (key, params) => tAbout(key, other, params);
}
