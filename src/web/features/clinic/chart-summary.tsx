// A clinician's one-screen summary of a patient: the doctor-ready report's clinical sections over the
// latest 90 days — the patient's open alerts at this clinic, pain and function trends with the change category, medicines with MME and safety
// flags, questionnaires with bands, care-plan goals, procedures with block-diary relief and the
// patient's questions for the visit — read as data from the same endpoint the PDF is made from, so the
// screen and the printed page say the same thing. Printing uses the browser's print (the page's print
// style leaves only the summary); the PDF is one click away.
import { useEffect, useState } from 'preact/hooks';
import { api, downloadFile, request, type AlertView, type ApiError } from '../../api/client.ts';
import { ErrorMessage, LoadFailed, Loading } from '../../components/ui.tsx';
import { formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { alertRuleInWords } from './clinic-alerts.tsx';

type Block =
  | { kind: 'text'; text: string }
  | { kind: 'facts'; facts: { label: string; value: string }[] }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'line-chart'; title: string; alt: string }
  | { kind: 'body-map'; alt: string };

interface SummaryModel {
  from: string;
  to: string;
  generated: string;
  sections: { id: string; heading: string; blocks: Block[] }[];
}

/** The report's sections a clinician reads first; the diary's detail is on the Diary tab. */
export const SUMMARY_SECTIONS = ['summary', 'trends', 'medicines', 'questionnaires', 'care-plan', 'procedures', 'visit-questions'];

function SummaryBlock(props: { block: Block }) {
  const b = props.block;
  switch (b.kind) {
    case 'text':
      return <p>{b.text}</p>;
    case 'facts':
      return (
        <dl class="summary-facts">
          {b.facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table':
      return (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={b.columns.join(', ')}>
          <table>
            <thead>
              <tr>
                {b.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    // A chart's words say what it shows; the drawn chart is the PDF's (and the Overview's sparkline).
    case 'line-chart':
      return (
        <p>
          <strong>{b.title}.</strong> {b.alt}
        </p>
      );
    case 'body-map':
      return <p>{b.alt}</p>;
  }
}

/** The patient's open alerts at this clinic; a role without the alerts inbox is told so. */
function OpenAlerts(props: { orgId: string; patientId: string }) {
  const [alerts, setAlerts] = useState<AlertView[] | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  useEffect(() => {
    api.alerts(props.orgId, 'open').then(
      (r) => setAlerts(r.items.filter((a) => a.patientId === props.patientId)),
      (e: ApiError) => setRefusal(e),
    );
  }, [props.orgId, props.patientId]);
  return (
    <section aria-labelledby="summary-alerts">
      <h3 id="summary-alerts">{t('clinic.summary.alerts')}</h3>
      {refusal ? (
        <p>{refusal.status === 403 ? t('clinic.summary.alertsNotInRole') : refusal.message}</p>
      ) : alerts === null ? (
        <Loading />
      ) : alerts.length === 0 ? (
        <p>{t('clinic.alerts.empty')}</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.id}>
              <strong>{t(`clinic.alerts.severity.${a.severity}` as MessageKey)}:</strong> {alertRuleInWords(a.rule)} ·{' '}
              {formatDateTime(a.createdAt)}
            </li>
          ))}
        </ul>
      )}
      {alerts !== null && alerts.length > 0 && (
        <p class="no-print">
          <a
            href={`/clinic/${props.orgId}/alerts`}
            onClick={(e) => {
              e.preventDefault();
              navigate(`/clinic/${props.orgId}/alerts`);
            }}
          >
            {t('clinic.summary.toAlerts')}
          </a>
        </p>
      )}
    </section>
  );
}

export function ChartSummary(props: { orgId: string; patientId: string }) {
  const [model, setModel] = useState<SummaryModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const query = `sections=${SUMMARY_SECTIONS.join(',')}`;
  useEffect(() => {
    setError(null);
    request<SummaryModel>('GET', `/api/patients/${props.patientId}/report?${query}`).then(setModel, (e: ApiError) => setError(e.message));
  }, [props.patientId, attempt]);

  if (error) return <LoadFailed message={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!model) return <Loading />;
  return (
    <section class="chart-summary" aria-labelledby="chart-summary-heading" data-testid="chart-summary">
      <h2 id="chart-summary-heading">{t('clinic.summary.title', { from: model.from, to: model.to })}</h2>
      <div class="row no-print">
        <button type="button" class="button secondary" onClick={() => window.print()}>
          {t('clinic.summary.print')}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            setDownloadError(null);
            downloadFile(
              `/api/patients/${props.patientId}/report.pdf?${query}`,
              `painwise-summary-${model.from}-to-${model.to}.pdf`,
              'application/pdf',
            ).catch((e: ApiError) => setDownloadError(e.message));
          }}
        >
          {t('clinic.summary.pdf')}
        </button>
      </div>
      <ErrorMessage message={downloadError} />
      <OpenAlerts orgId={props.orgId} patientId={props.patientId} />
      {model.sections.map((s) => (
        <section key={s.id} aria-labelledby={`summary-${s.id}`}>
          <h3 id={`summary-${s.id}`}>{s.heading}</h3>
          {s.blocks.map((b, i) => (
            <SummaryBlock key={i} block={b} />
          ))}
        </section>
      ))}
      <p class="hint">{t('clinic.summary.made', { when: model.generated })}</p>
    </section>
  );
}
