// Clinician and admin sides of questionnaires: the patient chart's Questionnaires tab (assign once, on a
// recurrence or before a visit; see completion; review results with the MCID-marked chart) and the
// organization's Instruments page where an admin confirms licences.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, Patient } from '../../api/client.ts';
import {
  questionnairesApi,
  type Assignment,
  type Instrument,
  type OrganizationInstrument,
  type StoredResponse,
} from '../../api/questionnaires.ts';
import { Checkbox, Dialog, Empty, ErrorMessage, Field, Loading, SelectField, showToast } from '../../components/ui.tsx';
import { formatDate, formatDateTime, t } from '../../i18n/index.ts';
import { assignmentCompletion, bandLabel, formatScore } from './questionnaire-format.ts';
import { Attribution } from './questionnaire-ui.tsx';
import { ScoreChart } from './score-chart.tsx';

type Kind = 'once' | 'recurring' | 'before-visit';

/** A local datetime-local value (no zone) → ISO instant, read in the browser's zone. */
const toInstant = (local: string): string => new Date(local).toISOString();
const inDays = (days: number): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setMinutes(0, 0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** "none due yet" until an occurrence falls due (a new assignment read "0 of 0 completed"), then "completed 1 of 2 due so far". */
function completionText(a: Assignment): string {
  const { done, total } = assignmentCompletion(a.due, new Date().toISOString());
  return total === 0 ? t('q.assign.noneDueYet') : t('q.assign.completion', { done, total });
}

export function QuestionnairesPanel(props: { orgId: string; patient: Patient }) {
  const pid = props.patient.id;
  const [catalogue, setCatalogue] = useState<{ id: string; shortTitle: string; available: boolean }[] | null>(null);
  const [assignments, setAssignments] = useState<Assignment[] | null>(null);
  const [responses, setResponses] = useState<StoredResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [instrumentId, setInstrumentId] = useState('peg');
  const [kind, setKind] = useState<Kind>('recurring');
  const [when, setWhen] = useState(inDays(1));
  const [everyDays, setEveryDays] = useState('7');
  const [daysBefore, setDaysBefore] = useState('3');
  const [formError, setFormError] = useState<ApiError | null>(null);
  // Definitions give each result its band label, title and attribution, and the history chart its scale.
  const [definitions, setDefinitions] = useState<ReadonlyMap<string, Instrument> | null>(null);
  const [viewingId, setViewingId] = useState<string | null>(null);
  const historyHeading = useRef<HTMLHeadingElement>(null);

  const load = () => {
    questionnairesApi.forPatient(pid).then(
      (r) => setCatalogue(r.items.map((i) => ({ id: i.id, shortTitle: i.shortTitle, available: i.available }))),
      (e: ApiError) => setError(e.message),
    );
    questionnairesApi.assignments(pid).then(
      (r) => setAssignments(r.items),
      (e: ApiError) => setError(e.message),
    );
    questionnairesApi.history(pid).then(
      (r) => setResponses(r.items),
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(load, [pid]);
  useEffect(() => {
    questionnairesApi.definitions(pid).then(
      (r) => setDefinitions(new Map(r.items.map((d) => [d.id, d]))),
      (e: ApiError) => setError(e.message),
    );
  }, [pid]);
  // The chart opens below the list: take the reader there.
  useEffect(() => {
    if (viewingId) historyHeading.current?.focus();
  }, [viewingId]);

  async function assign(e: Event) {
    e.preventDefault();
    setFormError(null);
    const schedule =
      kind === 'once'
        ? { kind, dueAt: toInstant(when) }
        : kind === 'recurring'
          ? { kind, startAt: toInstant(when), everyDays: Number(everyDays), endAt: null }
          : { kind, visitAt: toInstant(when), daysBefore: Number(daysBefore) };
    try {
      await questionnairesApi.assign(pid, { instrumentId, schedule });
      // The created assignment carries no title; the catalogue this form picked from does.
      showToast(t('q.assign.done', { title: catalogue?.find((c) => c.id === instrumentId)?.shortTitle ?? instrumentId }));
      load();
    } catch (err) {
      setFormError(err as ApiError);
    }
  }

  // Cancelling can be undone: the assignment leaves the list at once, and nothing is sent while the
  // toast offers Undo (it keeps it while it has focus or the pointer).
  const [hidden, setHidden] = useState<readonly string[]>([]);
  function cancel(a: Assignment) {
    setHidden((h) => [...h, a.id]);
    showToast(t('q.assign.cancelled', { title: a.title }), {
      onUndo: () => setHidden((h) => h.filter((x) => x !== a.id)),
      onCommit: () => {
        questionnairesApi.cancelAssignment(pid, a.id).then(load, (err: ApiError) => {
          setHidden((h) => h.filter((x) => x !== a.id));
          setError(err.message);
        });
      },
      focusAfter: (undone) => document.getElementById(undone ? `cancel-${a.id}` : 'assigned-heading'),
    });
  }

  const titleOf = (id: string) => definitions?.get(id)?.shortTitle ?? catalogue?.find((c) => c.id === id)?.shortTitle ?? id.toUpperCase();
  const viewing = viewingId ? (definitions?.get(viewingId) ?? null) : null;
  const byInstrument = new Map<string, StoredResponse[]>();
  for (const r of responses ?? []) byInstrument.set(r.instrumentId, [...(byInstrument.get(r.instrumentId) ?? []), r]);
  const options = (catalogue ?? []).filter((c) => c.available).map((c) => ({ value: c.id, label: c.shortTitle }));
  return (
    <div>
      <ErrorMessage message={error} />
      <section class="card" aria-labelledby="assign-heading">
        <h2 id="assign-heading">{t('q.assign.title')}</h2>
        {catalogue === null ? (
          <Loading />
        ) : (
          <form
            onSubmit={(e) => {
              void assign(e);
            }}
          >
            <SelectField
              label={t('q.assign.instrument')}
              name="instrument"
              value={instrumentId}
              options={options}
              onChange={setInstrumentId}
            />
            <SelectField<Kind>
              label={t('q.assign.kind')}
              name="kind"
              value={kind}
              onChange={setKind}
              options={[
                { value: 'once', label: t('q.assign.once') },
                { value: 'recurring', label: t('q.assign.recurring') },
                { value: 'before-visit', label: t('q.assign.beforeVisit') },
              ]}
            />
            <Field
              label={t(kind === 'once' ? 'q.assign.dueAt' : kind === 'recurring' ? 'q.assign.startAt' : 'q.assign.visitAt')}
              name="when"
              type="datetime-local"
              value={when}
              onInput={setWhen}
            />
            {kind === 'recurring' && (
              <Field
                label={t('q.assign.everyDays')}
                name="everyDays"
                type="number"
                value={everyDays}
                onInput={setEveryDays}
                error={formError?.fieldError('/schedule/everyDays')}
              />
            )}
            {kind === 'before-visit' && (
              <Field
                label={t('q.assign.daysBefore')}
                name="daysBefore"
                type="number"
                value={daysBefore}
                onInput={setDaysBefore}
                error={formError?.fieldError('/schedule/daysBefore')}
              />
            )}
            <ErrorMessage message={formError?.message} />
            <button type="submit" class="button">
              {t('q.assign.submit')}
            </button>
          </form>
        )}
      </section>
      <section class="card" aria-labelledby="assigned-heading">
        <h2 id="assigned-heading" tabIndex={-1}>
          {t('q.assign.list')}
        </h2>
        {assignments === null ? (
          <Loading />
        ) : assignments.filter((a) => a.cancelledAt === null && !hidden.includes(a.id)).length === 0 ? (
          <Empty>{t('q.assign.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('q.assign.list')}>
            {assignments
              .filter((a) => a.cancelledAt === null && !hidden.includes(a.id))
              .map((a) => (
                <li key={a.id}>
                  <span>
                    <strong>{a.title}</strong> — {completionText(a)}
                    {' · '}
                    {a.nextDueAt
                      ? t('q.assign.next', { date: formatDateTime(a.nextDueAt, props.patient.timeZone) })
                      : t('q.assign.finished')}
                    {a.due.some((d) => d.status === 'overdue') && (
                      <>
                        {' '}
                        · <strong>{t('q.overdue')}</strong>
                      </>
                    )}
                  </span>
                  <button type="button" id={`cancel-${a.id}`} class="button secondary" onClick={() => cancel(a)}>
                    {t('q.assign.cancel', { title: a.title })}
                  </button>
                </li>
              ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('q.responses')}</h2>
        {responses === null ? (
          <Loading />
        ) : responses.length === 0 ? (
          <Empty>{t('q.noHistory')}</Empty>
        ) : (
          <ul class="list">
            {[...byInstrument.entries()].map(([id, list]) => {
              const last = list[0]!;
              const definition = definitions?.get(id);
              const band = definition ? bandLabel(definition, last.band) : null;
              return (
                <li key={id}>
                  <span>
                    <strong>{titleOf(id)}</strong> — {last.score === null ? t('q.notAnswered') : formatScore(last.score)}
                    {band ? ` (${band})` : ''} · {formatDate(last.completedAt, props.patient.timeZone)}
                    {last.flags.includes('crisis') && (
                      <>
                        {' '}
                        · <strong class="error">{t('q.flag.crisis')}</strong>
                      </>
                    )}
                    {last.flags.includes('item-9-unknown') && (
                      <>
                        {' '}
                        · <strong>{t('q.flag.item9Unknown')}</strong>
                      </>
                    )}
                    <br />
                    <span class="hint">
                      {t('q.attribution')}: {last.attribution}
                    </span>
                  </span>
                  <button type="button" class="button secondary" disabled={!definition} onClick={() => setViewingId(id)}>
                    {t('q.history')} — {titleOf(id)}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {viewing && (
          <>
            <h3 ref={historyHeading} tabIndex={-1}>
              {t('q.history')} — {viewing.shortTitle}
            </h3>
            <ScoreChart
              definition={viewing}
              responses={byInstrument.get(viewing.id) ?? []}
              timeZone={props.patient.timeZone}
              audience="clinician"
            />
            <Attribution text={viewing.licence.attribution} />
          </>
        )}
      </section>
    </div>
  );
}

export function ClinicInstruments(props: { orgId: string }) {
  const [items, setItems] = useState<OrganizationInstrument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [enabling, setEnabling] = useState<OrganizationInstrument | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [note, setNote] = useState('');
  const load = () => {
    questionnairesApi.organizationInstruments(props.orgId).then(
      (r) => setItems(r.items),
      (e: ApiError) => setError(e.message),
    );
  };
  useEffect(load, [props.orgId]);

  async function enable() {
    if (!enabling || !confirmed) return;
    try {
      await questionnairesApi.enableLicence(props.orgId, enabling.id, note.trim() === '' ? null : note.trim());
      showToast(t('licences.done', { title: enabling.shortTitle }));
      setEnabling(null);
      load();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }
  async function disable(i: OrganizationInstrument) {
    try {
      await questionnairesApi.disableLicence(props.orgId, i.id);
      showToast(t('licences.off', { title: i.shortTitle }));
      load();
    } catch (e) {
      setError((e as ApiError).message);
    }
  }

  return (
    <main id="main" class="wide">
      <h1>{t('licences.title')}</h1>
      <p>{t('licences.intro')}</p>
      <ErrorMessage message={error} />
      {items === null && !error ? (
        <Loading />
      ) : (
        items && (
          <ul class="list">
            {items.map((i) => (
              <li key={i.id}>
                <span>
                  <strong>{i.title}</strong>
                  <br />
                  <span class="hint">
                    {i.licence === 'free'
                      ? t('licences.free')
                      : i.enabled && i.confirmation
                        ? t('licences.enabled', { name: i.confirmation.byName ?? '—', date: formatDate(i.confirmation.at) })
                        : t('licences.disabled')}
                  </span>
                  <br />
                  <span class="hint">{i.attribution}</span>
                </span>
                {i.licence === 'licensed' &&
                  (i.enabled ? (
                    <button
                      type="button"
                      class="button secondary"
                      onClick={() => {
                        void disable(i);
                      }}
                    >
                      {t('licences.disable', { title: i.shortTitle })}
                    </button>
                  ) : (
                    <button
                      type="button"
                      class="button"
                      onClick={() => {
                        setEnabling(i);
                        setConfirmed(false);
                        setNote('');
                      }}
                    >
                      {t('licences.enable', { title: i.shortTitle })}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        )
      )}
      <Dialog
        open={enabling !== null}
        title={enabling ? t('licences.enable', { title: enabling.shortTitle }) : ''}
        onClose={() => setEnabling(null)}
      >
        {enabling && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void enable();
            }}
          >
            <p class="hint">{withoutInternalReferences(enabling.note)}</p>
            <Checkbox
              label={t('licences.confirm', { title: enabling.shortTitle, holder: enabling.holder })}
              checked={confirmed}
              onChange={setConfirmed}
            />
            <Field label={t('licences.note')} name="note" value={note} onInput={setNote} />
            <div class="row">
              <button type="button" class="button secondary" onClick={() => setEnabling(null)}>
                {t('licences.cancel')}
              </button>
              <button type="submit" class="button" disabled={!confirmed}>
                {t('licences.save')}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </main>
  );
}

/**
 * A licence note without the references to this project's own clinical notes ("(instruments.md §3)"),
 * which mean nothing to a clinic's admin; the publisher's terms stay as written.
 */
export function withoutInternalReferences(text: string): string {
  return text
    .replace(/\s*\(?\binstruments\.md(?:\s*§[\d.]+(?:,\s*§[\d.]+)*)?\)?/g, '')
    .replace(/\s+\./g, '.')
    .trim();
}
