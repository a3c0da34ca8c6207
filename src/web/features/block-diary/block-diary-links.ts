// Who may write to a block diary, and in-app links between its screens.
import { navigate } from '../../router.ts';
import type { PatientInView } from '../../session.ts';

export const canWrite = (patient: PatientInView) => patient.scopes === 'owner' || patient.scopes.includes('write-diary');

export function go(href: string) {
  return (e: Event) => {
    e.preventDefault();
    navigate(href);
  };
}
