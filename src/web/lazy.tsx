// Loads a screen's code only when it is first shown, so the first page needs only the app frame.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './components/ui.tsx';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyScreen(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      pending ??= load().then((c) => (loaded = c));
      void pending.then((c) => setComponent(() => c));
    }, []);
    return Component ? <Component {...props} /> : <main id="main"><Loading /></main>;
  };
}

/** Like lazyScreen, for a part of a screen (a tab panel): while it loads, only the loading message shows. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function LazyPart(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      pending ??= load().then((c) => (loaded = c));
      void pending.then((c) => setComponent(() => c));
    }, []);
    return Component ? <Component {...props} /> : <Loading />;
  };
}
