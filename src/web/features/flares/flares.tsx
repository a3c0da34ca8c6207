// The Flares page: a patient's flares on a timeline, newest first — start and end on
// the flare's own clock (or "going on since"), how long it lasted, the peak, what may have set it off
// and what helped — with start, "it's over now", edit and delete (with Undo). A caregiver acting for
// the patient reads it, and writes only with the diary scope. Saves send If-Match; a 409 shows the
// server's copy and lets the person save theirs over it or take the newer one.
import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Empty, ErrorMessage, Loading, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { draftOfFlare, newFlareDraft, wallClockOf, type FlareDraft } from './flare-draft.ts';
import { FlareForm } from './flare-form.tsx';
import { whenInWords } from './flare-format.ts';
import { FlareItem } from './flare-item.tsx';
import { flaresApi, type FlareView } from './flares-api.ts';
import { saveFlare, type Editing } from './save-flare.ts';
import { useFlareList } from './use-flare-list.ts';
import './flares.css';

export function Flares() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const pid = patient.id;
  const own = patient.scopes === 'owner';
  const canWrite = own || patient.scopes.includes('write-diary');
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [hidden, setHidden] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const timelineHeading = useRef<HTMLHeadingElement>(null);
  const { items, loadError, now, reload } = useFlareList(pid);

  function open(next: Editing) {
    if (!editing) opener.current = document.activeElement as HTMLElement | null;
    setEditing(next);
  }
  function close() {
    setEditing(null);
    // Back to what opened the form when it is still there, else to the timeline.
    setTimeout(() => {
      const back = opener.current;
      (back?.isConnected ? back : timelineHeading.current)?.focus();
      opener.current = null;
    }, 0);
  }
  function startFlare() {
    open({ id: newClientId(), version: undefined, draft: newFlareDraft(new Date(), patient.timeZone), base: null, name: null });
  }
  function edit(flare: FlareView) {
    open({
      id: flare.id,
      version: flare.version,
      draft: draftOfFlare(flare),
      base: draftOfFlare(flare),
      name: whenInWords(flare.startedAt, flare.timeZone),
    });
  }
  async function overNow(flare: FlareView) {
    const at = new Date();
    const draft: FlareDraft = { ...draftOfFlare(flare), ongoing: false, ended: wallClockOf(at, flare.timeZone) };
    draft.original = { ...draft.original!, endedAt: at.toISOString() };
    setBusy(flare.id);
    const outcome = await saveFlare(pid, flare.id, draft, flare.version);
    setBusy(null);
    if (outcome.kind === 'saved') {
      showToast(t('flares.ended'));
      reload();
      return;
    }
    open({
      id: flare.id,
      version: flare.version,
      draft,
      base: draftOfFlare(flare),
      name: whenInWords(flare.startedAt, flare.timeZone),
      outcome,
    });
  }
  function remove(flare: FlareView) {
    setHidden((h) => [...h, flare.id]);
    setDeleteError(null);
    // The form of the flare being deleted goes without taking focus: focus goes to Undo.
    if (editing?.id === flare.id) {
      setEditing(null);
      opener.current = null;
    }
    // Nothing is sent while Undo is offered (the toast keeps it while it has focus or the pointer).
    showToast(t('flares.deleted'), {
      onUndo: () => setHidden((h) => h.filter((x) => x !== flare.id)),
      onCommit: () => {
        flaresApi.remove(pid, flare.id, flare.version).then(reload, (e: ApiError) => {
          setHidden((h) => h.filter((x) => x !== flare.id));
          // Changed on another device meanwhile: show the newer flare, kept, and say why.
          if (e.status === 409) {
            setDeleteError(t('flares.deleteChanged'));
            reload();
            return;
          }
          setDeleteError(t('flares.deleteFailed', { message: e.message }));
        });
      },
      focusAfter: (undone) => (undone ? document.getElementById(`flare-${flare.id}-delete`) : timelineHeading.current),
    });
  }

  const visible = (items ?? []).filter((f) => !hidden.includes(f.id));
  return (
    <main id="main">
      <h1>{about('flares.title')}</h1>
      <p>{about('flares.intro')}</p>
      {canWrite && !editing && (
        <p>
          <button type="button" class="button" onClick={startFlare}>
            {t('flares.start')}
          </button>
        </p>
      )}
      {editing && (
        <FlareForm
          key={`${editing.id}-${editing.version ?? 'new'}`}
          pid={pid}
          editing={editing}
          onSaved={(ended) => {
            showToast(ended ? t('flares.ended') : t('flares.saved'));
            close();
            reload();
          }}
          onCancel={close}
          onDiscarded={() => {
            showToast(t('flares.discarded'));
            close();
            reload();
          }}
        />
      )}
      <section aria-labelledby="flares-timeline-heading">
        <h2 id="flares-timeline-heading" ref={timelineHeading} tabIndex={-1}>
          {about('flares.timeline')}
        </h2>
        {loadError && (
          <div class="alert" role="alert">
            <p>{t('flares.loadFailed', { message: loadError })}</p>
            <button type="button" class="button secondary" onClick={reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
        <ErrorMessage message={deleteError} />
        {items === null ? (
          !loadError && <Loading />
        ) : visible.length === 0 ? (
          <Empty>{canWrite ? t('flares.empty') : t('flares.emptyReadOnly')}</Empty>
        ) : (
          <ol class="list timeline" aria-labelledby="flares-timeline-heading">
            {visible.map((flare) => (
              <FlareItem
                key={flare.id}
                flare={flare}
                now={now}
                patientTimeZone={patient.timeZone}
                canWrite={canWrite}
                busy={busy === flare.id}
                onOverNow={() => {
                  void overNow(flare);
                }}
                onEdit={() => edit(flare)}
                onRemove={() => remove(flare)}
              />
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
