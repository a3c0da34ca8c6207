import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { ErrorMessage, Field, LoadFailed, SelectField, showToast } from '../../components/ui.tsx';
import { formatDate, t } from '../../i18n/index.ts';
import { useAbout } from '../../session.ts';
import { planApi, type NaloxoneCheckView } from './plan-api.ts';

type Answer = '' | 'yes' | 'no';

/**
 * The naloxone check: the patient (or a caregiver) answers and edits it; the care team reads it. When it
 * was answered is dated in the patient's time zone (a caregiver or a travelling patient may be elsewhere).
 */
export function NaloxoneCheck(props: { pid: string; editable: boolean; timeZone: string; headingId?: string }) {
  const about = useAbout();
  const [check, setCheck] = useState<NaloxoneCheckView | null | undefined>(undefined);
  // A failed load is said as such: "not answered yet" would be a false statement about naloxone.
  const [loadFailed, setLoadFailed] = useState(false);
  const [answer, setAnswer] = useState<Answer>('');
  const [where, setWhere] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saveButton = useRef<HTMLButtonElement>(null);
  const adopt = (c: NaloxoneCheckView | null) => {
    setCheck(c);
    setAnswer(c ? (c.hasNaloxone ? 'yes' : 'no') : '');
    setWhere(c?.location ?? '');
  };
  const loadCheck = () => {
    setLoadFailed(false);
    planApi.naloxoneCheck(props.pid).then(adopt, () => setLoadFailed(true));
  };
  useEffect(loadCheck, [props.pid]);
  if (loadFailed) return <LoadFailed message={t('naloxone.failed')} onRetry={loadCheck} />;
  if (check === undefined) return null;

  if (!props.editable) {
    return (
      <p>
        {check === null
          ? t('naloxone.notAsked')
          : check.hasNaloxone
            ? check.location
              ? t('naloxone.has', { where: check.location })
              : t('naloxone.hasNoPlace')
            : t('naloxone.hasNot')}
      </p>
    );
  }
  async function save() {
    if (answer === '') return;
    setSaving(true);
    setError(null);
    try {
      const saved = await planApi.saveNaloxoneCheck(
        props.pid,
        { hasNaloxone: answer === 'yes', location: answer === 'yes' ? where : '' },
        check?.version,
      );
      adopt(saved);
      showToast(about('naloxone.saved'));
      // The button was disabled while saving, which drops focus to the page: give it back.
      requestAnimationFrame(() => saveButton.current?.focus());
    } catch (e) {
      const err = e as ApiError;
      // Someone else (a caregiver, another device) answered first: show theirs and let the person save again.
      if (err.code === 'clinical-record-conflict' && err.problem.current) adopt(err.problem.current as NaloxoneCheckView);
      setError(err.message);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      aria-labelledby={props.headingId}
    >
      <ErrorMessage message={error} />
      <SelectField<Answer>
        label={about('naloxone.question')}
        name="naloxoneAnswer"
        value={answer}
        options={[
          { value: '', label: t('naloxone.unanswered') },
          { value: 'yes', label: about('naloxone.yes') },
          { value: 'no', label: about('naloxone.no') },
        ]}
        onChange={setAnswer}
      />
      {answer === 'yes' && (
        <Field label={t('naloxone.where')} name="naloxoneWhere" value={where} onInput={setWhere} hint={about('naloxone.whereHint')} />
      )}
      {check && <p class="hint">{t('naloxone.answered', { date: formatDate(check.updatedAt, props.timeZone) })}</p>}
      <button ref={saveButton} type="submit" class="button" disabled={saving || answer === ''}>
        {about('naloxone.save')}
      </button>
    </form>
  );
}
