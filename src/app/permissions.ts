// What each role of a clinic may do: one table, read by the access policy for every patient route, by
// the clinic's own routes, by /api/me (so the browser hides what a member cannot do) and checked
// against docs/permissions.md. A clinic's settings may tighten it (take permissions away from a role)
// and let its nurses order medicines and plan tapers; nothing they say can give a role more than that.
//
// Invariants:
// - every patient action and every clinic action has a row, and every role a column (the types
//   demand it), so a new action does not compile until someone decides who may do it;
// - an admin reaches no patient's record: running the clinic (members, licences, settings, audit) is
//   separate from clinical care;
// - what a clinical role may not do itself (a pharmacist's or a nurse's medicine order, a taper) is
//   refused, naming the permission it lacks, until proposals to a prescriber exist.
import type { InterventionModality } from './care-plan-records.ts';
import { ORGANIZATION_ROLES, type ClinicRoleSettings, type OrganizationRole } from './model.ts';
import { PERMISSIONS, type CarePlanPart, type Permission } from './permission-names.ts';

export {
  CARE_PLAN_PARTS,
  CLINIC_ACTIONS,
  PATIENT_ACTIONS,
  PERMISSIONS,
  type CarePlanPart,
  type ClinicAction,
  type PatientAction,
  type Permission,
} from './permission-names.ts';
export type { ClinicRoleSettings } from './model.ts';

export function carePlanPartOfModality(modality: InterventionModality): CarePlanPart {
  return `plan-${modality}`;
}

/** Who may, by default, per role. `if-nurse-orders-allowed`: nurses too when the clinic allows nurse orders. */
type Cell = boolean | 'if-nurse-orders-allowed';
type Row = { readonly [R in OrganizationRole]: Cell } & { readonly why: string };

const CLINICAL = { physician: true, nurse: true, physical_therapist: true, psychologist: true, pharmacist: true, admin: false } as const;
const NOBODY = { physician: false, nurse: false, physical_therapist: false, psychologist: false, pharmacist: false, admin: false } as const;
const ADMIN_ONLY = { ...NOBODY, admin: true } as const;
const PHYSICIAN_ONLY = { ...NOBODY, physician: true } as const;
const PRESCRIBING = { ...PHYSICIAN_ONLY, nurse: 'if-nurse-orders-allowed' } as const;

/** The default matrix: what each role of a clinic may do, and why (shown in the docs and the browser). */
export const ROLE_MATRIX: { readonly [P in Permission]: Row } = {
  read: { ...CLINICAL, why: 'Every clinical role reads the record the patient shared; an admin runs the clinic and reads none.' },
  'see-due-questionnaires': { ...CLINICAL, why: 'Which questionnaires are due, for whoever may read the record.' },
  'write-diary': {
    ...NOBODY,
    physician: true,
    nurse: true,
    why: 'Writing diary days and the naloxone answer on the patient’s behalf, as in a visit.',
  },
  'record-pacing-sessions': {
    ...NOBODY,
    physician: true,
    nurse: true,
    physical_therapist: true,
    why: 'A pacing baseline timed in a session.',
  },
  'answer-questionnaires': {
    ...CLINICAL,
    pharmacist: false,
    why: 'Taking a questionnaire with the patient in a visit.',
  },
  'assign-questionnaires': {
    ...NOBODY,
    physician: true,
    nurse: true,
    why: 'Assigning questionnaires and their schedules.',
  },
  'edit-care-plan': {
    ...CLINICAL,
    pharmacist: false,
    why: 'Saving the care plan at all; each part below is its own permission.',
  },
  'record-conditions': { ...PHYSICIAN_ONLY, why: 'Pain conditions are diagnoses.' },
  'record-procedures': { ...PHYSICIAN_ONLY, why: 'Interventional procedures and their follow-ups.' },
  'record-conservative-care': {
    ...CLINICAL,
    pharmacist: false,
    why: 'The history of conservative treatments tried (physical, psychological, self-management).',
  },
  'order-medications': {
    ...PRESCRIBING,
    why: 'Medicine orders; a nurse only where the clinic allows nurse orders, others must propose (refused until proposals exist).',
  },
  'plan-tapers': {
    ...PRESCRIBING,
    why: 'Opioid tapers, their pauses and resumptions; as for medicine orders.',
  },
  'manage-access': { ...NOBODY, why: 'Who may see the record is the patient’s own decision.' },
  'read-access-log': { ...NOBODY, why: 'The access log is the patient’s.' },

  'view-clinic': { ...CLINICAL, admin: true, why: 'The clinic, its members and its instruments, for every member.' },
  'invite-patients': { ...CLINICAL, admin: true, why: 'Inviting a patient to share their record with the clinic.' },
  'view-panel': { ...CLINICAL, why: 'The clinic’s patients and their panel: clinical data.' },
  'review-alerts': {
    ...NOBODY,
    physician: true,
    nurse: true,
    psychologist: true,
    why: 'The safety alerts inbox (for example a questionnaire answer about self-harm).',
  },
  'manage-members': { ...ADMIN_ONLY, why: 'Inviting, changing and removing members.' },
  'manage-settings': { ...ADMIN_ONLY, why: 'The share code, the second-factor requirement and the clinic’s role settings.' },
  'manage-licences': { ...ADMIN_ONLY, why: 'Confirming licences of licensed instruments.' },
  'read-audit': { ...ADMIN_ONLY, why: 'The clinic’s audit trail.' },

  'plan-goals': {
    ...NOBODY,
    physician: true,
    nurse: true,
    physical_therapist: true,
    why: 'Goals (functional goals and their measures) and the plan’s notes.',
  },
  'plan-pacing': { ...NOBODY, physician: true, physical_therapist: true, why: 'Activity pacing.' },
  'plan-pharmacological': { ...PHYSICIAN_ONLY, why: 'Medicine interventions in the plan.' },
  'plan-interventional': { ...PHYSICIAN_ONLY, why: 'Interventional procedures in the plan.' },
  'plan-physical': { ...NOBODY, physician: true, physical_therapist: true, why: 'Physical therapy and exercise.' },
  'plan-psychological': { ...NOBODY, physician: true, psychologist: true, why: 'Psychological therapies.' },
  'plan-complementary': { ...PHYSICIAN_ONLY, why: 'Complementary therapies.' },
  'plan-self-management': {
    ...NOBODY,
    physician: true,
    nurse: true,
    physical_therapist: true,
    why: 'Self-management support.',
  },
};

