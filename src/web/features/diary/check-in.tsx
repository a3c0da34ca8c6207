// The check-in: a seconds-fast entry ("same as last time" then Save, recent triggers first, quick picks
// from the person's medicine list, the rest under "More details"), or the edit of one already in the diary. A refused
// Save lists every problem at the top (ErrorSummary) and marks each beside its field; what was typed is
// saved or explained, never dropped.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DiaryEntryView } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { ErrorMessage, RatingControl, showToast } from '../../components/ui.tsx';
import { toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { navigate } from '../../router.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { CheckInDetailsSection } from './check-in-details.tsx';
import { DESCRIPTORS, IN_DETAILS, PLACED, regionDrafts, under, type RegionDraft } from './check-in-draft.ts';
import { CheckInEditMissing } from './check-in-edit-missing.tsx';
import { NotesField, SameAsLast, SleepHoursField, SleepQualityAndMood } from './check-in-fields.tsx';
import { CheckInMedicines } from './check-in-medicines.tsx';
import { writeThroughOutbox } from './check-in-outbox.ts';
import { CheckInTriggers } from './check-in-triggers.tsx';
import { CheckInWhen } from './check-in-when.tsx';
import { CheckInWhere } from './check-in-where.tsx';
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
import { EMPTY_MEDICINE_DRAFT, readMedicineDraft } from './medicine-draft.ts';
import { computeRecentTriggers } from './recent-triggers.ts';
import { useDiary } from './use-diary.ts';

export function CheckIn() {
  const about = useAbout();
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
  const recentTriggers = useMemo(() => computeRecentTriggers(records?.flatMap((r) => (r.entry ? [r.entry] : [])) ?? []), [records]);
  // A new entry's id is made once per form, so every Save of it (after a refusal, or a second press)
  // writes the same resource: the outbox replaces the earlier (failed) write instead of keeping it.
  const newId = useRef<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingNow = useRef(false);
  // The quick form is copied; "More details" and notes describe one moment. A copied medicine has no time taken.
  function sameAsLast() {
    if (!last) return;
    setIntensity(last.intensity);
    setNoIntensity(false);
    setRegions(regionDrafts(last));
    setMedicines(last.medicines.map((m) => ({ ...m, takenAt: null })));
    setTriggers(last.triggers ?? []);
    setSleepHours(last.sleep.hours === null ? '' : String(last.sleep.hours));
    const copied = detailsOf(last);
    setDetails((d) => ({ ...d, sleepQuality: copied.sleepQuality, mood: copied.mood }));
    setFilled(true);
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
    const mine = await writeThroughOutbox(path, body, editing?.version);
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
    showToast(mine?.state === 'conflict' ? about('checkIn.conflict') : mine ? t('checkIn.savedOffline') : t('checkIn.saved'));
    navigate('/diary');
  }
  // An edit link whose check-in is not (or no longer) in the diary.
  if (editId && (records === null || !editing?.entry))
    return <CheckInEditMissing loaded={records !== null} loadError={loadError} onRetry={reloadRecords} />;
  return (
    <main id="main">
      <h1>
        {editing?.entry
          ? t('checkIn.editTitle', { when: `${editing.entry.localDate} ${editing.entry.localTime}` })
          : about('checkIn.title')}
      </h1>
      <form onSubmit={save} noValidate ref={formRef}>
        <ErrorSummary failure={failures} form={formRef} messages={unplaced} />
        <SameAsLast offered={last !== null && !editId} filled={filled} onFill={sameAsLast} saving={saving} />
        <ErrorMessage message={error} />
        {!editId && (
          <CheckInWhen
            earlier={earlier}
            onEarlier={setEarlier}
            when={when}
            onWhen={setWhen}
            max={nowLocal.date}
            timeZone={patient.timeZone}
          />
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
        <CheckInWhere regions={regions} onRegions={setRegions} />
        <CheckInTriggers triggers={triggers} onTriggers={setTriggers} recent={recentTriggers} />
        <CheckInMedicines
          patientId={patient.id}
          medicines={medicines}
          onMedicines={(update) => setMedicines((list) => update(list))}
          draft={medDraft}
          onDraft={setMedDraft}
          checked={medChecked}
          onChecked={setMedChecked}
        />
        <SleepHoursField value={sleepHours} onInput={setSleepHours} error={errorAt('/sleep/hours')} />
        <SleepQualityAndMood details={details} onChange={(patch) => setDetails((d) => ({ ...d, ...patch }))} errorAt={errorAt} />
        <NotesField value={notes} onInput={setNotes} />
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
