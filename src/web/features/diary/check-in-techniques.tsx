// The self-management techniques tried, the person's own among them, with how much each helped.
import { HELP_LEVELS, TECHNIQUES, type TechniqueId } from '../../../domain/diary/entry.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { Choice, TextList } from './details-controls.tsx';
import type { CheckInDetails } from './entry-body.ts';
import { useAbout } from '../../session.ts';

const label = (key: string) => t(key as MessageKey);
const techniqueName = (x: { id: TechniqueId; label: string | null }) => (x.id === 'own' ? (x.label ?? '') : label(`technique.${x.id}`));

export function CheckInTechniques(props: {
  details: CheckInDetails;
  set: (patch: Partial<CheckInDetails>) => void;
  /** How many more own techniques the list takes. */
  room: number;
  text: string;
  onText: (text: string) => void;
  errorAt: (pointer: string) => string | undefined;
}) {
  const about = useAbout();
  const d = props.details;
  const set = props.set;
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
    <fieldset>
      <legend class="legend">{about('checkIn.details.techniques')}</legend>
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
        inputLabel={about('checkIn.details.ownTechniqueInput')}
        items={own}
        room={props.room}
        text={props.text}
        onText={props.onText}
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
  );
}
