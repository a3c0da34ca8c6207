// A flare's form, new or edited: saves with If-Match; a 409 shows the newer copy and lets the person
// re-apply their changes to it or take it, and a flare deleted elsewhere can be kept as a new one. A
// refused Save lists every problem at the top (ErrorSummary), which takes focus, and marks each beside
// its field.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TimeZoneField } from '../../components/time-zone-field.tsx';
import { Checkbox, ErrorMessage, Field, RatingControl } from '../../components/ui.tsx';
import { TECHNIQUES, TRIGGERS, type TechniqueId, type TriggerId } from '../../../domain/diary/entry.ts';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { ConflictBox, TextArea } from '../plan/plan-ui.tsx';
import { ChipGroup } from './chip-group.tsx';
import { draftOfFlare, mergeFlareDrafts, wallClockOf, type FlareDraft } from './flare-draft.ts';
import { formErrorsOf } from './flare-form-errors.ts';
import { DESCRIPTORS, techniqueLabel, triggerLabel } from './flare-format.ts';
import { FlareSummary } from './flare-summary.tsx';
import type { SavedFlare } from './flares-api.ts';
import { saveFlare, type Editing, type Outcome } from './save-flare.ts';

const HELPED = TECHNIQUES.filter((x): x is Exclude<TechniqueId, 'own'> => x !== 'own');

export function FlareForm(props: {
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
  const formRef = useRef<HTMLFormElement>(null);
  /** Counts refused Saves: each one refreshes the error summary and moves focus to it. */
  // A save from the timeline ("It's over now") that was refused opens the form with its problems listed.
  const [failures, setFailures] = useState(props.editing.outcome && props.editing.outcome.kind !== 'conflict' ? 1 : 0);
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
    if (result.kind !== 'conflict') setFailures((n) => n + 1);
  }

  const { errorFor, unplaced, formMessage } = formErrorsOf(outcome);
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
        ref={formRef}
      >
        <ErrorSummary failure={failures} form={formRef} messages={unplaced} />
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
        <TimeZoneField
          label={t('flares.form.timeZone')}
          name="flareTimeZone"
          value={draft.timeZone}
          onChange={(v) => set({ timeZone: v })}
          error={errorFor('/timeZone')}
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
