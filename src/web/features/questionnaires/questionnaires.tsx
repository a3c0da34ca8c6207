// Questionnaires: the patient's list (what is due, what is available here), answering one instrument
// (one item per screen, progress, back, review before sending, a draft kept on the device so it can be
// resumed), the result in plain language with change since last time, and history as a chart with the
// clinically important change marked. PHQ-9 item 9 above 0 shows crisis resources the moment it is
// chosen, before anything is sent. Clinician and admin panels live at the end of this module.
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DEFAULT_CRISIS_RESOURCES, type CrisisResource } from '../../../contract/crisis.ts';
import type { ApiError } from '../../api/client.ts';
import {
  questionnairesApi,
  type Instrument,
  type PatientInstrument,
  type StoredResponse,
  type Submitted,
} from '../../api/questionnaires.ts';
import { Empty, ErrorMessage, Loading } from '../../components/ui.tsx';
import { formatDate, formatDateTime, t, type MessageKey } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';
import { usePatientInView } from '../../session.ts';
import { axisDates, bandLabel, type Audience } from './questionnaire-format.ts';

const go = (href: string) => (e: Event) => {
  e.preventDefault();
  navigate(href);
};
const draftKey = (patientId: string, instrumentId: string) => `painwise.q.${patientId}.${instrumentId}`;

function readDraft(key: string): Record<string, number> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, number>) : null;
  } catch {
    return null;
  }
}

export const formatScore = (score: number): string => (Number.isInteger(score) ? String(score) : score.toFixed(1));

function CrisisPanel(props: { resources: readonly CrisisResource[]; teamTold: boolean }) {
  return (
    <section class="card crisis-panel" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">{t('q.crisis.title')}</h2>
      <p>{t('q.crisis.body')}</p>
      <ul>
        {props.resources.map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong> — {r.contact}
          </li>
        ))}
      </ul>
      {props.teamTold && <p>{t('q.crisis.team')}</p>}
    </section>
  );
}

/** Where a patient's history links for help: the crisis resources, without the alert of a new answer. */
const SUPPORT_ID = 'crisis-support';

