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

interface DialogProps {
  readonly passkey: Passkey | null;
  readonly onClose: () => void;
  readonly onDone: () => void;
}

/**
 * A dialog about one passkey with a one-field form: the field starts from `initial` whenever another
 * passkey is chosen; submitting runs `action`, then says `done` and closes, or shows the refusal
 * beside the field (or above it when it is about something else).
 */
function PasskeyFormDialog(
  props: DialogProps & {
    readonly title: string;
    readonly intro?: string;
    readonly field: { readonly label: string; readonly name: string; readonly pointer: string; readonly password?: boolean };
    readonly initial: (p: Passkey | null) => string;
    readonly action: (p: Passkey, value: string) => Promise<void>;
    readonly done: string;
    readonly submit: string;
    readonly danger?: boolean;
  },
) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setValue(props.initial(props.passkey));
    setError(null);
  }, [props.passkey]);
  async function submit(e: Event) {
    e.preventDefault();
    if (!props.passkey) return;
    setError(null);
    try {
      await props.action(props.passkey, value);
      showToast(props.done);
      props.onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  const { field } = props;
  return (
    <Dialog open={props.passkey !== null} title={props.title} onClose={props.onClose}>
      {props.intro && <p>{props.intro}</p>}
      <form onSubmit={submit} noValidate>
        <ErrorMessage message={error?.fieldError(field.pointer) ? null : error?.message} />
        <Field
          label={field.label}
          name={field.name}
          {...(field.password ? { type: 'password', autoComplete: 'current-password' } : {})}
          value={value}
          onInput={setValue}
          required
          error={error?.fieldError(field.pointer)}
        />
        <div class="row">
          <button class={props.danger ? 'button danger' : 'button'} type="submit">
            {props.submit}
          </button>
          <button class="button secondary" type="button" onClick={props.onClose}>
            {t('account.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

const RenameDialog = (props: DialogProps) => (
  <PasskeyFormDialog
    {...props}
    title={t('passkeys.renameTitle')}
    field={{ label: t('passkeys.name'), name: 'passkeyRename', pointer: '/name' }}
    initial={(p) => p?.name ?? ''}
    action={(p, name) => passkeyApi.rename(p.id, name)}
    done={t('passkeys.renamed')}
    submit={t('passkeys.save')}
  />
);

const RemoveDialog = (props: DialogProps) => (
  <PasskeyFormDialog
    {...props}
    title={t('passkeys.removeTitle')}
    intro={t('passkeys.removeIntro', { name: props.passkey?.name ?? '' })}
    field={{ label: t('field.password'), name: 'passkeyPassword', pointer: '/password', password: true }}
    initial={() => ''}
    action={(p, password) => passkeyApi.remove(p.id, password)}
    done={t('passkeys.removed')}
    submit={t('passkeys.removeConfirm')}
    danger
  />
);

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
