// Importing check-ins from a CSV file (the diary's own export, or one made to match it).
import { useState } from 'preact/hooks';
import { type ApiError, requestText } from '../../api/client.ts';
import { ErrorMessage, showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';

export function ImportCsv(props: { patientId: string; onImported: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  async function onFile(e: Event) {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setError(null);
    try {
      const result = await requestText<{ imported: number; alreadyPresent: number; newIds: number }>(
        'POST',
        `/api/patients/${props.patientId}/diary-import`,
        await file.text(),
        'text/csv',
      );
      showToast(
        `${t('diary.imported', { imported: result.imported, present: result.alreadyPresent })}${result.newIds > 0 ? ` ${t('diary.importedNewIds', { count: result.newIds })}` : ''}`,
      );
      props.onImported();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <details class="card">
      <summary>{t('diary.import')}</summary>
      <ErrorMessage message={error ? [error.message, ...error.fieldErrors.slice(0, 5).map((f) => f.detail)].join(' ') : null} />
      <div class="field">
        <label for="csv-file">{t('diary.importFile')}</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={onFile} />
      </div>
    </details>
  );
}
