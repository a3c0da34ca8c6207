// What the signed-in member's role may do in the clinic a screen works through, read from /api/me
// (which lists each membership's permissions from the server's role matrix), so that a screen hides or
// disables what the role cannot do and says why, instead of offering it and answering with a refusal.
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from '../../api/client.ts';
import type { PERMISSIONS_LIST } from '../../../contract/enums.ts';
import { formatList, t, type MessageKey } from '../../i18n/index.ts';
import { useSession } from '../../session.ts';

export type Permission = (typeof PERMISSIONS_LIST)[number];
type Membership = Me['memberships'][number];

/** The membership a clinician screen acts through; none on a person's own record or one they help with. */
const ActingMembershipContext = createContext<Membership | null>(null);

export function membershipIn(me: Me, organizationId: string): Membership | null {
  return me.memberships.find((m) => m.organizationId === organizationId) ?? null;
}

export function ActingMembership(props: { orgId: string; children: ComponentChildren }) {
  const { me } = useSession();
  return <ActingMembershipContext.Provider value={membershipIn(me, props.orgId)}>{props.children}</ActingMembershipContext.Provider>;
}

/**
 * Whether the screen's member may do `permission`. Outside a clinic (the patient or a caregiver) the
 * role matrix does not apply: their scopes decide, and the screens already show only what they allow.
 */
export function useMay(): (permission: Permission) => boolean {
  const membership = useContext(ActingMembershipContext);
  return (permission) => membership === null || membership.permissions.includes(permission);
}

/**
 * Why a control is missing or disabled: the role's name and what it does not include (of the
 * permissions given), said once where the control would be; nothing when the role holds them all.
 */
export function NotInRole(props: { permission: Permission | readonly Permission[]; propose?: boolean }) {
  const membership = useContext(ActingMembershipContext);
  const missing = (typeof props.permission === 'string' ? [props.permission] : props.permission).filter(
    (p) => !membership?.permissions.includes(p),
  );
  if (membership === null || missing.length === 0) return null;
  return (
    <p class="hint" role="note">
      {t('permission.notInRole', {
        role: t(`role.${membership.role}` as MessageKey),
        what: formatList(missing.map((p) => t(`permission.${p}` as MessageKey))),
      })}
      {props.propose ? ` ${t('permission.propose')}` : ''}
    </p>
  );
}
