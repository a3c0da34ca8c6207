// The check-in's "More details": worst and least pain since the last entry, pain per
// area, the DVPRS 2.0 supplementary items, sleep quality, activity, mood, the person's own triggers and
// the self-management techniques tried with how much each helped. Collapsed by default, so the quick
// check-in stays a few taps; CheckIn opens it when an edited entry already holds any of these.
//
// DVPRS 2.0 word descriptors (on the 0–10 choices) and the four supplementary items — how much pain
// interferes with usual activity and with sleep, affects mood and contributes to stress, 0–10 each:
// ../shared/clinical/instruments.md §13 (Buckenmaier 2013 Pain Med; DVPRS 2.0 doi 10.1093/pm/pnw105).
// Each item is asked on its own with the source's stem (interferes with / affects / contributes to) and
// plain numbers 0–10: §13 gives no anchors for these items, so none are shown. Their recall period is
// UNCONFIRMED in §13, so the questions name none (docs/clinical-sources.md, "DVPRS in the check-in").
// The intensity descriptors are paraphrases (domain/diary/entry.ts).
import { findBodyRegion } from '../../../domain/diary/body-map.ts';
import {
  DIARY_LIMITS,
  HELP_LEVELS,
  INTERFERENCE_ITEMS,
  MOODS,
  SLEEP_QUALITIES,
  TECHNIQUES,
  type TechniqueId,
} from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { pendingCapacity, sinceLastProblems, type CheckInDetails, type PendingText } from './entry-body.ts';

type Regions = readonly { readonly code: string; readonly intensity: number | null }[];
const NRS = Array.from({ length: 11 }, (_, n) => n);
const label = (key: string) => t(key as MessageKey);
const techniqueName = (x: { id: TechniqueId; label: string | null }) => (x.id === 'own' ? (x.label ?? '') : label(`technique.${x.id}`));

/** A labelled <select> whose error is tied to it (aria-invalid + aria-describedby). */
function Choice(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <span id={`${props.id}-error`} class="error">
          {props.error}
        </span>
      )}
    </div>
  );
}

const toNrs = (value: string) => (value === '' ? null : Number(value));

/**
 * A short list of the person's own words (triggers, activities): a text box, Add, and Remove per item.
 * The box's text lives in the form (`text`), so Save adds what was typed but not Added
 * (withPendingText); when the list is full the box says so instead of dropping the text.
 */
