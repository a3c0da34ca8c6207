// The pain diary: a seconds-fast check-in (with "same as last time", quick picks from the person's
// medicine list and the rest under "More details"), and the history with pending, conflicting and
// failed writes from the offline outbox shown in place.
import { checkInBody, detailsOf, EMPTY_DETAILS, hasDetails, NO_PENDING_TEXT, sinceLastProblems, withPendingText, type CheckInDetails, type PendingText } from './entry-body.ts';
import { CheckInDetailsSection } from './check-in-details.tsx';
import type { MedicationOrderView } from '../plan/plan-api.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, request, requestText, type DiaryEntryView, type DiaryRecord } from '../../api/client.ts';
import { BodyMap } from '../../components/body-map.tsx';
import { Checkbox, Empty, ErrorMessage, Field, LoadFailed, LocalDateTimeField, Loading, RatingControl, SelectField, showToast, UNDO_WINDOW_MS, useReloadWhenBackOnline } from '../../components/ui.tsx';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { DOSE_UNITS, dvprsDescriptor, PAIN_QUALITIES, TRIGGERS } from '../../../domain/diary/entry.ts';
import { HeatMap } from '../../components/heatmap.tsx';
import type { DaySummaryView } from '../../api/client.ts';
import { toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { outbox } from '../../offline/outbox-instance.ts';
import type { OutboxItem } from '../../offline/outbox.ts';
import { navigate } from '../../router.ts';
import { usePatientInView } from '../../session.ts';

const DESCRIPTORS = Array.from({ length: 11 }, (_, n) => dvprsDescriptor(n).text);
/** How many check-ins the history shows at first, and how many more each "Show older" adds. */
const HISTORY_STEP = 50;

type RegionDraft = { code: string; intensity: number | null; qualities: string[] };

/** An entry's regions as drafts: a region rated like the whole entry follows the new overall rating. */
const regionDrafts = (e: DiaryEntryView): RegionDraft[] =>
  e.regions.map((r) => ({ code: r.code, intensity: r.intensity === e.intensity ? null : r.intensity, qualities: [...r.qualities] }));

type MedicineTaken = DiaryEntryView['medicines'][number];

/**
 * The medicines on the person's list today, as diary medicines ready to add. The formulary (for the
 * drug names) loads only when there is a list, keeping it off the quick check-in's path otherwise.
 */
function useMedicineList(patientId: string): readonly MedicineTaken[] {
  const [picks, setPicks] = useState<readonly MedicineTaken[]>([]);
  useEffect(() => {
    let live = true;
    request<{ current: MedicationOrderView[] }>('GET', `/api/patients/${patientId}/medication-orders`).then(async ({ current }) => {
      if (current.length === 0) return;
      const { findDrug } = await import('../../../domain/medications/formulary.ts');
      const name = (id: string) => { const g = findDrug(id)?.generic ?? id; return g.charAt(0).toUpperCase() + g.slice(1); };
      if (live) {
        setPicks(current.map((o) => ({
          name: name(o.formularyId), dose: o.doseMg, unit: o.doseMg === null ? null : 'mg', takenAt: null, regimen: o.schedule, formularyId: o.formularyId, medicationOrderId: o.id,
        })));
      }
    }).catch(() => { /* no list (offline, or not allowed to see it): the typed form still works */ });
    return () => { live = false; };
  }, [patientId]);
  return picks;
}

/** Where the check-in shows a refused entry's field errors (the rest go in the form's alert). */
const IN_DETAILS = ['/worstSinceLast', '/leastSinceLast', '/regions', '/interference', '/sleep/quality', '/activity', '/mood', '/ownTriggers', '/techniques'];
const PLACED = [...IN_DETAILS, '/sleep/hours'];
const under = (pointer: string, prefix: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

function useOutboxItems(): readonly OutboxItem[] {
  const [items, setItems] = useState<readonly OutboxItem[]>([]);
  useEffect(() => outbox.subscribe(setItems), []);
  return items;
}

/** When a check-in was about, newest first (its own local date and time), then the later change first. */
const newestFirst = (a: DiaryRecord, b: DiaryRecord): number =>
  `${b.entry!.localDate} ${b.entry!.localTime}`.localeCompare(`${a.entry!.localDate} ${a.entry!.localTime}`) || b.changeSeq - a.changeSeq;

/**
 * The whole diary as the server has it: the pull comes oldest change first, a page at a time, so the
 * newest entries are on the last page; pages are followed while the server says `hasMore`.
 */
async function pullWholeDiary(patientId: string): Promise<DiaryRecord[]> {
  const byId = new Map<string, DiaryRecord>();
  let since: string | undefined;
  for (;;) {
    const page = await api.diaryChanges(patientId, since);
    for (const r of page.items) byId.set(r.id, r); // a later change to an entry replaces the earlier
    if (!page.hasMore || page.items.length === 0 || page.cursor === since) break;
    since = page.cursor;
  }
  return [...byId.values()].filter((r) => !r.deleted && r.entry).sort(newestFirst);
}

/** The person's diary as the server has it, newest first (live entries only). */
function useDiary(patientId: string): { records: DiaryRecord[] | null; error: ApiError | null; reload: () => void } {
  const [records, setRecords] = useState<DiaryRecord[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);
  const reload = () => {
    // Only the latest load counts: an earlier one answering late must not overwrite it.
    const mine = ++latest.current;
    pullWholeDiary(patientId).then(
      (list) => { if (mine === latest.current) { setRecords(list); setError(null); } },
      (e: ApiError) => { if (mine === latest.current) setError(e); },
    );
  };
  useEffect(reload, [patientId]);
  useReloadWhenBackOnline(reload, [patientId]);
  return { records, error, reload };
}

export function CheckIn() {
  const patient = usePatientInView()!;
  const { records, error: loadError, reload: reloadRecords } = useDiary(patient.id);
  const editId = new URLSearchParams(location.search).get('edit');
  const editing = editId ? records?.find((r) => r.id === editId) ?? null : null;
  const [intensity, setIntensity] = useState<number | null>(null);
  const [regions, setRegions] = useState<RegionDraft[]>([]);
  const [medicines, setMedicines] = useState<DiaryEntryView['medicines']>([]);
  const [triggers, setTriggers] = useState<string[]>([]);
  const [sleepHours, setSleepHours] = useState('');
  const [notes, setNotes] = useState('');
  const [medName, setMedName] = useState('');
  const [medDose, setMedDose] = useState('');
  const [medUnit, setMedUnit] = useState<string>('mg');
  const [medAsNeeded, setMedAsNeeded] = useState(true);
  const [details, setDetails] = useState<CheckInDetails>(EMPTY_DETAILS);
  const [pending, setPending] = useState<PendingText>(NO_PENDING_TEXT);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [refused, setRefused] = useState<readonly { pointer: string; detail: string }[]>([]);
  const medicineList = useMedicineList(patient.id);
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
  function addMedicine() {
    const dose = medDose.trim() === '' ? null : Number(medDose);
    if (medName.trim() === '' || (dose !== null && !(dose > 0))) return;
    setMedicines((list) => [...list, { name: medName.trim(), dose, unit: dose === null ? null : medUnit, takenAt: null, regimen: medAsNeeded ? 'as-needed' : 'scheduled', formularyId: null, medicationOrderId: null }]);
    setMedName('');
    setMedDose('');
  }
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
    setRegions(regionDrafts(last));
    setMedicines(last.medicines.map((m) => ({ ...m, takenAt: null })));
    setFilled(true);
  }
  function toggleRegion(code: string) {
    setRegions((list) => (list.some((r) => r.code === code) ? list.filter((r) => r.code !== code) : [...list, { code, intensity: null, qualities: [] }]));
  }
  function toggleQuality(code: string, quality: string) {
    setRegions((list) => list.map((r) => (r.code !== code ? r : { ...r, qualities: r.qualities.includes(quality) ? r.qualities.filter((q) => q !== quality) : [...r.qualities, quality] })));
  }
  async function save(e: Event) {
    e.preventDefault();
    if (savingNow.current) return; // a second press (or Enter) while the first is still on its way
    if (intensity === null) { setError(t('checkIn.needIntensity')); return; }
    if (Object.keys(sinceLastProblems(intensity, details)).length > 0) { setDetailsOpen(true); setError(t('checkIn.fixBelow')); return; }
    // Words typed into an own-words box but not Added are saved too (or, if that list is full, the box says so).
    const typed = withPendingText(details, pending);
    setDetails(typed.details);
    setPending({ meaningful: typed.full.includes('meaningful') ? pending.meaningful : '', ownTriggers: typed.full.includes('ownTriggers') ? pending.ownTriggers : '', ownTechniques: typed.full.includes('ownTechniques') ? pending.ownTechniques : '' });
    if (typed.full.length > 0) { setDetailsOpen(true); setError(t('checkIn.fixBelow')); return; }
    savingNow.current = true;
    setSaving(true);
    try {
      await send(typed.details);
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }
  async function send(details: CheckInDetails) {
    if (intensity === null) return;
    setRefused([]);
    const now = new Date();
    const original = editing?.entry ?? null;
    const local = original ? { date: original.localDate, time: original.localTime } : earlier ? when : toLocalDateTime(now, patient.timeZone as TimeZone);
    const id = original ? original.id : (newId.current ??= newClientId(now.getTime()));
    const hours = sleepHours.trim() === '' ? null : Math.round(Number(sleepHours) * 4) / 4;
    const body = checkInBody(original, {
      local, timeZone: original?.timeZone ?? patient.timeZone, recordedAt: original?.recordedAt ?? now.toISOString(), intensity,
      mode: original ? original.provenance.mode : earlier ? 'recalled' : 'real-time',
      regions, medicines, triggers, notes, sleepHours: hours !== null && Number.isFinite(hours) ? hours : null, details,
    });
    const path = `/api/patients/${patient.id}/diary-entries/${id}`;
    await outbox.enqueue({ method: 'PUT', path, body, baseVersion: editing?.version });
    const mine = (await new Promise<readonly OutboxItem[]>((resolve) => { const off = outbox.subscribe((items) => { off(); resolve(items); }); }))
      .find((i) => i.path === path);
    if (mine?.state === 'failed') {
      // Refused (not offline): stay on the form with each problem on its field. The write stays in the
      // outbox as failed until saved again (same path) or discarded from the diary.
      const fieldErrors = mine.fieldErrors ?? [];
      setRefused(fieldErrors);
      if (fieldErrors.some((f) => IN_DETAILS.some((p) => under(f.pointer, p)))) setDetailsOpen(true);
      const unplaced = fieldErrors.filter((f) => !PLACED.some((p) => under(f.pointer, p))).map((f) => f.detail);
      setError(fieldErrors.length === 0 ? t('checkIn.refused', { message: mine.message ?? '' }) : [t('checkIn.fixBelow'), ...unplaced].join(' '));
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
        {records === null ? (loadError ? <LoadFailed message={loadError.message} onRetry={reloadRecords} /> : <Loading />) : (
          <>
            <p>{t('checkIn.editMissing')}</p>
            <p><a class="button" href="/diary" onClick={(e) => { e.preventDefault(); navigate('/diary'); }}>{t('checkIn.backToDiary')}</a></p>
          </>
        )}
      </main>
    );
  }
  return (
    <main id="main">
      <h1>{editing?.entry ? t('checkIn.editTitle', { when: `${editing.entry.localDate} ${editing.entry.localTime}` }) : t('checkIn.title')}</h1>
      <form onSubmit={save} noValidate>
        {last && !editId && (
          <p><button type="button" class="button secondary" onClick={sameAsLast}>{t('checkIn.sameAsLast')}</button></p>
        )}
        {filled && <p class="notice" role="status">{t('checkIn.sameAsLastDone')}</p>}
        <ErrorMessage message={error} />
        {!editId && <fieldset>
          <legend class="legend">{t('checkIn.when')}</legend>
          <div class="segmented" role="radiogroup" aria-label={t('checkIn.when')}>
            {[false, true].map((e) => (
              <button key={String(e)} type="button" role="radio" aria-checked={earlier === e} class={earlier === e ? 'button' : 'button secondary'} onClick={() => setEarlier(e)}>
                {t(e ? 'checkIn.earlier' : 'checkIn.now')}
              </button>
            ))}
          </div>
          {earlier && <LocalDateTimeField label={t('checkIn.whenEarlier')} date={when.date} time={when.time} max={nowLocal.date} timeZone={patient.timeZone} onChange={(date, time) => setWhen({ date, time })} />}
        </fieldset>}
        <RatingControl name="intensity" value={intensity} onChange={(v) => { setIntensity(v); setError(null); }} descriptors={DESCRIPTORS} />
        <fieldset>
          <legend class="legend">{t('checkIn.where')}</legend>
          <BodyMap selected={regions.map((r) => r.code)} onToggle={toggleRegion} />
          <p class="hint" aria-live="polite">{regions.length === 0 ? t('checkIn.noneSelected') : t('checkIn.selected', { list: regions.map((r) => findBodyRegion(r.code)?.label ?? r.code).join(', ') })}</p>
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
                <input type="checkbox" checked={triggers.includes(id)} onChange={() => setTriggers((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))} />
                {t(`trigger.${id}` as MessageKey)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend class="legend">{t('checkIn.medicines')}</legend>
          {medicineList.length > 0 && (
            <div class="row" role="group" aria-label={t('checkIn.tookFromList')}>
              {medicineList.map((m) => (
                <button key={m.medicationOrderId} type="button" class="button secondary" disabled={medicines.some((x) => x.medicationOrderId === m.medicationOrderId)}
                  onClick={() => setMedicines((list) => [...list, m])}>{t('checkIn.took', { drug: m.name })}</button>
              ))}
            </div>
          )}
          {medicines.length > 0 && (
            <ul class="list">
              {medicines.map((m, i) => (
                <li key={`${m.name}-${i}`}>
                  <span>{m.name}{m.dose !== null ? ` ${m.dose} ${m.unit}` : ''}</span>
                  <button type="button" class="button secondary" onClick={() => setMedicines((list) => list.filter((_, j) => j !== i))}>{t('checkIn.removeMedicine', { name: m.name })}</button>
                </li>
              ))}
            </ul>
          )}
          <div class="row">
            <Field label={t('checkIn.medicineName')} name="medicineName" value={medName} onInput={setMedName} />
            <Field label={t('checkIn.dose')} name="medicineDose" type="number" inputMode="decimal" value={medDose} onInput={setMedDose} />
            <SelectField label={t('checkIn.unit')} name="medicineUnit" value={medUnit} options={DOSE_UNITS.map((u) => ({ value: u, label: u }))} onChange={setMedUnit} />
          </div>
          <Checkbox label={t('checkIn.asNeeded')} checked={medAsNeeded} onChange={setMedAsNeeded} />
          <button type="button" class="button secondary" onClick={addMedicine}>{t('checkIn.addMedicine')}</button>
        </fieldset>
        <div class="field">
          <label for="sleep-hours">{t('checkIn.sleep')}</label>
          <input id="sleep-hours" name="sleepHours" type="number" min={0} max={24} step={0.25} inputMode="decimal" value={sleepHours} onInput={(e) => setSleepHours((e.currentTarget as HTMLInputElement).value)}
            aria-invalid={errorAt('/sleep/hours') ? 'true' : undefined} aria-describedby={errorAt('/sleep/hours') ? 'sleep-hours-error' : undefined} />
          {errorAt('/sleep/hours') && <span id="sleep-hours-error" class="error">{errorAt('/sleep/hours')}</span>}
        </div>
        <div class="field">
          <label for="notes">{t('checkIn.notes')}</label>
          <textarea id="notes" name="notes" maxLength={10000} value={notes} onInput={(e) => setNotes((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <CheckInDetailsSection open={detailsOpen} onToggle={() => setDetailsOpen((o) => !o)} intensity={intensity} descriptors={DESCRIPTORS}
          details={details} onChange={setDetails} pending={pending} onPending={setPending} regions={regions} errorAt={errorAt}
          onRegionIntensity={(code, value) => setRegions((list) => list.map((r) => (r.code === code ? { ...r, intensity: value } : r)))} />
        <button class="button" type="submit" disabled={saving} aria-busy={saving ? 'true' : undefined}>{t('checkIn.save')}</button>
      </form>
    </main>
  );
}

export function DiaryHistory() {
  const patient = usePatientInView()!;
  const { records, error, reload } = useDiary(patient.id);
  const queued = useOutboxItems();
  const [hidden, setHidden] = useState<string[]>([]);
  const [days, setDays] = useState<DaySummaryView[] | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  // A failed load is not "no check-ins": the heat map says it could not be loaded instead.
  const loadDays = () => { api.recentDays(patient.id, 84).then((d) => { setDays(d); setDaysError(null); }, (e: ApiError) => setDaysError(e.message)); };
  useReloadWhenBackOnline(loadDays, [patient.id]);
  useEffect(() => { if (queued.length === 0) { reload(); loadDays(); } }, [queued.length]);

  const pendingEntries = useMemo(() => queued.filter((i) => i.method === 'PUT' && i.path.includes('/diary-entries/')), [queued]);
  // A delete the server refused (the check-in changed on another device, or the request failed): the
  // check-in shows again, with the choice to delete it anyway or keep it.
  const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  const refusedDeletes = useMemo(() => queued.filter((i) => i.method === 'DELETE' && i.state !== 'pending' && i.path.includes('/diary-entries/')), [queued]);
  const refusedSeen = useRef('');
  useEffect(() => {
    const ids = refusedDeletes.map((i) => idOf(i.path));
    setHidden((h) => (h.some((id) => ids.includes(id)) ? h.filter((id) => !ids.includes(id)) : h));
    // A newly refused delete: pull, so the list shows the check-in as the other device left it.
    const seen = ids.join(',');
    if (seen !== refusedSeen.current) { refusedSeen.current = seen; if (ids.length > 0) reload(); }
  }, [refusedDeletes]);
  const entryPath = (id: string) => `/api/patients/${patient.id}/diary-entries/${id}`;
  // A delete waiting in the outbox (made before a reload, or not sent yet) hides its entry, and keeps it
  // hidden once sent, until the next pull no longer has it (no flash of the deleted entry in between).
  useEffect(() => {
    const deleting = queued.filter((i) => i.method === 'DELETE' && i.state === 'pending').map((i) => i.path.slice(i.path.lastIndexOf('/') + 1));
    setHidden((h) => (deleting.every((id) => h.includes(id)) ? h : [...h, ...deleting.filter((id) => !h.includes(id))]));
  }, [queued]);
  const visible = (records ?? []).filter((r) => !hidden.includes(r.id));
  const [showCount, setShowCount] = useState(HISTORY_STEP);
  const shown = visible.slice(0, showCount);
  /** The first entry "Show older" revealed: it takes focus, so reading goes on where the list grew. */
  const focusEntry = useRef<string | null>(null);
  useEffect(() => {
    if (focusEntry.current === null) return;
    document.getElementById(`entry-${focusEntry.current}`)?.focus();
    focusEntry.current = null;
  }, [showCount]);
  function showOlder() {
    focusEntry.current = visible[showCount]?.id ?? null;
    setShowCount((n) => n + HISTORY_STEP);
  }
  function remove(record: DiaryRecord) {
    const at = shown.findIndex((r) => r.id === record.id);
    const next = shown[at + 1] ?? shown[at - 1] ?? null;
    setHidden((h) => [...h, record.id]);
    // Stored in the outbox at once, so the delete survives a reload or a closed tab; sent only when
    // Undo is no longer offered (the toast keeps it while it has focus or the pointer).
    const deferred = outbox.defer({ method: 'DELETE', path: entryPath(record.id), baseVersion: record.version }, new Date(Date.now() + UNDO_WINDOW_MS));
    showToast(t('diary.deleted'), {
      onUndo: () => { void deferred.then((d) => d.withdraw()); setHidden((h) => h.filter((id) => id !== record.id)); },
      onCommit: () => { void deferred.then((d) => d.send()); },
      focusAfter: (undone) => document.getElementById(undone ? `entry-${record.id}-delete` : next ? `entry-${next.id}` : 'history-heading'),
    });
  }
  return (
    <main id="main">
      <h1>{t('diary.title')}</h1>
      <p><a class="button" href="/check-in" onClick={(e) => { e.preventDefault(); navigate('/check-in'); }}>{t('nav.checkIn')}</a></p>
      <p class="row">
        <a class="button secondary" href={`/api/patients/${patient.id}/diary-export.csv`} download="painwise-diary.csv">{t('diary.export')}</a>
      </p>
      <ImportCsv patientId={patient.id} onImported={() => { reload(); loadDays(); }} />
      <section aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">{t('heatmap.title')}</h2>
        {days === null ? (daysError ? <LoadFailed message={t('heatmap.failed', { message: daysError })} onRetry={loadDays} /> : <Loading />) : <HeatMap days={days} lastDate={toLocalDateTime(new Date(), patient.timeZone as TimeZone).date} />}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" tabIndex={-1}>{t('diary.history')}</h2>
        {error && (
          <LoadFailed onRetry={reload} message={error.code !== 'network' ? t('diary.historyFailed', { message: error.message })
            : records ? t('diary.historyStaleOffline') : t('diary.historyOffline')} />
        )}
        {refusedDeletes.length > 0 && (
          <ul class="list" aria-label={t('diary.refusedDeletes')}>
            {refusedDeletes.map((item) => {
              const copy = (item.serverCopy as { entry?: { localDate: string; localTime: string } | null } | null | undefined)?.entry
                ?? records?.find((r) => r.id === idOf(item.path))?.entry;
              const when = copy ? `${copy.localDate} ${copy.localTime}` : '';
              return (
                <li key={item.key}>
                  <span>{item.state === 'conflict' ? t('diary.deleteConflict', { when }) : t('diary.deleteFailed', { when, message: item.message ?? '' })}</span>
                  <span class="row">
                    {item.state === 'conflict' && <button type="button" class="button secondary" onClick={() => { void outbox.keepMine(item.key); }}>{t('diary.deleteAnyway', { when })}</button>}
                    <button type="button" class="button secondary" onClick={() => { void outbox.discard(item.key); }}>{t('diary.keepEntry', { when })}</button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {pendingEntries.length > 0 && (
          <ul class="list" aria-label={t('diary.pending')}>
            {pendingEntries.map((item) => {
              const body = item.body as { localDate: string; localTime: string; intensity: number };
              return (
                <li key={item.key}>
                  <span>{body.localDate} {body.localTime} — {body.intensity}/10 · {item.state === 'pending' ? t('diary.pending') : item.state === 'conflict' ? t('diary.conflict') : t('diary.failed', { message: item.message ?? '' })}</span>
                  {item.state === 'conflict' && (
                    <span class="row">
                      <button type="button" class="button secondary" onClick={() => { void outbox.keepMine(item.key); }}>{t('diary.keepMine')}</button>
                      <button type="button" class="button secondary" onClick={() => { void outbox.discard(item.key); }}>{t('diary.takeServer')}</button>
                    </span>
                  )}
                  {item.state === 'failed' && <button type="button" class="button secondary" onClick={() => { void outbox.discard(item.key); }}>{t('diary.discard')}</button>}
                </li>
              );
            })}
          </ul>
        )}
        {records === null ? (!error && <Loading />) : visible.length === 0 && pendingEntries.length === 0 ? <Empty>{t('diary.empty')}</Empty> : (
          <ul class="list" aria-label={t('diary.title')}>
            {shown.map((r) => {
              const e = r.entry!;
              const when = `${e.localDate} ${e.localTime}`;
              return (
                <li key={r.id} id={`entry-${r.id}`} tabIndex={-1}>
                  <span><strong>{e.intensity}/10</strong> — {dvprsDescriptor(e.intensity).text} · {when}{e.regions.length > 0 ? ` · ${e.regions.map((x) => findBodyRegion(x.code)?.label ?? x.code).join(', ')}` : ''}</span>
                  <span class="row">
                    <button type="button" class="button secondary" onClick={() => navigate(`/check-in?edit=${r.id}`)}>{t('diary.edit', { when })}</button>
                    <button type="button" class="button secondary" id={`entry-${r.id}-delete`} onClick={() => remove(r)}>{t('diary.delete', { when })}</button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {visible.length > 0 && <p class="hint">{t('diary.showing', { shown: shown.length, total: visible.length })}</p>}
        {visible.length > shown.length && (
          <p><button type="button" class="button secondary" onClick={showOlder}>{t('diary.showOlder', { count: Math.min(HISTORY_STEP, visible.length - shown.length) })}</button></p>
        )}
      </section>
    </main>
  );
}

function ImportCsv(props: { patientId: string; onImported: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  async function onFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setError(null);
    try {
      const result = await requestText<{ imported: number; alreadyPresent: number; newIds: number }>('POST', `/api/patients/${props.patientId}/diary-import`, await file.text(), 'text/csv');
      showToast(`${t('diary.imported', { imported: result.imported, present: result.alreadyPresent })}${result.newIds > 0 ? ` ${t('diary.importedNewIds', { count: result.newIds })}` : ''}`);
      props.onImported();
    } catch (err) { setError(err as ApiError); }
  }
  return (
    <details class="card">
      <summary>{t('diary.import')}</summary>
      <ErrorMessage message={error ? [error.message, ...error.fieldErrors.slice(0, 5).map((f) => f.detail)].join(' ') : null} />
      <div class="field">
        <label for="csv-file">{t('diary.importFile')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} />
      </div>
    </details>
  );
}