export const DEFAULT_CLINIC_ROLE_SETTINGS: ClinicRoleSettings = { allowNurseOrders: false, withheld: {} };

/**
 * A clinic's role settings as stored (JSON), keeping only what the table knows: a role or permission
 * a later build removed is dropped rather than trusted, and anything unreadable is the defaults.
 */
export function parseClinicRoleSettings(text: string | null | undefined): ClinicRoleSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? '{}');
  } catch {
    return DEFAULT_CLINIC_ROLE_SETTINGS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_CLINIC_ROLE_SETTINGS;
  const { allowNurseOrders, withheld } = raw as { allowNurseOrders?: unknown; withheld?: unknown };
  const kept: { [R in OrganizationRole]?: Permission[] } = {};
  if (typeof withheld === 'object' && withheld !== null) {
    for (const role of ORGANIZATION_ROLES) {
      const list = (withheld as Record<string, unknown>)[role];
      if (!Array.isArray(list)) continue;
      const known = PERMISSIONS.filter((p) => list.includes(p));
      if (known.length > 0) kept[role] = known;
    }
  }
  return { allowNurseOrders: allowNurseOrders === true, withheld: kept };
}

/** Whether `role` may do `permission` in a clinic with these settings. */
export function roleMay(
  role: OrganizationRole,
  permission: Permission,
  settings: ClinicRoleSettings = DEFAULT_CLINIC_ROLE_SETTINGS,
): boolean {
  const cell = ROLE_MATRIX[permission][role];
  const granted = cell === 'if-nurse-orders-allowed' ? settings.allowNurseOrders : cell;
  return granted && !(settings.withheld[role]?.includes(permission) ?? false);
}

/** Everything `role` may do in a clinic with these settings, in the table's order. */
export function permissionsOf(role: OrganizationRole, settings: ClinicRoleSettings = DEFAULT_CLINIC_ROLE_SETTINGS): Permission[] {
  return PERMISSIONS.filter((p) => roleMay(role, p, settings));
}

/** The matrix as data, for the browser and the docs: for each permission, each role's default. */
export function describeRoleMatrix() {
  return PERMISSIONS.map((permission) => {
    const { why, ...cells } = ROLE_MATRIX[permission];
    return { permission, why, roles: cells as { readonly [R in OrganizationRole]: Cell } };
  });
}
