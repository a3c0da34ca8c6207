// The account's API tokens: each with what it may do, for which patients, until when, and when it was
// last used; and a form to make one, read-only and for every patient unless the person narrows or widens it.
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError, type ApiToken, type VisiblePatient } from '../../api/client.ts';
import { Checkbox, Empty, ErrorMessage, Field, OneTimeCode, SelectField } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';

type Access = ApiToken['access'];

/** The instant a token chosen to last "until" a date stops: the last moment of that day where the person is. */
function endOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 23, 59, 59, 999).toISOString();
}

function TokenItem(props: { token: ApiToken; names: ReadonlyMap<string, string>; onRevoke: () => void }) {
  const k = props.token;
  const patients = k.patientIds === null ? t('account.tokenAllPatients') : k.patientIds.map((id) => props.names.get(id) ?? id).join(', ');
  return (
    <li>
      <span>
        <strong>{k.name}</strong> — {k.access === 'read' ? t('account.tokenRead') : t('account.tokenReadWrite')} · {patients}
        <br />
        {t('account.tokenCreated', { at: formatDateTime(k.createdAt) })} ·{' '}
        {k.expiresAt ? t('account.tokenExpires', { at: formatDateTime(k.expiresAt) }) : t('account.tokenNoExpiry')} ·{' '}
        {k.lastUsedAt ? t('account.tokenLastUsed', { at: formatDateTime(k.lastUsedAt) }) : t('account.tokenNeverUsed')}
      </span>
      <button type="button" class="button secondary" onClick={props.onRevoke}>
        {t('account.revokeToken', { name: k.name })}
      </button>
    </li>
  );
}

export function ApiTokens() {
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [patients, setPatients] = useState<VisiblePatient[]>([]);
  const [name, setName] = useState('');
  const [access, setAccess] = useState<Access>('read');
  const [allPatients, setAllPatients] = useState(true);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [until, setUntil] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [newToken, setNewToken] = useState<string | null>(null);
  const load = () => {
    api.tokens().then(setTokens, () => {});
  };
  useEffect(load, []);
  useEffect(() => {
    api.patients().then(setPatients, () => {});
  }, []);
  const names = new Map(patients.map((p) => [p.patient.id, p.patient.displayName]));
  const active = tokens.filter((k) => !k.revokedAt && !(k.expiresAt && Date.parse(k.expiresAt) <= Date.now()));

  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const created = await api.createToken({
        name,
        access,
        patientIds: allPatients ? null : [...chosen],
        expiresAt: until ? endOfLocalDay(until) : null,
      });
      setNewToken(created.token);
      setName('');
      setAccess('read');
      setAllPatients(true);
      setChosen([]);
      setUntil('');
      load();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <section class="card" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('account.tokens')}</h2>
      <p>{t('account.tokensIntro')}</p>
      {newToken && <OneTimeCode intro={t('account.tokenShown')} code={newToken} />}
      {active.length === 0 ? (
        <Empty>{t('account.noTokens')}</Empty>
      ) : (
        <ul class="list">
          {active.map((k) => (
            <TokenItem key={k.id} token={k} names={names} onRevoke={() => void api.revokeToken(k.id).then(load)} />
          ))}
        </ul>
      )}
      <form onSubmit={create}>
        <ErrorMessage message={error?.message} />
        <Field label={t('field.tokenName')} name="tokenName" value={name} onInput={setName} error={error?.fieldError('/name')} />
        <SelectField<Access>
          label={t('account.tokenAccess')}
          name="tokenAccess"
          value={access}
          onChange={setAccess}
          options={[
            { value: 'read', label: t('account.tokenRead') },
            { value: 'read-write', label: t('account.tokenReadWrite') },
          ]}
        />
        <fieldset>
          <legend>{t('account.tokenPatients')}</legend>
          <Checkbox label={t('account.tokenAllPatients')} checked={allPatients} onChange={setAllPatients} />
          {!allPatients &&
            patients.map((p) => (
              <Checkbox
                key={p.patient.id}
                label={p.patient.displayName}
                checked={chosen.includes(p.patient.id)}
                onChange={(on) => setChosen(on ? [...chosen, p.patient.id] : chosen.filter((id) => id !== p.patient.id))}
              />
            ))}
        </fieldset>
        <Field
          label={t('account.tokenUntil')}
          name="tokenUntil"
          type="date"
          value={until}
          onInput={setUntil}
          hint={t('account.tokenUntilHint')}
          error={error?.fieldError('/expiresAt')}
        />
        <button class="button secondary" type="submit">
          {t('account.createToken')}
        </button>
      </form>
    </section>
  );
}
