// The Flares page: a patient's flares on a timeline, newest first — start and end on
// the flare's own clock (or "going on since"), how long it lasted, the peak, what may have set it off
// and what helped — with start, "it's over now", edit and delete (with Undo). A caregiver acting for
// the patient reads it, and writes only with the diary scope. Saves send If-Match; a 409 shows the
// server's copy and lets the person save theirs over it or take the newer one.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { Checkbox, Empty, ErrorMessage, Field, Loading, RatingControl, showToast, useReloadWhenBackOnline } from '../../components/ui.tsx';
import { dvprsDescriptor, TECHNIQUES, TRIGGERS, type TechniqueId, type TriggerId } from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { usePatientInView } from '../../session.ts';
import { ConflictBox, errorAt, TextArea } from '../plan/plan-ui.tsx';
import {
  bodyOfDraft,
  draftOfFlare,
  mergeFlareDrafts,
  newFlareDraft,
  wallClockOf,
  type DraftProblem,
  type FlareDraft,
} from './flare-draft.ts';
import { durationInWords, techniqueLabel, triggerLabel, whenInWords } from './flare-format.ts';
import { flaresApi, type FlareView, type SavedFlare } from './flares-api.ts';
import './flares.css';

const DESCRIPTORS = Array.from({ length: 11 }, (_, n) => dvprsDescriptor(n).text);
const HELPED = TECHNIQUES.filter((x): x is Exclude<TechniqueId, 'own'> => x !== 'own');

/** What a save came to; anything but `saved` keeps (or opens) the form to show it. */
type Outcome =
  | { kind: 'saved' }
  | { kind: 'invalid'; problems: Partial<Record<string, DraftProblem>> }
  | { kind: 'conflict'; current: SavedFlare | null; message: string }
  | { kind: 'error'; error: ApiError };

interface Editing {
  id: string;
  /** The version edited (If-Match); undefined for a new flare. */
  version: number | undefined;
  draft: FlareDraft;
  /** The flare as the form loaded it (what "my changes" are measured against in a 409); null for a new one. */
  base: FlareDraft | null;
  /** The start in words, naming the flare being edited; null for a new one. */
  name: string | null;
  /** Shown when the form opens after a save made from the timeline ("It's over now") did not go through. */
  outcome?: Outcome;
}

async function saveFlare(pid: string, id: string, draft: FlareDraft, version: number | undefined): Promise<Outcome> {
  const checked = bodyOfDraft(draft);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  try {
    await flaresApi.save(pid, id, checked.body, version);
    return { kind: 'saved' };
  } catch (e) {
    const error = e as ApiError;
    if (error.code === 'diary-entry-conflict' || error.status === 409)
      return { kind: 'conflict', current: (error.problem.current as SavedFlare | undefined) ?? null, message: error.message };
    return { kind: 'error', error };
  }
}

