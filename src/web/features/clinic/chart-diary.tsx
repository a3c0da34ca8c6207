// The chart's Diary tab: the check-ins, newest first, a page at a time, each with what was taken, its
// note and who entered it.
import type { DiaryRecord } from '../../api/client.ts';
import { Empty, Loading } from '../../components/ui.tsx';
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import { dvprsDescriptor } from '../../../domain/diary/entry.ts';
import type { LocalDate, LocalTime, TimeZone } from '../../../domain/time/local-date.ts';
import { instantOfLocalDateTime } from '../../../domain/time/local-date.ts';
import { formatZoneName, t } from '../../i18n/index.ts';
import { EntryMore } from '../diary/entry-more.tsx';
import '../diary/diary.css';

/** The zone of a check-in's wall-clock time, by its short name then (EST or EDT), as the clinician may be elsewhere. */
function zoneOf(entry: { localDate: string; localTime: string; timeZone: string }): string {
  try {
    const at = instantOfLocalDateTime(entry.localDate as LocalDate, entry.localTime as LocalTime, entry.timeZone as TimeZone);
    return formatZoneName(at.toISOString(), entry.timeZone);
  } catch {
    return entry.timeZone;
  }
}

/** `firstNew`: the first check-in "Show older" revealed, which takes focus. */
export function ChartDiary(props: { records: DiaryRecord[] | null; shown: number; firstNew: number | null; onShowOlder: () => void }) {
  const { records, shown, firstNew } = props;
  return (
    <section id="panel-diary" role="tabpanel" aria-labelledby="tab-diary">
      {records === null ? (
        <Loading />
      ) : records.length === 0 ? (
        <Empty>{t('diary.empty')}</Empty>
      ) : (
        <>
          <p>{t('clinic.chart.diaryShown', { shown: Math.min(shown, records.length), total: records.length })}</p>
          <ul class="list" aria-label={t('clinic.chart.diary')}>
            {records.slice(0, shown).map((r, i) => (
              <li key={r.id} id={`chart-entry-${i}`} tabIndex={i === firstNew ? -1 : undefined}>
                <span class="entry-text">
                  <span>
                    <strong>{r.entry!.intensity}/10</strong> — {dvprsDescriptor(r.entry!.intensity).text} · {r.entry!.localDate}{' '}
                    {r.entry!.localTime} {zoneOf(r.entry!)}
                    {r.entry!.regions.length > 0
                      ? ` · ${r.entry!.regions.map((x) => findBodyRegion(x.code)?.label ?? x.code).join(', ')}`
                      : ''}
                  </span>
                  <EntryMore entry={r.entry!} />
                </span>
              </li>
            ))}
          </ul>
          {shown < records.length && (
            <p>
              <button type="button" class="button secondary" onClick={props.onShowOlder}>
                {t('clinic.chart.showOlder')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
