// A generic section of a patient's versioned records: list, add/edit form, delete with Undo. A refused
// save lists its problems at the top of the form (ErrorSummary), which takes focus; a conflict takes it itself.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorSummary, formLevelMessage, unplacedErrors } from '../../components/error-summary.tsx';
import { Empty, ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { NotInRole, useMay, type Permission } from '../clinic/role-permissions.tsx';
import { ConflictBox, focusSoon } from './plan-ui.tsx';

interface Versioned {
  id: string;
  version: number;
}

/**
 * A list of a patient's versioned records with an add/edit form. Edits send If-Match; a 409 shows the
 * newer record and lets the clinician save theirs over it or take the newer one. Deleting waits a few
 * seconds so Undo costs nothing.
 */
export function RecordSection<V extends Versioned, D>(props: {
  id: string;
  title: string;
  addLabel: string;
  empty: string;
  listLabel: string;
  load: () => Promise<V[]>;
  save: (id: string, draft: D, version: number | undefined) => Promise<unknown>;
  remove: (id: string) => Promise<void>;
  blank: () => D;
  fromView: (view: V) => D;
  itemName: (view: V) => string;
  renderItem: (view: V) => ComponentChildren;
  renderForm: (draft: D, set: (patch: Partial<D>) => void, error: ApiError | null) => ComponentChildren;
  /** The pointers `renderForm` shows beside a field for this draft; the summary lists any other on its own. */
  placed: (draft: D) => readonly string[];
  formTitle: (editing: boolean) => string;
  /** What a clinic member's role needs to add, edit or delete here; without it the list is read only, and says why. */
  permission: Permission;
}) {
  const may = useMay()(props.permission);
  const [items, setItems] = useState<V[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; version: number | undefined; draft: D } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<V | null>(null);
  const [saving, setSaving] = useState(false);
  const [hidden, setHidden] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // A new object on every refusal or conflict: the summary (or the conflict) takes focus, not the page.
  const [refusal, setRefusal] = useState<object | null>(null);
  // Opening the form replaces the Add button (or leaves Edit far above): focus goes to its first field.
  const editingId = editing?.id;
  useEffect(() => {
    if (editingId) formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [editingId]);
  const addId = `${props.id}-add`;
  const reload = () => {
    props.load().then(
      (list) => {
        setItems(list);
        setLoadError(null);
      },
      (e: ApiError) => setLoadError(e.message),
    );
  };
  useEffect(reload, []);

  async function save(version: number | undefined) {
    if (!editing) return;
    setSaving(true);
    setError(null);
    setConflict(null);
    setRefusal(null);
    try {
      await props.save(editing.id, editing.draft, version);
      showToast(t('plan.saved'));
      setEditing(null);
      focusSoon(addId);
      reload();
    } catch (e) {
      const err = e as ApiError;
      const current = err.problem.current as V | undefined;
      if (err.code === 'clinical-record-conflict' && current) setConflict(current);
      else setError(err);
      setRefusal({});
    } finally {
      setSaving(false);
    }
  }
  function remove(view: V) {
    setHidden((h) => [...h, view.id]);
    // Nothing is sent while Undo is offered (the toast keeps it while it has focus or the pointer).
    showToast(t('plan.deleted', { name: props.itemName(view) }), {
      onUndo: () => setHidden((h) => h.filter((x) => x !== view.id)),
      onCommit: () => {
        props.remove(view.id).then(reload, (e: ApiError) => {
          setHidden((h) => h.filter((x) => x !== view.id));
          setLoadError(e.message);
        });
      },
      focusAfter: (undone) => document.getElementById(undone ? `${props.id}-${view.id}-delete` : `${props.id}-heading`),
    });
  }
  const visible = (items ?? []).filter((v) => !hidden.includes(v.id));
  const headingId = `${props.id}-heading`;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {props.title}
      </h2>
      <ErrorMessage message={loadError} />
      {items === null ? (
        !loadError && <Loading />
      ) : visible.length === 0 ? (
        <Empty>{props.empty}</Empty>
      ) : (
        <ul class="list" aria-label={props.listLabel}>
          {visible.map((v) => (
            <li key={v.id}>
              <div>{props.renderItem(v)}</div>
              {may && (
                <span class="row">
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() => {
                      setEditing({ id: v.id, version: v.version, draft: props.fromView(v) });
                      setError(null);
                      setRefusal(null);
                      setConflict(null);
                    }}
                  >
                    {t('plan.editNamed', { name: props.itemName(v) })}
                  </button>
                  <button type="button" class="button secondary" id={`${props.id}-${v.id}-delete`} onClick={() => remove(v)}>
                    {t('plan.deleteNamed', { name: props.itemName(v) })}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <form
          ref={formRef}
          class="subform"
          onSubmit={(e) => {
            e.preventDefault();
            void save(editing.version);
          }}
          noValidate
          aria-labelledby={`${props.id}-form-heading`}
        >
          <h3 id={`${props.id}-form-heading`}>{props.formTitle(editing.version !== undefined)}</h3>
          <ErrorSummary failure={refusal} form={formRef} messages={unplacedErrors(error, props.placed(editing.draft))} />
          <ErrorMessage message={formLevelMessage(error)} />
          {conflict && (
            <ConflictBox
              message={t('plan.recordConflict', { version: conflict.version })}
              reapplyLabel={t('plan.reapply', { version: conflict.version })}
              discardLabel={t('plan.takeTheirs', { version: conflict.version })}
              onReapply={() => {
                setEditing({ ...editing, version: conflict.version });
                void save(conflict.version);
              }}
              onDiscard={() => {
                setEditing({ id: conflict.id, version: conflict.version, draft: props.fromView(conflict) });
                setConflict(null);
              }}
            >
              <div>{props.renderItem(conflict)}</div>
            </ConflictBox>
          )}
          {props.renderForm(editing.draft, (patch) => setEditing({ ...editing, draft: { ...editing.draft, ...patch } }), error)}
          <div class="row">
            <button type="submit" class="button" disabled={saving}>
              {saving ? t('common.saving') : t('plan.save')}
            </button>
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                setEditing(null);
                setError(null);
                setRefusal(null);
                setConflict(null);
                focusSoon(addId);
              }}
            >
              {t('plan.cancel')}
            </button>
          </div>
        </form>
      ) : !may ? (
        <NotInRole permission={props.permission} />
      ) : (
        <button
          type="button"
          id={addId}
          class="button secondary"
          onClick={() => {
            setEditing({ id: newClientId(), version: undefined, draft: props.blank() });
            setError(null);
            setRefusal(null);
          }}
        >
          {props.addLabel}
        </button>
      )}
    </section>
  );
}