export function Flares() {
  const patient = usePatientInView()!;
  const pid = patient.id;
  const own = patient.scopes === 'owner';
  const canWrite = own || patient.scopes.includes('write-diary');
  const [items, setItems] = useState<FlareView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [hidden, setHidden] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const opener = useRef<HTMLElement | null>(null);
  const timelineHeading = useRef<HTMLHeadingElement>(null);

  const reload = () => {
    flaresApi.list(pid).then(
      (r) => {
        setItems(r.items);
        setLoadError(null);
        setNow(Date.now());
      },
      (e: ApiError) => setLoadError(e.message),
    );
  };
  useEffect(reload, [pid]);
  useReloadWhenBackOnline(reload, [pid]);
  // "… so far" for a flare going on stays roughly current while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

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
      <h1>{own ? t('flares.title') : t('flares.titleFor', { name: patient.displayName })}</h1>
      <p>{t('flares.intro')}</p>
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
          {own ? t('flares.timeline') : t('flares.timelineFor')}
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
            {visible.map((flare) => {
              const when = whenInWords(flare.startedAt, flare.timeZone);
              const about = t('flares.aboutFlare', { when });
              return (
                <li key={flare.id} class={flare.ongoing ? 'ongoing' : undefined}>
                  <div>
                    <h3>
                      {t('flares.from', { when })}
                      {flare.ongoing && (
                        <>
                          {' '}
                          <span class="badge">{t('flares.goingOn')}</span>
                        </>
                      )}
                    </h3>
                    <FlareSummary flare={flare} now={now} patientTimeZone={patient.timeZone} />
                  </div>
                  {canWrite && (
                    <span class="row">
                      {flare.ongoing && (
                        <button
                          type="button"
                          class="button"
                          disabled={busy === flare.id}
                          onClick={() => {
                            void overNow(flare);
                          }}
                        >
                          {t('flares.overNow')}
                          <span class="visually-hidden"> — {about}</span>
                        </button>
                      )}
                      <button type="button" class="button secondary" onClick={() => edit(flare)}>
                        {t('flares.edit')}
                        <span class="visually-hidden"> {about}</span>
                      </button>
                      <button type="button" class="button secondary" id={`flare-${flare.id}-delete`} onClick={() => remove(flare)}>
                        {t('flares.delete')}
                        <span class="visually-hidden"> {about}</span>
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </main>
  );
}

/** A flare in words: when, how long, how bad, what may have set it off, what helped. */
function FlareSummary(props: { flare: SavedFlare; now: number; patientTimeZone: string }) {
  const f = props.flare;
  const start = whenInWords(f.startedAt, f.timeZone);
  const triggers = [...f.suspectedTriggers.map(triggerLabel), ...f.ownTriggers];
  const helped = [...f.helpedTechniques.map(techniqueLabel), ...f.helpedText];
  const soFar = Math.floor((props.now - Date.parse(f.startedAt)) / 60_000);
  return (
    <>
      {f.endedAt === null ? (
        <p>
          <strong>{t('flares.goingOnSince', { when: start, duration: durationInWords(soFar) })}</strong>
        </p>
      ) : (
        <p>
          {t('flares.fromTo', { start, end: whenInWords(f.endedAt, f.timeZone) })}{' '}
          <strong>{t('flares.lasted', { duration: durationInWords((Date.parse(f.endedAt) - Date.parse(f.startedAt)) / 60_000) })}</strong>
        </p>
      )}
      {f.timeZone !== props.patientTimeZone && <p class="hint">{t('flares.inZone', { zone: f.timeZone })}</p>}
      <p>
        {f.peakIntensity === null
          ? t('flares.peakNone')
          : t('flares.peak', { value: f.peakIntensity, descriptor: DESCRIPTORS[f.peakIntensity]! })}
      </p>
      {triggers.length > 0 && <p>{t('flares.triggersLine', { list: triggers.join(', ') })}</p>}
      {helped.length > 0 && <p>{t('flares.helpedLine', { list: helped.join(', ') })}</p>}
      {f.notes && <p class="notes">{t('flares.notesLine', { notes: f.notes })}</p>}
    </>
  );
}

const PROBLEM_TEXT: Record<DraftProblem, MessageKey> = {
  startMissing: 'flares.form.startMissing',
  endMissing: 'flares.form.endMissing',
  endBeforeStart: 'flares.form.endBeforeStart',
  badTimeZone: 'flares.form.badTimeZone',
};

function FlareForm(props: {
  pid: string;
  editing: Editing;
  onSaved: (ended: boolean) => void;
  onCancel: () => void;
  onDiscarded: () => void;
}) {
  const [draft, setDraft] = useState(props.editing.draft);
  const [base, setBase] = useState(props.editing.base);
  const [id, setId] = useState(props.editing.id);
  const [version, setVersion] = useState(props.editing.version);
  const [outcome, setOutcome] = useState<Outcome | null>(props.editing.outcome ?? null);
  const [saving, setSaving] = useState(false);
  // Set at once (state waits for the next render), so a double press sends one save.
  const inFlight = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const set = (patch: Partial<FlareDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = <T extends string>(list: readonly T[], value: T): T[] =>
    list.includes(value) ? list.filter((x) => x !== value) : [...list, value];

  async function save(at: number | undefined, toSave: FlareDraft = draft, saveId: string = id) {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    setOutcome(null);
    const result = await saveFlare(props.pid, saveId, toSave, at);
    inFlight.current = false;
    setSaving(false);
    // "Marked as over" only for a flare that was going on and now has an end, not a new one entered afterwards.
    if (result.kind === 'saved') {
      props.onSaved(props.editing.version !== undefined && props.editing.draft.ongoing && !draft.ongoing);
      return;
    }
    setOutcome(result);
    if (result.kind !== 'conflict') heading.current?.focus();
  }

  // Field errors: the browser's own checks, else the server's problem+json pointers.
  const serverError = outcome?.kind === 'error' ? outcome.error : null;
  const problems = outcome?.kind === 'invalid' ? outcome.problems : {};
  const errorFor = (pointer: string): string | undefined => {
    const local = problems[pointer];
    return local ? t(PROBLEM_TEXT[local]) : errorAt(serverError, pointer);
  };
  const FIELDS = [
    '/startedAt',
    '/endedAt',
    '/timeZone',
    '/peakIntensity',
    '/suspectedTriggers',
    '/ownTriggers',
    '/helpedTechniques',
    '/helpedText',
    '/notes',
  ];
  const unplaced =
    serverError?.fieldErrors.filter((f) => !FIELDS.some((p) => f.pointer === p || f.pointer.startsWith(`${p}/`))).map((f) => f.detail) ??
    [];
  const formMessage =
    outcome?.kind === 'invalid'
      ? t('flares.form.fixBelow')
      : serverError
        ? serverError.fieldErrors.length === 0
          ? serverError.message
          : [t('flares.form.fixBelow'), ...unplaced].join(' ')
        : null;
  const conflict = outcome?.kind === 'conflict' ? outcome.current : null;
  const gone = outcome?.kind === 'conflict' && outcome.current === null;
  /** My changes (against what the form loaded) applied field by field to the server's newer copy. */
  function reapply(theirs: SavedFlare) {
    // A new flare (no loaded copy) that met one already saved under its id: all of mine counts as changed.
    const merged = mergeFlareDrafts(base ?? draftOfFlare(theirs), draft, draftOfFlare(theirs));
    setDraft(merged);
    setBase(draftOfFlare(theirs));
    setVersion(theirs.version);
    void save(theirs.version, merged);
  }
  /** The flare was deleted elsewhere: keep the draft as a new flare (a new id, no If-Match). */
  function saveAsNew() {
    const fresh = newClientId();
    setId(fresh);
    setVersion(undefined);
    setBase(null);
    void save(undefined, draft, fresh);
  }
  const zone = draft.timeZone.trim() || 'UTC';
  const peakError = errorFor('/peakIntensity');
  const triggersError = errorFor('/suspectedTriggers');
  const helpedError = errorFor('/helpedTechniques');
  const title = props.editing.name ? t('flares.form.edit', { when: props.editing.name }) : t('flares.form.new');

  return (
    <section class="card" aria-labelledby="flare-form-heading">
      <h2 id="flare-form-heading" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <form
        class="flare-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(version);
        }}
        noValidate
        aria-labelledby="flare-form-heading"
      >
        <ErrorMessage message={formMessage} />
        {gone && (
          <ConflictBox
            message={t('flares.deletedElsewhere')}
            reapplyLabel={t('flares.saveAsNew')}
            discardLabel={t('flares.discardMine')}
            busy={saving}
            onReapply={saveAsNew}
            onDiscard={props.onDiscarded}
          />
        )}
        {conflict && (
          <ConflictBox
            message={t('flares.conflict', { version: conflict.version })}
            reapplyLabel={t('flares.reapply', { version: conflict.version })}
            discardLabel={t('flares.takeTheirs', { version: conflict.version })}
            busy={saving}
            onReapply={() => reapply(conflict)}
            onDiscard={() => {
              setDraft(draftOfFlare(conflict));
              setBase(draftOfFlare(conflict));
              setVersion(conflict.version);
              setOutcome(null);
              heading.current?.focus();
            }}
          >
            <div class="subform">
              <FlareSummary flare={conflict} now={Date.now()} patientTimeZone={conflict.timeZone} />
            </div>
          </ConflictBox>
        )}
        <Field
          label={t('flares.form.started')}
          name="flareStarted"
          type="datetime-local"
          value={draft.started}
          onInput={(v) => set({ started: v })}
          hint={t('flares.form.timeHint', { zone })}
          error={errorFor('/startedAt')}
          required
        />
        <Checkbox
          label={t('flares.form.ongoing')}
          checked={draft.ongoing}
          onChange={(ongoing) => set({ ongoing, ...(!ongoing && draft.ended === '' && zone ? { ended: endDefault(zone) } : {}) })}
        />
        {!draft.ongoing && (
          <Field
            label={t('flares.form.ended')}
            name="flareEnded"
            type="datetime-local"
            value={draft.ended}
            onInput={(v) => set({ ended: v })}
            hint={t('flares.form.timeHint', { zone })}
            error={errorFor('/endedAt')}
            required
          />
        )}
        <Field
          label={t('flares.form.timeZone')}
          name="flareTimeZone"
          value={draft.timeZone}
          onInput={(v) => set({ timeZone: v })}
          hint={t('flares.form.timeZoneHint')}
          error={errorFor('/timeZone')}
          required
        />
        <RatingControl
          name="flarePeak"
          legend={t('flares.form.peak')}
          value={draft.peakIntensity}
          onChange={(v) => set({ peakIntensity: v })}
          descriptors={DESCRIPTORS}
          error={peakError}
        />
        {draft.peakIntensity !== null && (
          <p>
            <button type="button" class="button link" onClick={() => set({ peakIntensity: null })}>
              {t('flares.form.clearPeak')}
            </button>
          </p>
        )}
        <ChipGroup
          legend={t('flares.form.triggers')}
          values={TRIGGERS}
          labelOf={(id: TriggerId) => triggerLabel(id)}
          selected={draft.suspectedTriggers}
          onToggle={(id) => set({ suspectedTriggers: toggle(draft.suspectedTriggers, id) })}
          error={triggersError}
        />
        <TextArea
          label={t('flares.form.ownTriggers')}
          name="flareOwnTriggers"
          value={draft.ownTriggers}
          onInput={(v) => set({ ownTriggers: v })}
          hint={t('flares.form.oneAPerLine')}
          error={errorFor('/ownTriggers')}
        />
        <ChipGroup
          legend={t('flares.form.helped')}
          values={HELPED}
          labelOf={(id: TechniqueId) => techniqueLabel(id)}
          selected={draft.helpedTechniques}
          onToggle={(id) => set({ helpedTechniques: toggle(draft.helpedTechniques, id) })}
          error={helpedError}
        />
        <TextArea
          label={t('flares.form.helpedText')}
          name="flareHelpedText"
          value={draft.helpedText}
          onInput={(v) => set({ helpedText: v })}
          hint={t('flares.form.oneAPerLine')}
          error={errorFor('/helpedText')}
        />
        <TextArea
          label={t('flares.form.notes')}
          name="flareNotes"
          value={draft.notes}
          onInput={(v) => set({ notes: v })}
          maxLength={10_000}
          error={errorFor('/notes')}
        />
        <div class="row">
          <button type="submit" class="button" disabled={saving}>
            {saving ? t('common.saving') : t('flares.form.save')}
          </button>
          <button type="button" class="button secondary" onClick={props.onCancel}>
            {t('flares.form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function endDefault(zone: string): string {
  try {
    return wallClockOf(new Date(), zone as Parameters<typeof wallClockOf>[1]);
  } catch {
    return '';
  }
}

let chipGroupCounter = 0;
/** Checkboxes shown as chips under a legend; an error is read with the group (described by). */
function ChipGroup<T extends string>(props: {
  legend: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  selected: readonly T[];
  onToggle: (value: T) => void;
  error?: string | undefined;
}) {
  const id = useRef(`chips-${++chipGroupCounter}`).current;
  return (
    <fieldset aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend class="legend">{props.legend}</legend>
      <div class="chips">
        {props.values.map((value) => (
          <label class="chip" key={value}>
            <input type="checkbox" checked={props.selected.includes(value)} onChange={() => props.onToggle(value)} />
            {props.labelOf(value)}
          </label>
        ))}
      </div>
      {props.error && (
        <span id={`${id}-error`} class="error">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}
