// The clinic's members and their roles, the share code, and inviting a member (with pending invitations).
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type ClinicRoleSettings, roleLabel, type Member, type MemberInvitation } from '../../api/client.ts';
import { Checkbox, ErrorMessage, Field, Loading, OneTimeCode, SelectField, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { useOrganization } from './use-organization.ts';

const ROLES = ['physician', 'nurse', 'physical_therapist', 'psychologist', 'pharmacist', 'admin'] as const;
const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

export function ClinicMembers(props: { orgId: string }) {
  const { org, setOrg, error: orgError } = useOrganization(props.orgId);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [invitations, setInvitations] = useState<MemberInvitation[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Member['role']>('physician');
  const [invited, setInvited] = useState<{ email: string; code: string } | null>(null);
  const [inviteError, setInviteError] = useState<ApiError | null>(null);
  const [roleSettings, setRoleSettings] = useState<ClinicRoleSettings | null>(null);
  useEffect(() => {
    api.roleSettings(props.orgId).then(setRoleSettings, () => setRoleSettings(null));
  }, [props.orgId]);
  const load = () => {
    api.members(props.orgId).then(setMembers, (e: ApiError) => setError(e.message));
    api.invitations(props.orgId).then(setInvitations, () => {});
  };
  useEffect(load, [props.orgId]);
  const act = async (work: () => Promise<unknown>, message?: string) => {
    setError(null);
    try {
      await work();
      if (message) showToast(message);
      load();
    } catch (err) {
      setError((err as ApiError).message);
    }
  };
  async function invite(e: Event) {
    e.preventDefault();
    setInviteError(null);
    try {
      const result = await api.inviteMember(props.orgId, email, role);
      setInvited({ email: result.invitation.email, code: result.code });
      setEmail('');
      load();
    } catch (err) {
      setInviteError(err as ApiError);
    }
  }
  return (
    <main id="main" class="wide">
      <h1>{t('clinic.members.title', { org: org?.name ?? '…' })}</h1>
      <ErrorMessage message={orgError ?? error} />
      {org && (
        <div class="card row">
          <p>{t('clinic.members.shareCode', { code: org.shareCode })}</p>
          <button type="button" class="button secondary" onClick={() => act(async () => setOrg(await api.rotateShareCode(props.orgId)))}>
            {t('clinic.members.rotate')}
          </button>
        </div>
      )}
      {org && (
        <div class="card">
          <Checkbox
            label={t('twoStep.requireForClinic')}
            checked={org.requireSecondFactor}
            onChange={(required) =>
              act(async () => setOrg(await api.setSecondFactorRequirement(props.orgId, required)), t('account.saved'))
            }
          />
          {roleSettings && (
            <Checkbox
              label={t('clinic.members.nurseOrders')}
              hint={t('clinic.members.nurseOrdersHint')}
              checked={roleSettings.allowNurseOrders}
              onChange={(allowNurseOrders) =>
                act(
                  async () => setRoleSettings(await api.setRoleSettings(props.orgId, { ...roleSettings, allowNurseOrders })),
                  t('account.saved'),
                )
              }
            />
          )}
        </div>
      )}
      {members === null ? (
        <Loading />
      ) : (
        <ul class="list" aria-label={t('clinic.members.title', { org: org?.name ?? '' })}>
          {members.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.displayName}</strong> ({m.email})
              </span>
              <div class="row">
                <SelectField
                  label={t('clinic.members.roleFor', { name: m.displayName })}
                  name={`role-${m.id}`}
                  value={m.role}
                  options={roleOptions}
                  onChange={(r) => act(() => api.changeRole(props.orgId, m.id, r), t('account.saved'))}
                />
                <button type="button" class="button secondary" onClick={() => act(() => api.removeMember(props.orgId, m.id))}>
                  {t('clinic.members.remove', { name: m.displayName })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form class="card" onSubmit={invite} noValidate aria-labelledby="invite-member-heading">
        <h2 id="invite-member-heading">{t('clinic.members.invite')}</h2>
        {invited && <OneTimeCode intro={t('clinic.members.inviteCode', { email: invited.email })} code={invited.code} />}
        <ErrorMessage message={inviteError?.message} />
        <Field
          label={t('field.email')}
          name="inviteEmail"
          type="email"
          value={email}
          onInput={setEmail}
          required
          error={inviteError?.fieldError('/email')}
        />
        <SelectField label={t('field.role')} name="inviteRole" value={role} options={roleOptions} onChange={setRole} />
        <button class="button" type="submit">
          {t('clinic.members.invite')}
        </button>
      </form>
      {invitations.length > 0 && (
        <section aria-labelledby="pending-heading">
          <h2 id="pending-heading">{t('clinic.members.pending')}</h2>
          <ul class="list">
            {invitations.map((i) => (
              <li key={i.id}>
                <span>
                  {i.email} — {roleLabel(i.role)}
                </span>
                <button type="button" class="button secondary" onClick={() => act(() => api.withdrawInvitation(props.orgId, i.id))}>
                  {t('clinic.members.withdraw', { email: i.email })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