function TextList(props: {
  id: string;
  legend: string;
  inputLabel: string;
  items: readonly string[];
  room: number;
  onChange: (items: string[]) => void;
  text: string;
  onText: (text: string) => void;
  error?: string | undefined;
}) {
  const text = props.text;
  const item = text.trim();
  const duplicate = props.items.some((x) => x.toLowerCase() === item.toLowerCase());
  const error = item !== '' && !duplicate && props.room <= 0 ? t('checkIn.details.listFull') : props.error;
  function add() {
    if (item === '' || props.room <= 0) return;
    if (!duplicate) props.onChange([...props.items, item.slice(0, DIARY_LIMITS.shortText)]);
    props.onText('');
  }
  return (
    <fieldset>
      <legend class="legend">{props.legend}</legend>
      {props.items.length > 0 && (
        <ul class="list">
          {props.items.map((item, i) => (
            <li key={item}>
              <span>{item}</span>
              <button type="button" class="button secondary" onClick={() => props.onChange(props.items.filter((_, j) => j !== i))}>
                {t('checkIn.details.remove', { item })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <div class="field">
          <label for={props.id}>{props.inputLabel}</label>
          <input
            id={props.id}
            type="text"
            maxLength={DIARY_LIMITS.shortText}
            value={text}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${props.id}-error` : undefined}
            onInput={(e) => props.onText((e.currentTarget as HTMLInputElement).value)}
            // Enter adds the item instead of saving the whole check-in.
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          {error && (
            <span id={`${props.id}-error`} class="error">
              {error}
            </span>
          )}
        </div>
        <button type="button" class="button secondary" onClick={add}>
          {t('checkIn.details.add')}
        </button>
      </div>
    </fieldset>
  );
}

export function CheckInDetailsSection(props: {
  open: boolean;
  onToggle: () => void;
  intensity: number | null;
  descriptors: readonly string[];
  details: CheckInDetails;
  onChange: (details: CheckInDetails) => void;
  /** What is typed in the own-words boxes but not yet Added (Save adds it). */
  pending: PendingText;
  onPending: (pending: PendingText) => void;
  regions: Regions;
  onRegionIntensity: (code: string, intensity: number | null) => void;
  /** The server's message for a JSON pointer (or anything under it), when it refused the entry. */
  errorAt: (pointer: string) => string | undefined;
}) {
  const d = props.details;
  const set = (patch: Partial<CheckInDetails>) => props.onChange({ ...d, ...patch });
  const problems = sinceLastProblems(props.intensity, d);
  const now = props.intensity ?? 0;
  const painOptions = (empty: string) => [
    { value: '', label: empty },
    ...NRS.map((n) => ({ value: String(n), label: `${n} — ${props.descriptors[n]}` })),
  ];
  // Plain 0–10: instruments.md §13 gives no anchors for the supplementary items.
  const interferenceOptions = [
    { value: '', label: t('checkIn.details.notAnswered') },
    ...NRS.map((n) => ({ value: String(n), label: String(n) })),
  ];
  const room = pendingCapacity(d);
  const typed = (box: keyof PendingText) => ({
    text: props.pending[box],
    onText: (text: string) => props.onPending({ ...props.pending, [box]: text }),
  });
  const builtIn = TECHNIQUES.filter((id) => id !== 'own');
  const chosen = (id: TechniqueId) => d.techniques.some((x) => x.id === id);
  function toggleTechnique(id: TechniqueId) {
    set({ techniques: chosen(id) ? d.techniques.filter((x) => x.id !== id) : [...d.techniques, { id, label: null, helped: null }] });
  }
  const own = d.techniques.filter((x) => x.id === 'own').map((x) => x.label ?? '');
  function setOwnTechniques(labels: string[]) {
    const kept = d.techniques.filter((x) => x.id !== 'own' || labels.includes(x.label ?? ''));
    const added = labels.filter((l) => !own.includes(l)).map((l) => ({ id: 'own' as const, label: l, helped: null }));
    set({ techniques: [...kept, ...added] });
  }
  return (
    <>
      <h2 class="disclosure">
        <button type="button" class="button secondary" aria-expanded={props.open} aria-controls="check-in-details" onClick={props.onToggle}>
          {t('checkIn.details.toggle')}
        </button>
      </h2>
      <div id="check-in-details" hidden={!props.open}>
        <p class="hint">{t('checkIn.details.intro')}</p>
        <fieldset>
          <legend class="legend">{t('checkIn.details.sinceLast')}</legend>
          <Choice
            id="check-in-worst"
            label={t('checkIn.details.worst')}
            value={d.worstSinceLast === null ? '' : String(d.worstSinceLast)}
            options={painOptions(t('checkIn.details.notAnswered'))}
            onChange={(v) => set({ worstSinceLast: toNrs(v) })}
            error={problems.worstSinceLast ? t('checkIn.details.worstBelowNow', { now }) : props.errorAt('/worstSinceLast')}
          />
          <Choice
            id="check-in-least"
            label={t('checkIn.details.least')}
            value={d.leastSinceLast === null ? '' : String(d.leastSinceLast)}
            options={painOptions(t('checkIn.details.notAnswered'))}
            onChange={(v) => set({ leastSinceLast: toNrs(v) })}
            error={problems.leastSinceLast ? t('checkIn.details.leastAboveNow', { now }) : props.errorAt('/leastSinceLast')}
          />
        </fieldset>
        <fieldset>
          <legend class="legend">{t('checkIn.details.regions')}</legend>
          {props.regions.length === 0 ? (
            <p class="hint">{t('checkIn.details.regionsNone')}</p>
          ) : (
            props.regions.map((r, i) => (
              <Choice
                key={r.code}
                id={`check-in-region-${r.code}`}
                label={findBodyRegion(r.code)?.label ?? r.code}
                value={r.intensity === null ? '' : String(r.intensity)}
                options={painOptions(
                  props.intensity === null
                    ? t('checkIn.details.sameAsOverallUnset')
                    : t('checkIn.details.sameAsOverall', { n: props.intensity }),
                )}
                onChange={(v) => props.onRegionIntensity(r.code, toNrs(v))}
                error={props.errorAt(`/regions/${i}`)}
              />
            ))
          )}
        </fieldset>
        <fieldset>
          <legend class="legend">{t('checkIn.details.interference')}</legend>
          <p class="hint">{t('checkIn.details.interferenceHint')}</p>
          {INTERFERENCE_ITEMS.map((item) => (
            <Choice
              key={item}
              id={`check-in-interference-${item}`}
              label={label(`checkIn.details.interference.${item}`)}
              value={d.interference[item] === null ? '' : String(d.interference[item])}
              options={interferenceOptions}
              onChange={(v) => set({ interference: { ...d.interference, [item]: toNrs(v) } })}
              error={props.errorAt(`/interference/${item}`)}
            />
          ))}
        </fieldset>
        <Choice
          id="check-in-sleep-quality"
          label={t('checkIn.details.sleepQuality')}
          value={d.sleepQuality ?? ''}
          error={props.errorAt('/sleep/quality')}
          options={[
            { value: '', label: t('checkIn.details.notAnswered') },
            ...SLEEP_QUALITIES.map((q) => ({ value: q, label: label(`sleepQuality.${q}`) })),
          ]}
          onChange={(v) => set({ sleepQuality: v === '' ? null : (v as CheckInDetails['sleepQuality']) })}
        />
        <Choice
          id="check-in-mood"
          label={t('checkIn.details.mood')}
          value={d.mood ?? ''}
          error={props.errorAt('/mood')}
          options={[{ value: '', label: t('checkIn.details.notAnswered') }, ...MOODS.map((m) => ({ value: m, label: label(`mood.${m}`) }))]}
          onChange={(v) => set({ mood: v === '' ? null : (v as CheckInDetails['mood']) })}
        />
        <fieldset>
          <legend class="legend">{t('checkIn.details.activity')}</legend>
          <div class="field">
            <label for="check-in-activity-minutes">{t('checkIn.details.activityMinutes')}</label>
            <input
              id="check-in-activity-minutes"
              type="number"
              min={0}
              max={DIARY_LIMITS.activityMinutes}
              step={1}
              inputMode="numeric"
              value={d.activityMinutes ?? ''}
              aria-invalid={props.errorAt('/activity/minutes') ? 'true' : undefined}
              aria-describedby={props.errorAt('/activity/minutes') ? 'check-in-activity-minutes-error' : undefined}
              onInput={(e) => {
                const n = (e.currentTarget as HTMLInputElement).valueAsNumber;
                set({ activityMinutes: Number.isFinite(n) ? Math.round(n) : null });
              }}
            />
            {props.errorAt('/activity/minutes') && (
              <span id="check-in-activity-minutes-error" class="error">
                {props.errorAt('/activity/minutes')}
              </span>
            )}
          </div>
          <TextList
            id="check-in-meaningful"
            legend={t('checkIn.details.meaningful')}
            inputLabel={t('checkIn.details.meaningfulInput')}
            items={d.meaningful}
            room={room.meaningful}
            {...typed('meaningful')}
            onChange={(meaningful) => set({ meaningful })}
            error={props.errorAt('/activity/meaningful')}
          />
        </fieldset>
        <TextList
          id="check-in-own-triggers"
          legend={t('checkIn.details.ownTriggers')}
          inputLabel={t('checkIn.details.ownTriggerInput')}
          items={d.ownTriggers}
          room={room.ownTriggers}
          {...typed('ownTriggers')}
          onChange={(ownTriggers) => set({ ownTriggers })}
          error={props.errorAt('/ownTriggers')}
        />
        <fieldset>
          <legend class="legend">{t('checkIn.details.techniques')}</legend>
          <div class="chips">
            {builtIn.map((id) => (
              <label class="chip" key={id}>
                <input type="checkbox" checked={chosen(id)} onChange={() => toggleTechnique(id)} />
                {label(`technique.${id}`)}
              </label>
            ))}
          </div>
          <TextList
            id="check-in-own-technique"
            legend={t('technique.own')}
            inputLabel={t('checkIn.details.ownTechniqueInput')}
            items={own}
            room={room.ownTechniques}
            {...typed('ownTechniques')}
            onChange={setOwnTechniques}
          />
          {d.techniques.map((x, i) => (
            <Choice
              key={`${x.id}-${x.label ?? ''}`}
              id={`check-in-helped-${i}`}
              label={t('checkIn.details.helped', { technique: techniqueName(x) })}
              value={x.helped ?? ''}
              options={[
                { value: '', label: t('checkIn.details.notAnswered') },
                ...HELP_LEVELS.map((h) => ({ value: h, label: label(`help.${h}`) })),
              ]}
              onChange={(v) =>
                set({ techniques: d.techniques.map((y, j) => (j === i ? { ...y, helped: v === '' ? null : (v as typeof y.helped) } : y)) })
              }
              error={props.errorAt(`/techniques/${i}`)}
            />
          ))}
        </fieldset>
      </div>
    </>
  );
}
