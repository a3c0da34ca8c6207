// The patient's flares, loaded again when back online, with a clock that keeps "… so far" current.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api/client.ts';
import { useReloadWhenBackOnline } from '../../components/ui.tsx';
import { flaresApi, type FlareView } from './flares-api.ts';

export function useFlareList(pid: string) {
  const [items, setItems] = useState<FlareView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const reload = () => {
    flaresApi.list(pid).then(
      (r) => {
        setItems(r.items);
        setLoadError(null);
        setNow(Date.now());
      },
      (e: ApiError) => setLoadError(e.message),
    );
  };
  useEffect(reload, [pid]);
  useReloadWhenBackOnline(reload, [pid]);
  // "… so far" for a flare going on stays roughly current while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return { items, loadError, now, reload };
}
