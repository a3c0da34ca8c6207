// An edit link whose check-in is not (or no longer) in the diary: say so, rather than offer a form
// that is neither a new check-in nor an edit.
import type { ApiError } from '../../api/client.ts';
import { LoadFailed, Loading } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { navigate } from '../../router.ts';

export function CheckInEditMissing(props: { loaded: boolean; loadError: ApiError | null; onRetry: () => void }) {
  const { loadError } = props;
  const reloadRecords = props.onRetry;
  return (
    <main id="main">
      <h1>{t('checkIn.editMissingTitle')}</h1>
      {!props.loaded ? (
        loadError ? (
          <LoadFailed message={loadError.message} onRetry={reloadRecords} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <p>{t('checkIn.editMissing')}</p>
          <p>
            <a
              class="button"
              href="/diary"
              onClick={(e) => {
                e.preventDefault();
                navigate('/diary');
              }}
            >
              {t('checkIn.backToDiary')}
            </a>
          </p>
        </>
      )}
    </main>
  );
}
