// The pain diary's history, with pending, conflicting and failed writes from the offline outbox shown
// in place, the heat map, and CSV export and import. (The check-in form is check-in.tsx.)
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, downloadFile, type ApiError, type DaySummaryView, type DiaryRecord } from '../../api/client.ts';
import { HeatMap } from '../../components/heatmap.tsx';
import { Empty, LoadFailed, Loading, showToast, UNDO_WINDOW_MS, useReloadWhenBackOnline } from '../../components/ui.tsx';
import { toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';
import { t } from '../../i18n/index.ts';
import { outbox } from '../../offline/outbox-instance.ts';
import { navigate } from '../../router.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { filterDiary, isQueried, NO_QUERY } from './diary-filter.ts';
import { DiaryEntryItem, regionName } from './diary-entry-item.tsx';
import { DiaryFind } from './diary-find.tsx';
import { ImportCsv } from './import-csv.tsx';
import './diary.css';
import { PendingEntries, RefusedDeletes } from './outbox-lists.tsx';
import { useDiary } from './use-diary.ts';
import { idOf, useOutboxItems } from './use-outbox-items.ts';

// The check-in is served from here too, so opening it also loads the diary it goes to after Save:
// a check-in saved offline still lands on its diary page.
export { CheckIn } from './check-in.tsx';

/** How many check-ins the history shows at first, and how many more each "Show older" adds. */
const HISTORY_STEP = 50;

/**
 * Downloads an export through the API client rather than by following the link, so that an export
 * asked for long after signing in first asks for the password again instead of saving the refusal.
 */
function exportVia(e: Event, path: string, filename: string): void {
  e.preventDefault();
  downloadFile(path, filename).catch((err: ApiError) => showToast(err.message));
}

export function DiaryHistory() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const { records, error, reload } = useDiary(patient.id);
  const queued = useOutboxItems();
  const [hidden, setHidden] = useState<string[]>([]);
  const [days, setDays] = useState<DaySummaryView[] | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  // A failed load is not "no check-ins": the heat map says it could not be loaded instead.
  const loadDays = () => {
    api.recentDays(patient.id, 84).then(
      (d) => {
        setDays(d);
        setDaysError(null);
      },
      (e: ApiError) => setDaysError(e.message),
    );
  };
  useReloadWhenBackOnline(loadDays, [patient.id]);
  useEffect(() => {
    if (queued.length === 0) {
      reload();
      loadDays();
    }
  }, [queued.length]);

  const pendingEntries = useMemo(() => queued.filter((i) => i.method === 'PUT' && i.path.includes('/diary-entries/')), [queued]);
  // A delete the server refused (the check-in changed on another device, or the request failed): the
  // check-in shows again, with the choice to delete it anyway or keep it.
  const refusedDeletes = useMemo(
    () => queued.filter((i) => i.method === 'DELETE' && i.state !== 'pending' && i.path.includes('/diary-entries/')),
    [queued],
  );
  const refusedSeen = useRef('');
  useEffect(() => {
    const ids = refusedDeletes.map((i) => idOf(i.path));
    setHidden((h) => (h.some((id) => ids.includes(id)) ? h.filter((id) => !ids.includes(id)) : h));
    // A newly refused delete: pull, so the list shows the check-in as the other device left it.
    const seen = ids.join(',');
    if (seen !== refusedSeen.current) {
      refusedSeen.current = seen;
      if (ids.length > 0) reload();
    }
  }, [refusedDeletes]);
  const entryPath = (id: string) => `/api/patients/${patient.id}/diary-entries/${id}`;
  // A delete waiting in the outbox (made before a reload, or not sent yet) hides its entry, and keeps it
  // hidden once sent, until the next pull no longer has it (no flash of the deleted entry in between).
  useEffect(() => {
    const deleting = queued
      .filter((i) => i.method === 'DELETE' && i.state === 'pending')
      .map((i) => i.path.slice(i.path.lastIndexOf('/') + 1));
    setHidden((h) => (deleting.every((id) => h.includes(id)) ? h : [...h, ...deleting.filter((id) => !h.includes(id))]));
  }, [queued]);
  const visible = (records ?? []).filter((r) => !hidden.includes(r.id));
  const [query, setQuery] = useState(NO_QUERY);
  const matching = useMemo(() => filterDiary(visible, query, regionName), [records, hidden, query]);
  const [showCount, setShowCount] = useState(HISTORY_STEP);
  const shown = matching.slice(0, showCount);
  /** The first entry "Show older" revealed: it takes focus, so reading goes on where the list grew. */
  const focusEntry = useRef<string | null>(null);
  useEffect(() => {
    if (focusEntry.current === null) return;
    document.getElementById(`entry-${focusEntry.current}`)?.focus();
    focusEntry.current = null;
  }, [showCount]);
  function showOlder() {
    focusEntry.current = matching[showCount]?.id ?? null;
    setShowCount((n) => n + HISTORY_STEP);
  }
  function remove(record: DiaryRecord) {
    const at = shown.findIndex((r) => r.id === record.id);
    const next = shown[at + 1] ?? shown[at - 1] ?? null;
    setHidden((h) => [...h, record.id]);
    // Stored in the outbox at once, so the delete survives a reload or a closed tab; sent only when
    // Undo is no longer offered (the toast keeps it while it has focus or the pointer).
    const deferred = outbox.defer(
      { method: 'DELETE', path: entryPath(record.id), baseVersion: record.version },
      new Date(Date.now() + UNDO_WINDOW_MS),
    );
    showToast(t('diary.deleted'), {
      onUndo: () => {
        void deferred.then((d) => d.withdraw());
        setHidden((h) => h.filter((id) => id !== record.id));
      },
      onCommit: () => {
        void deferred.then((d) => d.send());
      },
      focusAfter: (undone) => document.getElementById(undone ? `entry-${record.id}-delete` : next ? `entry-${next.id}` : 'history-heading'),
    });
  }
  return (
    <main id="main">
      <h1>{about('diary.title')}</h1>
      <p>
        <a
          class="button"
          href="/check-in"
          onClick={(e) => {
            e.preventDefault();
            navigate('/check-in');
          }}
        >
          {t('nav.checkIn')}
        </a>
      </p>
      <p class="row">
        <a
          class="button secondary"
          href={`/api/patients/${patient.id}/diary-export.csv`}
          download="painwise-diary.csv"
          onClick={(e) => exportVia(e, `/api/patients/${patient.id}/diary-export.csv`, 'painwise-diary.csv')}
        >
          {about('diary.export')}
        </a>
        <a
          class="button secondary"
          href={`/api/patients/${patient.id}/diary-export.csv?layout=spreadsheet`}
          download="painwise-diary-spreadsheet.csv"
          onClick={(e) => exportVia(e, `/api/patients/${patient.id}/diary-export.csv?layout=spreadsheet`, 'painwise-diary-spreadsheet.csv')}
        >
          {t('diary.exportSpreadsheet')}
        </a>
      </p>
      <ImportCsv
        patientId={patient.id}
        onImported={() => {
          reload();
          loadDays();
        }}
      />
      <section aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">{t('heatmap.title')}</h2>
        {days === null ? (
          daysError ? (
            <LoadFailed message={t('heatmap.failed', { message: daysError })} onRetry={loadDays} />
          ) : (
            <Loading />
          )
        ) : (
          <HeatMap days={days} lastDate={toLocalDateTime(new Date(), patient.timeZone as TimeZone).date} />
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" tabIndex={-1}>
          {about('diary.history')}
        </h2>
        {error && (
          <LoadFailed
            onRetry={reload}
            message={
              error.code !== 'network'
                ? about('diary.historyFailed', { message: error.message })
                : records
                  ? about('diary.historyStaleOffline')
                  : about('diary.historyOffline')
            }
          />
        )}
        {refusedDeletes.length > 0 && <RefusedDeletes items={refusedDeletes} records={records} />}
        {pendingEntries.length > 0 && <PendingEntries items={pendingEntries} />}
        {records === null ? (
          !error && <Loading />
        ) : visible.length === 0 && pendingEntries.length === 0 ? (
          <Empty>{t('diary.empty')}</Empty>
        ) : (
          <>
            <DiaryFind query={query} onQuery={setQuery} />
            {/* Said as the search and filter change, so the count is heard without leaving the box. */}
            <p class="hint" role="status">
              {isQueried(query) ? t('diary.matching', { count: matching.length, total: visible.length }) : ''}
            </p>
            {matching.length === 0 ? (
              <p>
                {t('diary.noMatch')}{' '}
                <button
                  type="button"
                  class="button link"
                  onClick={() => {
                    // The button goes with the empty result; focus goes back to where the search began.
                    setQuery(NO_QUERY);
                    document.getElementById('diary-search')?.focus();
                  }}
                >
                  {t('diary.clearFind')}
                </button>
              </p>
            ) : (
              <ul class="list" aria-label={t('diary.title')}>
                {shown.map((r) => (
                  <DiaryEntryItem key={r.id} record={r} onDelete={remove} />
                ))}
              </ul>
            )}
          </>
        )}
        {matching.length > 0 && <p class="hint">{t('diary.showing', { shown: shown.length, total: matching.length })}</p>}
        {matching.length > shown.length && (
          <p>
            <button type="button" class="button secondary" onClick={showOlder}>
              {t('diary.showOlder', { count: Math.min(HISTORY_STEP, matching.length - shown.length) })}
            </button>
          </p>
        )}
      </section>
    </main>
  );
}
