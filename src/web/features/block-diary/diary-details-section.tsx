// A diary's details: Change and Delete, or the form that changes them.
import type { ApiError } from '../../api/client.ts';
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.ts';
import type { BlockDiaryView } from './block-diary-api.ts';
import { DiaryDetailsForm, detailsOf, type DetailsValue } from './block-diary-forms.tsx';

export function DiaryDetailsSection(props: {
  diary: BlockDiaryView;
  editing: boolean;
  /** The conflict box, shown in the form when a save met a newer copy. */
  conflict: ComponentChildren;
  onSave: (value: DetailsValue) => Promise<ApiError | null>;
  onCancel: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <section class="card" aria-labelledby={props.editing ? undefined : 'bd-details-heading'}>
      {props.editing ? (
        <DiaryDetailsForm
          title={t('blockDiary.details.editTitle')}
          submitLabel={t('blockDiary.field.saveChanges')}
          timeZone={props.diary.timeZone}
          initial={detailsOf(props.diary)}
          save={props.onSave}
          onCancel={props.onCancel}
        >
          {props.conflict}
        </DiaryDetailsForm>
      ) : (
        <>
          <h2 id="bd-details-heading" tabIndex={-1}>
            {t('blockDiary.details.title')}
          </h2>
          <div class="row">
            <button type="button" id="bd-details-edit" class="button secondary" onClick={props.onEdit}>
              {t('blockDiary.details.edit')}
            </button>
            <button type="button" class="button secondary" onClick={props.onDelete}>
              {t('blockDiary.delete')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
