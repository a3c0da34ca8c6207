// Saving a block diary with If-Match: a 409 keeps the change so it can be re-applied to the server's
// newer copy, or kept as a new diary when the diary was deleted on another device.
import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { showToast } from '../../components/ui.tsx';
import { t } from '../../i18n/index.ts';
import { newClientId } from '../../offline/ids.ts';
import { navigate } from '../../router.ts';
import { blockDiaryApi, type BlockDiaryView } from './block-diary-api.ts';
import type { Change } from './block-diary-changes.ts';

export function useDiarySaving(pid: string, setDiary: (diary: BlockDiaryView) => void) {
  // A 409: the server's newer copy, or null when the diary was deleted on another device.
  const [conflict, setConflict] = useState<{ current: BlockDiaryView | null; change: Change } | null>(null);
  const [resolving, setResolving] = useState(false);
  // Why re-applying (or saving as new) after a 409 failed, shown in the conflict box.
  const [conflictError, setConflictError] = useState<string | null>(null);
  // Set at once (state waits for the next render), so a double press on the conflict's buttons sends one save.
  const resolvingNow = useRef(false);

  /** Saves `change` applied to `base`; a 409 keeps the change so it can be applied to the server's copy. */
  async function put(base: BlockDiaryView, change: Change): Promise<ApiError | 'conflict' | null> {
    try {
      const saved = await blockDiaryApi.save(pid, base.id, change(base), base.version);
      setDiary(saved);
      setConflict(null);
      return null;
    } catch (e) {
      const error = e as ApiError;
      const serverCopy = error.problem.current as BlockDiaryView | null | undefined;
      // A 409 without the server's copy: the diary is gone (deleted on another device), so saving again would only loop.
      if (error.status === 409) {
        setConflict({ current: serverCopy ?? null, change });
        setConflictError(null);
        return 'conflict';
      }
      return error;
    }
  }
  async function resolve(action: () => Promise<void>) {
    if (resolvingNow.current) return;
    resolvingNow.current = true;
    setResolving(true);
    setConflictError(null);
    try {
      await action();
    } finally {
      resolvingNow.current = false;
      setResolving(false);
    }
  }
  /** The diary was deleted elsewhere: keep this copy with the change as a new diary (a new id, no If-Match). */
  async function saveAsNew(base: BlockDiaryView, change: Change) {
    const id = newClientId();
    try {
      await blockDiaryApi.save(pid, id, change(base));
      showToast(t('blockDiary.savedAsNew'));
      setConflict(null);
      navigate(`/block-diaries/${id}`);
    } catch (e) {
      setConflictError((e as ApiError).message);
    }
  }
  return { conflict, setConflict, resolving, conflictError, setConflictError, put, resolve, saveAsNew };
}
