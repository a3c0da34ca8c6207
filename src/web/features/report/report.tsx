// The Report screen: the patient (or a caregiver who may read the record) chooses a period and the
// sections, and downloads the doctor-ready PDF the server draws. Notes start unchosen, as they are the
// person's own words. The range is checked here as the server checks it, so a mistake is shown beside
// its field rather than as a failed download.
import { useRef, useState } from 'preact/hooks';
import { downloadFile, type ApiError } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { Checkbox, Field } from '../../components/fields.tsx';
import { ErrorMessage } from '../../components/status.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';
import { useAbout, usePatientInView } from '../../session.ts';
import { DEFAULT_REPORT_SECTION_IDS, REPORT_SECTION_IDS, type ReportSectionId } from '../../../contract/reports.ts';
import { addDays, differenceInCalendarDays, parseLocalDate, toLocalDateTime, type TimeZone } from '../../../domain/time/local-date.ts';

/** The server's limit on a report's period, in days. */
const MAX_DAYS = 366;
const DEFAULT_DAYS = 90;

interface Problems {
  from?: string;
  to?: string;
  sections?: string;
}

function check(from: string, to: string, sections: readonly string[]): Problems {
  const problems: Problems = {};
  const f = parseLocalDate(from);
  const e = parseLocalDate(to);
  if (!f) problems.from = t('report.error.date');
  if (!e) problems.to = t('report.error.date');
  if (f && e && e < f) problems.to = t('report.error.order');
  else if (f && e && differenceInCalendarDays(e, f) + 1 > MAX_DAYS) problems.from = t('report.error.tooLong', { days: MAX_DAYS });
  if (sections.length === 0) problems.sections = t('report.error.noSections');
  return problems;
}

export function Report() {
  const about = useAbout();
  const patient = usePatientInView()!;
  const today = toLocalDateTime(new Date(), patient.timeZone as TimeZone).date;
  const [from, setFrom] = useState<string>(addDays(today, 1 - DEFAULT_DAYS));
  const [to, setTo] = useState<string>(today);
  const [sections, setSections] = useState<readonly ReportSectionId[]>(DEFAULT_REPORT_SECTION_IDS);
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  function toggle(section: ReportSectionId, on: boolean) {
    const next = new Set(sections);
    if (on) next.add(section);
    else next.delete(section);
    setSections(REPORT_SECTION_IDS.filter((s) => next.has(s)));
  }

  async function submit(e: Event) {
    e.preventDefault();
    const found = check(from, to, sections);
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) {
      setFailure((n) => n + 1);
      return;
    }
    const query = new URLSearchParams({ from, to, sections: sections.join(',') });
    setBusy(true);
    try {
      await downloadFile(`/api/patients/${patient.id}/report.pdf?${query}`, `painwise-report-${from}-to-${to}.pdf`, 'application/pdf');
    } catch (err) {
      setError(t('report.failed', { message: (err as ApiError).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main">
      <h1>{about('report.title')}</h1>
      <p>{about('report.intro')}</p>
      <form class="card" ref={form} onSubmit={submit} noValidate aria-labelledby="report-period">
        <ErrorSummary failure={failure} form={form} messages={problems.sections ? [problems.sections] : []} />
        <fieldset>
          <legend id="report-period">{t('report.period')}</legend>
          <p class="hint">{t('report.periodHint')}</p>
          <Field label={t('report.from')} name="reportFrom" type="date" value={from} onInput={setFrom} error={problems.from} />
          <Field label={t('report.to')} name="reportTo" type="date" value={to} onInput={setTo} error={problems.to} />
        </fieldset>
        <fieldset>
          <legend>{t('report.sections')}</legend>
          {REPORT_SECTION_IDS.map((s) => (
            <Checkbox
              key={s}
              label={t(`report.section.${s}` as MessageKey)}
              checked={sections.includes(s)}
              onChange={(on) => toggle(s, on)}
              {...(s === 'notes' ? { hint: t('report.notesHint') } : {})}
            />
          ))}
        </fieldset>
        <ErrorMessage message={error} />
        <button class="button" type="submit" disabled={busy} aria-busy={busy ? 'true' : undefined}>
          {busy ? t('report.downloading') : t('report.download')}
        </button>
      </form>
    </main>
  );
}