function SupportResources(props: { resources: readonly CrisisResource[] }) {
  return (
    <section id={SUPPORT_ID} tabIndex={-1} class="card crisis-panel" aria-labelledby="crisis-support-title">
      <h2 id="crisis-support-title">{t('q.crisis.title')}</h2>
      <p>{t('q.crisis.support')}</p>
      <ul>
        {props.resources.map((r) => (
          <li key={r.name}>
            <strong>{r.name}</strong> — {r.contact}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A response's safety flags, worded for who reads them: the clinician's instruction ("assess suicide
 * risk") is not for the patient, who gets what they told us and where help is.
 */
function FlagNotes(props: { flags: readonly string[]; audience: Audience }) {
  const crisis = props.flags.includes('crisis');
  const unknown = props.flags.includes('item-9-unknown');
  if (props.audience === 'clinician')
    return (
      <>
        {crisis && ` · ${t('q.flag.crisis')}`}
        {unknown && ` · ${t('q.flag.item9Unknown')}`}
      </>
    );
  return (
    <>
      {crisis && (
        <>
          {' '}
          · {t('q.flag.crisisPatient')} — <a href={`#${SUPPORT_ID}`}>{t('q.flag.crisisSupport')}</a>
        </>
      )}
      {unknown && ` · ${t('q.flag.item9UnknownPatient')}`}
    </>
  );
}

/** The instrument's attribution, a small line wherever its questions or results are shown. */
export function Attribution(props: { text: string }) {
  return (
    <p class="hint attribution">
      <strong>{t('q.attribution')}:</strong> {props.text}
    </p>
  );
}

// ----- list ---------------------------------------------------------------------------------------

export function Questionnaires() {
  const patient = usePatientInView();
  const [items, setItems] = useState<PatientInstrument[] | null>(null);
  const [latest, setLatest] = useState<Map<string, StoredResponse>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!patient) return;
    questionnairesApi.forPatient(patient.id).then(
      (r) => setItems(r.items),
      (e: ApiError) => setError(e.message),
    );
    questionnairesApi.history(patient.id).then(
      (r) => {
        const map = new Map<string, StoredResponse>();
        for (const x of r.items) if (!map.has(x.instrumentId)) map.set(x.instrumentId, x);
        setLatest(map);
      },
      () => {},
    );
  }, [patient?.id]);
  if (!patient)
    return (
      <main id="main">
        <h1>{t('q.title')}</h1>
        <Empty>{t('today.noRecord')}</Empty>
      </main>
    );
  const due = items?.flatMap((i) => i.due.map((d) => ({ ...d, instrument: i }))) ?? [];
  return (
    <main id="main">
      <h1>{t('q.title')}</h1>
      <p>{t('q.intro')}</p>
      <ErrorMessage message={error} />
      {items === null && !error ? (
        <Loading />
      ) : (
        items && (
          <>
            <section class="card" aria-labelledby="due-heading">
              <h2 id="due-heading">{t('q.due')}</h2>
              {due.length === 0 ? (
                <p>{t('q.nothingDue')}</p>
              ) : (
                <ul class="list">
                  {due.map((d) => (
                    <li key={d.id}>
                      <span>
                        {d.instrument.shortTitle} —{' '}
                        {d.status === 'overdue' ? (
                          <strong>{t('q.overdue')}</strong>
                        ) : (
                          t('q.dueOn', { date: formatDate(d.dueAt, patient.timeZone) })
                        )}
                      </span>
                      {d.instrument.available && (
                        <a class="button" href={`/questionnaires/${d.instrumentId}`} onClick={go(`/questionnaires/${d.instrumentId}`)}>
                          {t('q.start', { title: d.instrument.shortTitle })}
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <ul class="list" aria-label={t('q.title')}>
              {items.map((i) => {
                const last = latest.get(i.id);
                const hasDraft = readDraft(draftKey(patient.id, i.id)) !== null;
                return (
                  <li key={i.id}>
                    <span>
                      <strong>{i.title}</strong>
                      <br />
                      <span class="hint">
                        {i.measures} · {t('q.questions', { count: i.itemCount })}
                      </span>
                      {last && last.score !== null && (
                        <>
                          <br />
                          <span class="hint">
                            {t('q.latest', { score: formatScore(last.score), date: formatDate(last.completedAt, patient.timeZone) })}
                          </span>
                        </>
                      )}
                      {!i.available && (
                        <>
                          <br />
                          <span class="hint">{t('q.notLicensed')}</span>
                        </>
                      )}
                    </span>
                    <span class="row">
                      {i.available && (
                        <a class="button" href={`/questionnaires/${i.id}`} onClick={go(`/questionnaires/${i.id}`)}>
                          {t(hasDraft ? 'q.resume' : 'q.start', { title: i.shortTitle })}
                        </a>
                      )}
                      {last && (
                        <a
                          class="button secondary"
                          href={`/questionnaires/${i.id}/history`}
                          onClick={go(`/questionnaires/${i.id}/history`)}
                          aria-label={`${t('q.history')} — ${i.shortTitle}`}
                        >
                          {t('q.history')}
                        </a>
                      )}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        )
      )}
    </main>
  );
}

// ----- answering ----------------------------------------------------------------------------------

export function AnswerQuestionnaire(props: { instrumentId: string }) {
  const patient = usePatientInView();
  const [definition, setDefinition] = useState<Instrument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = patient ? draftKey(patient.id, props.instrumentId) : '';
  const [answers, setAnswers] = useState<Record<string, number>>(() => (key ? (readDraft(key) ?? {}) : {}));
  const [step, setStep] = useState(0);
  const [prompt, setPrompt] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const clientId = useRef(crypto.randomUUID());

  const [resources, setResources] = useState<readonly CrisisResource[]>(DEFAULT_CRISIS_RESOURCES['en-US']!);
  const [available, setAvailable] = useState<boolean | null>(null);
  useEffect(() => {
    // The installation's crisis resources (PAINWISE_CRISIS_LOCALE); the US list stands in while offline.
    if (props.instrumentId === 'phq-9')
      questionnairesApi.crisisResources().then(
        (r) => setResources(r.resources),
        () => {},
      );
    // A licensed instrument is shown only where a caring clinic enabled it, even when its address is typed.
    if (patient)
      questionnairesApi.forPatient(patient.id).then(
        (r) => setAvailable(r.items.find((i) => i.id === props.instrumentId)?.available ?? false),
        () => setAvailable(true),
      );
    questionnairesApi.instrument(props.instrumentId, patient?.id).then(
      (d) => {
        setDefinition(d);
        // Resume where the draft stopped: the first unanswered item.
        const firstOpen = d.items.findIndex((i) => !(i.key in answers));
        if (Object.keys(answers).length > 0) setStep(firstOpen === -1 ? d.items.length : firstOpen);
      },
      (e: ApiError) => setError(e.message),
    );
  }, [props.instrumentId]);
  useEffect(() => {
    heading.current?.focus();
  }, [step, submitted]);

  const save = (next: Record<string, number>) => {
    setAnswers(next);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      /* storage full or disabled: the answers stay in memory */
    }
  };
  const crisisNow = props.instrumentId === 'phq-9' && (answers['9'] ?? 0) > 0;

  if (!patient)
    return (
      <main id="main">
        <Empty>{t('today.noRecord')}</Empty>
      </main>
    );
  if (error && !definition)
    return (
      <main id="main">
        <h1>{t('q.title')}</h1>
        <ErrorMessage message={error} />
      </main>
    );
  if (!definition || available === null)
    return (
      <main id="main">
        <Loading />
      </main>
    );
  if (!available) {
    return (
      <main id="main">
        <h1>{definition.shortTitle}</h1>
        <p>{t('q.notLicensed')}</p>
        <a class="button secondary" href="/questionnaires" onClick={go('/questionnaires')}>
          {t('q.again')}
        </a>
      </main>
    );
  }

  const items = definition.items;
  const total = items.length;

  if (submitted) return <Result definition={definition} submitted={submitted} timeZone={patient.timeZone} headingRef={heading} />;

  async function send() {
    setSending(true);
    setError(null);
    try {
      const result = await questionnairesApi.submit(patient!.id, { id: clientId.current, instrumentId: definition!.id, answers });
      try {
        localStorage.removeItem(key);
      } catch {
        /* nothing to clean */
      }
      setSubmitted(result);
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setSending(false);
    }
  }

  if (step >= total) {
    return (
      <main id="main">
        <h1 ref={heading} tabIndex={-1}>
          {t('q.review')} — {definition.shortTitle}
        </h1>
        <p>{t('q.reviewIntro')}</p>
        {crisisNow && <CrisisPanel resources={resources} teamTold={false} />}
        <ol class="list review">
          {items.map((item, index) => {
            const chosen = item.options.find((o) => o.value === answers[item.key]);
            return (
              <li key={item.key}>
                <span>
                  <span class="hint">
                    {item.key}. {item.construct}
                  </span>
                  <br />
                  <strong>{chosen ? chosen.label : t('q.notAnswered')}</strong>
                </span>
                <button type="button" class="button secondary" aria-label={t('q.change', { n: index + 1 })} onClick={() => setStep(index)}>
                  {t('q.changeShort')}
                </button>
              </li>
            );
          })}
        </ol>
        <ErrorMessage message={error} />
        <div class="row">
          <button type="button" class="button secondary" onClick={() => setStep(total - 1)}>
            {t('q.back')}
          </button>
          <button
            type="button"
            class="button"
            disabled={sending}
            onClick={() => {
              void send();
            }}
          >
            {sending ? t('q.sending') : t('q.submit')}
          </button>
        </div>
        <Attribution text={definition.licence.attribution} />
      </main>
    );
  }

  const item = items[step]!;
  const value = answers[item.key];
  const next = () => {
    if (value === undefined && !item.optional) {
      setPrompt(t('q.pickOne'));
      return;
    }
    setPrompt(null);
    setStep(step + 1);
  };
  return (
    <main id="main">
      <h1 ref={heading} tabIndex={-1}>
        {definition.shortTitle}
      </h1>
      <p class="hint">{definition.recallPeriod ? t('q.recall', { period: definition.recallPeriod }) : definition.measures}</p>
      <p>
        <progress max={total} value={step} aria-hidden="true" /> {t('q.progress', { n: step + 1, total })}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <fieldset aria-describedby={prompt ? 'q-prompt' : undefined}>
          <legend class="legend">
            {item.group ? `${item.group}: ` : ''}
            {item.construct}
          </legend>
          <div class="choices">
            {item.options.map((o) => (
              <label key={o.value} class="choice">
                <input
                  type="radio"
                  name={`q-${item.key}`}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => {
                    save({ ...answers, [item.key]: o.value });
                    setPrompt(null);
                  }}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
          {prompt && (
            <p id="q-prompt" class="error" role="alert">
              {prompt}
            </p>
          )}
        </fieldset>
        {props.instrumentId === 'phq-9' && item.key === '9' && crisisNow && <CrisisPanel resources={resources} teamTold={false} />}
        <div class="row">
          {step > 0 && (
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                setPrompt(null);
                setStep(step - 1);
              }}
            >
              {t('q.back')}
            </button>
          )}
          {item.optional && value === undefined && (
            <button type="button" class="button secondary" onClick={() => setStep(step + 1)}>
              {t('q.skip')}
            </button>
          )}
          <button type="submit" class="button">
            {t('q.next')}
          </button>
        </div>
      </form>
      {Object.keys(answers).length > 0 && (
        <p class="hint">
          {t('q.draftKept')}{' '}
          <button
            type="button"
            class="button link"
            onClick={() => {
              save({});
              try {
                localStorage.removeItem(key);
              } catch {
                /* ignore */
              }
              setStep(0);
            }}
          >
            {t('q.discard')}
          </button>
        </p>
      )}
      <Attribution text={definition.licence.attribution} />
    </main>
  );
}

const CHANGE_KEYS: Record<string, MessageKey> = {
  improved: 'q.change.improved',
  worsened: 'q.change.worsened',
  none: 'q.change.none',
  substantial: 'q.change.substantial',
  moderate: 'q.change.moderate',
  minimal: 'q.change.minimal',
};

function Result(props: {
  definition: Instrument;
  submitted: Submitted;
  timeZone: string;
  headingRef: { current: HTMLHeadingElement | null };
}) {
  const { definition, submitted } = props;
  const r = submitted.response;
  const band = definition.bands.find((b) => b.id === r.band);
  const c = submitted.change;
  return (
    <main id="main">
      <h1 ref={props.headingRef} tabIndex={-1}>
        {t('q.result')} — {definition.shortTitle}
      </h1>
      {submitted.crisis && <CrisisPanel resources={submitted.crisis.resources} teamTold={submitted.crisis.alertsRaised > 0} />}
      <section class="card">
        {r.score === null ? (
          <p>{t('q.incomplete')}</p>
        ) : (
          <>
            <p class="big">
              {t('q.score', {
                score: t('q.scoreOf', { score: formatScore(r.score), min: definition.scoreRange.min, max: definition.scoreRange.max }),
              })}
            </p>
            {band && (
              <p>
                <strong>{band.label}</strong> — {band.patientText}
              </p>
            )}
          </>
        )}
        {c && (
          <p>
            {t(c.category ? (CHANGE_KEYS[c.category] ?? 'q.change.unknown') : 'q.change.unknown', {
              from: formatScore(c.previousScore),
              to: formatScore(r.score ?? 0),
            })}
          </p>
        )}
        <p class="hint">{formatDateTime(r.completedAt, props.timeZone)}</p>
      </section>
      <Attribution text={r.attribution} />
      <div class="row">
        <a class="button" href="/questionnaires" onClick={go('/questionnaires')}>
          {t('q.again')}
        </a>
        <a
          class="button secondary"
          href={`/questionnaires/${definition.id}/history`}
          onClick={go(`/questionnaires/${definition.id}/history`)}
        >
          {t('q.history')}
        </a>
      </div>
    </main>
  );
}

// ----- history --------------------------------------------------------------------------------------

/**
 * The element's rendered width and the root font size, in CSS pixels: the chart draws one unit to one
 * pixel, so its labels keep their CSS size on a phone instead of shrinking with a fixed viewBox.
 */
function useRenderedSize(ref: RefObject<HTMLElement | null>, mounted: boolean): { width: number; rem: number } {
  const [size, setSize] = useState({ width: 600, rem: 16 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = Math.round(el.getBoundingClientRect().width);
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      if (width > 0) setSize((s) => (s.width === width && s.rem === rem ? s : { width, rem }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [mounted]);
  return size;
}

/**
 * Line chart of scores over time with the MCID marked as a band around the first result, the score
 * range and the first and last dates labelled, and a table alternative.
 */
export function ScoreChart(props: { definition: Instrument; responses: readonly StoredResponse[]; timeZone: string; audience: Audience }) {
  const { definition } = props;
  const points = useMemo(
    () =>
      props.responses
        .filter((r) => r.score !== null)
        .slice()
        .sort((a, b) => a.completedAt.localeCompare(b.completedAt)),
    [props.responses],
  );
  const frame = useRef<HTMLDivElement>(null);
  const { width, rem } = useRenderedSize(frame, points.length > 0);
  if (points.length === 0) return <Empty>{t('q.noHistory')}</Empty>;
  const fontPx = 0.875 * rem; // .chart-label
  const charWidth = fontPx * 0.6; // an average glyph, enough to keep labels apart
  const { min, max } = definition.scoreRange;
  const left = Math.ceil(charWidth * Math.max(String(min).length, String(max).length)) + 10;
  const right = Math.ceil(fontPx / 2) + 4;
  const top = Math.ceil(fontPx / 2) + 4;
  const bottom = Math.ceil(fontPx * 1.5) + 8;
  const height = Math.round(12.5 * rem);
  const plotWidth = Math.max(1, width - left - right);
  const y = (v: number) => top + (1 - (v - min) / (max - min || 1)) * (height - top - bottom);
  const times = points.map((p) => Date.parse(p.completedAt));
  const first = times[0]!;
  const span = times.at(-1)! - first;
  const x = (i: number) => left + (span > 0 ? ((times[i]! - first) / span) * plotWidth : plotWidth / 2);
  const dates = axisDates(
    { x: x(0), text: formatDate(points[0]!.completedAt, props.timeZone) },
    { x: x(points.length - 1), text: formatDate(points.at(-1)!.completedAt, props.timeZone) },
    charWidth,
  );
  const mcid = definition.change.points;
  const baseline = points[0]!.score!;
  const label = t('q.chart.label', { title: definition.shortTitle });
  return (
    <figure class="chart-figure">
      <div ref={frame}>
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} class="chart">
          {mcid !== null && (
            <rect
              x={left}
              width={plotWidth}
              y={y(Math.min(max, baseline + mcid))}
              height={Math.max(0, y(Math.max(min, baseline - mcid)) - y(Math.min(max, baseline + mcid)))}
              class="chart-band"
            />
          )}
          <line x1={left} x2={left + plotWidth} y1={y(min)} y2={y(min)} class="chart-axis" />
          <text x={left - 6} y={y(max)} text-anchor="end" dominant-baseline="middle" class="chart-label">
            {max}
          </text>
          <text x={left - 6} y={y(min)} text-anchor="end" dominant-baseline="middle" class="chart-label">
            {min}
          </text>
          {dates.map((d) => (
            <text key={d.text} x={d.x} y={height - 6} text-anchor={d.anchor} class="chart-label chart-date">
              {d.text}
            </text>
          ))}
          <polyline fill="none" class="chart-line" points={points.map((p, i) => `${x(i)},${y(p.score!)}`).join(' ')} />
          {points.map((p, i) => (
            <circle key={p.id} cx={x(i)} cy={y(p.score!)} r={4} class="chart-point" />
          ))}
        </svg>
      </div>
      {mcid !== null && (
        <figcaption class="hint">{t(props.audience === 'patient' ? 'q.chart.mcid' : 'q.chart.mcidClinician', { points: mcid })}</figcaption>
      )}
      <table class="table">
        <caption class="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{t('q.chart.date')}</th>
            <th scope="col">{t('q.chart.score')}</th>
            <th scope="col">{t('q.chart.band')}</th>
          </tr>
        </thead>
        <tbody>
          {points
            .slice()
            .reverse()
            .map((p) => (
              <tr key={p.id}>
                <td>{formatDate(p.completedAt, props.timeZone)}</td>
                <td>{formatScore(p.score!)}</td>
                <td>
                  {bandLabel(definition, p.band) ?? '—'}
                  <FlagNotes flags={p.flags} audience={props.audience} />
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}

export function QuestionnaireHistory(props: { instrumentId: string }) {
  const patient = usePatientInView();
  const [definition, setDefinition] = useState<Instrument | null>(null);
  const [responses, setResponses] = useState<StoredResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resources, setResources] = useState<readonly CrisisResource[]>(DEFAULT_CRISIS_RESOURCES['en-US']!);
  useEffect(() => {
    if (!patient) return;
    questionnairesApi.instrument(props.instrumentId, patient.id).then(setDefinition, (e: ApiError) => setError(e.message));
    questionnairesApi.history(patient.id, props.instrumentId).then(
      (r) => setResponses(r.items),
      (e: ApiError) => setError(e.message),
    );
  }, [props.instrumentId, patient?.id]);
  const flagged = responses?.some((r) => r.flags.includes('crisis')) ?? false;
  // The installation's crisis resources (PAINWISE_CRISIS_LOCALE); the US list stands in while offline.
  useEffect(() => {
    if (flagged)
      questionnairesApi.crisisResources().then(
        (r) => setResources(r.resources),
        () => {},
      );
  }, [flagged]);
  if (!patient)
    return (
      <main id="main">
        <Empty>{t('today.noRecord')}</Empty>
      </main>
    );
  return (
    <main id="main">
      <h1>{definition ? `${t('q.history')} — ${definition.shortTitle}` : t('q.history')}</h1>
      <ErrorMessage message={error} />
      {definition && responses ? (
        <ScoreChart definition={definition} responses={responses} timeZone={patient.timeZone} audience="patient" />
      ) : (
        !error && <Loading />
      )}
      {flagged && <SupportResources resources={resources} />}
      {definition && <Attribution text={definition.licence.attribution} />}
      <a class="button secondary" href="/questionnaires" onClick={go('/questionnaires')}>
        {t('q.again')}
      </a>
    </main>
  );
}
