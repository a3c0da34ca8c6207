// The account's passkeys: each with when it was added and last used, renamed or removed (removal asks
// for the password), and a form to add one on this device where the browser can make passkeys.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { passkeyApi, passkeysSupported, type Passkey } from '../../api/passkeys.ts';
import { ErrorSummary, formLevelMessage } from '../../components/error-summary.tsx';
import { Dialog, Empty, ErrorMessage, Field, showToast } from '../../components/ui.tsx';
import { formatDateTime, t } from '../../i18n/index.ts';

function PasskeyItem(props: { passkey: Passkey; onRename: () => void; onRemove: () => void }) {
  const p = props.passkey;
  return (
    <li>
      <span>
        <strong>{p.name}</strong>
        <br />
        {t('passkeys.created', { at: formatDateTime(p.createdAt) })} ·{' '}
        {p.lastUsedAt ? t('passkeys.lastUsed', { at: formatDateTime(p.lastUsedAt) }) : t('passkeys.neverUsed')}
      </span>
      <span class="row">
        <button type="button" class="button secondary" onClick={props.onRename}>
          {t('passkeys.rename', { name: p.name })}
        </button>
        <button type="button" class="button secondary" onClick={props.onRemove}>
          {t('passkeys.remove', { name: p.name })}
        </button>
      </span>
    </li>
  );
}

function RenameDialog(props: { passkey: Passkey | null; onClose: () => void; onDone: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setName(props.passkey?.name ?? '');
    setError(null);
  }, [props.passkey]);
  async function save(e: Event) {
    e.preventDefault();
    if (!props.passkey) return;
    setError(null);
    try {
      await passkeyApi.rename(props.passkey.id, name);
      showToast(t('passkeys.renamed'));
      props.onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <Dialog open={props.passkey !== null} title={t('passkeys.renameTitle')} onClose={props.onClose}>
      <form onSubmit={save} noValidate>
        <ErrorMessage message={error?.fieldError('/name') ? null : error?.message} />
        <Field label={t('passkeys.name')} name="passkeyRename" value={name} onInput={setName} required error={error?.fieldError('/name')} />
        <div class="row">
          <button class="button" type="submit">
            {t('passkeys.save')}
          </button>
          <button class="button secondary" type="button" onClick={props.onClose}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveDialog(props: { passkey: Passkey | null; onClose: () => void; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setPassword('');
    setError(null);
  }, [props.passkey]);
  async function remove(e: Event) {
    e.preventDefault();
    if (!props.passkey) return;
    setError(null);
    try {
      await passkeyApi.remove(props.passkey.id, password);
      showToast(t('passkeys.removed'));
      props.onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <Dialog open={props.passkey !== null} title={t('passkeys.removeTitle')} onClose={props.onClose}>
      <p>{t('passkeys.removeIntro', { name: props.passkey?.name ?? '' })}</p>
      <form onSubmit={remove} noValidate>
        <ErrorMessage message={error?.fieldError('/password') ? null : error?.message} />
        <Field
          label={t('field.password')}
          name="passkeyPassword"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
          required
          error={error?.fieldError('/password')}
        />
        <div class="row">
          <button class="button danger" type="submit">
            {t('passkeys.removeConfirm')}
          </button>
          <button class="button secondary" type="button" onClick={props.onClose}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function Passkeys() {
  const [passkeys, setPasskeys] = useState<Passkey[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<Passkey | null>(null);
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const load = () => {
    passkeyApi.list().then(setPasskeys, () => {});
  };
  useEffect(load, []);

  async function add(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await passkeyApi.add(name);
      setName('');
      showToast(t('passkeys.added'));
      load();
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card" aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{t('passkeys.title')}</h2>
      <p>{t('passkeys.intro')}</p>
      {passkeys.length === 0 ? (
        <Empty>{t('passkeys.none')}</Empty>
      ) : (
        <ul class="list" aria-labelledby="passkeys-heading">
          {passkeys.map((p) => (
            <PasskeyItem key={p.id} passkey={p} onRename={() => setRenaming(p)} onRemove={() => setRemoving(p)} />
          ))}
        </ul>
      )}
      {passkeysSupported() ? (
        <form ref={form} onSubmit={add} noValidate>
          <ErrorSummary failure={error} form={form} />
          <ErrorMessage message={formLevelMessage(error)} />
          <Field
            label={t('passkeys.name')}
            name="passkeyName"
            value={name}
            onInput={setName}
            required
            hint={t('passkeys.nameHint')}
            error={error?.fieldError('/name')}
          />
          <button class="button secondary" type="submit" disabled={busy}>
            {t('passkeys.add')}
          </button>
        </form>
      ) : (
        <p>{t('passkeys.unsupported')}</p>
      )}
      <RenameDialog
        passkey={renaming}
        onClose={() => setRenaming(null)}
        onDone={() => {
          setRenaming(null);
          load();
        }}
      />
      <RemoveDialog
        passkey={removing}
        onClose={() => setRemoving(null)}
        onDone={() => {
          setRemoving(null);
          load();
        }}
      />
    </section>
  );
}
