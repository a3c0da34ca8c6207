// One typed medicine order (new or a change): the drug found as it is typed, the dose fields its form
// needs, and why the MME above does not count it yet.
import { formLevelMessage } from '../../components/error-summary.tsx';
import { ErrorMessage, Field, SelectField } from '../../components/ui.tsx';
import { findDrug, matchFormulary, type FormularyDrug } from '../../../domain/medications/formulary.ts';
import { SuggestInput, type Suggestion } from '../../components/suggest-input.tsx';
import { t } from '../../i18n/index.ts';
import { HighRiskConfirm } from './high-risk-confirm.tsx';
import { drugOf, ROUTE_OF_FORM, type MissingForCount, type OrderDraft } from './order-draft.ts';
import { doseInWords, drugName } from './plan-format.ts';
import { ConflictBox, errorAt, label, options, TextArea } from './plan-ui.tsx';
import { ROUTES, STRENGTH_UNITS } from './plan-values.ts';

export function OrderDraftFields(props: {
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
  // Suggestions until the text names a formulary entry exactly; a close match is offered, never assumed.
  const suggestions = drug ? [] : suggestionsFor(d.drug);
  const choose = (text: string, found: FormularyDrug | undefined) =>
    props.set({ drug: text, ...(found && !d.routeTouched ? { route: ROUTE_OF_FORM[found.route] ?? 'other' } : {}) });
  return (
    <fieldset class="subform">
      <legend class="legend">{legend}</legend>
      <ErrorMessage message={formLevelMessage(error)} />
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
        {/* The hint stands above the field: the list of suggestions opens over what is below it. */}
        <span id={`${listId}-hint`} class="hint">
          {d.drug.trim() === ''
            ? t('meds.drugHint')
            : drug
              ? t('meds.drugFound', { name: drug.generic, brands: drug.brands.length > 0 ? ` (${drug.brands.join(', ')})` : '' })
              : suggestions.length > 0
                ? t('meds.drugSuggested', { count: suggestions.length })
                : t('meds.drugUnknown')}
        </span>
        <SuggestInput
          id={listId}
          name="drug"
          value={d.drug}
          suggestions={suggestions}
          listLabel={t('meds.suggestions')}
          describedBy={`${listId}-hint${errorAt(error, '/formularyId') ? ` ${listId}-error` : ''}`}
          invalid={errorAt(error, '/formularyId') !== undefined}
          onInput={(text) => choose(text, findDrug(text))}
          onPick={(s) => {
            const picked = findDrug(s.key);
            if (picked) choose(picked.generic, picked);
          }}
        />
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

/**
 * The pointers of a refused order that this draft shows beside a field (as the fields below choose them,
 * by the drug's form and the schedule); the form's error summary lists any other on its own.
 */
export function placedOrderPointers(d: OrderDraft): string[] {
  const drug = drugOf(d);
  const patch = drug?.doseUnit === 'mcg/h';
  return [
    '/formularyId',
    patch ? '/doseMcgPerHour' : '/doseMg',
    ...(drug?.containsAcetaminophen ? ['/acetaminophenMg'] : []),
    ...(patch ? [] : [d.schedule === 'scheduled' ? '/timesPerDay' : '/maxPerDay']),
    '/route',
    '/strength',
    '/startDate',
    '/stopDate',
    '/instructions',
  ];
}

/** How many formulary entries the list offers at most: enough for every form of one medicine. */
const MAX_SUGGESTIONS = 8;

/** The formulary entries closest to the typed text, each with its brand names (or the name that matched). */
function suggestionsFor(text: string): Suggestion[] {
  return matchFormulary(text)
    .slice(0, MAX_SUGGESTIONS)
    .map((m) => ({
      key: m.drug.id,
      label: m.drug.generic,
      ...(m.drug.brands.length > 0 ? { detail: m.drug.brands.join(', ') } : {}),
    }));
}

/** What a draft still needs before the MME and flags above count it. */
function notCountedInWords(missing: readonly MissingForCount[]): string {
  if (missing[0] === 'values') return t('meds.draft.notCountedValues');
  const list = new Intl.ListFormat(undefined, { type: 'conjunction' }).format(missing.map((m) => label('meds.missing', m)));
  return t('meds.draft.notCountedNeeds', { missing: list });
}
