// The check-in's "More details": worst and least pain since the last entry, pain per
// area, the DVPRS 2.0 supplementary items, activity, the person's own triggers and the self-management
// techniques tried with how much each helped. (Sleep quality and mood are one tap each in the quick form.) Collapsed by default, so the quick
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
import { INTERFERENCE_ITEMS, DIARY_LIMITS } from '../../../domain/diary/entry.ts';
import { t } from '../../i18n/index.ts';
import { CheckInTechniques } from './check-in-techniques.tsx';
import { Choice, TextList, toNrs } from './details-controls.tsx';
import { pendingCapacity, sinceLastProblems, type CheckInDetails, type PendingText } from './entry-body.ts';
import { useAbout } from '../../session.ts';

type Regions = readonly { readonly code: string; readonly intensity: number | null }[];
const NRS = Array.from({ length: 11 }, (_, n) => n);

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
  const about = useAbout();
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
  return (
    <>
      <h2 class="disclosure">
        <button type="button" class="button secondary" aria-expanded={props.open} aria-controls="check-in-details" onClick={props.onToggle}>
          {t('checkIn.details.toggle')}
        </button>
      </h2>
      <div id="check-in-details" hidden={!props.open}>
        <p class="hint">{about('checkIn.details.intro')}</p>
        <fieldset>
          <legend class="legend">{about('checkIn.details.sinceLast')}</legend>
          <Choice
            id="check-in-worst"
            label={about('checkIn.details.worst')}
            value={d.worstSinceLast === null ? '' : String(d.worstSinceLast)}
            options={painOptions(t('checkIn.details.notAnswered'))}
            onChange={(v) => set({ worstSinceLast: toNrs(v) })}
            error={problems.worstSinceLast ? about('checkIn.details.worstBelowNow', { now }) : props.errorAt('/worstSinceLast')}
          />
          <Choice
            id="check-in-least"
            label={about('checkIn.details.least')}
            value={d.leastSinceLast === null ? '' : String(d.leastSinceLast)}
            options={painOptions(t('checkIn.details.notAnswered'))}
            onChange={(v) => set({ leastSinceLast: toNrs(v) })}
            error={problems.leastSinceLast ? about('checkIn.details.leastAboveNow', { now }) : props.errorAt('/leastSinceLast')}
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
          <legend class="legend">{about('checkIn.details.interference')}</legend>
          <p class="hint">{t('checkIn.details.interferenceHint')}</p>
          {INTERFERENCE_ITEMS.map((item) => (
            <Choice
              key={item}
              id={`check-in-interference-${item}`}
              label={about(`checkIn.details.interference.${item}`)}
              value={d.interference[item] === null ? '' : String(d.interference[item])}
              options={interferenceOptions}
              onChange={(v) => set({ interference: { ...d.interference, [item]: toNrs(v) } })}
              error={props.errorAt(`/interference/${item}`)}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend class="legend">{t('checkIn.details.activity')}</legend>
          <div class="field">
            <label for="check-in-activity-minutes">{about('checkIn.details.activityMinutes')}</label>
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
            legend={about('checkIn.details.meaningful')}
            inputLabel={about('checkIn.details.meaningfulInput')}
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
        <CheckInTechniques details={d} set={set} room={room.ownTechniques} {...typed('ownTechniques')} errorAt={props.errorAt} />
      </div>
    </>
  );
}
