// The check-in's possible triggers: a filter box and the triggers this person used most recently, with
// the whole vocabulary only on a search or when asked for. So a repeat check-in crosses a handful of
// controls rather than every trigger there is, and the usual ones are still one tap away.
import { useState } from 'preact/hooks';
import { TRIGGERS } from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

const labelOf = (id: string) => t(`trigger.${id}` as MessageKey);
const fold = (text: string) => text.toLocaleLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** `recent`: trigger ids most recently used first (computeRecentTriggers). */
export function CheckInTriggers(props: {
  triggers: readonly string[];
  onTriggers: (update: (list: string[]) => string[]) => void;
  recent: readonly string[];
}) {
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const wanted = fold(query.trim());
  // Recent first, then the vocabulary's order; chosen ones always stay in view so they can be unticked.
  const ordered = [...props.recent.filter((id) => TRIGGERS.some((x) => x === id)), ...TRIGGERS.filter((id) => !props.recent.includes(id))];
  const shown = wanted
    ? ordered.filter((id) => fold(labelOf(id)).includes(wanted))
    : all
      ? ordered
      : ordered.filter((id) => props.recent.includes(id) || props.triggers.includes(id));
  const toggle = (id: string) => props.onTriggers((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  return (
    <fieldset>
      <legend class="legend">{t('checkIn.triggers')}</legend>
      <div class="field">
        <label for="check-in-trigger-search">{t('checkIn.triggers.find')}</label>
        <input
          id="check-in-trigger-search"
          type="search"
          autoComplete="off"
          value={query}
          aria-describedby="check-in-trigger-count"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <p id="check-in-trigger-count" class="hint" aria-live="polite">
        {wanted
          ? shown.length === 0
            ? t('checkIn.triggers.noMatch')
            : t('checkIn.triggers.matches', { n: shown.length })
          : shown.length === 0
            ? t('checkIn.triggers.noneRecent')
            : ''}
      </p>
      {shown.length > 0 && (
        <div class="chips">
          {shown.map((id) => (
            <label class="chip" key={id}>
              <input type="checkbox" checked={props.triggers.includes(id)} onChange={() => toggle(id)} />
              {labelOf(id)}
            </label>
          ))}
        </div>
      )}
      {!wanted && (
        <p>
          <button type="button" class="button link" aria-expanded={all} onClick={() => setAll((a) => !a)}>
            {all ? t('checkIn.triggers.showRecent') : t('checkIn.triggers.showAll', { n: TRIGGERS.length })}
          </button>
        </p>
      )}
    </fieldset>
  );
}
