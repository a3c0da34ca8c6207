// The chart's Medicines tab: the orders in effect with MME and cited safety flags; new and changed
// orders typed as drafts, with the regimen's MME and flags recomputed by POST /api/mme as they type
// (debounced) before anything is saved; stopping an order (with Undo); the order history; and the
// taper planner (a schedule at a chosen rate, MME per step, pause and resume).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, Patient } from '../../api/client.ts';
import { useFocusFirstInvalid } from '../../components/focus-invalid.ts';
import { Dialog, Empty, ErrorMessage, Field, Loading, LoadFailed, SelectField, showToast } from '../../components/ui.tsx';
import { FORMULARY_DATA, findDrug } from '../../../domain/medications/formulary.ts';
import type { RegimenItem, RegimenResult } from '../../../domain/medications/regimen.ts';
import type { TaperRate } from '../../../domain/medications/taper.ts';
import { formatLocalDate, t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import {
  bodyOf,
  draftOf,
  drugOf,
  itemOfDraft,
  itemOfOrder,
  missingForCount,
  newDraft,
  ROUTE_OF_FORM,
  type MissingForCount,
  type OrderDraft,
} from './order-draft.ts';
import { HighRiskConfirm, isConfirmableFlag } from './high-risk-confirm.tsx';
import {
  planApi,
  type HighRiskFlag,
  type MedicationOrderView,
  type MedicationSummaryView,
  type MmeRequest,
  type MmeResult,
  type TaperPlanView,
} from './plan-api.ts';
import { AsNeededUse, NaloxoneCheck } from './plan-progress.tsx';
import { readableTaperError } from './taper-errors.ts';
import { readableOrderError } from './order-errors.ts';
import {
  citationOf,
  doseInWords,
  drugName,
  formatNumber,
  opioidComponentOf,
  orderPeriodInWords,
  parseNumber,
  taperDosesInWords,
} from './plan-format.ts';
import { ConflictBox, errorAt, label, options, TextArea, usePatientToday } from './plan-ui.tsx';
import { ROUTES, STRENGTH_UNITS } from './plan-values.ts';

/** Wait after the last keystroke before asking the server for MME and flags. */
const MME_DEBOUNCE_MS = 300;

export function MedicinesPanel(props: { orgId: string; patient: Patient }) {
  const pid = props.patient.id;
  const today = usePatientToday(props.patient.timeZone);
  const [summary, setSummary] = useState<MedicationSummaryView | null>(null);
  // 'failed': said in place with a Retry, never as "No medicines recorded" / "No taper planned".
  const [history, setHistory] = useState<MedicationOrderView[] | null | 'failed'>(null);
  const [tapers, setTapers] = useState<TaperPlanView[] | null | 'failed'>(null);
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<OrderDraft[]>([]);
  const [saving, setSaving] = useState(false);
  const [stopping, setStopping] = useState<MedicationOrderView | null>(null);
  // A refused save moves focus to the first refused field (or conflict), not back to the page.
  const changesForm = useRef<HTMLFormElement>(null);
  const [refusal, setRefusal] = useState<object | null>(null);
  useFocusFirstInvalid(refusal, changesForm);

  const load = () => {
    planApi.medicationSummary(pid).then(
      (s) => {
        setSummary(s);
        setError(null);
      },
      (e: ApiError) => setError(e.message),
    );
    planApi.medicationOrders(pid).then(
      (r) => setHistory(r.history),
      () => setHistory('failed'),
    );
    planApi.taperPlans(pid).then(
      (r) => setTapers(r.items),
      () => setTapers('failed'),
    );
  };
  useEffect(load, [pid]);

  // ----- live MME and flags for the regimen as it would be with the drafts ----------------------
  const editedIds = new Set(drafts.filter((d) => d.version !== undefined).map((d) => d.id));
  const draftItems = drafts.map((d) => itemOfDraft(d, today));
  const draftMissing = drafts.map((d) => missingForCount(d, today));
  const uncounted = draftMissing.filter((m) => m.length > 0).length;
  const liveRequest: MmeRequest | null =
    summary && drafts.length > 0
      ? {
          items: [
            ...summary.orders.filter((o) => !editedIds.has(o.id)).map(itemOfOrder),
            ...draftItems.filter((i): i is RegimenItem => i !== null),
          ],
          patient: summary.patientFacts,
        }
      : null;
  const liveKey = JSON.stringify(liveRequest);
  const [live, setLive] = useState<{ key: string; result: MmeResult } | null>(null);
  const [liveError, setLiveError] = useState<string | null>(null);
  const sequence = useRef(0);
  useEffect(() => {
    if (!liveRequest) return;
    const mine = ++sequence.current;
    const timer = setTimeout(() => {
      planApi.mme(liveRequest).then(
        (result) => {
          if (mine === sequence.current) {
            setLive({ key: liveKey, result });
            setLiveError(null);
          }
        },
        (e: ApiError) => {
          if (mine === sequence.current) setLiveError(e.message);
        },
      );
    }, MME_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [liveKey]);
  const shown: RegimenResult | null = liveRequest ? (live?.result ?? null) : (summary?.regimen ?? null);
  const updating = liveRequest !== null && live?.key !== liveKey;

  // The Remove and Discard buttons go away with what they removed: focus moves on to "Add a medicine".
  const focusAddMedicine = () => requestAnimationFrame(() => document.getElementById('add-medicine')?.focus());
  const setDraft = (id: string, patch: Partial<OrderDraft>) => setDrafts((list) => list.map((d) => (d.id === id ? { ...d, ...patch } : d)));

  async function saveOne(d: OrderDraft, version: number | undefined): Promise<boolean> {
    try {
      await planApi.saveMedicationOrder(pid, d.id, bodyOf(d), version);
      setDrafts((list) => list.filter((x) => x.id !== d.id));
      return true;
    } catch (e) {
      const err = e as ApiError;
      const current = err.problem.current as MedicationOrderView | undefined;
      if (err.code === 'high-risk-order-unconfirmed')
        setDraft(d.id, { highRisk: err.problem.flags as HighRiskFlag[], error: null, conflict: null });
      else
        setDraft(
          d.id,
          err.code === 'clinical-record-conflict' && current
            ? { conflict: current, error: null }
            : { error: readableOrderError(err, d.drug), conflict: null },
        );
      return false;
    }
  }
  /** Typed orders are work: discarding them offers Undo (focus: the first draft back, else Add a medicine). */
  function discardAll() {
    const discarded = drafts;
    setDrafts([]);
    showToast(t('meds.discarded', { n: discarded.length }), {
      onUndo: () => setDrafts(discarded),
      focusAfter: (undone) =>
        undone ? document.querySelector<HTMLElement>('#changes-heading ~ fieldset input') : document.getElementById('add-medicine'),
    });
  }
  async function saveAll(e: Event) {
    e.preventDefault();
    setSaving(true);
    let saved = 0;
    for (const d of drafts) if (await saveOne(d, d.version)) saved += 1;
    setSaving(false);
    if (saved > 0) {
      showToast(t('meds.saved', { n: saved }));
      load();
    }
    if (saved < drafts.length) setRefusal({});
    else focusAddMedicine();
  }
  /** Stops the order from `on` (the first day without it); the refusal, if any, for the dialog to show. */
  async function stop(order: MedicationOrderView, on: string): Promise<ApiError | null> {
    const body = { ...bodyOf(draftOf(order)), stopDate: on };
    try {
      const stopped = await planApi.saveMedicationOrder(pid, order.id, body, order.version);
      setStopping(null);
      load();
      // Undo puts back the regimen the clinician had already accepted, with the flags it had then (the
      // server would otherwise ask to confirm an opioid–benzodiazepine pair that was there a moment ago).
      const acceptedFlags = (summary?.regimen.flags ?? []).map((f) => f.id).filter(isConfirmableFlag);
      showToast(t('meds.stopped', { drug: drugName(order.formularyId), date: formatLocalDate(on, 'date') }), {
        onUndo: () => {
          planApi
            .saveMedicationOrder(pid, order.id, { ...body, stopDate: order.stopDate, confirmHighRisk: acceptedFlags }, stopped.version)
            .then(load, (err: ApiError) => setError(err.message));
        },
        focusAfter: () => document.getElementById('current-meds-heading'),
      });
      return null;
    } catch (err) {
      return err as ApiError;
    }
  }

  const current = summary?.orders ?? [];
  return (
    <div>
      <datalist id="formulary-names">
        {FORMULARY_DATA.map((d) => (
          <option key={d.id} value={d.generic}>
            {d.brands.join(', ')}
          </option>
        ))}
      </datalist>
      <ErrorMessage message={error} />
      <section class="card" aria-labelledby="mme-heading">
        <h2 id="mme-heading">{liveRequest ? t('meds.withChanges') : t('meds.regimen')}</h2>
        {liveError && <p class="error">{liveError}</p>}
        {shown ? <RegimenView result={shown} updating={updating} uncounted={uncounted} /> : !error && <Loading />}
      </section>

      <section class="card" aria-labelledby="current-meds-heading">
        <h2 id="current-meds-heading" tabIndex={-1}>
          {t('meds.current')}
        </h2>
        {summary === null ? (
          !error && <Loading />
        ) : current.length === 0 ? (
          <Empty>{t('meds.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('meds.current')}>
            {current.map((o) => (
              <li key={o.id}>
                <span>
                  <strong>{drugName(o.formularyId)}</strong> — {doseInWords(o)} · {label('meds.route', o.route)} · {orderPeriodInWords(o)}
                </span>
                <span class="row">
                  <button
                    type="button"
                    class="button secondary"
                    disabled={editedIds.has(o.id)}
                    onClick={() => setDrafts((list) => [...list, draftOf(o)])}
                  >
                    {t('meds.change', { drug: drugName(o.formularyId) })}
                  </button>
                  <button type="button" class="button secondary" onClick={() => setStopping(o)}>
                    {t('meds.stop', { drug: drugName(o.formularyId) })}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <h3 id="naloxone-check-heading">{t('my.naloxone')}</h3>
        <NaloxoneCheck pid={pid} editable={false} timeZone={props.patient.timeZone} />
      </section>

      <AsNeededUse pid={pid} clinician />

      <form ref={changesForm} class="card" onSubmit={saveAll} noValidate aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t('meds.changes')}</h2>
        {drafts.length === 0 ? <p class="empty">{t('meds.changes.none')}</p> : <p class="hint">{t('meds.changes.hint')}</p>}
        {drafts.map((d, i) => (
          <DraftFields
            key={d.id}
            draft={d}
            n={i + 1}
            counted={draftItems[i] !== null}
            missing={draftMissing[i] ?? []}
            set={(patch) => setDraft(d.id, patch)}
            onRemove={() => {
              setDrafts((list) => list.filter((x) => x.id !== d.id));
              focusAddMedicine();
            }}
            onReapply={(version) => {
              setDraft(d.id, { version, conflict: null });
              void saveOne({ ...d, version }, version).then((ok) => {
                if (ok) {
                  showToast(t('meds.saved', { n: 1 }));
                  load();
                } else setRefusal({});
              });
            }}
            onConfirmHighRisk={() => {
              setSaving(true);
              void saveOne({ ...d, confirmed: (d.highRisk ?? []).map((f) => f.id).filter(isConfirmableFlag) }, d.version).then((ok) => {
                setSaving(false);
                if (ok) {
                  showToast(t('meds.saved', { n: 1 }));
                  load();
                  focusAddMedicine();
                } else setRefusal({});
              });
            }}
            busy={saving}
            onTakeTheirs={() => {
              setDrafts((list) => list.filter((x) => x.id !== d.id));
              load();
            }}
          />
        ))}
        <div class="row">
          <button type="button" id="add-medicine" class="button secondary" onClick={() => setDrafts((list) => [...list, newDraft(today)])}>
            {t('meds.add')}
          </button>
          {drafts.length > 0 && (
            <button type="submit" class="button" disabled={saving}>
              {saving ? t('common.saving') : t('meds.saveChanges', { n: drafts.length })}
            </button>
          )}
          {drafts.length > 0 && (
            <button type="button" class="button secondary" onClick={discardAll}>
              {t('meds.discardChanges')}
            </button>
          )}
        </div>
      </form>

      <TaperPlanner pid={pid} today={today} tapers={tapers} hasOrders={current.length > 0} onChanged={load} />

      <section class="card" aria-labelledby="med-history-heading">
        <h2 id="med-history-heading">{t('meds.history')}</h2>
        {history === null ? (
          <Loading />
        ) : history === 'failed' ? (
          <LoadFailed message={t('meds.history.failed')} onRetry={load} />
        ) : history.length === 0 ? (
          <Empty>{t('meds.none')}</Empty>
        ) : (
          <ul class="list" aria-label={t('meds.history')}>
            {history.map((o) => (
              <li key={o.id}>
                <span>
                  <strong>{drugName(o.formularyId)}</strong> — {doseInWords(o)} · {orderPeriodInWords(o)}
                  {o.instructions ? (
                    <>
                      <br />
                      <span class="hint">{o.instructions}</span>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <StopDialog order={stopping} today={today} onCancel={() => setStopping(null)} onStop={stop} />
    </div>
  );
}

/** Asks for the first day without the medicine; stays open with the reason beside the date when it is refused. */
function StopDialog(props: {
  order: MedicationOrderView | null;
  today: string;
  onCancel: () => void;
  onStop: (order: MedicationOrderView, on: string) => Promise<ApiError | null>;
}) {
  const [on, setOn] = useState(props.today);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setOn(props.today);
    setError(undefined);
  }, [props.order?.id]);
  const focusDate = () => requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('input[name="stopOn"]')?.focus());
  async function submit(e: Event) {
    e.preventDefault();
    if (!props.order) return;
    if (on === '') {
      setError(t('meds.stopOnMissing'));
      focusDate();
      return;
    }
    setBusy(true);
    const refused = await props.onStop(props.order, on);
    setBusy(false);
    if (refused) {
      setError(errorAt(refused, '/stopDate') ?? refused.message);
      focusDate();
    }
  }
  const name = props.order ? drugName(props.order.formularyId) : '';
  return (
    <Dialog open={props.order !== null} title={t('meds.stopTitle', { drug: name })} onClose={props.onCancel}>
      <form
        ref={form}
        onSubmit={(e) => {
          void submit(e);
        }}
        noValidate
      >
        <Field
          label={t('meds.stopOn')}
          name="stopOn"
          type="date"
          value={on}
          onInput={(value) => {
            setOn(value);
            setError(undefined);
          }}
          hint={t('meds.stopOnHint')}
          error={error}
          required
        />
        <div class="row">
          <button type="submit" class="button" disabled={busy}>
            {t('meds.stop', { drug: name })}
          </button>
          <button type="button" class="button secondary" onClick={props.onCancel}>
            {t('plan.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function DraftFields(props: {
  draft: OrderDraft;
  n: number;
  counted: boolean;
  missing: readonly MissingForCount[];
  set: (patch: Partial<OrderDraft>) => void;
  onRemove: () => void;
  onReapply: (version: number) => void;
  onTakeTheirs: () => void;
  onConfirmHighRisk: () => void;
  busy: boolean;
}) {
  const d = props.draft;
  const drug = drugOf(d);
  const patch = drug?.doseUnit === 'mcg/h';
  const error = d.error;
  const legend = d.version === undefined ? t('meds.draft.new', { n: props.n }) : t('meds.draft.change', { drug: d.drug });
  const listId = `drug-${d.id}`;
  return (
    <fieldset class="subform">
      <legend class="legend">{legend}</legend>
      <ErrorMessage message={error?.message} />
      {d.highRisk && (
        <HighRiskConfirm
          flags={d.highRisk}
          busy={props.busy}
          onConfirm={props.onConfirmHighRisk}
          onChange={() => {
            props.set({ highRisk: null });
            requestAnimationFrame(() => document.getElementById(listId)?.focus());
          }}
        />
      )}
      {d.conflict && (
        <ConflictBox
          message={t('meds.conflict', {
            version: d.conflict.version,
            words: `${drugName(d.conflict.formularyId)} — ${doseInWords(d.conflict)}`,
          })}
          reapplyLabel={t('plan.reapply', { version: d.conflict.version })}
          discardLabel={t('plan.takeTheirs', { version: d.conflict.version })}
          onReapply={() => props.onReapply(d.conflict!.version)}
          onDiscard={props.onTakeTheirs}
        />
      )}
      <div class="field">
        <label for={listId}>{t('meds.drug')}</label>
        <input
          id={listId}
          name="drug"
          list="formulary-names"
          autoComplete="off"
          value={d.drug}
          aria-describedby={`${listId}-hint${errorAt(error, '/formularyId') ? ` ${listId}-error` : ''}`}
          aria-invalid={errorAt(error, '/formularyId') ? 'true' : undefined}
          onInput={(e) => {
            const text = (e.currentTarget as HTMLInputElement).value;
            const found = findDrug(text);
            props.set({ drug: text, ...(found && !d.routeTouched ? { route: ROUTE_OF_FORM[found.route] ?? 'other' } : {}) });
          }}
        />
        <span id={`${listId}-hint`} class="hint">
          {d.drug.trim() === ''
            ? t('meds.drugHint')
            : drug
              ? t('meds.drugFound', { name: drug.generic, brands: drug.brands.length > 0 ? ` (${drug.brands.join(', ')})` : '' })
              : t('meds.drugUnknown')}
        </span>
        {errorAt(error, '/formularyId') && (
          <span id={`${listId}-error`} class="error">
            {errorAt(error, '/formularyId')}
          </span>
        )}
      </div>
      <div class="grid">
        <Field
          label={
            patch
              ? t('meds.patchDose')
              : drug?.containsAcetaminophen
                ? t('meds.componentDose', { component: drug.generic.replace(/ and acetaminophen$/, '') })
                : t('meds.dose')
          }
          name="dose"
          type="number"
          inputMode="decimal"
          value={d.dose}
          onInput={(dose) => props.set({ dose })}
          error={errorAt(error, patch ? '/doseMcgPerHour' : '/doseMg')}
        />
        {drug?.containsAcetaminophen && (
          <Field
            label={t('meds.acetaminophen')}
            name="acetaminophenMg"
            type="number"
            inputMode="decimal"
            value={d.acetaminophenMg}
            onInput={(acetaminophenMg) => props.set({ acetaminophenMg })}
            error={errorAt(error, '/acetaminophenMg')}
          />
        )}
        <SelectField
          label={t('meds.schedule')}
          name="schedule"
          value={d.schedule}
          options={options('meds.schedule', ['scheduled', 'as-needed'] as const)}
          onChange={(schedule) => props.set({ schedule })}
        />
        {!patch && (
          <Field
            label={d.schedule === 'scheduled' ? t('meds.timesPerDay') : t('meds.maxPerDay')}
            name="perDay"
            type="number"
            inputMode="decimal"
            value={d.perDay}
            onInput={(perDay) => props.set({ perDay })}
            error={errorAt(error, d.schedule === 'scheduled' ? '/timesPerDay' : '/maxPerDay')}
          />
        )}
      </div>
      <div class="grid">
        <SelectField
          label={t('meds.routeLabel')}
          name="route"
          value={d.route}
          options={options('meds.route', ROUTES)}
          onChange={(route) => props.set({ route, routeTouched: true })}
          error={errorAt(error, '/route')}
        />
        <Field
          label={t('meds.strength')}
          name="strength"
          type="number"
          inputMode="decimal"
          value={d.strengthValue}
          onInput={(strengthValue) => props.set({ strengthValue })}
          error={errorAt(error, '/strength')}
        />
        <SelectField
          label={t('meds.strengthUnit')}
          name="strengthUnit"
          value={d.strengthUnit}
          options={STRENGTH_UNITS.map((u) => ({ value: u, label: u }))}
          onChange={(strengthUnit) => props.set({ strengthUnit })}
        />
      </div>
      <div class="grid">
        <Field
          label={t('meds.start')}
          name="startDate"
          type="date"
          value={d.startDate}
          onInput={(startDate) => props.set({ startDate })}
          error={errorAt(error, '/startDate')}
        />
        <Field
          label={t('meds.stopDate')}
          name="stopDate"
          type="date"
          value={d.stopDate}
          onInput={(stopDate) => props.set({ stopDate })}
          error={errorAt(error, '/stopDate')}
        />
      </div>
      <TextArea
        label={t('meds.instructions')}
        name="instructions"
        value={d.instructions}
        onInput={(instructions) => props.set({ instructions })}
        maxLength={2000}
        error={errorAt(error, '/instructions')}
      />
      <p class="hint">
        {props.counted ? (
          t('meds.draft.counted')
        ) : props.missing.length === 0 ? (
          t('meds.draft.stops')
        ) : (
          <strong>{notCountedInWords(props.missing)}</strong>
        )}
      </p>
      <button type="button" class="button secondary" onClick={props.onRemove}>
        {t('meds.draft.remove', { what: legend })}
      </button>
    </fieldset>
  );
}

/** What a draft still needs before the MME and flags above count it. */
function notCountedInWords(missing: readonly MissingForCount[]): string {
  if (missing[0] === 'values') return t('meds.draft.notCountedValues');
  const list = new Intl.ListFormat(undefined, { type: 'conjunction' }).format(missing.map((m) => label('meds.missing', m)));
  return t('meds.draft.notCountedNeeds', { missing: list });
}

/** Total MME with per-drug detail, what is not calculable, acetaminophen and the flags with their sources. */
export function RegimenView(props: { result: RegimenResult; updating: boolean; uncounted?: number }) {
  const r = props.result;
  return (
    <div>
      <p class="mme-total" role="status">
        {t('meds.total', { mme: r.totalMmeText })}
        {' · '}
        {r.flags.length === 0 ? t('meds.flags.none') : t('meds.flags.count', { n: r.flags.length })}
        {props.uncounted ? ` · ${t('meds.uncounted', { n: props.uncounted })}` : ''}
        {props.updating ? ` · ${t('meds.updating')}` : ''}
      </p>
      {r.perDrug.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('meds.perDrug')}>
          <table>
            <caption class="visually-hidden">{t('meds.perDrug')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meds.drug')}</th>
                <th scope="col">{t('meds.dailyDose')}</th>
                <th scope="col">{t('meds.factor')}</th>
                <th scope="col">{t('meds.mme')}</th>
              </tr>
            </thead>
            <tbody>
              {r.perDrug.map((p, i) => (
                <tr key={`${p.drug}-${i}`}>
                  <td>{drugName(p.drug)}</td>
                  <td>
                    {formatNumber(p.dailyDose)} {p.unit}
                    {opioidComponentOf(p.drug) ? ` ${t('meds.ofComponent', { component: opioidComponentOf(p.drug)! })}` : ''}
                  </td>
                  <td>{formatNumber(p.factor)}</td>
                  <td>{formatNumber(p.mme)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.notCalculable.length > 0 && (
        <ul aria-label={t('meds.notCalculable')}>
          {r.notCalculable.map((n, i) => (
            <li key={`${n.drug}-${i}`}>
              {t('meds.notCalculableLine', { drug: drugName(n.drug) })} {n.message}{' '}
              <span class="hint">{t('meds.source', { source: citationOf(n.source) })}</span>
            </li>
          ))}
        </ul>
      )}
      {r.acetaminophenMgPerDay > 0 && <p>{t('meds.acetaminophenTotal', { mg: formatNumber(r.acetaminophenMgPerDay) })}</p>}
      {r.flags.length > 0 && (
        <ul class="flags" aria-label={t('meds.flags')}>
          {r.flags.map((f) => (
            <li key={f.id} class={`flag ${f.severity}`}>
              <p>
                <strong>{label('meds.flag', f.id)}</strong> · {label('meds.severity', f.severity)}
              </p>
              <p>{f.message}</p>
              <p class="hint">{t('meds.source', { source: citationOf(f.source) })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// ----- taper planner -----------------------------------------------------------------------------

type RateChoice = 'monthly' | 'weekly' | 'weekly-then-remaining' | 'custom';
const RATE_CHOICES = ['monthly', 'weekly', 'weekly-then-remaining', 'custom'] as const;

function rateOf(choice: RateChoice, percent: number | undefined, interval: 'week' | 'month'): TaperRate | undefined {
  if (choice === 'monthly') return { kind: 'percent-of-original', percent: 10, interval: 'month' };
  if (choice === 'weekly') return { kind: 'percent-of-original', percent: 10, interval: 'week' };
  if (choice === 'weekly-then-remaining')
    return { kind: 'weekly-then-remaining', percentOfOriginal: 10, switchAtPercentOfOriginal: 30, percentOfRemaining: 10 };
  return percent === undefined ? undefined : { kind: 'percent-of-original', percent, interval };
}

function rateInWords(rate: TaperRate): string {
  return rate.kind === 'percent-of-original'
    ? t(rate.interval === 'week' ? 'meds.taper.rateWeekly' : 'meds.taper.rateMonthly', { percent: rate.percent })
    : t('meds.taper.rateThen', { first: rate.percentOfOriginal, at: rate.switchAtPercentOfOriginal, then: rate.percentOfRemaining });
}

function TaperPlanner(props: {
  pid: string;
  today: string;
  tapers: TaperPlanView[] | null | 'failed';
  hasOrders: boolean;
  onChanged: () => void;
}) {
  const [startDate, setStartDate] = useState(props.today);
  const [choice, setChoice] = useState<RateChoice>('monthly');
  const [percent, setPercent] = useState('10');
  const [interval, setTaperInterval] = useState<'week' | 'month'>('month');
  const [target, setTarget] = useState('0');
  const [strengths, setStrengths] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(error, form);
  // The submit button is disabled while sending, so focus moves on to the new plan once the list has it.
  const [focusTaper, setFocusTaper] = useState<string | null>(null);
  useEffect(() => {
    const heading = focusTaper ? document.getElementById(`taper-${focusTaper}`) : null;
    if (heading) {
      heading.focus();
      setFocusTaper(null);
    }
  }, [focusTaper, props.tapers]);
  const needed = [
    ...new Set([
      ...(error?.fieldErrors ?? []).filter((f) => f.pointer.startsWith('/strengthsByDrug/')).map((f) => f.pointer.split('/')[2]!),
      ...Object.keys(strengths),
    ]),
  ];

  async function create(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const strengthsByDrug: Record<string, number[]> = {};
    for (const [drug, text] of Object.entries(strengths)) {
      const values = text
        .split(/[,\s]+/)
        .map(Number)
        .filter((n) => Number.isFinite(n) && n > 0);
      if (values.length > 0) strengthsByDrug[drug] = values;
    }
    const rate = rateOf(choice, parseNumber(percent), interval);
    const targetPercent = parseNumber(target);
    try {
      const created = await planApi.createTaperPlan(props.pid, newClientId(), {
        startDate,
        ...(rate ? { rate } : {}),
        ...(targetPercent !== undefined ? { targetPercentOfOriginal: targetPercent } : {}),
        ...(Object.keys(strengthsByDrug).length > 0 ? { strengthsByDrug } : {}),
      });
      showToast(t('meds.taper.created'));
      setStrengths({});
      setFocusTaper(created.id);
      props.onChanged();
    } catch (err) {
      // The rate's field shows only for "Another percentage"; the rest always have one.
      const placed = (pointer: string) =>
        pointer === '/startDate' ||
        pointer === '/targetPercentOfOriginal' ||
        pointer.startsWith('/strengthsByDrug/') ||
        (pointer === '/rate' && choice === 'custom');
      setError(readableTaperError(err as ApiError, placed));
    } finally {
      setBusy(false);
    }
  }
  async function pauseOrResume(taper: TaperPlanView) {
    setActionError(null);
    try {
      if (taper.schedule.pausedSince) await planApi.resumeTaper(props.pid, taper.id, props.today);
      else await planApi.pauseTaper(props.pid, taper.id, props.today);
      showToast(taper.schedule.pausedSince ? t('meds.taper.resumed') : t('meds.taper.paused'));
      props.onChanged();
    } catch (err) {
      setActionError((err as ApiError).message);
    }
  }

  return (
    <section class="card" aria-labelledby="taper-heading">
      <h2 id="taper-heading">{t('meds.taper')}</h2>
      <ErrorMessage message={actionError} />
      {props.tapers === null ? (
        <Loading />
      ) : props.tapers === 'failed' ? (
        <LoadFailed message={t('meds.taper.failed')} onRetry={props.onChanged} />
      ) : props.tapers.length === 0 ? (
        <Empty>{t('meds.taper.none')}</Empty>
      ) : (
        props.tapers.map((taper) => (
          <article key={taper.id} class="subform" aria-labelledby={`taper-${taper.id}`}>
            <h3 id={`taper-${taper.id}`} tabIndex={-1}>
              {t('meds.taper.from', { date: formatLocalDate(taper.plan.startDate, 'date') })}
            </h3>
            <p>
              {rateInWords(taper.plan.rate)} · {t('meds.taper.target', { percent: taper.plan.targetPercentOfOriginal })}
              {taper.schedule.pausedSince
                ? ` · ${t('meds.taper.pausedSince', { date: formatLocalDate(taper.schedule.pausedSince, 'date') })}`
                : ''}
            </p>
            <TaperSteps taper={taper} />
            {taper.plan.notes.length > 0 && (
              <ul class="hint">
                {taper.plan.notes.map((n, i) => (
                  <li key={i}>{citationOf(n)}</li>
                ))}
              </ul>
            )}
            <p class="hint">{t('meds.source', { source: citationOf(taper.plan.source) })}</p>
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                void pauseOrResume(taper);
              }}
            >
              {taper.schedule.pausedSince
                ? t('meds.taper.resume', { date: formatLocalDate(taper.plan.startDate, 'date') })
                : t('meds.taper.pause', { date: formatLocalDate(taper.plan.startDate, 'date') })}
            </button>
          </article>
        ))
      )}
      <form ref={form} class="subform" onSubmit={create} noValidate aria-labelledby="taper-new-heading">
        <h3 id="taper-new-heading">{t('meds.taper.new')}</h3>
        <p class="hint">{t('meds.taper.intro')}</p>
        <ErrorMessage message={error?.message} />
        <div class="grid">
          <Field
            label={t('meds.taper.start')}
            name="taperStart"
            type="date"
            value={startDate}
            onInput={setStartDate}
            error={errorAt(error, '/startDate')}
          />
          <SelectField
            label={t('meds.taper.rate')}
            name="taperRate"
            value={choice}
            options={options('meds.taper.choice', RATE_CHOICES)}
            onChange={setChoice}
          />
          <Field
            label={t('meds.taper.targetLabel')}
            name="taperTarget"
            type="number"
            inputMode="decimal"
            value={target}
            onInput={setTarget}
            hint={t('meds.taper.targetHint')}
            error={errorAt(error, '/targetPercentOfOriginal')}
          />
        </div>
        {choice === 'custom' && (
          <div class="grid">
            <Field
              label={t('meds.taper.percent')}
              name="taperPercent"
              type="number"
              inputMode="decimal"
              value={percent}
              onInput={setPercent}
              error={errorAt(error, '/rate')}
            />
            <SelectField
              label={t('meds.taper.interval')}
              name="taperInterval"
              value={interval}
              options={options('meds.taper.interval', ['week', 'month'] as const)}
              onChange={setTaperInterval}
            />
          </div>
        )}
        {needed.map((drug) => (
          <Field
            key={drug}
            label={t('meds.taper.strengths', { drug: drugName(drug) })}
            name={`strengths-${drug}`}
            value={strengths[drug] ?? ''}
            hint={t('meds.taper.strengthsHint')}
            onInput={(text) => setStrengths({ ...strengths, [drug]: text })}
            error={errorAt(error, `/strengthsByDrug/${drug}`)}
          />
        ))}
        <button type="submit" class="button" disabled={busy || !props.hasOrders}>
          {t('meds.taper.create')}
        </button>
        {!props.hasOrders && <p class="hint">{t('meds.taper.needsOrders')}</p>}
      </form>
    </section>
  );
}

/** A taper's steps: when each starts, the daily doses and MME/day; the step in effect today is marked. */
export function TaperSteps(props: { taper: TaperPlanView }) {
  const { steps, currentStepIndex } = props.taper.schedule;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('meds.taper.steps')}>
      <table>
        <caption class="visually-hidden">{t('meds.taper.steps')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meds.taper.step')}</th>
            <th scope="col">{t('meds.taper.starts')}</th>
            <th scope="col">{t('meds.taper.doses')}</th>
            <th scope="col">{t('meds.mme')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s) => (
            <tr
              key={s.index}
              class={s.index === currentStepIndex ? 'current-step' : undefined}
              aria-current={s.index === currentStepIndex ? 'step' : undefined}
            >
              <td>
                {s.index === 0 ? t('meds.taper.stepStart') : String(s.index)}
                {s.index === currentStepIndex ? ` (${t('meds.taper.now')})` : ''}
              </td>
              <td>{s.scheduledStart ? formatLocalDate(s.scheduledStart, 'date') : t('meds.taper.onHold')}</td>
              <td>{taperDosesInWords(s.items, 'clinician')}</td>
              <td>
                {s.totalMmeText}
                {s.notCalculable.length > 0
                  ? ` (${t('meds.taper.plusNotCalculable', { drugs: s.notCalculable.map(drugName).join(', ') })})`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
