// The check-in: a seconds-fast entry (with "same as last time", quick picks from the person's
// medicine list and the rest under "More details"), or the edit of one already in the diary. A refused
// Save lists every problem at the top (ErrorSummary) and marks each beside its field; what was typed is
// saved or explained, never dropped.
import {
  checkInBody,
  detailsOf,
  EMPTY_DETAILS,
  hasDetails,
  NO_PENDING_TEXT,
  sinceLastProblems,
  withPendingText,
  type CheckInDetails,
  type PendingText,
} from './entry-body.ts';
import { CheckInDetailsSection } from './check-in-details.tsx';
import { CheckInMedicines } from './check-in-medicines.tsx';
import { EMPTY_MEDICINE_DRAFT, readMedicineDraft } from './medicine-draft.ts';
import { useDiary } from './use-diary.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DiaryEntryView } from '../../api/client.ts';
import { BodyMap } from '../../components/body-map.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { ErrorMessage, LoadFailed, LocalDateTimeField, Loading, RatingControl, showToast } from '../../components/ui.tsx';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { dvprsDescriptor, PAIN_QUALITIES, TRIGGERS } from '../../../domain/diary/entry.ts';
import { toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { outbox } from '../../offline/outbox-instance.ts';
import type { OutboxItem } from '../../offline/outbox.ts';
import { navigate } from '../../router.ts';
import { usePatientInView } from '../../session.ts';

const DESCRIPTORS = Array.from({ length: 11 }, (_, n) => dvprsDescriptor(n).text);

type RegionDraft = { code: string; intensity: number | null; qualities: string[] };

/** An entry's regions as drafts: a region rated like the whole entry follows the new overall rating. */
const regionDrafts = (e: DiaryEntryView): RegionDraft[] =>
  e.regions.map((r) => ({ code: r.code, intensity: r.intensity === e.intensity ? null : r.intensity, qualities: [...r.qualities] }));

/** Where the check-in shows a refused entry's field errors (the rest go in the form's alert). */
const IN_DETAILS = [
  '/worstSinceLast',
  '/leastSinceLast',
  '/regions',
  '/interference',
  '/sleep/quality',
  '/activity',
  '/mood',
  '/ownTriggers',
  '/techniques',
];
const PLACED = [...IN_DETAILS, '/sleep/hours'];
const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

export function CheckIn() {
  const patient = usePatientInView()!;
  const { records, error: loadError, reload: reloadRecords } = useDiary(patient.id);
  const editId = new URLSearchParams(location.search).get('edit');
  const editing = editId ? (records?.find((r) => r.id === editId) ?? null) : null;
  const [intensity, setIntensity] = useState<number | null>(null);
  const [regions, setRegions] = useState<RegionDraft[]>([]);
  const [medicines, setMedicines] = useState<DiaryEntryView['medicines']>([]);
  const [triggers, setTriggers] = useState<string[]>([]);
  const [sleepHours, setSleepHours] = useState('');
  const [notes, setNotes] = useState('');
  const [medDraft, setMedDraft] = useState(EMPTY_MEDICINE_DRAFT);
  const [medChecked, setMedChecked] = useState(false);
  const [noIntensity, setNoIntensity] = useState(false);
  /** Counts refused Saves: each one refreshes the error summary and moves focus to it. */
  const [failures, setFailures] = useState(0);
  const [unplaced, setUnplaced] = useState<readonly string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const [details, setDetails] = useState<CheckInDetails>(EMPTY_DETAILS);
  const [pending, setPending] = useState<PendingText>(NO_PENDING_TEXT);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [refused, setRefused] = useState<readonly { pointer: string; detail: string }[]>([]);
  useEffect(() => {
    if (!editing?.entry) return;
    const e = editing.entry;
    setIntensity(e.intensity);
    setRegions(regionDrafts(e));
    setMedicines(e.medicines);
    setTriggers(e.triggers ?? []);
    setSleepHours(e.sleep.hours === null ? '' : String(e.sleep.hours));
    setNotes(e.notes);
    setDetails(detailsOf(e));
    setDetailsOpen(hasDetails(e));
  }, [editing?.id]);
  const errorAt = (pointer: string) => {
    const detail = refused.find((f) => under(f.pointer, pointer))?.detail;
    return detail && detail.charAt(0).toUpperCase() + detail.slice(1);
  };
  const [error, setError] = useState<string | null>(null);
  const [filled, setFilled] = useState(false);
  const nowLocal = useMemo(() => toLocalDateTime(new Date(), patient.timeZone as TimeZone), [patient.timeZone]);
  const [earlier, setEarlier] = useState(false);
  const [when, setWhen] = useState({ date: nowLocal.date as string, time: nowLocal.time });
  const last = records?.find((r) => r.entry)?.entry ?? null;
  // A new entry's id is made once per form, so every Save of it (after a refusal, or a second press)
  // writes the same resource: the outbox replaces the earlier (failed) write instead of keeping it.
  const newId = useRef<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingNow = useRef(false);

  function sameAsLast() {
    if (!last) return;
    setIntensity(last.intensity);
    setNoIntensity(false);
    setRegions(regionDrafts(last));
    setMedicines(last.medicines.map((m) => ({ ...m, takenAt: null })));
    setFilled(true);
  }
  function toggleRegion(code: string) {
    setRegions((list) =>
      list.some((r) => r.code === code) ? list.filter((r) => r.code !== code) : [...list, { code, intensity: null, qualities: [] }],
    );
  }
  function toggleQuality(code: string, quality: string) {
    setRegions((list) =>
      list.map((r) =>
        r.code !== code
          ? r
          : { ...r, qualities: r.qualities.includes(quality) ? r.qualities.filter((q) => q !== quality) : [...r.qualities, quality] },
      ),
    );
  }
  async function save(e: Event) {
    e.preventDefault();
    if (savingNow.current) return; // a second press (or Enter) while the first is still on its way
    setError(null);
    setUnplaced([]);
    // Every problem the form can see is marked at once, so the summary lists them all.
    const sinceLastWrong = Object.keys(sinceLastProblems(intensity, details)).length > 0;
    // Words typed into an own-words box but not Added are saved too (or, if that list is full, the box says so).
    const typed = withPendingText(details, pending);
    setDetails(typed.details);
    setPending({
      meaningful: typed.full.includes('meaningful') ? pending.meaningful : '',
      ownTriggers: typed.full.includes('ownTriggers') ? pending.ownTriggers : '',
      ownTechniques: typed.full.includes('ownTechniques') ? pending.ownTechniques : '',
    });
    // So is a medicine typed but not Added; one that cannot be added stops the Save, said beside it.
    const med = readMedicineDraft(medDraft, medicines.length);
    let medicinesToSend = medicines;
    if (med.kind === 'ready') {
      medicinesToSend = [...medicines, med.medicine];
      setMedicines(medicinesToSend);
      setMedDraft({ ...EMPTY_MEDICINE_DRAFT, unit: medDraft.unit, asNeeded: medDraft.asNeeded });
    }
    const medWrong = med.kind === 'problem' || med.kind === 'confirm';
    setMedChecked(medWrong);
    setNoIntensity(intensity === null);
    if (intensity === null || sinceLastWrong || typed.full.length > 0 || medWrong) {
      if (sinceLastWrong || typed.full.length > 0) setDetailsOpen(true);
      setFailures((n) => n + 1);
      return;
    }
    savingNow.current = true;
    setSaving(true);
    try {
      await send(typed.details, medicinesToSend);
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }
  async function send(details: CheckInDetails, medicines: DiaryEntryView['medicines']) {
    if (intensity === null) return;
    setRefused([]);
    const now = new Date();
    const original = editing?.entry ?? null;
    const local = original
      ? { date: original.localDate, time: original.localTime }
      : earlier
        ? when
        : toLocalDateTime(now, patient.timeZone as TimeZone);
    const id = original ? original.id : (newId.current ??= newClientId(now.getTime()));
    const hours = sleepHours.trim() === '' ? null : Math.round(Number(sleepHours) * 4) / 4;
    const body = checkInBody(original, {
      local,
      timeZone: original?.timeZone ?? patient.timeZone,
      recordedAt: original?.recordedAt ?? now.toISOString(),
      intensity,
      mode: original ? original.provenance.mode : earlier ? 'recalled' : 'real-time',
      regions,
      medicines,
      triggers,
      notes,
      sleepHours: hours !== null && Number.isFinite(hours) ? hours : null,
      details,
    });
    const path = `/api/patients/${patient.id}/diary-entries/${id}`;
    await outbox.enqueue({ method: 'PUT', path, body, baseVersion: editing?.version });
    const mine = (
      await new Promise<readonly OutboxItem[]>((resolve) => {
        const off = outbox.subscribe((items) => {
          off();
          resolve(items);
        });
      })
    ).find((i) => i.path === path);
    if (mine?.state === 'failed') {
      // Refused (not offline): stay on the form with each problem on its field. The write stays in the
      // outbox as failed until saved again (same path) or discarded from the diary.
      const fieldErrors = mine.fieldErrors ?? [];
      setRefused(fieldErrors);
      if (fieldErrors.some((f) => IN_DETAILS.some((p) => under(f.pointer, p)))) setDetailsOpen(true);
      const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
      setUnplaced(fieldErrors.filter((f) => !PLACED.some((p) => under(f.pointer, p))).map((f) => capital(f.detail)));
      setError(fieldErrors.length === 0 ? t('checkIn.refused', { message: mine.message ?? '' }) : null);
      setFailures((n) => n + 1);
      return;
    }
    // A conflict (409 on an edit) is kept in the outbox for the person to resolve in the diary.
    showToast(mine?.state === 'conflict' ? t('checkIn.conflict') : mine ? t('checkIn.savedOffline') : t('checkIn.saved'));
    navigate('/diary');
  }
  // An edit link whose check-in is not (or no longer) in the diary: say so, rather than offer a form
  // that is neither a new check-in nor an edit.
  if (editId && (records === null || !editing?.entry)) {
    return (
      <main id="main">
        <h1>{t('checkIn.editMissingTitle')}</h1>
        {records === null ? (
          loadError ? (
            <LoadFailed message={loadError.message} onRetry={reloadRecords} />
          ) : (
            <Loading />
          )
        ) : (
          <>
            <p>{t('checkIn.editMissing')}</p>
            <p>
              <a
                class="button"
                href="/diary"
                onClick={(e) => {
                  e.preventDefault();
                  navigate('/diary');
                }}
              >
                {t('checkIn.backToDiary')}
              </a>
            </p>
          </>
        )}
      </main>
    );
  }
  return (
    <main id="main">
      <h1>
        {editing?.entry ? t('checkIn.editTitle', { when: `${editing.entry.localDate} ${editing.entry.localTime}` }) : t('checkIn.title')}
      </h1>
      <form onSubmit={save} noValidate ref={formRef}>
        <ErrorSummary failure={failures} form={formRef} messages={unplaced} />
        {last && !editId && (
          <p>
            <button type="button" class="button secondary" onClick={sameAsLast}>
              {t('checkIn.sameAsLast')}
            </button>
          </p>
        )}
        {filled && (
          <p class="notice" role="status">
            {t('checkIn.sameAsLastDone')}
          </p>
        )}
        <ErrorMessage message={error} />
        {!editId && (
          <fieldset>
            <legend class="legend">{t('checkIn.when')}</legend>
            <div class="segmented" role="radiogroup" aria-label={t('checkIn.when')}>
              {[false, true].map((e) => (
                <button
                  key={String(e)}
                  type="button"
                  role="radio"
                  aria-checked={earlier === e}
                  class={earlier === e ? 'button' : 'button secondary'}
                  onClick={() => setEarlier(e)}
                >
                  {t(e ? 'checkIn.earlier' : 'checkIn.now')}
                </button>
              ))}
            </div>
            {earlier && (
              <LocalDateTimeField
                label={t('checkIn.whenEarlier')}
                date={when.date}
                time={when.time}
                max={nowLocal.date}
                timeZone={patient.timeZone}
                onChange={(date, time) => setWhen({ date, time })}
              />
            )}
          </fieldset>
        )}
        <RatingControl
          name="intensity"
          value={intensity}
          onChange={(v) => {
            setIntensity(v);
            setNoIntensity(false);
          }}
          descriptors={DESCRIPTORS}
          error={noIntensity ? t('checkIn.needIntensity') : undefined}
        />
        <fieldset>
          <legend class="legend">{t('checkIn.where')}</legend>
          <BodyMap selected={regions.map((r) => r.code)} onToggle={toggleRegion} />
          <p class="hint" aria-live="polite">
            {regions.length === 0
              ? t('checkIn.noneSelected')
              : t('checkIn.selected', { list: regions.map((r) => findBodyRegion(r.code)?.label ?? r.code).join(', ') })}
          </p>
        </fieldset>
        {regions.map((r) => (
          <fieldset key={r.code}>
            <legend class="legend">{t('checkIn.feels', { region: findBodyRegion(r.code)?.label ?? r.code })}</legend>
            <div class="chips">
              {PAIN_QUALITIES.map((q) => (
                <label class="chip" key={q}>
                  <input type="checkbox" checked={r.qualities.includes(q)} onChange={() => toggleQuality(r.code, q)} />
                  {t(`quality.${q}` as MessageKey)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset>
          <legend class="legend">{t('checkIn.triggers')}</legend>
          <div class="chips">
            {TRIGGERS.map((id) => (
              <label class="chip" key={id}>
                <input
                  type="checkbox"
                  checked={triggers.includes(id)}
                  onChange={() => setTriggers((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))}
                />
                {t(`trigger.${id}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <CheckInMedicines
          patientId={patient.id}
          medicines={medicines}
          onMedicines={(update) => setMedicines((list) => update(list))}
          draft={medDraft}
          onDraft={setMedDraft}
          checked={medChecked}
          onChecked={setMedChecked}
        />
        <div class="field">
          <label for="sleep-hours">{t('checkIn.sleep')}</label>
          <input
            id="sleep-hours"
            name="sleepHours"
            type="number"
            min={0}
            max={24}
            step={0.25}
            inputMode="decimal"
            value={sleepHours}
            onInput={(e) => setSleepHours((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={errorAt('/sleep/hours') ? 'true' : undefined}
            aria-describedby={errorAt('/sleep/hours') ? 'sleep-hours-error' : undefined}
          />
          {errorAt('/sleep/hours') && (
            <span id="sleep-hours-error" class="error">
              {errorAt('/sleep/hours')}
            </span>
          )}
        </div>
        <div class="field">
          <label for="notes">{t('checkIn.notes')}</label>
          <textarea
            id="notes"
            name="notes"
            maxLength={10000}
            value={notes}
            onInput={(e) => setNotes((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </div>
        <CheckInDetailsSection
          open={detailsOpen}
          onToggle={() => setDetailsOpen((o) => !o)}
          intensity={intensity}
          descriptors={DESCRIPTORS}
          details={details}
          onChange={setDetails}
          pending={pending}
          onPending={setPending}
          regions={regions}
          errorAt={errorAt}
          onRegionIntensity={(code, value) => setRegions((list) => list.map((r) => (r.code === code ? { ...r, intensity: value } : r)))}
        />
        <button class="button" type="submit" disabled={saving} aria-busy={saving ? 'true' : undefined}>
          {t('checkIn.save')}
        </button>
      </form>
    </main>
  );
}
