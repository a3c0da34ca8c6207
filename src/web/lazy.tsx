// Loads a screen's (or a tab panel's) code only when it is first shown, so the first page needs only
// the app frame. Code that cannot be fetched (offline, before the service worker has it) is said so,
// with a Retry, and tried again by itself when the browser is back online.
//
// A browser may remember a failed import() of a module for the rest of the page's life (the HTML
// module map kept failures until recently, and shipped browsers still do), so asking again for the
// same code would fail even once the network is back. So once this code's import() has failed, the
// retry made online reloads the page, the one fresh start every browser honours; what shows in its
// place is only the failure and its Retry, so no form is lost. Offline, a retry just says it failed
// again: a reload then would show the browser's own offline page.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LoadFailed, Loading, useReloadWhenBackOnline } from './components/ui.tsx';
import { t } from './i18n/index.ts';

function lazyWith<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: () => JSX.Element,
  failed: (retry: () => void) => JSX.Element,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  let importFailed = false;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failedToLoad, setFailedToLoad] = useState(false);
    const attempt = () => {
      if (loaded) return;
      if (importFailed) {
        if (navigator.onLine) location.reload();
        else setFailedToLoad(true);
        return;
      }
      setFailedToLoad(false);
      pending ??= load().then(
        (c) => (loaded = c),
        (e: unknown) => {
          pending = null;
          importFailed = true;
          throw e;
        },
      );
      pending.then(
        (c) => setComponent(() => c),
        () => setFailedToLoad(true),
      );
    };
    useEffect(() => {
      if (!Component) attempt();
    }, []);
    useReloadWhenBackOnline(attempt, []);
    return Component ? <Component {...props} /> : failedToLoad ? failed(attempt) : placeholder();
  };
}

/** A whole screen: while it loads, the page shows only the loading message. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyWith(
    load,
    () => (
      <main id="main">
        <Loading />
      </main>
    ),
    (retry) => (
      <main id="main">
        <h1>{t('app.pageFailed')}</h1>
        <LoadFailed message={t('app.unreachableRead')} onRetry={retry} />
      </main>
    ),
  );
}

/** A part of a screen (a tab panel): while it loads, only the loading message shows in its place. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazyWith(
    load,
    () => <Loading />,
    (retry) => <LoadFailed message={t('app.unreachableRead')} onRetry={retry} />,
  );
}
