// The panel's table: one row per patient with what a clinician triages on, each cell in words as well
// as numbers (no meaning carried by colour alone).
import type { PanelPage } from '../../api/client.ts';
import { formatDate, formatLocalDate, formatNumber, type MessageKey, t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';

type Row = PanelPage['items'][number];
type Triage = NonNullable<Row['triage']>;

const one = (n: number) => n.toFixed(1);

function LastCheckIn({ triage }: { triage: Triage }) {
  if (triage.daysSinceCheckIn === null) return <>{t('panel.never')}</>;
  return (
    <>
      {triage.daysSinceCheckIn === 0 ? t('panel.today') : t('panel.daysAgo', { n: triage.daysSinceCheckIn })}
      {triage.lastCheckInDate && <div class="hint">{formatLocalDate(triage.lastCheckInDate, 'date')}</div>}
    </>
  );
}

function Pain({ triage }: { triage: Triage }) {
  if (triage.painRecent === null) return <>{t('panel.noData')}</>;
  return (
    <>
      <strong>{one(triage.painRecent)}</strong>
      {triage.painChange && <> · {t(`panel.change.${triage.painChange}` as MessageKey)}</>}
      {triage.painBaseline !== null && <div class="hint">{t('panel.painWas', { value: one(triage.painBaseline) })}</div>}
    </>
  );
}

/** The PEG's date is the patient's calendar date, as the last check-in's is. */
function Peg({ triage, timeZone }: { triage: Triage; timeZone: string }) {
  if (triage.pegScore === null) return <>{t('panel.noData')}</>;
  return (
    <>
      {/* Shown as a whole number, as the PEG's LOINC score (91147-9) is. */}
      <strong>{Math.round(triage.pegScore)}</strong>
      {triage.pegChange && <> · {t(`panel.change.${triage.pegChange}` as MessageKey)}</>}
      {triage.pegAt && <div class="hint">{formatDate(triage.pegAt, timeZone)}</div>}
    </>
  );
}

function Medicines({ triage }: { triage: Triage }) {
  if (triage.mmePerDay === null && triage.mmeNotCalculable === 0 && triage.safetyFlags.length === 0) return <>{t('panel.noData')}</>;
  return (
    <>
      {triage.mmePerDay !== null && <strong>{formatNumber(triage.mmePerDay)}</strong>}
      {/* A total that leaves an opioid out must not read as the whole dose. */}
      {triage.mmeNotCalculable > 0 && (
        <div>
          {triage.mmePerDay === null
            ? t('panel.mmeNotCalculable', { n: triage.mmeNotCalculable })
            : t('panel.mmePlusNotCalculable', { n: triage.mmeNotCalculable })}
        </div>
      )}
      {triage.safetyFlags.length > 0 && (
        <ul class="panel-flags">
          {triage.safetyFlags.map((f) => (
            <li key={f}>{t(`meds.flag.${f}` as MessageKey)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Attention({ row }: { row: Row }) {
  const triage = row.triage;
  const items: string[] = [];
  if (row.openAlerts > 0) items.push(t('panel.alerts', { n: row.openAlerts }));
  if (triage) {
    if (triage.overdueQuestionnaires > 0) items.push(t('panel.overdue', { n: triage.overdueQuestionnaires }));
    if (triage.worsening) items.push(t('panel.worsening'));
    if (triage.lapsed) items.push(t('panel.lapsed'));
    if (triage.dueQuestionnaires > 0) items.push(t('panel.due', { n: triage.dueQuestionnaires }));
  }
  if (items.length === 0) return <>{t('panel.noData')}</>;
  return (
    <ul class="panel-attention">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

export function PanelRows(props: { orgId: string; rows: readonly Row[]; caption: string }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="panel">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.col.patient')}</th>
            <th scope="col">{t('panel.col.attention')}</th>
            <th scope="col">{t('panel.col.lastCheckIn')}</th>
            <th scope="col">{t('panel.col.pain')}</th>
            <th scope="col">{t('panel.col.peg')}</th>
            <th scope="col">{t('panel.col.medicines')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => {
            const href = `/clinic/${props.orgId}/patients/${r.patient.id}`;
            const readable = r.scopes.includes('read');
            return (
              <tr key={r.patient.id}>
                <th scope="row">
                  <a
                    href={href}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(href);
                    }}
                  >
                    {r.patient.displayName}
                  </a>
                  {!readable && <div class="hint">{t('panel.nameOnly')}</div>}
                </th>
                <td data-label={t('panel.col.attention')}>
                  <Attention row={r} />
                </td>
                {r.triage ? (
                  <>
                    <td data-label={t('panel.col.lastCheckIn')}>
                      <LastCheckIn triage={r.triage} />
                    </td>
                    <td data-label={t('panel.col.pain')}>
                      <Pain triage={r.triage} />
                    </td>
                    <td data-label={t('panel.col.peg')}>
                      <Peg triage={r.triage} timeZone={r.patient.timeZone} />
                    </td>
                    <td data-label={t('panel.col.medicines')}>
                      <Medicines triage={r.triage} />
                    </td>
                  </>
                ) : (
                  <td colSpan={4}>{readable ? t('panel.notYet') : t('panel.noData')}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
