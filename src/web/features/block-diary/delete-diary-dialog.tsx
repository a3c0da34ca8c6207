// Asks before a block diary is deleted; a refusal is said in the dialog.
import { Dialog, ErrorMessage } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

export function DeleteDiaryDialog(props: {
  open: boolean;
  label: string;
  error: string | null;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <Dialog open={props.open} title={t('blockDiary.delete.title')} onClose={props.onKeep}>
      <p>{t('blockDiary.delete.body', { label: props.label })}</p>
      <ErrorMessage message={props.error} />
      <div class="row">
        <button type="button" class="button" onClick={props.onConfirm}>
          {t('blockDiary.delete.confirm')}
        </button>
        <button type="button" class="button secondary" onClick={props.onKeep}>
          {t('blockDiary.delete.keep')}
        </button>
      </div>
    </Dialog>
  );
}
